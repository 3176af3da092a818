#include "core/workflow/program_editor.h"

#include "core/auth/auth.h"
#include "core/engine/disbursement.h"
#include "core/model/program_checker.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"
#include "core/workflow/disbursements.h"

#include <QJsonObject>
#include <QSet>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using F = ProgramField;
using K = ProgramItemKind;

QString fieldName(ProgramField field)
{
    return enumToString(kProgramFieldNames, field);
}

} // namespace

Status ProgramEditor::checkRules(const Program& before, const Program& after,
                                 const ProgramEdit& edit)
{
    if (edit.field == F::FiscalYearStartMonth) {
        auto n = m_session.observations().count();
        if (!n)
            return n.error();
        if (n.value() > 0)
            return Error(ErrorCode::Conflict,
                         tr("the fiscal-year start month decides the dates of every period, and "
                            "%1 observations already name periods; it can no longer change")
                             .arg(n.value()));
    }
    if (edit.field == F::Currency) {
        if (before.currency.minorDigits != after.currency.minorDigits)
            return Error(ErrorCode::Conflict,
                         tr("amounts are stored with the %1 decimals of %2, and %3 has %4; "
                            "import the program again in the new currency instead")
                             .arg(before.currency.minorDigits)
                             .arg(before.currency.code, after.currency.code)
                             .arg(after.currency.minorDigits));
        auto events = m_session.events().all();
        if (!events)
            return events.error();
        if (!events.value().isEmpty())
            return Error(ErrorCode::Conflict,
                         tr("%1 disbursement events already record amounts in %2; the currency "
                            "can no longer change")
                             .arg(events.value().size())
                             .arg(before.currency.code));
    }
    // The whole program as an import checks it; only problems the edit brings count, so that a
    // program stored before a check was added can still be mended.
    const QStringList old = ProgramChecker::check(before);
    const QSet<QString> known(old.cbegin(), old.cend());
    QStringList fresh;
    for (const QString& problem : ProgramChecker::check(after)) {
        if (!known.contains(problem))
            fresh << problem;
    }
    if (!fresh.isEmpty()) {
        Error e(ErrorCode::InvalidInput, tr("the program would not be valid: %1; nothing was "
                                            "changed")
                                             .arg(fresh.first()));
        e.details = fresh.mid(1);
        return e;
    }

    // Titles, tolerances and the currency's name move no money; anything else may.
    if (edit.field == F::Title || edit.field == F::Tolerance || edit.field == F::Currency)
        return {};

    // Once final, a DLR's earned amount never changes again (DOMAIN.md).
    const QDate today = m_session.options().now().date();
    Disbursements store(m_session, before);
    DisbursementEngine::Input in;
    DLI_ASSIGN(in, store.inputs(today));
    const Disbursement was = DisbursementEngine::compute(before, in);
    const Disbursement will = DisbursementEngine::compute(after, in);
    for (const DliResult& d : was.dlis) {
        for (const DlrResult& r : d.dlrs) {
            if (!r.final)
                continue;
            const DlrResult* now = will.dlr(r.code);
            const QString earned = r.money.earned.format(before.currency);
            if (!now || !now->final)
                return Error(
                    ErrorCode::Conflict,
                    tr("DLR %1 has been final since %2 and earned %3; this change would "
                       "open it again, and a final DLR's earned amount never changes")
                        .arg(r.code, r.windowEnd.addDays(1).toString(Qt::ISODate), earned));
            if (now->money.earned != r.money.earned)
                return Error(ErrorCode::Conflict,
                             tr("DLR %1 has been final since %2 and earned %3; this change would "
                                "make it %4, and a final DLR's earned amount never changes")
                                 .arg(r.code, r.windowEnd.addDays(1).toString(Qt::ISODate), earned,
                                      now->money.earned.format(after.currency)));
        }
    }
    return {};
}

Status ProgramEditor::write(const Program& after, const ProgramEdit& edit, const QString& oldValue,
                            const QString& newValue)
{
    QString table;
    QString column;
    QVariant value;
    const int digits = after.currency.minorDigits;
    const bool unset = newValue.isEmpty();
    auto money = [&](const QString& text) -> QVariant {
        if (text.isEmpty())
            return {};
        return QVariant::fromValue<qlonglong>(Money::parse(text, digits).value().minor());
    };
    auto boolean = [](const QString& text) {
        return QVariant(text == u"true"_s);
    };
    switch (edit.kind) {
    case K::Program:
        table = u"program"_s;
        column = fieldName(edit.field);
        if (edit.field == F::FiscalYearStartMonth || edit.field == F::VerificationWindowDays)
            value = QVariant::fromValue<qlonglong>(newValue.toLongLong());
        else
            value = newValue;
        break;
    case K::ResultArea:
        table = u"result_areas"_s;
        column = u"title"_s;
        value = newValue;
        break;
    case K::Indicator:
        table = edit.field == F::Target ? u"indicator_targets"_s : u"indicators"_s;
        column = edit.field == F::Target     ? u"value"_s
                 : edit.field == F::Baseline ? u"baseline_value"_s
                                             : fieldName(edit.field);
        value = newValue;
        break;
    case K::Dli:
        table = u"dlis"_s;
        column = edit.field == F::Allocation ? u"allocation_minor"_s : u"title"_s;
        value = edit.field == F::Allocation ? money(newValue) : QVariant(newValue);
        break;
    case K::Dlr:
        table = u"dlrs"_s;
        switch (edit.field) {
        case F::Allocation:
            column = u"allocation_minor"_s;
            value = money(newValue);
            break;
        case F::UnitAmount:
            column = u"unit_amount_minor"_s;
            value = money(newValue);
            break;
        case F::TimeBound:
        case F::PriorResult:
            column = fieldName(edit.field);
            value = boolean(newValue);
            break;
        default:
            column = fieldName(edit.field);
            value = unset ? QVariant() : QVariant(newValue);
            break;
        }
        break;
    }
    QString id;
    DLI_ASSIGN(id, m_session.programs().rowId(table, edit.code, edit.period));
    std::optional<QByteArray> before;
    DLI_ASSIGN(before, m_session.audit().snapshot(table, id));
    DLI_TRY(m_session.programs().setColumn(table, id, column, value));
    QJsonObject details{{u"item"_s, itemName(edit.kind, edit.code)},
                        {u"field"_s, fieldName(edit.field)},
                        {u"from"_s, oldValue},
                        {u"to"_s, newValue}};
    if (!edit.period.isEmpty())
        details.insert(u"period"_s, edit.period);
    auto entry = m_session.audit().recordRow(u"program.edit"_s, table, id, before, details);
    if (!entry)
        return entry.error();
    return {};
}

Result<QString> ProgramEditor::set(const ProgramEdit& edit)
{
    DLI_TRY(Auth::require(m_session, {Role::Admin}, tr("changing the program")));
    Transaction tx(m_session.database());
    DLI_TRY(tx.begun());
    Program before;
    DLI_ASSIGN(before, m_session.programs().load());
    QString oldValue;
    DLI_ASSIGN(oldValue, valueOf(before, edit));
    Program after;
    DLI_ASSIGN(after, applied(before, edit));
    if (after == before)
        return oldValue;
    DLI_TRY(checkRules(before, after, edit));
    QString newValue;
    DLI_ASSIGN(newValue, valueOf(after, edit));
    DLI_TRY(write(after, edit, oldValue, newValue));
    DLI_TRY(tx.commit());
    emit m_session.notifier().programChanged();
    return oldValue;
}

} // namespace dli
