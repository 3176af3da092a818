// ProgramEditor: one field of one item of the stored program, by administrators only, checked
// as an import checks a program, written with its audit entry, and undone by writing the old
// value back.
#include "core/io/program_import.h"
#include "core/workflow/disbursements.h"
#include "core/workflow/program_editor.h"
#include "trust_support.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;

namespace {

using K = ProgramItemKind;
using F = ProgramField;

ProgramEdit edit(K kind, const QString& code, F field, const QString& value,
                 const QString& period = {})
{
    ProgramEdit e;
    e.kind = kind;
    e.code = code;
    e.field = field;
    e.value = value;
    e.period = period;
    return e;
}

Program stored(Session& session)
{
    auto p = session.programs().load();
    if (!p)
        FAIL(p.error().text().toStdString());
    return p.value();
}

QString storedValue(Session& session, const ProgramEdit& e)
{
    auto v = ProgramEditor::valueOf(stored(session), e);
    if (!v)
        FAIL(v.error().text().toStdString());
    return v.value();
}

void requireIntact(Session& session)
{
    auto report = session.audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n'));
    CHECK(report->problems.isEmpty());
}

AuditEntry lastEntry(Session& session)
{
    auto all = session.audit().entries();
    REQUIRE(all.ok());
    REQUIRE_FALSE(all->isEmpty());
    return all->constLast();
}

// A database holding only the demo's program and one administrator: no observations and no
// events, so that the fiscal-year start month and the currency may still change.
struct FreshProgram {
    explicit FreshProgram(const Program& program)
    {
        SessionOptions options;
        options.minimumPasswordCost = true;
        m_options = options;
        auto s = Session::create(dir.path(u"fresh.dlidb"_s), m_options);
        REQUIRE(s.ok());
        session = std::move(s).value();
        User admin;
        admin.name = u"admin"_s;
        admin.roles = {Role::Admin};
        REQUIRE(Auth::addUser(*session, admin, Demo::password()).ok());
        session->setCurrentUser(session->users().find(u"admin"_s).value().value());
        const Status imported = ProgramImport::importProgram(*session, program, false);
        if (!imported)
            FAIL(imported.error().text().toStdString());
    }
    dli::test::TempDir dir;
    SessionOptions m_options;
    std::unique_ptr<Session> session;
};

} // namespace

TEST_CASE("An administrator changes a DLR's target, and the old value written back undoes it",
          "[program-editor]")
{
    DemoCopy demo;
    demo.actAs(u"admin"_s);
    const Program original = stored(*demo.session);
    int changes = 0;
    QObject::connect(&demo.session->notifier(), &ChangeNotifier::programChanged,
                     [&changes] { ++changes; });

    ProgramEditor editor(*demo.session);
    const ProgramEdit change = edit(K::Dlr, u"3.2"_s, F::Target, u"230"_s);
    auto old = editor.set(change);
    REQUIRE(old.ok());
    CHECK(old.value() == u"220"_s);
    CHECK(storedValue(*demo.session, change) == u"230"_s);
    CHECK(changes == 1);

    const AuditEntry entry = lastEntry(*demo.session);
    CHECK(entry.action == u"program.edit"_s);
    CHECK(entry.table == u"dlrs"_s);
    CHECK(entry.user == u"admin"_s);
    CHECK(QJsonDocument::fromJson(entry.oldValues).object().value("target"_L1).toString() ==
          u"220"_s);
    CHECK(QJsonDocument::fromJson(entry.newValues).object().value("target"_L1).toString() ==
          u"230"_s);
    const QJsonObject details = QJsonDocument::fromJson(entry.details).object();
    CHECK(details.value("item"_L1).toString() == u"DLR 3.2"_s);
    CHECK(details.value("field"_L1).toString() == u"target"_s);
    CHECK(details.value("from"_L1).toString() == u"220"_s);
    CHECK(details.value("to"_L1).toString() == u"230"_s);
    requireIntact(*demo.session);

    // Undo: the old value written back through the same service.
    ProgramEdit back = change;
    back.value = old.value();
    auto undone = editor.set(back);
    REQUIRE(undone.ok());
    CHECK(undone.value() == u"230"_s);
    CHECK(stored(*demo.session) == original);
    CHECK(changes == 2);
    requireIntact(*demo.session);

    // An edit that changes nothing writes nothing.
    const QString head = demo.session->audit().head().value();
    REQUIRE(editor.set(back).ok());
    CHECK(demo.session->audit().head().value() == head);
    CHECK(changes == 2);
}

TEST_CASE("Every editable field is written, read back and undone", "[program-editor]")
{
    DemoCopy demo;
    demo.actAs(u"admin"_s);
    const Program original = stored(*demo.session);
    ProgramEditor editor(*demo.session);
    const QList<ProgramEdit> edits{
        edit(K::Program, {}, F::Title, u"CDI demo, renamed"_s),
        edit(K::Program, {}, F::VerificationWindowDays, u"200"_s),
        edit(K::Program, {}, F::AdvanceCapShare, u"0.3"_s),
        edit(K::Program, {}, F::PriorResultsCapShare, u"0.15"_s),
        edit(K::ResultArea, u"RA2"_s, F::Title, u"Industrial clusters"_s),
        edit(K::Indicator, u"JOBS"_s, F::Title, u"Jobs created in cluster firms"_s),
        edit(K::Indicator, u"EXPORTERS_NEW"_s, F::Tolerance, u"0.1"_s),
        edit(K::Indicator, u"JOBS"_s, F::Target, u"2600"_s, u"FY2026"_s),
        edit(K::Indicator, u"JOBS"_s, F::Baseline, u"10"_s),
        edit(K::Dli, u"DLI6"_s, F::Title, u"Supply agreements"_s),
        edit(K::Dli, u"DLI6"_s, F::Allocation, u"2100000.00"_s),
        edit(K::Dlr, u"3.3"_s, F::Title, u"310 firms upgraded"_s),
        edit(K::Dlr, u"3.3"_s, F::Target, u"310"_s),
        edit(K::Dlr, u"3.3"_s, F::Baseline, u"200"_s),
        edit(K::Dlr, u"3.3"_s, F::Allocation, u"2400000.00"_s),
        edit(K::Dlr, u"3.3"_s, F::Deadline, u"2026-05-31"_s),
        edit(K::Dlr, u"3.3"_s, F::TimeBound, u"true"_s),
        edit(K::Dlr, u"3.3"_s, F::MinFraction, u"0.3"_s),
        edit(K::Dlr, u"3.3"_s, F::Rollover, u"reallocate"_s),
        edit(K::Dlr, u"3.3"_s, F::PriorResult, u"true"_s),
        edit(K::Dlr, u"6.2"_s, F::UnitAmount, u"25000.00"_s),
    };
    for (const ProgramEdit& e : edits) {
        INFO(ProgramEditor::itemName(e.kind, e.code).toStdString()
             << " " << enumToString(kProgramFieldNames, e.field).toStdString());
        auto old = editor.set(e);
        if (!old)
            FAIL(old.error().text().toStdString());
        CHECK(storedValue(*demo.session, e) == e.value);
        ProgramEdit back = e;
        back.value = old.value();
        auto undone = editor.set(back);
        if (!undone)
            FAIL(undone.error().text().toStdString());
        CHECK(undone.value() == e.value);
        CHECK(storedValue(*demo.session, e) == old.value());
        // Redo, then undo again: the same value each time.
        REQUIRE(editor.set(e).ok());
        CHECK(storedValue(*demo.session, e) == e.value);
        REQUIRE(editor.set(back).ok());
    }
    CHECK(stored(*demo.session) == original);
    requireIntact(*demo.session);

    // An optional field is unset with an empty value, and comes back.
    const ProgramEdit noDeadline = edit(K::Dlr, u"5.1"_s, F::Deadline, QString());
    auto old = editor.set(noDeadline);
    REQUIRE(old.ok());
    CHECK(old.value() == u"2025-06-30"_s);
    CHECK_FALSE(stored(*demo.session).dli(u"DLI5"_s)->dlrs[0].deadline.has_value());
    ProgramEdit back = noDeadline;
    back.value = old.value();
    REQUIRE(editor.set(back).ok());
    CHECK(stored(*demo.session) == original);
    requireIntact(*demo.session);
}

TEST_CASE("Only administrators change the program", "[program-editor]")
{
    DemoCopy demo;
    const Program original = stored(*demo.session);
    for (const QString& who : {u"viewer"_s, u"officer"_s, u"verifier"_s, u"manager"_s}) {
        demo.actAs(who);
        auto refused =
            ProgramEditor(*demo.session).set(edit(K::Dlr, u"3.2"_s, F::Target, u"230"_s));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::Forbidden);
        CHECK(refused.error().message.contains(u"changing the program is for the admin role"_s));
    }
    CHECK(stored(*demo.session) == original);
    requireIntact(*demo.session);
}

TEST_CASE("An edit that would make the program invalid is refused with the checker's message",
          "[program-editor]")
{
    DemoCopy demo;
    demo.actAs(u"admin"_s);
    const Program original = stored(*demo.session);
    const QString head = demo.session->audit().head().value();
    ProgramEditor editor(*demo.session);

    // DLI3 allocates 5,000,000 and its DLRs 1,000,000 + 1,500,000 + 2,500,000.
    auto tooMuch = editor.set(edit(K::Dlr, u"3.3"_s, F::Allocation, u"3000000"_s));
    REQUIRE_FALSE(tooMuch.ok());
    CHECK(tooMuch.error().code == ErrorCode::InvalidInput);
    CHECK(tooMuch.error().message.contains(u"dlis[2].dlrs: the DLR allocations add up to"_s));
    CHECK(tooMuch.error().message.contains(u"nothing was changed"_s));

    auto share = editor.set(edit(K::Program, {}, F::AdvanceCapShare, u"1.5"_s));
    REQUIRE_FALSE(share.ok());
    CHECK(share.error().message.contains(
        u"program.advance_cap_share: a share lies between 0 and 1"_s));

    auto sameAsBaseline = editor.set(edit(K::Dlr, u"3.3"_s, F::Target, u"220"_s));
    REQUIRE_FALSE(sameAsBaseline.ok());
    CHECK(sameAsBaseline.error().message.contains(u"nothing could be"_s));

    auto notANumber = editor.set(edit(K::Dlr, u"3.3"_s, F::Target, u"lots"_s));
    REQUIRE_FALSE(notANumber.ok());
    CHECK(notANumber.error().location == u"DLR 3.3, target"_s);

    auto noTarget = editor.set(edit(K::Indicator, u"JOBS"_s, F::Target, u"5"_s, u"FY2030"_s));
    REQUIRE_FALSE(noTarget.ok());
    CHECK(noTarget.error().code == ErrorCode::NotFound);

    auto noSuchDlr = editor.set(edit(K::Dlr, u"9.9"_s, F::Target, u"5"_s));
    REQUIRE_FALSE(noSuchDlr.ok());
    CHECK(noSuchDlr.error().code == ErrorCode::NotFound);

    auto noSuchField = editor.set(edit(K::ResultArea, u"RA1"_s, F::Target, u"5"_s));
    REQUIRE_FALSE(noSuchField.ok());

    auto emptyTitle = editor.set(edit(K::Indicator, u"JOBS"_s, F::Title, u"  "_s));
    REQUIRE_FALSE(emptyTitle.ok());
    CHECK(emptyTitle.error().message == u"a title cannot be empty"_s);

    CHECK(stored(*demo.session) == original);
    CHECK(demo.session->audit().head().value() == head);
}

TEST_CASE("What a final DLR earned never changes through an edit", "[program-editor]")
{
    DemoCopy demo;
    demo.actAs(u"admin"_s);
    const Program original = stored(*demo.session);
    auto status = Disbursements(*demo.session, original).compute(demo.now().date());
    REQUIRE(status.ok());
    const DlrResult* final = nullptr;
    for (const DliResult& d : status->dlis) {
        for (const DlrResult& r : d.dlrs) {
            if (!final && r.final && !r.money.earned.isZero())
                final = &r;
        }
    }
    REQUIRE(final);
    INFO("DLR " << final->code.toStdString());
    ProgramEditor editor(*demo.session);
    // Half the allocation: M falls below what it earned.
    const Money half = Money::fromMinor(final->money.available.minor() / 2);
    auto lower = editor.set(edit(K::Dlr, final->code, F::Allocation, half.toPlainString(2)));
    REQUIRE_FALSE(lower.ok());
    CHECK(lower.error().code == ErrorCode::Conflict);
    CHECK(lower.error().message.contains(u"a final DLR's earned amount never changes"_s));
    // Its title may change: no money moves.
    REQUIRE(editor.set(edit(K::Dlr, final->code, F::Title, u"Renamed"_s)).ok());
    requireIntact(*demo.session);
}

TEST_CASE("The fiscal-year start month and the currency change only before data refer to them",
          "[program-editor]")
{
    DemoCopy demo;
    demo.actAs(u"admin"_s);
    ProgramEditor editor(*demo.session);
    auto month = editor.set(edit(K::Program, {}, F::FiscalYearStartMonth, u"1"_s));
    REQUIRE_FALSE(month.ok());
    INFO(month.error().text());
    CHECK(month.error().message.contains(u"observations already name periods"_s));
    auto currency = editor.set(edit(K::Program, {}, F::Currency, u"PKR"_s));
    REQUIRE_FALSE(currency.ok());
    CHECK(currency.error().message.contains(u"disbursement events already record amounts"_s));

    FreshProgram fresh(demo.program());
    ProgramEditor freshEditor(*fresh.session);
    const ProgramEdit pkr = edit(K::Program, {}, F::Currency, u"PKR"_s);
    auto old = freshEditor.set(pkr);
    if (!old)
        FAIL(old.error().text().toStdString());
    CHECK(old.value() == u"USD"_s);
    CHECK(stored(*fresh.session).currency.code == u"PKR"_s);
    CHECK(stored(*fresh.session).financing == demo.program().financing);
    auto yen = freshEditor.set(edit(K::Program, {}, F::Currency, u"JPY"_s));
    REQUIRE_FALSE(yen.ok());
    CHECK(yen.error().message.contains(u"decimals"_s));

    // The demo's periods are whole fiscal years from FY2023: July stays the start month
    // unless the checker agrees; April keeps every period inside the program.
    const ProgramEdit april = edit(K::Program, {}, F::FiscalYearStartMonth, u"4"_s);
    auto was = freshEditor.set(april);
    if (!was)
        FAIL(was.error().text().toStdString());
    CHECK(was.value() == u"7"_s);
    CHECK(stored(*fresh.session).fiscalYearStartMonth == 4);
    ProgramEdit back = april;
    back.value = was.value();
    REQUIRE(freshEditor.set(back).ok());
    CHECK(stored(*fresh.session).fiscalYearStartMonth == 7);
    requireIntact(*fresh.session);
}
