#include "core/report/report_fingerprint.h"

#include "core/io/program_writer.h"
#include "core/model/enum_names.h"
#include "core/model/verification.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QByteArray compact(const QJsonArray& a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QJsonValue optionalNumber(const std::optional<Decimal>& d)
{
    return d ? QJsonValue(d->toString()) : QJsonValue();
}

QJsonArray observationsJson(QList<Observation> observations, const QDate& asOf)
{
    std::sort(observations.begin(), observations.end(),
              [](const Observation& a, const Observation& b) { return a.id < b.id; });
    QJsonArray out;
    for (const Observation& o : observations) {
        const bool verifiedByAsOf =
            o.verifiedValue && o.verifiedOn.isValid() && o.verifiedOn <= asOf;
        QString state = o.state;
        if (o.verifiedValue && !verifiedByAsOf && state == ObservationState::Verified)
            state = ObservationState::Submitted;
        out << QJsonObject{
            {u"id"_s, o.id},
            {u"indicator"_s, o.indicator},
            {u"period"_s, o.period.code()},
            {u"org_unit"_s, o.orgUnit},
            {u"category"_s, o.category},
            {u"value"_s, o.value.toString()},
            {u"state"_s, state},
            {u"replaces"_s, o.replaces},
            {u"verified_value"_s, verifiedByAsOf ? optionalNumber(o.verifiedValue) : QJsonValue()},
            {u"verified_on"_s,
             verifiedByAsOf ? QJsonValue(o.verifiedOn.toString(Qt::ISODate)) : QJsonValue()},
        };
    }
    return out;
}

QJsonArray eventsJson(const QList<DisbursementEvent>& events, const QDate& asOf, int minorDigits)
{
    QList<DisbursementEvent> sorted;
    for (const DisbursementEvent& e : events) {
        if (e.date <= asOf)
            sorted << e;
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const DisbursementEvent& a, const DisbursementEvent& b) {
                  return a.sequence < b.sequence;
              });
    QJsonArray out;
    for (const DisbursementEvent& e : sorted) {
        out << QJsonObject{
            {u"id"_s, e.id},
            {u"kind"_s, enumToString(kEventKindNames, e.kind)},
            {u"dli"_s, e.dli},
            {u"dlr"_s, e.dlr},
            {u"to_dlr"_s, e.toDlr},
            {u"amount"_s, e.amount.toPlainString(minorDigits)},
            {u"date"_s, e.date.toString(Qt::ISODate)},
            {u"reference"_s, e.reference},
            {u"forced"_s, e.forced},
            {u"reason"_s, e.reason},
        };
    }
    return out;
}

QJsonArray cellsJson(const QList<ReportCell>& row)
{
    QJsonArray cells;
    for (const ReportCell& c : row)
        cells << QJsonArray{c.text, optionalNumber(c.number)};
    return cells;
}

QJsonArray sectionsJson(const QList<ReportSection>& sections)
{
    QJsonArray out;
    for (const ReportSection& s : sections) {
        QJsonArray figures;
        for (const ReportFigure& f : s.figures)
            figures << QJsonArray{f.key, f.label, cellsJson({f.value})};
        QJsonArray tables;
        for (const ReportTable& t : s.tables) {
            QJsonArray columns;
            for (const ReportColumn& c : t.columns)
                columns << QJsonArray{c.key, c.title, static_cast<int>(c.kind)};
            QJsonArray rows;
            for (const QList<ReportCell>& r : t.rows)
                rows << cellsJson(r);
            tables << QJsonObject{{u"key"_s, t.key},
                                  {u"title"_s, t.title},
                                  {u"columns"_s, columns},
                                  {u"rows"_s, rows},
                                  {u"empty"_s, t.emptyText}};
        }
        QJsonArray charts;
        for (const ChartData& c : s.charts)
            charts << QJsonObject{{u"kind"_s, c.kind},
                                  {u"title"_s, c.title},
                                  {u"empty"_s, c.emptyText},
                                  {u"notes"_s, QJsonArray::fromStringList(c.notes)},
                                  {u"series"_s, ChartData::csv(c)}};
        out << QJsonObject{{u"key"_s, s.key},
                           {u"title"_s, s.title},
                           {u"paragraphs"_s, QJsonArray::fromStringList(s.paragraphs)},
                           {u"figures"_s, figures},
                           {u"tables"_s, tables},
                           {u"charts"_s, charts}};
    }
    return out;
}

} // namespace

Result<QString> ReportFingerprint::of(const Program& program,
                                      const QList<Observation>& observations,
                                      const QList<DisbursementEvent>& events, const QDate& asOf,
                                      const QList<ReportSection>& sections)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto part = [&hash](const QByteArray& bytes) {
        hash.addData(QByteArray::number(bytes.size()) + '\n');
        hash.addData(bytes);
        hash.addData("\n");
    };
    part(ProgramWriter::write(program));
    part(compact(observationsJson(observations, asOf)));
    part(compact(eventsJson(events, asOf, program.currency.minorDigits)));
    part(compact(sectionsJson(sections)));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace dli
