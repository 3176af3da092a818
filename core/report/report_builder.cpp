#include "core/report/report_builder.h"

#include "core/report/report_context.h"
#include "core/report/report_fingerprint.h"
#include "core/storage/session.h"
#include "core/workflow/disbursements.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace dli {

QList<Observation> ReportContext::observationsByAsOf() const
{
    QList<Observation> out;
    for (const Observation& o : observations) {
        if (o.period.start(sm()) <= asOf)
            out << o;
    }
    return out;
}

namespace report {

ReportCell moneyCell(const Money& m, const Currency& c)
{
    // The currency is in the column's title; cells keep every minor digit ("1,250.00").
    const QString plain = m.toPlainString(c.minorDigits);
    const Decimal exact = Decimal::parse(plain).value();
    QString text = exact.toGroupedString();
    if (c.minorDigits > 0) {
        qsizetype dot = text.indexOf(u'.');
        if (dot < 0) {
            text += u'.';
            dot = text.size() - 1;
        }
        while (text.size() - dot - 1 < c.minorDigits)
            text += u'0';
    }
    return ReportCell{text, exact};
}

Decimal roundedTo(const Decimal& d, int decimals)
{
    std::int64_t step = Decimal::Factor;
    for (int i = 0; i < decimals; ++i)
        step /= 10;
    const std::int64_t units = d.units();
    const std::int64_t half = step / 2;
    const std::int64_t q = (units >= 0 ? units + half : units - half) / step;
    return Decimal::fromUnits(q * step);
}

ReportCell decimalCell(const std::optional<Decimal>& d)
{
    if (!d)
        return ReportCell::of({});
    // People read two decimals at most (a share of 42.056075% reads 42.06); the cell keeps the
    // exact value for XLSX and CSV.
    return ReportCell{roundedTo(*d, 2).toGroupedString(), *d};
}

ReportCell intCell(qint64 n)
{
    return ReportCell{QLocale(QLocale::English).toString(n), Decimal::fromInt(n)};
}

ReportCell percentCell(const std::optional<Decimal>& pct)
{
    if (!pct)
        return ReportCell::of(ReportBuilder::tr("n/a"));
    const Decimal rounded = roundedTo(*pct, 1);
    QString text = rounded.toString();
    if (!text.contains(u'.'))
        text += u".0"_s;
    return ReportCell{text + u'%', rounded};
}

ReportCell textCell(const QString& s)
{
    return ReportCell::of(s);
}

QString counted(qsizetype n, const QString& one, const QString& many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

QString isoDate(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString longDate(const QDate& d)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"d MMMM yyyy"_s);
}

QString dlrStatusText(DlrStatus s)
{
    switch (s) {
    case DlrStatus::NotStarted:
        return ReportBuilder::tr("not started");
    case DlrStatus::InProgress:
        return ReportBuilder::tr("in progress");
    case DlrStatus::Achieved:
        return ReportBuilder::tr("achieved");
    case DlrStatus::UnderVerification:
        return ReportBuilder::tr("under verification");
    case DlrStatus::PartiallyAchieved:
        return ReportBuilder::tr("partially achieved");
    case DlrStatus::Missed:
        return ReportBuilder::tr("missed");
    case DlrStatus::Cancelled:
        return ReportBuilder::tr("cancelled");
    }
    return {};
}

ReportColumn column(const QString& key, const QString& title, ReportColumnKind kind, int width)
{
    return ReportColumn{key, title, kind, width};
}

ReportColumn moneyColumn(const QString& key, const QString& title, const Currency& c)
{
    return ReportColumn{key, title + u" ("_s + c.code + u')', ReportColumnKind::Money, 2};
}

} // namespace report

namespace {

Error cancelled()
{
    return Error(ErrorCode::Conflict, ReportBuilder::tr("the report was cancelled"));
}

} // namespace

Result<QuarterlyReport> ReportBuilder::build(Session& session, const Program& program,
                                             const Options& options)
{
    const int sm = program.fiscalYearStartMonth;
    if (!options.quarter.isValid() || !options.quarter.isQuarter())
        return Error(ErrorCode::Usage, tr("a report is for a fiscal quarter such as FY2025-Q2"));
    if (!program.periodInRange(options.quarter))
        return Error(ErrorCode::InvalidInput, program.outsideMessage(options.quarter.code()));
    QuarterlyReport r;
    r.programCode = program.code;
    r.programTitle = program.title;
    r.currency = program.currency.code;
    r.quarter = options.quarter;
    r.quarterStart = options.quarter.start(sm);
    r.quarterEnd = options.quarter.end(sm);
    r.asOf = options.asOf.isValid() ? options.asOf : r.quarterEnd;
    if (r.asOf < r.quarterStart)
        return Error(
            ErrorCode::InvalidInput,
            tr("the as-of date %1 is before the quarter %2 begins (%3)")
                .arg(report::isoDate(r.asOf), r.quarter.code(), report::isoDate(r.quarterStart)));
    const QDateTime now = session.options().now().toUTC();
    r.generatedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    r.knownAt = options.knownAt.isValid() ? options.knownAt.toUTC() : r.generatedAt;
    if (r.knownAt > now)
        return Error(ErrorCode::InvalidInput,
                     tr("--known-at %1 is in the future").arg(r.knownAt.toString(Qt::ISODate)));
    if (!options.preparedBy.isEmpty()) {
        r.preparedBy = options.preparedBy;
    } else if (const auto& user = session.currentUser()) {
        r.preparedBy =
            user->fullName.isEmpty() ? user->name : user->fullName + u" ("_s + user->name + u')';
    } else {
        r.preparedBy = session.options().userName;
    }

    auto step = [&options](int percent, const QString& what) {
        return !options.progress || options.progress(percent, what);
    };
    if (!step(0, tr("Reading the store as known at %1").arg(r.knownAt.toString(Qt::ISODate))))
        return cancelled();
    Disbursements money(session, program);
    DisbursementEngine::Input in;
    DLI_ASSIGN(in, money.inputs(r.asOf, r.knownAt));
    ReportContext ctx{session,   program,         r.quarter, r.quarterStart, r.quarterEnd, r.asOf,
                      r.knownAt, in.observations, {},        in.events,      {},           {}};
    DLI_ASSIGN(ctx.transitions, session.observations().allTransitions());
    ctx.transitions.removeIf([&r](const Transition& t) { return t.at > r.knownAt; });
    ctx.status = DisbursementEngine::compute(program, in);
    in.asOf = r.quarterStart.addDays(-1);
    ctx.previous = DisbursementEngine::compute(program, in);

    struct Step {
        int percent;
        QString what;
        Result<ReportSection> (*make)(ReportContext&);
    };
    const QList<Step> steps{
        {10, tr("DLI status"), &report::statusSection},
        {25, tr("Results framework"), &report::frameworkSection},
        {40, tr("Charts"), &report::chartsSection},
        {65, tr("Verification"), &report::verificationSection},
        {75, tr("Data quality"), &report::dataQualitySection},
        {85, tr("Evidence"), &report::evidenceSection},
    };
    QList<ReportSection> sections;
    for (const Step& s : steps) {
        if (!step(s.percent, s.what))
            return cancelled();
        ReportSection section;
        DLI_ASSIGN(section, s.make(ctx));
        sections << section;
    }
    if (!step(95, tr("Executive summary")))
        return cancelled();
    ReportSection summary;
    DLI_ASSIGN(summary, report::summarySection(ctx, sections));
    r.sections << summary << sections;

    AuditLog::Head head;
    DLI_ASSIGN(head, session.audit().headAt(r.knownAt));
    r.auditHead = head.hash;
    r.auditEntries = head.seq;
    DLI_ASSIGN(r.fingerprint, ReportFingerprint::of(program, ctx.observationsByAsOf(), ctx.events,
                                                    r.asOf, r.sections));
    step(100, tr("Done"));
    return r;
}

} // namespace dli
