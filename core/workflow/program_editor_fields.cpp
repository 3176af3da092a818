// ProgramEditor's reading and writing of field values in memory: which fields an item has,
// their values as text, and a program with one of them changed.
#include "core/workflow/program_editor.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using F = ProgramField;
using K = ProgramItemKind;

QString fieldName(ProgramField field)
{
    return enumToString(kProgramFieldNames, field);
}

Error wrongValue(const ProgramEdit& edit, const QString& message)
{
    return Error(ErrorCode::InvalidInput, message,
                 ProgramEditor::tr("%1, %2").arg(ProgramEditor::itemName(edit.kind, edit.code),
                                                 fieldName(edit.field)));
}

Error noSuchField(const ProgramEdit& edit)
{
    return Error(ErrorCode::InvalidInput,
                 ProgramEditor::tr("%1 has no field %2 that can be edited")
                     .arg(ProgramEditor::itemName(edit.kind, edit.code), fieldName(edit.field)));
}

Error noSuchItem(const ProgramEdit& edit)
{
    return Error(ErrorCode::NotFound, ProgramEditor::tr("the program has no %1")
                                          .arg(ProgramEditor::itemName(edit.kind, edit.code)));
}

QString boolText(bool b)
{
    return b ? u"true"_s : u"false"_s;
}

// The mutable items of a program an edit names.
struct Located {
    ResultArea* area = nullptr;
    Indicator* indicator = nullptr;
    Dli* dli = nullptr;
    Dlr* dlr = nullptr;
};

Result<Located> locate(Program& p, const ProgramEdit& edit)
{
    Located t;
    switch (edit.kind) {
    case K::Program:
        return t;
    case K::ResultArea:
        for (ResultArea& a : p.resultAreas) {
            if (a.code == edit.code)
                t.area = &a;
        }
        if (!t.area)
            return noSuchItem(edit);
        return t;
    case K::Indicator:
        for (Indicator& x : p.indicators) {
            if (x.code == edit.code)
                t.indicator = &x;
        }
        if (!t.indicator)
            return noSuchItem(edit);
        return t;
    case K::Dli:
        for (Dli& d : p.dlis) {
            if (d.code == edit.code)
                t.dli = &d;
        }
        if (!t.dli)
            return noSuchItem(edit);
        return t;
    case K::Dlr:
        for (Dli& d : p.dlis) {
            for (Dlr& r : d.dlrs) {
                if (r.code == edit.code) {
                    t.dli = &d;
                    t.dlr = &r;
                }
            }
        }
        if (!t.dlr)
            return noSuchItem(edit);
        return t;
    }
    return noSuchItem(edit);
}

// The target of an indicator for the edit's period: only periods that have one can change.
Result<Target*> indicatorTarget(Indicator& x, const ProgramEdit& edit, int startMonth)
{
    auto period = Period::parse(edit.period, startMonth);
    if (!period)
        return wrongValue(edit, period.error().message);
    for (Target& t : x.targets) {
        if (t.period == period.value())
            return &t;
    }
    return Error(ErrorCode::NotFound,
                 ProgramEditor::tr("indicator %1 has no target for %2; targets for further "
                                   "periods come with a new program file")
                     .arg(x.code, edit.period));
}

Result<Decimal> readDecimal(const ProgramEdit& edit)
{
    auto d = Decimal::parse(edit.value.trimmed());
    if (!d)
        return wrongValue(edit, d.error().message);
    return d.value();
}

Result<Money> readMoney(const ProgramEdit& edit, const Currency& currency)
{
    auto m = Money::parse(edit.value.trimmed(), currency.minorDigits);
    if (!m)
        return wrongValue(edit, m.error().message);
    return m.value();
}

Result<int> readInt(const ProgramEdit& edit)
{
    bool ok = false;
    const int n = edit.value.trimmed().toInt(&ok);
    if (!ok)
        return wrongValue(edit,
                          ProgramEditor::tr("expected a whole number; got \"%1\"").arg(edit.value));
    return n;
}

Result<bool> readBool(const ProgramEdit& edit)
{
    const QString v = edit.value.trimmed();
    if (v == u"true"_s)
        return true;
    if (v == u"false"_s)
        return false;
    return wrongValue(edit,
                      ProgramEditor::tr("expected true or false; got \"%1\"").arg(edit.value));
}

Result<QDate> readDate(const ProgramEdit& edit)
{
    const QDate d = QDate::fromString(edit.value.trimmed(), Qt::ISODate);
    if (!d.isValid())
        return wrongValue(
            edit, ProgramEditor::tr("expected a date like 2026-06-30; got \"%1\"").arg(edit.value));
    return d;
}

Result<QString> readTitle(const ProgramEdit& edit)
{
    const QString t = edit.value.trimmed();
    if (t.isEmpty())
        return wrongValue(edit, ProgramEditor::tr("a title cannot be empty"));
    return t;
}

} // namespace

QString ProgramEditor::itemName(ProgramItemKind kind, const QString& code)
{
    switch (kind) {
    case K::Program:
        return tr("the program");
    case K::ResultArea:
        return tr("results area %1").arg(code);
    case K::Indicator:
        return tr("indicator %1").arg(code);
    case K::Dli:
        return code;
    case K::Dlr:
        return tr("DLR %1").arg(code);
    }
    return code;
}

QList<ProgramField> ProgramEditor::fields(ProgramItemKind kind)
{
    switch (kind) {
    case K::Program:
        return {F::Title,
                F::Currency,
                F::FiscalYearStartMonth,
                F::VerificationWindowDays,
                F::AdvanceCapShare,
                F::PriorResultsCapShare};
    case K::ResultArea:
        return {F::Title};
    case K::Indicator:
        return {F::Title, F::Tolerance, F::Baseline, F::Target};
    case K::Dli:
        return {F::Title, F::Allocation};
    case K::Dlr:
        return {F::Title,     F::Target,      F::Baseline,   F::Allocation, F::Deadline,
                F::TimeBound, F::MinFraction, F::UnitAmount, F::Rollover,   F::PriorResult};
    }
    return {};
}

Result<QString> ProgramEditor::valueOf(const Program& program, const ProgramEdit& edit)
{
    if (!fields(edit.kind).contains(edit.field))
        return noSuchField(edit);
    Program p = program; // locate() hands out mutable pointers
    Located t;
    DLI_ASSIGN(t, locate(p, edit));
    const int digits = p.currency.minorDigits;
    switch (edit.kind) {
    case K::Program:
        switch (edit.field) {
        case F::Title:
            return p.title;
        case F::Currency:
            return p.currency.code;
        case F::FiscalYearStartMonth:
            return QString::number(p.fiscalYearStartMonth);
        case F::VerificationWindowDays:
            return QString::number(p.verificationWindowDays);
        case F::AdvanceCapShare:
            return p.advanceCapShare.toString();
        case F::PriorResultsCapShare:
            return p.priorResultsCapShare.toString();
        default:
            break;
        }
        break;
    case K::ResultArea:
        return t.area->title;
    case K::Indicator:
        switch (edit.field) {
        case F::Title:
            return t.indicator->title;
        case F::Tolerance:
            return t.indicator->tolerance.toString();
        case F::Baseline:
            return t.indicator->baseline.value.toString();
        case F::Target: {
            Target* target = nullptr;
            DLI_ASSIGN(target, indicatorTarget(*t.indicator, edit, p.fiscalYearStartMonth));
            return target->value.toString();
        }
        default:
            break;
        }
        break;
    case K::Dli:
        return edit.field == F::Title ? t.dli->title : t.dli->allocation.toPlainString(digits);
    case K::Dlr: {
        const Dlr& r = *t.dlr;
        switch (edit.field) {
        case F::Title:
            return r.title;
        case F::Target:
            return r.target.toString();
        case F::Baseline:
            return r.baseline ? r.baseline->toString() : QString();
        case F::Allocation:
            return r.allocation.toPlainString(digits);
        case F::Deadline:
            return r.deadline ? r.deadline->toString(Qt::ISODate) : QString();
        case F::TimeBound:
            return boolText(r.timeBound);
        case F::MinFraction:
            return r.minFraction.toString();
        case F::UnitAmount:
            return r.unitAmount ? r.unitAmount->toPlainString(digits) : QString();
        case F::Rollover:
            return enumToString(kRolloverNames, r.rollover);
        case F::PriorResult:
            return boolText(r.priorResult);
        default:
            break;
        }
        break;
    }
    }
    return noSuchField(edit);
}

Result<Program> ProgramEditor::applied(const Program& program, const ProgramEdit& edit)
{
    if (!fields(edit.kind).contains(edit.field))
        return noSuchField(edit);
    Program p = program;
    Located t;
    DLI_ASSIGN(t, locate(p, edit));
    const bool unset = edit.value.trimmed().isEmpty();
    const bool optional =
        edit.kind == K::Dlr &&
        (edit.field == F::Baseline || edit.field == F::Deadline || edit.field == F::UnitAmount);
    if (unset && !optional && edit.field != F::Title)
        return wrongValue(edit, tr("a value is needed"));
    switch (edit.kind) {
    case K::Program:
        switch (edit.field) {
        case F::Title: {
            DLI_ASSIGN(p.title, readTitle(edit));
            return p;
        }
        case F::Currency: {
            const auto c = Currency::forCode(edit.value.trimmed().toUpper());
            if (!c)
                return wrongValue(edit, tr("expected one of %1; got \"%2\"")
                                            .arg(Currency::knownCodes().join(u", "_s), edit.value));
            p.currency = *c;
            return p;
        }
        case F::FiscalYearStartMonth: {
            DLI_ASSIGN(p.fiscalYearStartMonth, readInt(edit));
            if (p.fiscalYearStartMonth < 1 || p.fiscalYearStartMonth > 12)
                return wrongValue(edit, tr("a month is 1 to 12 (7 is July)"));
            return p;
        }
        case F::VerificationWindowDays: {
            DLI_ASSIGN(p.verificationWindowDays, readInt(edit));
            if (p.verificationWindowDays < 0 || p.verificationWindowDays > 3650)
                return wrongValue(edit, tr("a number of days from 0 to 3650"));
            return p;
        }
        case F::AdvanceCapShare: {
            DLI_ASSIGN(p.advanceCapShare, readDecimal(edit));
            return p;
        }
        case F::PriorResultsCapShare: {
            DLI_ASSIGN(p.priorResultsCapShare, readDecimal(edit));
            return p;
        }
        default:
            break;
        }
        break;
    case K::ResultArea: {
        DLI_ASSIGN(t.area->title, readTitle(edit));
        return p;
    }
    case K::Indicator:
        switch (edit.field) {
        case F::Title: {
            DLI_ASSIGN(t.indicator->title, readTitle(edit));
            return p;
        }
        case F::Tolerance: {
            DLI_ASSIGN(t.indicator->tolerance, readDecimal(edit));
            return p;
        }
        case F::Baseline: {
            DLI_ASSIGN(t.indicator->baseline.value, readDecimal(edit));
            return p;
        }
        case F::Target: {
            Target* target = nullptr;
            DLI_ASSIGN(target, indicatorTarget(*t.indicator, edit, p.fiscalYearStartMonth));
            DLI_ASSIGN(target->value, readDecimal(edit));
            return p;
        }
        default:
            break;
        }
        break;
    case K::Dli:
        if (edit.field == F::Title) {
            DLI_ASSIGN(t.dli->title, readTitle(edit));
        } else {
            DLI_ASSIGN(t.dli->allocation, readMoney(edit, p.currency));
        }
        return p;
    case K::Dlr: {
        Dlr& r = *t.dlr;
        switch (edit.field) {
        case F::Title: {
            DLI_ASSIGN(r.title, readTitle(edit));
            return p;
        }
        case F::Target: {
            DLI_ASSIGN(r.target, readDecimal(edit));
            return p;
        }
        case F::Baseline:
            if (unset) {
                r.baseline.reset();
            } else {
                Decimal b;
                DLI_ASSIGN(b, readDecimal(edit));
                r.baseline = b;
            }
            return p;
        case F::Allocation: {
            DLI_ASSIGN(r.allocation, readMoney(edit, p.currency));
            return p;
        }
        case F::Deadline:
            if (unset) {
                r.deadline.reset();
            } else {
                QDate d;
                DLI_ASSIGN(d, readDate(edit));
                r.deadline = d;
            }
            return p;
        case F::TimeBound: {
            DLI_ASSIGN(r.timeBound, readBool(edit));
            return p;
        }
        case F::MinFraction: {
            DLI_ASSIGN(r.minFraction, readDecimal(edit));
            return p;
        }
        case F::UnitAmount:
            if (unset) {
                r.unitAmount.reset();
            } else {
                Money m;
                DLI_ASSIGN(m, readMoney(edit, p.currency));
                r.unitAmount = m;
            }
            return p;
        case F::Rollover: {
            const auto v = enumFromString(kRolloverNames, edit.value.trimmed());
            if (!v)
                return wrongValue(
                    edit, tr("expected one of %1; got \"%2\"")
                              .arg(enumSpellings(kRolloverNames).join(u", "_s), edit.value));
            r.rollover = *v;
            return p;
        }
        case F::PriorResult: {
            DLI_ASSIGN(r.priorResult, readBool(edit));
            return p;
        }
        default:
            break;
        }
        break;
    }
    }
    return noSuchField(edit);
}

} // namespace dli
