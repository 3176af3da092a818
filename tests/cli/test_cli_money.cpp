// End-to-end tests of the money commands of dlitracker-cli: status (what can be claimed), events
// and event disburse | advance | refund | reallocate | cancel, run as the built executable on
// copies of one demo database (docs/disbursement.md). The demo's clock is 2026-07-01: every
// status is asked as of that date, so that the tests do not depend on today's.
#include "cli_process.h"
#include "support/test_support.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;
using namespace dli::test::cli;
using Catch::Matchers::Contains;
using dli::test::readFile;
using dli::test::TempDir;

namespace {

const QString kAsOf = u"2026-07-01"_s;
// The demo's story ends at this moment: everything in it had been recorded by then.
const QString kDemoEnd = u"2026-07-01T09:00:00Z"_s;
// A moment after the demo was made and before anything these tests record (the CLI stamps what
// it records with the real clock, which is past 2026-07-01).
const QString kAfterDemo = u"2026-07-01T12:00:00Z"_s;

// The money columns of a DLR and of a DLI, and the status kinds and finding kinds the docs list.
const QStringList kMoneyColumns{u"available"_s,       u"earned"_s,      u"disbursed"_s,
                                u"eligible"_s,        u"recovered"_s,   u"payable"_s,
                                u"carried_in"_s,      u"carried_out"_s, u"reallocated_in"_s,
                                u"reallocated_out"_s, u"cancelled"_s,   u"pending_reallocation"_s};
const QStringList kStatusKinds{u"not_started"_s,        u"in_progress"_s,        u"achieved"_s,
                               u"under_verification"_s, u"partially_achieved"_s, u"missed"_s,
                               u"cancelled"_s};
const QStringList kFindingKinds{
    u"advance_cap_exceeded"_s, u"prior_results_cap_exceeded"_s, u"advance_outstanding_at_closing"_s,
    u"overpayment"_s,          u"time_bound_missed"_s,          u"forced_event"_s,
    u"decision_not_covered"_s};

// The SHA-256 of a database file: a refused command leaves it as it was.
QString fileHash(const QString& db)
{
    REQUIRE_FALSE(QFileInfo::exists(db + u"-wal"_s));
    return sha256Hex(readFile(db));
}

Env manager()
{
    return as(u"manager"_s);
}

// `status DB --as-of 2026-07-01 --format json` with more options, as the viewer.
QJsonObject status(const QString& db, const QStringList& more = {}, const QString& asOf = kAsOf)
{
    const Run r =
        must(QStringList{u"status"_s, db, u"--as-of"_s, asOf, u"--format"_s, u"json"_s} + more,
             as(u"viewer"_s));
    return parseObject(r.stdoutBytes);
}

QJsonObject eventList(const QString& db)
{
    const Run r = must({u"events"_s, db, u"--format"_s, u"json"_s}, as(u"viewer"_s));
    return parseObject(r.stdoutBytes);
}

QJsonArray events(const QString& db)
{
    return eventList(db).value(u"events"_s).toArray();
}

bool isAmount(const QJsonValue& v)
{
    static const QRegularExpression amount(u"^-?\\d+\\.\\d\\d$"_s);
    return v.isString() && amount.match(v.toString()).hasMatch();
}

// An amount string ("1475000.00") as a whole number of cents; fails the check if it is not one.
qint64 cents(const QJsonValue& v)
{
    INFO("amount " << QString::fromUtf8(
             QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)));
    CHECK(isAmount(v));
    if (!isAmount(v))
        return 0;
    QString text = v.toString();
    text.remove(u'.');
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    CHECK(ok);
    return n;
}

// Cents as an amount string, "480000.00".
QString amountText(qint64 c)
{
    const qint64 a = c < 0 ? -c : c;
    return (c < 0 ? u"-"_s : QString()) + QString::number(a / 100) + u'.' +
           u"%1"_s.arg(a % 100, 2, 10, QLatin1Char('0'));
}

// Cents as the table shows them, "2,000,000.00".
QString grouped(qint64 c)
{
    QString whole = QString::number((c < 0 ? -c : c) / 100);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return (c < 0 ? u"-"_s : QString()) + whole + u'.' +
           u"%1"_s.arg((c < 0 ? -c : c) % 100, 2, 10, QLatin1Char('0'));
}

QList<QJsonObject> dlrsOf(const QJsonObject& s)
{
    QList<QJsonObject> out;
    for (const auto& d : s.value(u"dlis"_s).toArray()) {
        for (const auto& r : d.toObject().value(u"dlrs"_s).toArray())
            out << r.toObject();
    }
    return out;
}

QJsonObject dlrOf(const QJsonObject& s, const QString& code)
{
    for (const QJsonObject& r : dlrsOf(s)) {
        if (r.value(u"code"_s).toString() == code)
            return r;
    }
    FAIL("no DLR " << code.toStdString() << " in the status");
    return {};
}

QJsonObject dliOf(const QJsonObject& s, const QString& code)
{
    for (const auto& d : s.value(u"dlis"_s).toArray()) {
        if (d.toObject().value(u"code"_s).toString() == code)
            return d.toObject();
    }
    FAIL("no DLI " << code.toStdString() << " in the status");
    return {};
}

qint64 moneyOf(const QJsonObject& s, const QString& dlr, const QString& column)
{
    return cents(dlrOf(s, dlr).value(column));
}

QList<QJsonObject> findings(const QJsonObject& s, const QString& kind)
{
    QList<QJsonObject> out;
    for (const auto& f : s.value(u"findings"_s).toArray()) {
        if (f.toObject().value(u"kind"_s).toString() == kind)
            out << f.toObject();
    }
    return out;
}

// The SHA-256 of a part of a status, serialised again: comparing it compares the whole part.
QString hashOf(const QJsonValue& v)
{
    return sha256Hex(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

// The id that `event ...` printed ("... as event <id>.").
QString eventIdOf(const Run& recorded)
{
    static const QRegularExpression id(u"as event ([0-9a-f-]{36})\\."_s);
    const auto m = id.match(QString::fromUtf8(recorded.stdoutBytes));
    INFO(recorded.out);
    REQUIRE(m.hasMatch());
    return m.captured(1);
}

QStringList eventArgs(const QString& action, const QString& db, const QStringList& more)
{
    return QStringList{u"event"_s, action, db} + more;
}

// The lines of a text, and the words of a line.
QStringList linesOf(const Run& r)
{
    return QString::fromUtf8(r.stdoutBytes).split(u'\n');
}

QStringList wordsOf(const QString& line)
{
    return line.split(u' ', Qt::SkipEmptyParts);
}

// The rows of the status table, from its header line to the program's total (exclusive).
QStringList statusRows(const Run& r, QString* header = nullptr)
{
    const QStringList lines = linesOf(r);
    qsizetype from = -1;
    for (qsizetype i = 0; i < lines.size() && from < 0; ++i) {
        if (lines.at(i).startsWith(u"DLR "_s) && lines.at(i).contains(u"Status"_s))
            from = i;
    }
    INFO(r.out);
    REQUIRE(from >= 0);
    REQUIRE(from + 2 < lines.size());
    if (header)
        *header = lines.at(from);
    QStringList rows;
    for (qsizetype i = from + 2; i < lines.size() && !lines.at(i).startsWith(u"Program"_s); ++i)
        rows << lines.at(i);
    return rows;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// status --format json

TEST_CASE("cli money: status --format json follows the JSON contract on the demo", "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QJsonObject s = status(db);

    CHECK(s.value(u"format"_s).toString() == u"dlitracker-status/1"_s);
    CHECK(s.value(u"program"_s).toString() == u"PJC-CDI"_s);
    CHECK(s.value(u"as_of"_s).toString() == kAsOf);
    CHECK(s.value(u"currency"_s).toString() == u"USD"_s);
    CHECK(s.contains(u"known_at"_s));
    CHECK(s.value(u"known_at"_s).isNull());
    CHECK(s.value(u"financing"_s).toString() == u"20000000.00"_s);
    CHECK_FALSE(s.contains(u"forecast"_s));

    // Every DLR has every field the docs list, amounts with exactly two decimals, values without
    // trailing zeros, dates as YYYY-MM-DD.
    static const QRegularExpression value(u"^-?\\d+(\\.\\d*[1-9])?$"_s);
    static const QRegularExpression date(u"^\\d{4}-\\d\\d-\\d\\d$"_s);
    const QJsonArray dlis = s.value(u"dlis"_s).toArray();
    REQUIRE(dlis.size() == 6);
    QSet<QString> statuses;
    QStringList codes;
    for (const QJsonObject& r : dlrsOf(s)) {
        const QString code = r.value(u"code"_s).toString();
        INFO("DLR " << code);
        codes << code;
        CHECK(kStatusKinds.contains(r.value(u"status"_s).toString()));
        statuses << r.value(u"status"_s).toString();
        CHECK(r.value(u"final"_s).isBool());
        for (const QString& d : {u"deadline"_s, u"cut_off"_s, u"window_end"_s}) {
            INFO(d);
            CHECK(date.match(r.value(d).toString()).hasMatch());
        }
        CHECK(r.value(u"counted"_s).isDouble());
        for (const QString& v : {u"baseline"_s, u"target"_s}) {
            INFO(v << " = " << r.value(v).toString());
            CHECK(value.match(r.value(v).toString()).hasMatch());
        }
        for (const QString& v : {u"achieved"_s, u"fraction"_s}) {
            INFO(v << " = " << r.value(v).toString());
            REQUIRE(r.contains(v));
            CHECK((r.value(v).isNull() || value.match(r.value(v).toString()).hasMatch()));
        }
        // Nothing counts: no achievement, no fraction (docs: "or null when nothing counts").
        CHECK(r.value(u"achieved"_s).isNull() == (r.value(u"counted"_s).toInt() == 0));
        for (const QString& m : QStringList{u"allocation"_s} + kMoneyColumns) {
            INFO(m << " = " << r.value(m).toString());
            CHECK(isAmount(r.value(m)));
        }
        const QJsonValue explanation = r.value(u"explanation"_s);
        REQUIRE(explanation.isArray());
        CHECK_FALSE(explanation.toArray().isEmpty());
        for (const auto& sentence : explanation.toArray()) {
            CHECK(sentence.isString());
            CHECK_FALSE(sentence.toString().trimmed().isEmpty());
        }
        CHECK(explanation.toArray().at(0).toString().startsWith(u"DLR "_s + code + u" ("_s));

        // The identities of docs/disbursement.md.
        const qint64 earned = cents(r.value(u"earned"_s));
        const qint64 disbursed = cents(r.value(u"disbursed"_s));
        const qint64 eligible = cents(r.value(u"eligible"_s));
        CHECK(eligible == std::max<qint64>(0, earned - disbursed));
        CHECK(cents(r.value(u"payable"_s)) == eligible - cents(r.value(u"recovered"_s)));
        CHECK(cents(r.value(u"available"_s)) == cents(r.value(u"allocation"_s)) +
                                                    cents(r.value(u"carried_in"_s)) +
                                                    cents(r.value(u"reallocated_in"_s)));
        if (r.value(u"final"_s).toBool())
            CHECK(cents(r.value(u"available"_s)) ==
                  earned + cents(r.value(u"carried_out"_s)) + cents(r.value(u"reallocated_out"_s)) +
                      cents(r.value(u"cancelled"_s)) + cents(r.value(u"pending_reallocation"_s)));
        else
            CHECK(cents(r.value(u"pending_reallocation"_s)) == 0);
    }
    CHECK(codes.join(u' ') == u"1.1 2.1 2.2 3.1 3.2 3.3 4.1 4.2 4.3 4.4 5.1 5.2 6.1 6.2"_s);
    // The demo shows every status.
    for (const QString& kind : kStatusKinds) {
        INFO(kind);
        CHECK(statuses.contains(kind));
    }

    // Findings: {kind, dli, dlr, event, message}, including a missed time-bound DLR and the
    // demo's forced cancellation.
    const QJsonArray found = s.value(u"findings"_s).toArray();
    CHECK_FALSE(found.isEmpty());
    for (const auto& f : found) {
        const QJsonObject finding = f.toObject();
        INFO(finding.value(u"message"_s).toString());
        CHECK(kFindingKinds.contains(finding.value(u"kind"_s).toString()));
        for (const QString& key : {u"dli"_s, u"dlr"_s, u"event"_s}) {
            REQUIRE(finding.contains(key));
            CHECK((finding.value(key).isNull() || finding.value(key).isString()));
        }
        CHECK_FALSE(finding.value(u"message"_s).toString().isEmpty());
    }
    const auto missed = findings(s, u"time_bound_missed"_s);
    REQUIRE(missed.size() == 1);
    CHECK(missed.at(0).value(u"dlr"_s).toString() == u"2.1"_s);
    CHECK(missed.at(0).value(u"dli"_s).toString() == u"DLI2"_s);
    CHECK(dlrOf(s, u"2.1"_s).value(u"status"_s).toString() == u"missed"_s);
    const auto forced = findings(s, u"forced_event"_s);
    REQUIRE(forced.size() == 1);
    CHECK(forced.at(0).value(u"dlr"_s).toString() == u"6.2"_s);
    CHECK(forced.at(0).value(u"dli"_s).toString() == u"DLI6"_s);
    CHECK(forced.at(0).value(u"event"_s).toString() ==
          events(db).at(8).toObject().value(u"id"_s).toString());
    CHECK(forced.at(0).value(u"message"_s).toString().contains(u"Mid-term review"_s));

    // A DLI adds up its DLRs; the totals add up the DLIs (in cents, never floats).
    const QJsonObject totals = s.value(u"totals"_s).toObject();
    qint64 allocation = 0;
    qint64 outstanding = 0;
    QHash<QString, qint64> sums;
    for (const auto& d : dlis) {
        const QJsonObject dli = d.toObject();
        INFO("DLI " << dli.value(u"code"_s).toString());
        allocation += cents(dli.value(u"allocation"_s));
        for (const QString& m : {u"advanced"_s, u"refunded"_s, u"outstanding_advance"_s})
            CHECK(isAmount(dli.value(m)));
        outstanding += cents(dli.value(u"outstanding_advance"_s));
        for (const QString& m : kMoneyColumns) {
            INFO(m);
            qint64 ofDlrs = 0;
            for (const auto& r : dli.value(u"dlrs"_s).toArray())
                ofDlrs += cents(r.toObject().value(m));
            CHECK(cents(dli.value(m)) == ofDlrs);
            sums[m] += cents(dli.value(m));
        }
    }
    for (const QString& m : kMoneyColumns) {
        INFO("totals." << m);
        CHECK(cents(totals.value(m)) == sums.value(m));
    }
    CHECK(cents(totals.value(u"allocation"_s)) == allocation);
    CHECK(cents(totals.value(u"outstanding_advances"_s)) == outstanding);
    for (const QString& m : {u"advance_cap"_s, u"prior_results_earned"_s, u"prior_results_cap"_s})
        CHECK(isAmount(totals.value(m)));
    // What the DLIs allocate fits in the financing, and nothing earns more than it has.
    CHECK(allocation <= cents(s.value(u"financing"_s)));
    CHECK(sums.value(u"earned"_s) <= sums.value(u"available"_s));
    CHECK(sums.value(u"carried_in"_s) == sums.value(u"carried_out"_s));
    CHECK(sums.value(u"reallocated_in"_s) == sums.value(u"reallocated_out"_s));
}

// ---------------------------------------------------------------------------------------------
// status as a table, --explain, --forecast

TEST_CASE("cli money: status prints a table, its findings, --explain and --forecast",
          "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const Env viewer = as(u"viewer"_s);
    const QStringList base{u"status"_s, db, u"--as-of"_s, kAsOf};
    const QJsonObject s = status(db);
    const QList<QJsonObject> dlrs = dlrsOf(s);

    const Run table = cli(base, Success, viewer);
    QString header;
    const QStringList rows = statusRows(table, &header);
    INFO(table.out);
    for (const QString& column :
         {u"Status"_s, u"Earned"_s, u"Disbursed"_s, u"Eligible"_s, u"Recovered"_s, u"Payable"_s})
        CHECK(header.contains(column));
    CHECK_FALSE(header.contains(u"Forecast"_s));
    // One line per DLR, with its status and its money as the JSON has them.
    for (const QJsonObject& r : dlrs) {
        const QString code = r.value(u"code"_s).toString();
        INFO("DLR " << code);
        QStringList lines;
        for (const QString& row : rows) {
            if (wordsOf(row).value(0) == code)
                lines << row;
        }
        REQUIRE(lines.size() == 1);
        const QStringList words = wordsOf(lines.at(0));
        INFO(lines.at(0));
        REQUIRE(words.size() == 12);
        CHECK(words.at(1) == r.value(u"status"_s).toString());
        CHECK(words.at(2) == (r.value(u"final"_s).toBool() ? u"yes"_s : u"no"_s));
        CHECK(words.at(7) == grouped(cents(r.value(u"earned"_s))));
        CHECK(words.at(8) == grouped(cents(r.value(u"disbursed"_s))));
        CHECK(words.at(9) == grouped(cents(r.value(u"eligible"_s))));
        CHECK(words.at(10) == grouped(cents(r.value(u"recovered"_s))));
        CHECK(words.at(11) == grouped(cents(r.value(u"payable"_s))));
    }
    // The findings, each with its kind.
    const QJsonArray found = s.value(u"findings"_s).toArray();
    CHECK_THAT(table.out, Contains(u"Findings (%1):"_s.arg(found.size()).toStdString()));
    for (const auto& f : found) {
        const QJsonObject finding = f.toObject();
        CHECK_THAT(table.out, Contains((u"["_s + finding.value(u"kind"_s).toString() + u"] "_s +
                                        finding.value(u"message"_s).toString())
                                           .toStdString()));
    }
    CHECK_FALSE(table.out.find("DLR 2.1 (binary)") != std::string::npos);

    // --explain: every DLR's sentences under the table.
    const Run explained = cli(base + QStringList{u"--explain"_s}, Success, viewer);
    CHECK_THAT(explained.out, Contains("DLR 2.1 (binary)"));
    for (const QJsonObject& r : dlrs) {
        INFO("DLR " << r.value(u"code"_s).toString());
        for (const auto& sentence : r.value(u"explanation"_s).toArray())
            CHECK_THAT(explained.out, Contains(sentence.toString().toStdString()));
    }
    CHECK(statusRows(explained).size() == rows.size());

    // --forecast: columns in the table, an object in the JSON, the verified part unchanged.
    const Run forecastTable = cli(base + QStringList{u"--forecast"_s}, Success, viewer);
    QString forecastHeader;
    const QStringList forecastRows = statusRows(forecastTable, &forecastHeader);
    CHECK(forecastHeader.contains(u"Forecast"_s));
    CHECK(forecastHeader.contains(u"Payable"_s));
    CHECK(forecastRows.size() == rows.size());
    const QJsonObject withForecast = status(db, {u"--forecast"_s});
    REQUIRE(withForecast.value(u"forecast"_s).isObject());
    const QJsonObject forecast = withForecast.value(u"forecast"_s).toObject();
    CHECK(forecast.value(u"totals"_s).isObject());
    CHECK(forecast.value(u"findings"_s).isArray());
    REQUIRE(forecast.value(u"dlis"_s).isArray());
    CHECK(forecast.value(u"dlis"_s).toArray().size() == s.value(u"dlis"_s).toArray().size());
    QStringList forecastCodes;
    for (const QJsonObject& r : dlrsOf(forecast))
        forecastCodes << r.value(u"code"_s).toString();
    QStringList codes;
    for (const QJsonObject& r : dlrs)
        codes << r.value(u"code"_s).toString();
    CHECK(forecastCodes.join(u' ') == codes.join(u' '));
    CHECK(isAmount(forecast.value(u"totals"_s).toObject().value(u"earned"_s)));
    // The demo has submitted figures: the forecast earns more than the verified figures do.
    CHECK(cents(forecast.value(u"totals"_s).toObject().value(u"earned"_s)) >
          cents(s.value(u"totals"_s).toObject().value(u"earned"_s)));
    // Never mixed: the verified computation is the same with or without a forecast.
    CHECK(hashOf(withForecast.value(u"dlis"_s)) == hashOf(s.value(u"dlis"_s)));
    CHECK(hashOf(withForecast.value(u"totals"_s)) == hashOf(s.value(u"totals"_s)));
    CHECK(hashOf(withForecast.value(u"findings"_s)) == hashOf(s.value(u"findings"_s)));
}

// ---------------------------------------------------------------------------------------------
// events

TEST_CASE("cli money: events lists the demo's events in recording order", "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    struct Expected {
        QString kind, dli, dlr, toDlr, amount, date, reference;
        bool forced = false;
    };
    const QList<Expected> expected{
        {u"advance"_s, u"DLI3"_s, {}, {}, u"1000000.00"_s, u"2023-03-01"_s, u"ADV-2023-01"_s},
        {u"disburse"_s, {}, u"1.1"_s, {}, u"2000000.00"_s, u"2023-07-20"_s, u"WA-01"_s},
        {u"disburse"_s, {}, u"4.1"_s, {}, u"450000.00"_s, u"2025-01-20"_s, u"WA-04"_s},
        {u"reallocate"_s,
         {},
         u"4.1"_s,
         u"4.4"_s,
         u"200000.00"_s,
         u"2025-02-10"_s,
         u"PSC-2025-02"_s},
        {u"cancel"_s, {}, u"4.1"_s, {}, u"150000.00"_s, u"2025-02-10"_s, u"PSC-2025-02"_s},
        {u"disburse"_s, {}, u"3.2"_s, {}, u"1500000.00"_s, u"2025-08-14"_s, u"WA-07"_s},
        {u"disburse"_s, {}, u"4.2"_s, {}, u"520000.00"_s, u"2026-01-15"_s, u"WA-09"_s},
        {u"disburse"_s, {}, u"5.1"_s, {}, u"1475000.00"_s, u"2026-01-15"_s, u"WA-09"_s},
        {u"cancel"_s, {}, u"6.2"_s, {}, u"800000.00"_s, u"2026-03-20"_s, u"MTR-2026-03"_s, true},
    };
    const QString reasonStart = u"Mid-term review aide-memoire of March 2026"_s;
    const auto orNull = [](const QString& text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };

    const QJsonObject list = eventList(db);
    CHECK(list.value(u"program"_s).toString() == u"PJC-CDI"_s);
    CHECK(list.value(u"currency"_s).toString() == u"USD"_s);
    const QJsonArray json = list.value(u"events"_s).toArray();
    REQUIRE(json.size() == expected.size());
    QSet<QString> ids;
    QString reason;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Expected& x = expected.at(i);
        const QJsonObject e = json.at(i).toObject();
        INFO("event " << i + 1 << ": " << x.reference);
        CHECK(e.value(u"sequence"_s).toInt() == i + 1);
        CHECK(e.value(u"kind"_s).toString() == x.kind);
        CHECK(e.value(u"dli"_s) == orNull(x.dli));
        CHECK(e.value(u"dlr"_s) == orNull(x.dlr));
        CHECK(e.value(u"to_dlr"_s) == orNull(x.toDlr));
        CHECK(e.value(u"amount"_s).toString() == x.amount);
        CHECK(e.value(u"date"_s).toString() == x.date);
        CHECK(e.value(u"reference"_s).toString() == x.reference);
        CHECK(e.value(u"forced"_s) == QJsonValue(x.forced));
        CHECK(e.value(u"recorded_by"_s).toString() == u"manager"_s);
        // The demo's manager records each decision in the afternoon of its day.
        CHECK(e.value(u"recorded_at"_s).toString() == x.date + u"T14:00:00Z"_s);
        if (x.forced) {
            reason = e.value(u"reason"_s).toString();
            CHECK(reason.startsWith(reasonStart));
        } else {
            CHECK(e.value(u"reason"_s).toString() == QString());
        }
        ids << e.value(u"id"_s).toString();
    }
    CHECK(ids.size() == expected.size());
    CHECK_FALSE(ids.contains(QString()));

    // The table: one line per event, in the same order.
    const Run table = cli({u"events"_s, db}, Success, as(u"viewer"_s));
    INFO(table.out);
    const QStringList lines = linesOf(table);
    REQUIRE_FALSE(lines.isEmpty());
    CHECK(lines.at(0) == u"9 event(s)"_s);
    QStringList rows;
    for (const QString& line : lines) {
        static const QRegularExpression row(u"^\\d+ +\\d{4}-\\d\\d-\\d\\d "_s);
        if (row.match(line).hasMatch())
            rows << line;
    }
    REQUIRE(rows.size() == expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Expected& x = expected.at(i);
        const QStringList words = wordsOf(rows.at(i));
        INFO(rows.at(i));
        REQUIRE(words.size() >= 7);
        CHECK(words.at(0) == QString::number(i + 1));
        CHECK(words.at(1) == x.date);
        CHECK(words.at(2) == x.kind);
        CHECK(words.at(3) == (x.dli.isEmpty() ? x.dlr : x.dli));
        QString amount = x.amount;
        amount.remove(u'.');
        CHECK(words.contains(u"US$"_s + grouped(amount.toLongLong())));
        CHECK(words.contains(x.reference));
        CHECK(words.contains(u"manager"_s));
        if (!x.toDlr.isEmpty())
            CHECK(rows.at(i).contains(x.dlr + u" → "_s + x.toDlr));
        CHECK(rows.at(i).contains(reasonStart) == x.forced);
    }
    CHECK(rows.at(8).endsWith(reason));
}

// ---------------------------------------------------------------------------------------------
// Recording events

TEST_CASE("cli money: only managers record events, within the rules or forced with a reason",
          "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QJsonObject before = status(db);
    const QString dlr = u"4.3"_s;
    const qint64 payable = moneyOf(before, dlr, u"payable"_s);
    REQUIRE(payable > 0);
    const QString above = amountText(payable + 1);
    const QStringList tooMuch{u"--dlr"_s,  dlr,   u"--amount"_s, above,
                              u"--date"_s, kAsOf, u"--ref"_s,    u"WA-10"_s};
    const QString untouched = fileHash(db);

    // Not a manager: refused, naming the role.
    for (const QString& user : {u"viewer"_s, u"officer"_s}) {
        INFO(user);
        const Run r = cli(eventArgs(u"disburse"_s, db,
                                    {u"--dlr"_s, dlr, u"--amount"_s, u"1.00"_s, u"--date"_s, kAsOf,
                                     u"--ref"_s, u"WA-10"_s}),
                          BadInput, as(user));
        CHECK_THAT(r.err, Contains("manager"));
        CHECK(r.out.empty());
        CHECK(fileHash(db) == untouched);
    }

    // Above what is payable: refused, and saying why.
    const Run refused = cli(eventArgs(u"disburse"_s, db, tooMuch), BadInput, manager());
    CHECK_THAT(refused.err, Contains("refused"));
    CHECK_THAT(refused.err, Contains("payable"));
    CHECK_THAT(refused.err, Contains((u"US$"_s + grouped(payable)).toStdString()));
    CHECK_THAT(refused.err, Contains("--force"));
    CHECK(refused.out.empty());
    CHECK(fileHash(db) == untouched);
    // --force needs --reason, and --reason goes with --force only.
    const Run noReason =
        cli(eventArgs(u"disburse"_s, db, tooMuch + QStringList{u"--force"_s}), BadInput, manager());
    CHECK_THAT(noReason.err, Contains("reason"));
    CHECK(fileHash(db) == untouched);
    const Run blankReason = cli(
        eventArgs(u"disburse"_s, db, tooMuch + QStringList{u"--force"_s, u"--reason"_s, u"  "_s}),
        BadInput, manager());
    CHECK_THAT(blankReason.err, Contains("reason"));
    CHECK(fileHash(db) == untouched);
    const Run reasonAlone =
        cli(eventArgs(u"disburse"_s, db, tooMuch + QStringList{u"--reason"_s, u"Bank agreed"_s}),
            BadInput, manager());
    CHECK_THAT(reasonAlone.err, Contains("--force"));
    CHECK(fileHash(db) == untouched);
    CHECK(events(db).size() == 9);

    // Forced with a reason: recorded, flagged, shown as a finding with the reason.
    const QString reason = u"Bank letter of 2026-06-28 agreed to pay ahead of verification"_s;
    const Run forced = cli(
        eventArgs(u"disburse"_s, db, tooMuch + QStringList{u"--force"_s, u"--reason"_s, reason}),
        Success, manager());
    const QString forcedId = eventIdOf(forced);
    CHECK_THAT(forced.out, Contains("forced"));
    // Nothing but the result: no warnings of the command-line parser or of Qt.
    CHECK(forced.err.find("QCommandLineParser") == std::string::npos);
    const QJsonObject afterForced = status(db);
    bool shown = false;
    for (const QJsonObject& f : findings(afterForced, u"forced_event"_s)) {
        if (f.value(u"event"_s).toString() != forcedId)
            continue;
        shown = true;
        CHECK(f.value(u"dlr"_s).toString() == dlr);
        CHECK(f.value(u"dli"_s).toString() == u"DLI4"_s);
        CHECK(f.value(u"message"_s).toString().contains(reason));
    }
    CHECK(shown);
    // Disbursed above what was earned: an overpayment.
    CHECK(moneyOf(afterForced, dlr, u"disbursed"_s) == payable + 1);
    CHECK(moneyOf(afterForced, dlr, u"payable"_s) == 0);
    bool overpaid = false;
    for (const QJsonObject& f : findings(afterForced, u"overpayment"_s))
        overpaid = overpaid || f.value(u"dlr"_s).toString() == dlr;
    CHECK(overpaid);
    const QJsonArray listed = events(db);
    REQUIRE(listed.size() == 10);
    const QJsonObject forcedEvent = listed.at(9).toObject();
    CHECK(forcedEvent.value(u"id"_s).toString() == forcedId);
    CHECK(forcedEvent.value(u"forced"_s) == QJsonValue(true));
    CHECK(forcedEvent.value(u"reason"_s).toString() == reason);
    CHECK(forcedEvent.value(u"kind"_s).toString() == u"disburse"_s);
    CHECK(forcedEvent.value(u"dlr"_s).toString() == dlr);
    CHECK(forcedEvent.value(u"amount"_s).toString() == above);
    CHECK(forcedEvent.value(u"sequence"_s).toInt() == 10);
    CHECK(forcedEvent.value(u"recorded_by"_s).toString() == u"manager"_s);
    // The table shows the reason too.
    const Run table = cli({u"events"_s, db}, Success, as(u"viewer"_s));
    CHECK_THAT(table.out, Contains(reason.toStdString()));

    // Within the rules: exactly what a DLR can be paid, as of the event's date.
    QString paid;
    qint64 amount = 0;
    for (const QJsonObject& r : dlrsOf(afterForced)) {
        if (cents(r.value(u"payable"_s)) > 0) {
            paid = r.value(u"code"_s).toString();
            amount = cents(r.value(u"payable"_s));
            break;
        }
    }
    REQUIRE_FALSE(paid.isEmpty());
    INFO("DLR " << paid << " pays " << amountText(amount));
    const qint64 disbursedBefore = moneyOf(afterForced, paid, u"disbursed"_s);
    const Run ruled = cli(eventArgs(u"disburse"_s, db,
                                    {u"--dlr"_s, paid, u"--amount"_s, amountText(amount),
                                     u"--date"_s, kAsOf, u"--ref"_s, u"WA-11"_s}),
                          Success, manager());
    const QString ruledId = eventIdOf(ruled);
    CHECK_FALSE(ruled.out.find("forced") != std::string::npos);
    CHECK(ruled.err.find("QCommandLineParser") == std::string::npos);
    const QJsonObject afterRuled = status(db);
    CHECK(moneyOf(afterRuled, paid, u"payable"_s) == 0);
    CHECK(moneyOf(afterRuled, paid, u"disbursed"_s) == disbursedBefore + amount);
    CHECK(cents(afterRuled.value(u"totals"_s).toObject().value(u"disbursed"_s)) ==
          cents(afterForced.value(u"totals"_s).toObject().value(u"disbursed"_s)) + amount);
    CHECK(findings(afterRuled, u"forced_event"_s).size() ==
          findings(afterForced, u"forced_event"_s).size());
    const QJsonObject ruledEvent = events(db).at(10).toObject();
    CHECK(ruledEvent.value(u"id"_s).toString() == ruledId);
    CHECK(ruledEvent.value(u"forced"_s) == QJsonValue(false));
    CHECK(ruledEvent.value(u"reason"_s).toString() == QString());
    // Paid out: nothing more is payable.
    const QString afterAll = fileHash(db);
    const Run again = cli(eventArgs(u"disburse"_s, db,
                                    {u"--dlr"_s, paid, u"--amount"_s, u"0.01"_s, u"--date"_s, kAsOf,
                                     u"--ref"_s, u"WA-12"_s}),
                          BadInput, manager());
    CHECK_THAT(again.err, Contains("refused"));
    CHECK(fileHash(db) == afterAll);

    // Audited: the chain is intact and holds both events.
    const Run verified = cli({u"audit"_s, u"verify"_s, db}, Success, as(u"viewer"_s));
    CHECK_THAT(verified.out, Contains("intact"));
    const Run log =
        cli({u"audit"_s, u"log"_s, db, u"--table"_s, u"events"_s, u"--format"_s, u"json"_s},
            Success, as(u"viewer"_s));
    const QJsonArray entries = parseObject(log.stdoutBytes).value(u"entries"_s).toArray();
    CHECK(entries.size() == 11);
    QHash<QString, QJsonObject> byRow;
    for (const auto& e : entries) {
        CHECK(e.toObject().value(u"table"_s).toString() == u"events"_s);
        byRow.insert(e.toObject().value(u"row"_s).toString(), e.toObject());
    }
    REQUIRE(byRow.contains(forcedId));
    REQUIRE(byRow.contains(ruledId));
    for (const QString& id : {forcedId, ruledId}) {
        const QJsonObject entry = byRow.value(id);
        CHECK(entry.value(u"action"_s).toString() == u"event.disburse"_s);
        CHECK(entry.value(u"user"_s).toString() == u"manager"_s);
    }
    CHECK(byRow.value(forcedId)
              .value(u"details"_s)
              .toObject()
              .value(u"overridden"_s)
              .toString()
              .contains(u"payable"_s));
}

// ---------------------------------------------------------------------------------------------
// Each rule

TEST_CASE("cli money: advances, refunds, reallocations and cancellations follow their rules",
          "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QJsonObject s = status(db);
    const QJsonObject totals = s.value(u"totals"_s).toObject();
    const auto refusedWith = [&db](const QString& action, const QStringList& args,
                                   const std::vector<std::string>& words) {
        const QString untouched = fileHash(db);
        const Run r =
            cli(eventArgs(action, db,
                          args + QStringList{u"--date"_s, kAsOf, u"--ref"_s, u"PSC-2026-07"_s}),
                BadInput, manager());
        CHECK_THAT(r.err, Contains("refused"));
        for (const std::string& w : words)
            CHECK_THAT(r.err, Contains(w));
        CHECK(r.out.empty());
        CHECK(fileHash(db) == untouched);
    };
    const auto accepted = [&db](const QString& action, const QStringList& args) {
        const Run r =
            cli(eventArgs(action, db,
                          args + QStringList{u"--date"_s, kAsOf, u"--ref"_s, u"PSC-2026-07"_s}),
                Success, manager());
        CHECK_FALSE(r.out.find("forced") != std::string::npos);
        return eventIdOf(r);
    };

    // Advances: not above the cap.
    const qint64 room =
        cents(totals.value(u"advance_cap"_s)) - cents(totals.value(u"outstanding_advances"_s));
    REQUIRE(room > 0);
    SECTION("an advance above the cap")
    {
        refusedWith(u"advance"_s, {u"--dli"_s, u"DLI2"_s, u"--amount"_s, amountText(room + 1)},
                    {"advance", "cap"});
    }
    SECTION("a refund above what is outstanding")
    {
        const QString dli = u"DLI2"_s;
        REQUIRE(cents(dliOf(s, dli).value(u"outstanding_advance"_s)) == 0);
        refusedWith(u"refund"_s, {u"--dli"_s, dli, u"--amount"_s, u"0.01"_s}, {"outstanding"});
        // An advance within the cap is accepted; a refund of more than it is not, of it is.
        const qint64 advance = 10000000; // US$100,000.00
        REQUIRE(advance <= room);
        accepted(u"advance"_s, {u"--dli"_s, dli, u"--amount"_s, amountText(advance)});
        const QJsonObject advanced = status(db);
        CHECK(cents(dliOf(advanced, dli).value(u"outstanding_advance"_s)) == advance);
        CHECK(cents(advanced.value(u"totals"_s).toObject().value(u"outstanding_advances"_s)) ==
              cents(totals.value(u"outstanding_advances"_s)) + advance);
        refusedWith(u"advance"_s, {u"--dli"_s, dli, u"--amount"_s, amountText(room - advance + 1)},
                    {"cap"});
        refusedWith(u"refund"_s, {u"--dli"_s, dli, u"--amount"_s, amountText(advance + 1)},
                    {"outstanding", (u"US$"_s + grouped(advance)).toStdString()});
        accepted(u"refund"_s, {u"--dli"_s, dli, u"--amount"_s, amountText(advance)});
        const QJsonObject refunded = status(db);
        CHECK(cents(dliOf(refunded, dli).value(u"outstanding_advance"_s)) == 0);
        CHECK(cents(dliOf(refunded, dli).value(u"refunded"_s)) == advance);
    }
    SECTION("a reallocation from a DLR that is not final")
    {
        REQUIRE_FALSE(dlrOf(s, u"4.3"_s).value(u"final"_s).toBool());
        refusedWith(u"reallocate"_s,
                    {u"--from"_s, u"4.3"_s, u"--to"_s, u"4.4"_s, u"--amount"_s, u"1.00"_s},
                    {"not final"});
    }
    SECTION("a reallocation into a final DLR")
    {
        REQUIRE(dlrOf(s, u"4.1"_s).value(u"final"_s).toBool());
        REQUIRE(cents(dlrOf(s, u"4.2"_s).value(u"pending_reallocation"_s)) > 0);
        refusedWith(u"reallocate"_s,
                    {u"--from"_s, u"4.2"_s, u"--to"_s, u"4.1"_s, u"--amount"_s, u"1.00"_s},
                    {"4.1", "final"});
    }
    SECTION("a cancellation above what is pending")
    {
        const qint64 pending = moneyOf(s, u"4.2"_s, u"pending_reallocation"_s);
        refusedWith(u"cancel"_s, {u"--dlr"_s, u"4.2"_s, u"--amount"_s, amountText(pending + 1)},
                    {"pending"});
        // Nothing is pending on a DLR that is not final either.
        refusedWith(u"cancel"_s, {u"--dlr"_s, u"4.3"_s, u"--amount"_s, u"1.00"_s}, {"not final"});
    }
    SECTION("a reallocation of exactly what is pending")
    {
        const qint64 pending = moneyOf(s, u"4.2"_s, u"pending_reallocation"_s);
        REQUIRE(pending > 0);
        const qint64 into = moneyOf(s, u"4.4"_s, u"reallocated_in"_s);
        const qint64 available = moneyOf(s, u"4.4"_s, u"available"_s);
        refusedWith(
            u"reallocate"_s,
            {u"--from"_s, u"4.2"_s, u"--to"_s, u"4.4"_s, u"--amount"_s, amountText(pending + 1)},
            {"pending"});
        accepted(u"reallocate"_s,
                 {u"--from"_s, u"4.2"_s, u"--to"_s, u"4.4"_s, u"--amount"_s, amountText(pending)});
        const QJsonObject after = status(db);
        CHECK(moneyOf(after, u"4.2"_s, u"pending_reallocation"_s) == 0);
        CHECK(moneyOf(after, u"4.2"_s, u"reallocated_out"_s) ==
              moneyOf(s, u"4.2"_s, u"reallocated_out"_s) + pending);
        CHECK(moneyOf(after, u"4.4"_s, u"reallocated_in"_s) == into + pending);
        CHECK(moneyOf(after, u"4.4"_s, u"available"_s) == available + pending);
        CHECK(hashOf(after.value(u"findings"_s)) == hashOf(s.value(u"findings"_s)));
        // Nothing is left to move or cancel.
        refusedWith(u"cancel"_s, {u"--dlr"_s, u"4.2"_s, u"--amount"_s, u"0.01"_s}, {"pending"});
    }
    cli({u"audit"_s, u"verify"_s, db}, Success, as(u"viewer"_s));
}

// ---------------------------------------------------------------------------------------------
// What --force does not override

TEST_CASE("cli money: bad input is refused, forced or not, and leaves the file unchanged",
          "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QString untouched = fileHash(db);
    const QString tomorrow =
        QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);
    const QStringList force{u"--force"_s, u"--reason"_s, u"The Bank agreed"_s};
    // A disbursement the rules allow, but for what is changed.
    const auto disburse = [&](const QString& option, const QString& value) {
        QStringList args{u"--dlr"_s,  u"4.3"_s, u"--amount"_s, u"1000.00"_s,
                         u"--date"_s, kAsOf,    u"--ref"_s,    u"WA-10"_s};
        const qsizetype at = args.indexOf(option);
        REQUIRE(at >= 0);
        if (value.isNull())
            args.remove(at, 2);
        else
            args[at + 1] = value;
        return eventArgs(u"disburse"_s, db, args + force);
    };
    struct Bad {
        QStringList args;
        std::string says;
    };
    const QList<Bad> bad{
        {disburse(u"--dlr"_s, u"9.9"_s), "unknown DLR \"9.9\""},
        {eventArgs(u"advance"_s, db,
                   QStringList{u"--dli"_s, u"DLI9"_s, u"--amount"_s, u"1000.00"_s, u"--date"_s,
                               kAsOf, u"--ref"_s, u"ADV-2026-01"_s} +
                       force),
         "unknown DLI \"DLI9\""},
        {eventArgs(u"reallocate"_s, db,
                   QStringList{u"--from"_s, u"4.2"_s, u"--to"_s, u"9.9"_s, u"--amount"_s,
                               u"1000.00"_s, u"--date"_s, kAsOf, u"--ref"_s, u"PSC-2026-07"_s} +
                       force),
         "unknown DLR \"9.9\""},
        {disburse(u"--amount"_s, u"0"_s), "more than zero"},
        {disburse(u"--amount"_s, u"0.00"_s), "more than zero"},
        {disburse(u"--amount"_s, u"-5.00"_s), "more than zero"},
        {disburse(u"--amount"_s, u"1000.005"_s), "decimal"},
        {disburse(u"--amount"_s, u"a lot"_s), "--amount"},
        {disburse(u"--date"_s, tomorrow), "future"},
        {disburse(u"--date"_s, u"2022-09-14"_s), "before the program was signed (2022-09-15)"},
        {disburse(u"--date"_s, u"2026-02-30"_s), "YYYY-MM-DD"},
        {eventArgs(u"reallocate"_s, db,
                   QStringList{u"--from"_s, u"4.2"_s, u"--to"_s, u"4.2"_s, u"--amount"_s,
                               u"1000.00"_s, u"--date"_s, kAsOf, u"--ref"_s, u"PSC-2026-07"_s} +
                       force),
         "another DLR"},
        {disburse(u"--ref"_s, QString()), "--ref"},
        {disburse(u"--ref"_s, u"   "_s), "reference"},
        {disburse(u"--amount"_s, QString()), "--amount"},
        {disburse(u"--date"_s, QString()), "--date"},
        {disburse(u"--dlr"_s, QString()), "--dlr"},
        {{u"event"_s}, "choose an action"},
        {{u"event"_s, db}, "unknown action"},
        {{u"event"_s, u"pay"_s, db, u"--dlr"_s, u"4.3"_s}, "unknown action \"pay\""},
        {{u"status"_s, db, u"--as-of"_s, u"2026-13-01"_s}, "--as-of"},
        {{u"status"_s, db, u"--as-of"_s, kAsOf, u"--known-at"_s, u"yesterday"_s}, "--known-at"},
        {{u"status"_s, db, u"--as-of"_s, kAsOf, u"--format"_s, u"xml"_s}, "--format"},
        {{u"events"_s, db, u"--format"_s, u"xml"_s}, "--format"},
    };
    for (const Bad& b : bad) {
        INFO("dlitracker-cli " << b.args.join(u' '));
        const Run r = cli(b.args, BadInput, manager());
        CHECK_THAT(r.err, Contains(b.says));
        CHECK(r.out.empty());
        CHECK(fileHash(db) == untouched);
    }
    CHECK(events(db).size() == 9);

    // No database: said so, and none made.
    const QString missing = dir.path(u"missing.dlidb"_s);
    for (const QStringList& args :
         {QStringList{u"status"_s, missing, u"--as-of"_s, kAsOf}, QStringList{u"events"_s, missing},
          eventArgs(u"disburse"_s, missing,
                    {u"--dlr"_s, u"4.3"_s, u"--amount"_s, u"1000.00"_s, u"--date"_s, kAsOf,
                     u"--ref"_s, u"WA-10"_s})}) {
        INFO("dlitracker-cli " << args.join(u' '));
        const Run r = cli(args, BadInput, manager());
        CHECK_THAT(r.err, Contains("no database"));
        CHECK(r.out.empty());
        CHECK_FALSE(QFileInfo::exists(missing));
    }
}

// ---------------------------------------------------------------------------------------------
// As known at a moment

TEST_CASE("cli money: status --known-at computes with what had been recorded by then",
          "[cli][money]")
{
    const TempDir dir;
    const QString db = demoCopy(dir);
    const QJsonObject now = status(db);

    // Everything in the demo had been recorded by the end of its story.
    const QJsonObject atDemo = status(db, {u"--known-at"_s, kDemoEnd});
    CHECK(atDemo.value(u"known_at"_s).toString() == kDemoEnd);
    CHECK(hashOf(atDemo.value(u"dlis"_s)) == hashOf(now.value(u"dlis"_s)));
    CHECK(hashOf(atDemo.value(u"totals"_s)) == hashOf(now.value(u"totals"_s)));
    CHECK(hashOf(atDemo.value(u"findings"_s)) == hashOf(now.value(u"findings"_s)));

    // Before the program was set up (19 September 2022) nothing had been recorded: nothing
    // earned, nothing disbursed.
    const QJsonObject setUp = status(db, {u"--known-at"_s, u"2022-09-18T00:00:00Z"_s});
    CHECK(setUp.value(u"known_at"_s).toString() == u"2022-09-18T00:00:00Z"_s);
    const QJsonObject empty = setUp.value(u"totals"_s).toObject();
    for (const QString& m : {u"earned"_s, u"disbursed"_s, u"eligible"_s, u"recovered"_s,
                             u"payable"_s, u"reallocated_in"_s, u"reallocated_out"_s,
                             u"outstanding_advances"_s, u"prior_results_earned"_s}) {
        INFO("totals." << m);
        CHECK(empty.value(m).toString() == u"0.00"_s);
    }
    for (const QJsonObject& r : dlrsOf(setUp)) {
        INFO("DLR " << r.value(u"code"_s).toString());
        CHECK(r.value(u"earned"_s).toString() == u"0.00"_s);
        CHECK(r.value(u"disbursed"_s).toString() == u"0.00"_s);
        CHECK(r.value(u"counted"_s).toInt() == 0);
        CHECK(r.value(u"achieved"_s).isNull());
        CHECK(r.value(u"status"_s).toString() != u"cancelled"_s);
    }
    for (const auto& d : setUp.value(u"dlis"_s).toArray()) {
        CHECK(d.toObject().value(u"advanced"_s).toString() == u"0.00"_s);
        CHECK(d.toObject().value(u"refunded"_s).toString() == u"0.00"_s);
    }
    CHECK(findings(setUp, u"forced_event"_s).isEmpty());

    // Mid-story: the withdrawal application WA-07 for DLR 3.2 was recorded at 14:00 on
    // 14 August 2025, so a minute before it the DLR had nothing disbursed; the DLI3 figures
    // verified later had not counted yet.
    const QJsonObject minuteBefore = status(db, {u"--known-at"_s, u"2025-08-14T13:59:00Z"_s});
    const QJsonObject minuteAfter = status(db, {u"--known-at"_s, u"2025-08-14T14:01:00Z"_s});
    CHECK(moneyOf(minuteBefore, u"3.2"_s, u"disbursed"_s) == 0);
    CHECK(moneyOf(minuteAfter, u"3.2"_s, u"disbursed"_s) == 150'000'000);
    CHECK(moneyOf(minuteAfter, u"3.2"_s, u"disbursed"_s) == moneyOf(now, u"3.2"_s, u"disbursed"_s));
    CHECK(cents(minuteAfter.value(u"totals"_s).toObject().value(u"disbursed"_s)) -
              cents(minuteBefore.value(u"totals"_s).toObject().value(u"disbursed"_s)) ==
          150'000'000);
    auto counted = [](const QJsonObject& s, const QString& dlr) {
        for (const QJsonObject& r : dlrsOf(s)) {
            if (r.value(u"code"_s).toString() == dlr)
                return r.value(u"counted"_s).toInt();
        }
        return -1;
    };
    CHECK(counted(minuteAfter, u"3.3"_s) > 0);
    CHECK(counted(minuteAfter, u"3.3"_s) < counted(now, u"3.3"_s));

    // An event recorded now, dated back: left out of a status known at a moment before it.
    const QJsonObject knownBefore = status(db, {u"--known-at"_s, kAfterDemo});
    CHECK(hashOf(knownBefore.value(u"dlis"_s)) == hashOf(now.value(u"dlis"_s)));
    const QString backdated = u"2026-06-01"_s;
    const QJsonObject then = status(db, {}, backdated);
    QString paid;
    qint64 amount = 0;
    for (const QJsonObject& r : dlrsOf(then)) {
        if (cents(r.value(u"payable"_s)) > 0) {
            paid = r.value(u"code"_s).toString();
            amount = cents(r.value(u"payable"_s));
            break;
        }
    }
    REQUIRE_FALSE(paid.isEmpty());
    INFO("DLR " << paid << " pays " << amountText(amount) << " on " << backdated);
    const QDateTime beforeRecording = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Run recorded = cli(eventArgs(u"disburse"_s, db,
                                       {u"--dlr"_s, paid, u"--amount"_s, amountText(amount),
                                        u"--date"_s, backdated, u"--ref"_s, u"WA-10"_s}),
                             Success, manager());
    const QString id = eventIdOf(recorded);
    const QJsonObject after = status(db);
    CHECK(moneyOf(after, paid, u"disbursed"_s) == moneyOf(now, paid, u"disbursed"_s) + amount);
    CHECK(hashOf(after.value(u"dlis"_s)) != hashOf(now.value(u"dlis"_s)));

    const QString moment = beforeRecording.toString(Qt::ISODate);
    for (const QString& known : {kAfterDemo, moment}) {
        INFO("--known-at " << known);
        const QJsonObject asKnown = status(db, {u"--known-at"_s, known});
        CHECK(hashOf(asKnown.value(u"dlis"_s)) == hashOf(now.value(u"dlis"_s)));
        CHECK(hashOf(asKnown.value(u"totals"_s)) == hashOf(now.value(u"totals"_s)));
        CHECK(hashOf(asKnown.value(u"findings"_s)) == hashOf(now.value(u"findings"_s)));
        CHECK(moneyOf(asKnown, paid, u"disbursed"_s) == moneyOf(now, paid, u"disbursed"_s));
    }
    // Known at a moment after the recording, it counts.
    QString recordedAt;
    for (const auto& e : events(db)) {
        if (e.toObject().value(u"id"_s).toString() == id)
            recordedAt = e.toObject().value(u"recorded_at"_s).toString();
    }
    REQUIRE_FALSE(recordedAt.isEmpty());
    CHECK(QDateTime::fromString(recordedAt, Qt::ISODate) >= beforeRecording);
    const QJsonObject knownAfter = status(db, {u"--known-at"_s, recordedAt});
    CHECK(hashOf(knownAfter.value(u"dlis"_s)) == hashOf(after.value(u"dlis"_s)));
    CHECK(hashOf(knownAfter.value(u"totals"_s)) == hashOf(after.value(u"totals"_s)));
}
