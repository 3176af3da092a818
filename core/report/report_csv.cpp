#include "core/report/report_csv.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString field(const QString& s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u"\""_s, u"\"\""_s);
    return u'"' + q + u'"';
}

// A money cell keeps its minor digits ("1250.00"); other numbers their exact digits.
QString exact(const ReportCell& c, ReportColumnKind kind, int minorDigits)
{
    if (!c.number)
        return c.text;
    QString s = c.number->toString();
    if (kind == ReportColumnKind::Money && minorDigits > 0) {
        if (!s.contains(u'.'))
            s += u'.';
        while (s.size() - s.indexOf(u'.') - 1 < minorDigits)
            s += u'0';
    }
    return s;
}

int minorDigitsOf(const QuarterlyReport& r)
{
    const auto c = Currency::forCode(r.currency);
    return c ? c->minorDigits : 2;
}

QByteArray lines(const QList<QStringList>& rows)
{
    QString out;
    for (const QStringList& row : rows) {
        QStringList fields;
        for (const QString& f : row)
            fields << field(f);
        out += fields.join(u',') + u"\r\n"_s;
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

const ReportTable* tableNamed(const QuarterlyReport& r, const QString& name)
{
    for (const ReportSection& s : r.sections) {
        for (const ReportTable& t : s.tables) {
            if (t.key == name)
                return &t;
        }
    }
    return nullptr;
}

} // namespace

QStringList ReportCsv::names(const QuarterlyReport& report)
{
    QStringList out{u"summary"_s};
    for (const ReportSection& s : report.sections) {
        for (const ReportTable& t : s.tables) {
            if (!out.contains(t.key))
                out << t.key;
        }
    }
    return out;
}

Result<QByteArray> ReportCsv::bytes(const QuarterlyReport& report, const QString& name)
{
    const int minor = minorDigitsOf(report);
    if (name == u"summary"_s) {
        const ReportSection* s = report.section(u"summary");
        QList<QStringList> rows{{tr("Key"), tr("Figure"), tr("Value")}};
        rows << QStringList{u"program"_s, tr("Program"), report.programCode}
             << QStringList{u"quarter"_s, tr("Quarter"), report.quarter.code()}
             << QStringList{u"as_of"_s, tr("As of"), report.asOf.toString(Qt::ISODate)}
             << QStringList{u"known_at"_s, tr("As known at (UTC)"),
                            report.knownAt.toString(Qt::ISODate)}
             << QStringList{u"fingerprint"_s, tr("Data fingerprint (SHA-256)"), report.fingerprint};
        if (s) {
            for (const ReportFigure& f : s->figures)
                rows << QStringList{f.key, f.label, exact(f.value, f.kind, minor)};
        }
        return lines(rows);
    }
    const ReportTable* t = tableNamed(report, name);
    if (!t)
        return Error(ErrorCode::Usage, tr("the report has no section \"%1\"; it has %2")
                                           .arg(name, names(report).join(u", "_s)));
    QList<QStringList> rows;
    QStringList header;
    for (const ReportColumn& c : t->columns)
        header << c.title;
    rows << header;
    for (const QList<ReportCell>& r : t->rows) {
        QStringList row;
        for (qsizetype i = 0; i < t->columns.size(); ++i)
            row << (i < r.size() ? exact(r[i], t->columns[i].kind, minor) : QString());
        rows << row;
    }
    return lines(rows);
}

Status ReportCsv::write(const QuarterlyReport& report, const QString& name, const QString& path)
{
    QByteArray data;
    DLI_ASSIGN(data, bytes(report, name));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return Error(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

Result<QStringList> ReportCsv::writeAll(const QuarterlyReport& report, const QString& folder)
{
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::Io, tr("cannot make the folder %1").arg(folder));
    QStringList written;
    for (const QString& name : names(report)) {
        const QString path = QDir(folder).filePath(name + u".csv"_s);
        DLI_TRY(write(report, name, path));
        written << path;
    }
    return written;
}

} // namespace dli
