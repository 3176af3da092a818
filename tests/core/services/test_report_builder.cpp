// The quarterly report's data, assembled in core: tied to the engine's numbers, its fingerprint
// (stable, changed by a relevant edit, unchanged by an irrelevant one, reproduced "as known
// at"), and golden CSV files of the demo's quarters.
//
// Run with DLI_REGENERATE_GOLDEN=1 to write tests/data/golden/report/<quarter>/ instead of
// comparing; review the difference before keeping it.
#include "core/io/xlsx_table_reader.h"
#include "core/report/report_builder.h"
#include "core/report/report_csv.h"
#include "core/report/report_xlsx.h"
#include "core/workflow/disbursements.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

#include <QDir>
#include <QFileInfo>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace dli;
using dli::test::DemoCopy;
using dli::test::must;

namespace {

QuarterlyReport build(DemoCopy& d, const Period& quarter, const QDateTime& knownAt = {},
                      const QDate& asOf = {})
{
    ReportBuilder::Options o;
    o.quarter = quarter;
    o.asOf = asOf;
    o.knownAt = knownAt;
    return must(ReportBuilder::build(*d.session, d.program(), o));
}

const ReportTable* table(const QuarterlyReport& r, const QString& key)
{
    for (const ReportSection& s : r.sections) {
        for (const ReportTable& t : s.tables) {
            if (t.key == key)
                return &t;
        }
    }
    return nullptr;
}

Decimal figure(const QuarterlyReport& r, const QString& key)
{
    const ReportSection* s = r.section(u"summary");
    REQUIRE(s);
    for (const ReportFigure& f : s->figures) {
        if (f.key == key) {
            REQUIRE(f.value.number.has_value());
            return *f.value.number;
        }
    }
    FAIL("no figure " << key.toStdString());
    return {};
}

Decimal exact(const Money& m)
{
    return Decimal::parse(m.toPlainString(2)).value();
}

// Every table of a report as CSV, joined: its content as people read it, without the summary
// file's cover lines (when it was known at).
QByteArray tablesCsv(const QuarterlyReport& r)
{
    QByteArray out;
    for (const QString& name : ReportCsv::names(r)) {
        if (name != u"summary"_s)
            out += name.toUtf8() + '\n' + must(ReportCsv::bytes(r, name));
    }
    return out;
}

// Every sheet of a workbook as the importer reads it back: "## Sheet", then "line: a | b | c".
QString workbookText(const QString& path)
{
    QString out;
    for (const QString& sheet : must(XlsxTableReader::open(path))->sheetNames()) {
        out += u"## "_s + sheet + u'\n';
        auto reader = must(XlsxTableReader::open(path, sheet));
        TableRow row;
        while (must(reader->next(row)))
            out += QString::number(row.line) + u": "_s + row.cells.join(u" | "_s) + u'\n';
    }
    return out;
}

} // namespace

TEST_CASE("Report: the numbers are the engine's, section by section", "[report][builder]")
{
    DemoCopy d;
    const Period q = Period::quarter(2026, 3);
    const QuarterlyReport r = build(d, q);
    CHECK(r.programCode == u"PJC-CDI"_s);
    CHECK(r.asOf == QDate(2026, 3, 31));
    CHECK(r.quarterStart == QDate(2026, 1, 1));
    CHECK(r.quarterText() == u"FY2026-Q3 (1 January 2026 to 31 March 2026)"_s);
    CHECK(r.knownAt == d.now());
    CHECK(r.fingerprint.size() == 64);
    CHECK(r.auditHead == must(d.session->audit().head()));
    QStringList keys;
    for (const ReportSection& s : r.sections)
        keys << s.key;
    CHECK(keys == QStringList{u"summary"_s, u"dli-status"_s, u"results-framework"_s, u"charts"_s,
                              u"verification"_s, u"data-quality"_s, u"evidence"_s});

    const Disbursement e = must(Disbursements(*d.session, d.program()).compute(r.asOf));
    CHECK(figure(r, u"financing"_s) == exact(e.financing));
    CHECK(figure(r, u"earned"_s) == exact(e.totals.earned));
    CHECK(figure(r, u"disbursed"_s) == exact(e.totals.disbursed));
    CHECK(figure(r, u"eligible"_s) == exact(e.totals.eligible));
    CHECK(figure(r, u"payable"_s) == exact(e.totals.payable));
    CHECK(figure(r, u"outstanding_advances"_s) == exact(e.outstandingAdvances));

    // The DLI status table: one row per DLI and DLR, then the total, with the engine's sums.
    const ReportTable* status = table(r, u"dli-status"_s);
    REQUIRE(status);
    int dlrs = 0;
    for (const DliResult& dli : e.dlis)
        dlrs += static_cast<int>(dli.dlrs.size());
    REQUIRE(status->rows.size() == e.dlis.size() + dlrs + 1);
    CHECK(status->groupRows.size() == e.dlis.size() + 1);
    const QList<ReportCell>& total = status->rows.last();
    CHECK(total.first().text == u"Total"_s);
    CHECK(total[7].number == exact(e.totals.earned));
    CHECK(total[8].number == exact(e.totals.disbursed));
    CHECK(total[10].number == exact(e.totals.payable));
    for (const QList<ReportCell>& row : status->rows)
        CHECK(row.size() == status->columns.size());
    const DlrResult* r33 = e.dlr(u"3.3");
    REQUIRE(r33);
    bool seen = false;
    for (const QList<ReportCell>& row : status->rows) {
        if (row.first().text != u"3.3"_s)
            continue;
        seen = true;
        CHECK(row[2].text == u"in progress"_s);
        CHECK(row[7].number == exact(r33->money.earned));
    }
    CHECK(seen);

    // Charts: one progress chart per DLI, disbursement by DLI and over time, clusters.
    const ReportSection* charts = r.section(u"charts");
    REQUIRE(charts);
    QStringList kinds;
    for (const ChartData& c : charts->charts)
        kinds << c.kind;
    CHECK(kinds.count(u"dli-progress"_s) == d.program().dlis.size());
    CHECK(kinds.contains(u"disbursement"_s));
    CHECK(kinds.contains(u"timeline"_s));
    CHECK(kinds.contains(u"clusters"_s));

    // Verification: the quarter's submissions, and every table has as many cells as columns.
    const ReportTable* flow = table(r, u"verification-flow"_s);
    REQUIRE(flow);
    REQUIRE_FALSE(flow->rows.isEmpty());
    CHECK(flow->rows.last().first().text == u"Total"_s);
    CHECK(flow->rows.last()[1].number > Decimal());
    for (const QString& key : {u"samples"_s, u"reconciliation"_s, u"data-quality"_s, u"evidence"_s,
                               u"results-framework"_s, u"dlrs-of-note"_s}) {
        const ReportTable* t = table(r, key);
        INFO(key.toStdString());
        REQUIRE(t);
        CHECK_FALSE(t->title.isEmpty());
        CHECK((!t->rows.isEmpty() || !t->emptyText.isEmpty()));
        for (const QList<ReportCell>& row : t->rows)
            CHECK(row.size() == t->columns.size());
    }
    // The demo's planted VR1 finding (more women trained than people) is open.
    const ReportTable* quality = table(r, u"data-quality"_s);
    bool vr1 = false;
    for (const QList<ReportCell>& row : quality->rows)
        vr1 = vr1 || row.first().text == u"VR1"_s;
    CHECK(vr1);
}

TEST_CASE("Report: the sample closed and the DLRs claimed in their quarter", "[report][builder]")
{
    DemoCopy d;
    // FY2025-Q3 (January to March 2025): the demo's field round on DLI3 closed in January.
    const QuarterlyReport r = build(d, Period::quarter(2025, 3));
    const ReportTable* samples = table(r, u"samples"_s);
    REQUIRE(samples);
    REQUIRE(samples->rows.size() == 1);
    CHECK(samples->rows.first().first().text.startsWith(u"FIRMS_UPGRADE FY2025-Q2 SKT-SURG"_s));
    CHECK(samples->rows.first()[6].text == u"verified"_s);
    // DLR 4.1 was disbursed in the quarter (WA-04, 20 January 2025): its evidence is listed.
    const ReportTable* evidence = table(r, u"evidence"_s);
    REQUIRE(evidence);
    bool dlr41 = false;
    for (const QList<ReportCell>& row : evidence->rows) {
        dlr41 = dlr41 || row.first().text == u"4.1"_s;
        CHECK(row[3].text.size() == 64);
    }
    CHECK(dlr41);
}

TEST_CASE("Report: the fingerprint is stable, and changes only with the data",
          "[report][fingerprint]")
{
    DemoCopy d;
    const Period q = Period::quarter(2026, 3);
    const QuarterlyReport first = build(d, q);

    // Later, and known at a later moment: the same data, the same fingerprint.
    d.advance(3600);
    const QuarterlyReport again = build(d, q);
    CHECK(again.generatedAt != first.generatedAt);
    CHECK(again.fingerprint == first.fingerprint);

    // An irrelevant change: a figure for a period after the as-of date.
    d.actAs(u"officer"_s);
    Observation later;
    later.indicator = u"LINKAGES"_s;
    later.period = Period::quarter(2027, 1);
    later.orgUnit = u"LHR-AUTO"_s;
    later.value = Decimal::fromInt(3);
    REQUIRE(d.session->observations().insert(later));
    CHECK(build(d, q).fingerprint == first.fingerprint);

    // A relevant change: a figure of the quarter verified with a date in it.
    QString pending;
    for (const Observation& o : must(d.session->observations().all())) {
        if (o.state == ObservationState::Submitted && o.period == Period::quarter(2026, 2) &&
            o.indicator == u"LINKAGES"_s)
            pending = o.id;
    }
    REQUIRE_FALSE(pending.isEmpty());
    const QDateTime beforeVerifying = d.now();
    d.advance(60);
    d.actAs(u"verifier"_s);
    Workflow::VerifyRequest v;
    v.id = pending;
    v.date = QDate(2026, 2, 20); // backdated into the quarter
    REQUIRE(Workflow(*d.session, d.program()).verify(v));
    d.advance(60);
    const QuarterlyReport changed = build(d, q);
    CHECK(changed.fingerprint != first.fingerprint);

    // As known at the moment before: the earlier report exactly, fingerprint included, although
    // a backdated verification was entered since.
    const QuarterlyReport reproduced = build(d, q, beforeVerifying);
    CHECK(reproduced.fingerprint == first.fingerprint);
    CHECK(reproduced.knownAt == beforeVerifying);
    const bool sameTables = tablesCsv(reproduced) == tablesCsv(first);
    CHECK(sameTables);
    const bool changedTables = tablesCsv(changed) != tablesCsv(first);
    CHECK(changedTables);
    CHECK(reproduced.auditHead != changed.auditHead);
}

TEST_CASE("Report: the same data gives the same fingerprint on every machine",
          "[report][fingerprint]")
{
    // The demo is the same on every machine (seeded ids, the story's clock); so is its
    // fingerprint. A change of this value means the canonical serialisation changed: say so in
    // docs/reports.md, since readers check old reports against it.
    DemoCopy d;
    const QuarterlyReport r = build(d, Period::quarter(2026, 4), Demo::fixedNow());
    CHECK(r.fingerprint == u"afd08b7f6ae04f05614c1fba75beb1cd61b8d1ded4dc9a662796a820a117952a"_s);
    CHECK(r.auditHead == must(d.session->audit().headAt(Demo::fixedNow())).hash);
}

TEST_CASE("Report: wrong quarters and dates are refused, a cancel stops it", "[report][builder]")
{
    DemoCopy d;
    ReportBuilder::Options o;
    o.quarter = Period::year(2026);
    auto r = ReportBuilder::build(*d.session, d.program(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Usage);

    o.quarter = Period::quarter(2040, 1);
    r = ReportBuilder::build(*d.session, d.program(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(u"FY2040-Q1"_s));

    o.quarter = Period::quarter(2026, 3);
    o.asOf = QDate(2025, 12, 31);
    r = ReportBuilder::build(*d.session, d.program(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(u"before the quarter"_s));

    o.asOf = {};
    o.knownAt = d.now().addDays(1);
    r = ReportBuilder::build(*d.session, d.program(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(u"future"_s));

    o.knownAt = {};
    QStringList steps;
    o.progress = [&steps](int percent, const QString& step) {
        steps << step;
        return percent < 40;
    };
    r = ReportBuilder::build(*d.session, d.program(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Conflict);
    CHECK(r.error().message.contains(u"cancelled"_s));
    CHECK(steps.size() == 4);
}

TEST_CASE("Report: golden CSV files and workbook cells of the demo's quarters", "[report][golden]")
{
    DemoCopy d;
    for (const Period& q : {Period::quarter(2025, 3), Period::quarter(2026, 4)}) {
        const QuarterlyReport r = build(d, q, Demo::fixedNow());
        const QString folder = test::dataPath(u"golden/report/"_s + q.code());
        // The workbook's cells, read back.
        const QString xlsx = d.dir().path(q.code() + u".xlsx"_s);
        REQUIRE(ReportXlsx::write(r, xlsx).ok());
        const QString cells = workbookText(xlsx);
        CHECK(cells.contains(r.fingerprint));
        const QString cellsPath = folder + u"/workbook.txt"_s;
        if (qEnvironmentVariableIntValue("DLI_REGENERATE_GOLDEN") == 1) {
            REQUIRE(QDir().mkpath(folder));
            test::writeFile(cellsPath, cells.toUtf8());
        } else {
            INFO(cellsPath.toStdString());
            REQUIRE(QFileInfo::exists(cellsPath));
            const QString expected = QString::fromUtf8(test::readFile(cellsPath));
            INFO("regenerate on purpose with DLI_REGENERATE_GOLDEN=1\n"
                 << test::firstDifference(cells, expected).toStdString());
            const bool same = cells == expected;
            CHECK(same);
        }
        for (const QString& name : ReportCsv::names(r)) {
            const QString path = folder + u'/' + name + u".csv"_s;
            const QByteArray actual = must(ReportCsv::bytes(r, name));
            CHECK(actual.startsWith("\xEF\xBB\xBF"));
            if (qEnvironmentVariableIntValue("DLI_REGENERATE_GOLDEN") == 1) {
                REQUIRE(QDir().mkpath(folder));
                test::writeFile(path, actual);
                std::cout << "DLI_REGENERATE_GOLDEN=1: wrote " << path.toStdString() << std::endl;
                continue;
            }
            INFO(path.toStdString());
            REQUIRE(QFileInfo::exists(path));
            const QByteArray expected = test::readFile(path);
            INFO("regenerate on purpose with DLI_REGENERATE_GOLDEN=1\n"
                 << test::firstDifference(QString::fromUtf8(actual), QString::fromUtf8(expected))
                        .toStdString());
            const bool same = actual == expected;
            CHECK(same);
        }
    }
}
