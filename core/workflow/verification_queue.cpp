#include "core/workflow/verification_queue.h"

#include "core/io/values_report.h"
#include "core/storage/session.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// The submitted observations with their latest submission, evidence count, authorship by ?1 and
// open sample's progress.
constexpr auto kQueue =
    "SELECT o.id, i.code, o.period, u.code, o.category, o.value, o.source, o.note, o.reporter, "
    "o.created_at, o.state, coalesce(o.replaces, ''), "
    "(SELECT max(t.at) FROM transitions t WHERE t.observation_id = o.id AND t.action = 'submit'), "
    "(SELECT count(*) FROM evidence e WHERE e.observation_id = o.id), "
    "(o.reporter = ?1 OR EXISTS (SELECT 1 FROM transitions t WHERE t.observation_id = o.id AND "
    "t.action = 'amend' AND t.user_name = ?1)), "
    "s.id, s.size, "
    "(SELECT count(si.outcome) FROM sample_items si WHERE si.sample_id = s.id), "
    "(SELECT count(*) FROM sample_items si WHERE si.sample_id = s.id AND si.outcome IN "
    "('not_confirmed', 'not_found')) "
    "FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN org_units u ON u.id = "
    "o.org_unit_id LEFT JOIN samples s ON s.observation_id = o.id AND s.state = 'open' "
    "WHERE o.state = 'submitted' ORDER BY 13, o.rowid";

QString reconciliationKey(const QString& indicator, const Period& period, const QString& orgUnit)
{
    return indicator + u'|' + period.code() + u'|' + orgUnit;
}

} // namespace

Result<QList<QueueEntry>> VerificationQueue::load(Session& session, const Program& program,
                                                  const Options& options)
{
    auto stmt = session.database().prepare(QString::fromLatin1(kQueue));
    if (!stmt)
        return stmt.error();
    const QString me = session.currentUser() ? session.currentUser()->name : QString();
    stmt->bind(1, me);
    QList<QueueEntry> out;
    for (;;) {
        bool row = false;
        DLI_ASSIGN(row, stmt->step());
        if (!row)
            break;
        QueueEntry e;
        Observation& o = e.observation;
        o.id = stmt->text(0);
        o.indicator = stmt->text(1);
        auto period = Period::parse(stmt->text(2), program.fiscalYearStartMonth);
        auto value = Decimal::parse(stmt->text(5));
        if (!period || !value)
            return Error(ErrorCode::Database,
                         tr("observation %1 is damaged; restore a backup").arg(o.id));
        o.period = period.value();
        o.orgUnit = stmt->text(3);
        o.category = stmt->text(4);
        o.value = value.value();
        o.source = stmt->text(6);
        o.note = stmt->text(7);
        o.reporter = stmt->text(8);
        o.createdAt = QDateTime::fromString(stmt->text(9), Qt::ISODate);
        o.state = stmt->text(10);
        o.replaces = stmt->text(11);
        e.submittedAt = QDateTime::fromString(stmt->text(12), Qt::ISODate);
        e.evidenceFiles = stmt->integer(13);
        e.own = !me.isEmpty() && stmt->boolean(14);
        if (e.own && !options.includeOwn)
            continue;
        if (!stmt->isNull(15)) {
            e.openSample = stmt->text(15);
            e.sampleSize = stmt->integer(16);
            e.sampleChecked = stmt->integer(17);
            e.sampleFailed = stmt->integer(18);
        }
        out << std::move(e);
    }
    if (!options.reconcile || out.isEmpty())
        return out;

    bool anyRegister = false;
    for (const QueueEntry& e : out) {
        const Indicator* x = program.indicator(e.observation.indicator);
        anyRegister = anyRegister || (x && x->source.kind == SourceKind::Register);
    }
    if (!anyRegister)
        return out;
    QList<Observation> all;
    DLI_ASSIGN(all, session.observations().all());
    auto claims = ValuesReport::calculator(session, program, true);
    if (!claims)
        return claims.error();
    auto registers = ValuesReport::calculator(session, program, false);
    if (!registers)
        return registers.error();
    QList<ReconciliationRow> rows;
    DLI_ASSIGN(rows, Reconciliation::run(program, all, *claims.value(), *registers.value()));
    QHash<QString, qsizetype> byKey;
    for (qsizetype i = 0; i < rows.size(); ++i)
        byKey.insert(reconciliationKey(rows[i].indicator, rows[i].period, rows[i].orgUnit), i);
    for (QueueEntry& e : out) {
        const Observation& o = e.observation;
        const auto found = byKey.constFind(reconciliationKey(o.indicator, o.period, o.orgUnit));
        if (found != byKey.constEnd())
            e.reconciliation = rows[*found];
    }
    return out;
}

} // namespace dli
