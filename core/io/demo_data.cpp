#include "core/io/demo_data.h"

#include "core/engine/observation_checker.h"
#include "core/io/demo_data_detail.h"
#include "core/io/demo_files.h"
#include "core/io/demo_timeline.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QLocale>
#include <QMap>
#include <array>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

using namespace demo;

// Where the planted findings are; their values follow from the registers.
constexpr int AutoCluster = 4;       // LHR-AUTO: FIRMS_UPGRADE claim above the register
constexpr int SportsCluster = 1;     // SKT-SPRT: EXPORT_USD claim includes self-reported sales
constexpr int GujranwalaCluster = 5; // GRW-LENG: first-time exporters before any firm served
constexpr int Sdh = 0;
constexpr int Adrc = 1;

// The registers' figures per period and unit, as RegisterRepository::aggregate computes them.
struct Figures {
    std::array<std::array<int, Quarters>, 6> firmsToDate{}; // distinct firms served, cumulative
    std::array<std::array<int, Quarters>, 6> newExporters{};
    std::array<std::array<std::array<int, 2>, Quarters>, 2> trained{}; // [centre][q][women, all]
    std::array<std::array<qint64, Years>, 6> customsCents{};
    std::array<std::array<qint64, Years>, 6> selfReportedCents{};
    std::array<int, 6> firms{};
};

Figures figuresOf(const Registers& r)
{
    Figures f;
    for (const Firm& firm : r.firms) {
        const auto c = static_cast<std::size_t>(firm.cluster);
        ++f.firms[c];
        for (int q = qMax(0, firm.firstCompleted); firm.firstCompleted >= 0 && q < Quarters; ++q)
            ++f.firmsToDate[c][static_cast<std::size_t>(q)];
        if (firm.firstExport >= 0)
            ++f.newExporters[c][static_cast<std::size_t>(firm.firstExport)];
    }
    for (const Trainee& t : r.trainees) {
        auto& cell =
            f.trained[static_cast<std::size_t>(t.centre)][static_cast<std::size_t>(t.quarter)];
        if (t.completed) {
            cell[0] += t.female ? 1 : 0;
            ++cell[1];
        }
    }
    for (const ExportRow& e : r.exports) {
        const auto c = static_cast<std::size_t>(r.firms[e.firm].cluster);
        const auto y = static_cast<std::size_t>(e.period.fiscalYear() - FirstYear);
        (e.customs ? f.customsCents : f.selfReportedCents)[c][y] += e.usdCents;
    }
    return f;
}

Decimal count(qint64 n)
{
    return Decimal::fromInt(n);
}

Decimal dollars(qint64 cents)
{
    return Decimal::fromUnits(cents * 10'000);
}

QString money(qint64 cents)
{
    return QLocale(QLocale::English, QLocale::UnitedStates)
        .toString(static_cast<double>(cents) / 100.0, 'f', 2);
}

// Writes the officers' observations and keeps their ids by "indicator|period|unit|category".
class Claims {
public:
    Claims(Session& session, const Program& program, Dice& dice, const QDateTime& end)
        : m_session(session), m_program(program), m_dice(dice), m_end(end.toUTC())
    {}

    Status add(const QString& indicator, const Period& period, const QString& unit,
               const QString& category, Decimal value, const QString& source,
               const QString& note = {})
    {
        Observation o;
        o.indicator = indicator;
        o.period = period;
        o.orgUnit = unit;
        o.category = category;
        o.value = value;
        o.source = source;
        o.note = note;
        o.createdAt = reportedAt(period, unit);
        if (const auto problems = ObservationChecker::check(m_program, o); !problems.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         DemoData::tr("the demo's observation of %1 for %2 at %3 is refused: %4")
                             .arg(indicator, period.code(), unit, problems.first().message));
        QString id;
        DLI_ASSIGN(id, m_session.observations().insert(o));
        m_ids.insert(key(indicator, period, unit, category), id);
        m_created.insert(id, o.createdAt);
        m_values.insert(key(indicator, period, unit, category), value);
        return {};
    }

    static QString key(const QString& indicator, const Period& period, const QString& unit,
                       const QString& category = {})
    {
        return indicator + u'|' + period.code() + u'|' + unit + u'|' + category;
    }
    QString id(const QString& key) const { return m_ids.value(key); }
    Decimal value(const QString& key) const { return m_values.value(key); }
    QDateTime createdAt(const QString& id) const { return m_created.value(id); }

private:
    // One return per period and unit: a few weeks after the period ends, never after the demo's
    // end.
    QDateTime reportedAt(const Period& period, const QString& unit)
    {
        const QString k = period.code() + u'|' + unit;
        if (auto it = m_times.constFind(k); it != m_times.constEnd())
            return it.value();
        const int sm = m_program.fiscalYearStartMonth;
        const int days = period.isYear() ? m_dice.between(30, 50) : m_dice.between(10, 24);
        const int minutes = m_dice.between(0, 7 * 60);
        QDateTime t(period.end(sm).addDays(days), QTime(9, 0), Qt::UTC);
        t = qMin(t.addSecs(qint64(minutes) * 60), m_end);
        m_times.insert(k, t);
        return t;
    }

    Session& m_session;
    const Program& m_program;
    Dice& m_dice;
    QDateTime m_end;
    QMap<QString, QString> m_ids;
    QMap<QString, QDateTime> m_created;
    QMap<QString, Decimal> m_values;
    QMap<QString, QDateTime> m_times;
};

Status writeQuarter(Claims& claims, Dice& d, const Figures& f, int q)
{
    const Period p = quarterAt(q);
    const auto qi = static_cast<std::size_t>(q);
    const QString mis = u"PSIC MIS quarterly return"_s;
    for (int c = 0; c < clusters().size(); ++c) {
        const auto ci = static_cast<std::size_t>(c);
        const QString& unit = clusters()[c].code;
        // FIRMS_UPGRADE: the firms served for the first time in the quarter (an increment).
        const int firmsNew = f.firmsToDate[ci][qi] - (q > 0 ? f.firmsToDate[ci][qi - 1] : 0);
        int claimed = firmsNew;
        QString note = DemoData::tr("Proposed from the services register");
        if (c == AutoCluster && q == Quarters - 1) {
            claimed = firmsNew + qMax(4, f.firmsToDate[ci][qi] * 8 / 100 + 1);
            note = DemoData::tr("Proposed from the services register, where the firms served "
                                "for the first time number %1; the cluster office claimed %2, "
                                "counting firms whose services were still ongoing")
                       .arg(firmsNew)
                       .arg(claimed);
        }
        DLI_TRY(claims.add(u"FIRMS_UPGRADE"_s, p, unit, {}, count(claimed),
                           u"PSIC MIS quarterly return (services register)"_s, note));

        // EXPORTERS_NEW: firms whose first customs record falls in the quarter.
        int exporters = f.newExporters[ci][qi];
        note.clear();
        if (c == GujranwalaCluster && q == 0) {
            exporters += 2;
            note = DemoData::tr("Includes 2 firms from the Gujranwala Chamber of Commerce export "
                                "list that the program has not served yet");
        }
        DLI_TRY(claims.add(u"EXPORTERS_NEW"_s, p, unit, {}, count(exporters), mis, note));

        // LINKAGES: supply agreements signed in the quarter, more as the program matures.
        static const std::array<QList<int>, Years> linkageOdds{
            QList<int>{50, 35, 15}, QList<int>{30, 40, 20, 10}, QList<int>{20, 35, 30, 15}};
        const int linkages = d.weighted(linkageOdds[static_cast<std::size_t>(q / 4)]);
        DLI_TRY(claims.add(u"LINKAGES"_s, p, unit, {}, count(linkages),
                           u"Cluster office quarterly return"_s));
    }
    for (int c = 0; c < 2; ++c) {
        const QString& unit = centreCodes()[c];
        const auto& cell = f.trained[static_cast<std::size_t>(c)][qi];
        const QString source = u"Design centre quarterly return (trainee register)"_s;
        int women = cell[0];
        int all = cell[1];
        QString womenNote = DemoData::tr("Proposed from the trainee register");
        QString allNote = womenNote;
        if (c == Sdh && q == 5) {
            women = cell[0] + qMax(3, cell[0] * 15 / 100 + 1);
            womenNote = DemoData::tr("The trainee register shows %1 women; the attendance sheets "
                                     "of one batch were counted twice")
                            .arg(cell[0]);
        }
        if (c == Adrc && q == 2) {
            const int men = cell[1] - cell[0];
            all = men < cell[0] ? men : cell[0] * 45 / 100;
            allNote = DemoData::tr("The trainee register shows %1 people trained; the figure "
                                   "entered is the number of men")
                          .arg(cell[1]);
        }
        DLI_TRY(claims.add(u"TRAINED_W"_s, p, unit, {}, count(women), source, womenNote));
        DLI_TRY(claims.add(u"TRAINED_ALL"_s, p, unit, {}, count(all), source, allNote));
    }
    return {};
}

Status writeYear(Claims& claims, Dice& d, const Figures& f, int y)
{
    const Period p = Period::year(FirstYear + y);
    const auto yi = static_cast<std::size_t>(y);
    static const std::array<int, Years> jobsPerFirm{25, 42, 60}; // tenths of a job
    for (int c = 0; c < clusters().size(); ++c) {
        const auto ci = static_cast<std::size_t>(c);
        const QString& unit = clusters()[c].code;
        const int spread = d.between(80, 120);
        const int jobs = f.firms[ci] * jobsPerFirm[yi] * spread / 1000;
        const int womenSpread = d.between(85, 115);
        const int women = jobs * clusters()[c].womenJobs * womenSpread / 10'000;
        const QString survey = u"Annual survey of supported firms"_s;
        DLI_TRY(claims.add(u"JOBS"_s, p, unit, u"women"_s, count(women), survey));
        DLI_TRY(claims.add(u"JOBS"_s, p, unit, u"men"_s, count(jobs - women), survey));

        const qint64 customs = f.customsCents[ci][yi];
        qint64 claimed = customs;
        QString note = DemoData::tr("Proposed from the customs records in the exports register");
        if (c == SportsCluster && y == 1) {
            const qint64 self = f.selfReportedCents[ci][yi];
            claimed = self * 100 > customs * 3 ? customs + self : customs * 110 / 100;
            note = DemoData::tr("Customs records show US$%1; the claim adds US$%2 of export "
                                "sales the firms reported themselves")
                       .arg(money(customs), money(claimed - customs));
        }
        DLI_TRY(claims.add(u"EXPORT_USD"_s, p, unit, {}, dollars(claimed),
                           u"Customs (WeBOC) extract"_s, note));
    }
    return {};
}

Status writeObservations(Claims& claims, Dice& d, const Figures& f)
{
    DLI_TRY(claims.add(u"STRATEGY"_s, Period::quarter(2023, 3), u"PB"_s, {}, count(1),
                       u"Government of Punjab notification"_s,
                       DemoData::tr("Cluster development strategy notified and the CDI "
                                    "operations manual approved")));
    int previous = 440; // DAYS_REG in tenths of a day
    for (int q = 0; q < Quarters; ++q) {
        int days = q < 7 ? 440 - 160 * q / 7 : 280 - 90 * (q - 7) / 4;
        if (q != 0 && q != 7 && q != Quarters - 1)
            days += d.between(-6, 6);
        days = qMin(days, previous);
        previous = days;
        DLI_TRY(claims.add(u"DAYS_REG"_s, quarterAt(q), u"PB"_s, {},
                           Decimal::fromUnits(qint64(days) * 100'000),
                           u"PSIC registration system"_s,
                           DemoData::tr("Mean days from application to registration")));
        DLI_TRY(writeQuarter(claims, d, f, q));
        if (q % 4 == 3)
            DLI_TRY(writeYear(claims, d, f, q / 4));
    }
    return {};
}

QString reference(Dice& d, int year)
{
    return u"PSIC/M&E/"_s + QString::number(year) + u'/' +
           QString::number(d.between(100, 999)).rightJustified(4, u'0');
}

// The evidence files: generated PDFs and PNGs attached to observations, firms and services.
Status attachEvidence(Session& session, const Program& program, Dice& d, const Claims& claims,
                      const Registers& r, DemoTimeline& timeline)
{
    EvidenceRepository& evidence = session.evidence();
    using Target = Evidence::Target;
    // Attached when the row was entered (an observation's file comes with its return), or at
    // `when` for a register row.
    auto attach = [&](Target target, const QString& key, const QString& name,
                      const QByteArray& bytes, const QDateTime& when = {}) -> Status {
        if (key.isEmpty())
            return {}; // no such row in this draw
        timeline.set(target == Target::Observation ? claims.createdAt(key).addSecs(20 * 60) : when);
        const QString mime = name.endsWith(u".png"_s) ? u"image/png"_s : u"application/pdf"_s;
        auto e = evidence.attach(target, key, name, mime, bytes);
        if (!e)
            return e.error();
        return {};
    };
    auto note = [&](const QString& title, const QStringList& body, int year) {
        QStringList lines{u"Punjab Jobs and Competitiveness PforR \u2014 Cluster Development "
                          u"Initiative"_s,
                          u"Reference: "_s + reference(d, year), QString()};
        lines << body << QString() << u"Prepared by the M&E cell, PSIC head office, Lahore"_s;
        return DemoFiles::pdf(title, lines);
    };
    auto obs = [&](const QString& indicator, const Period& p, const QString& unit) {
        return claims.id(Claims::key(indicator, p, unit));
    };
    // What an observation's document is about, above its own lines.
    auto about = [&](const QString& indicator, const Period& p, const QString& unit,
                     const QStringList& body) {
        const Indicator* x = program.indicator(indicator);
        QStringList lines{u"Indicator: "_s + indicator + u" \u2014 "_s + (x ? x->title : QString()),
                          u"Period: "_s + p.code() + u"    Org unit: "_s + unit,
                          u"Value reported: "_s +
                              claims.value(Claims::key(indicator, p, unit)).toString(),
                          QString()};
        return lines + body;
    };

    const Period strategy = Period::quarter(2023, 3);
    DLI_TRY(attach(
        Target::Observation, obs(u"STRATEGY"_s, strategy, u"PB"_s), u"strategy-notification.pdf"_s,
        note(u"Notification \u2014 Punjab Cluster Development Strategy"_s,
             about(u"STRATEGY"_s, strategy, u"PB"_s,
                   {u"The Government of Punjab adopts the Cluster Development Strategy."_s,
                    u"Notified by the Industries, Commerce and Investment Department."_s}),
             2023)));
    DLI_TRY(attach(Target::Observation, obs(u"STRATEGY"_s, strategy, u"PB"_s),
                   u"cdi-operations-manual-approval.pdf"_s,
                   note(u"CDI operations manual \u2014 approval"_s,
                        about(u"STRATEGY"_s, strategy, u"PB"_s,
                              {u"The CDI operations manual is approved by the PSIC Board."_s}),
                        2023)));
    for (const int q : {7, 11}) {
        const Period p = quarterAt(q);
        DLI_TRY(attach(Target::Observation, obs(u"DAYS_REG"_s, p, u"PB"_s),
                       u"iva-note-dli2-"_s + p.code() + u".pdf"_s,
                       note(u"IVA verification note \u2014 DLI2 "_s + p.code(),
                            about(u"DAYS_REG"_s, p, u"PB"_s,
                                  {u"Registration system extract checked for the quarter."_s,
                                   u"Mystery-shopper test: 30 applications followed."_s}),
                            p.fiscalYear())));
    }
    const Period dli3 = quarterAt(5);
    DLI_TRY(attach(Target::Observation, obs(u"FIRMS_UPGRADE"_s, dli3, u"SKT-SURG"_s),
                   u"iva-note-dli3-FY2025-Q2.pdf"_s,
                   note(u"IVA verification note \u2014 DLI3 "_s + dli3.code(),
                        about(u"FIRMS_UPGRADE"_s, dli3, u"SKT-SURG"_s,
                              {u"Sample of firms drawn from the services register."_s,
                               u"Each sampled firm visited; checklists and photos attached."_s}),
                        2025)));
    const Period last = quarterAt(Quarters - 1);
    DLI_TRY(attach(Target::Observation, obs(u"FIRMS_UPGRADE"_s, last, u"LHR-AUTO"_s),
                   u"services-extract-LHR-AUTO-"_s + last.code() + u".pdf"_s,
                   note(u"Services register extract \u2014 LHR-AUTO "_s + last.code(),
                        about(u"FIRMS_UPGRADE"_s, last, u"LHR-AUTO"_s,
                              {u"Services delivered to auto-parts firms during the quarter."_s}),
                        last.fiscalYear())));
    DLI_TRY(attach(Target::Observation, obs(u"TRAINED_W"_s, quarterAt(5), u"SDH"_s),
                   u"attendance-SDH-FY2025-Q2.pdf"_s,
                   note(u"Attendance sheets \u2014 SDH FY2025-Q2"_s,
                        about(u"TRAINED_W"_s, quarterAt(5), u"SDH"_s,
                              {u"Shoe Design Hub: attendance of every batch in the quarter."_s}),
                        2025)));
    DLI_TRY(attach(Target::Observation, obs(u"TRAINED_ALL"_s, quarterAt(2), u"ADRC"_s),
                   u"trainee-extract-ADRC-FY2024-Q3.pdf"_s,
                   note(u"Trainee register extract \u2014 ADRC FY2024-Q3"_s,
                        about(u"TRAINED_ALL"_s, quarterAt(2), u"ADRC"_s,
                              {u"Apparel Design and Research Centre: trainees of the quarter."_s}),
                        2024)));
    DLI_TRY(attach(Target::Observation, obs(u"EXPORT_USD"_s, Period::year(2025), u"SKT-SPRT"_s),
                   u"weboc-SKT-SPRT-FY2025.pdf"_s,
                   note(u"Customs (WeBOC) export records \u2014 SKT-SPRT FY2025"_s,
                        about(u"EXPORT_USD"_s, Period::year(2025), u"SKT-SPRT"_s,
                              {u"Goods declarations of the cluster's exporters for the year."_s}),
                        2025)));
    const Period linkage = quarterAt(8);
    DLI_TRY(attach(Target::Observation, obs(u"LINKAGES"_s, linkage, u"LHR-AUTO"_s),
                   u"supply-agreement.pdf"_s,
                   note(u"Supply agreement \u2014 lead firm and cluster SME"_s,
                        about(u"LINKAGES"_s, linkage, u"LHR-AUTO"_s,
                              {u"Signed agreement and first purchase order."_s}),
                        2026)));
    DLI_TRY(attach(Target::Observation, obs(u"LINKAGES"_s, linkage, u"LHR-AUTO"_s),
                   u"supply-agreement-signing.png"_s, DemoFiles::photo(d.generator(), 96, 64)));

    // The verification agent's quarterly report, on every figure of the DLIs whose protocol asks
    // for evidence, so that the officer can submit them; the last quarter's is not in yet.
    QStringList clusterCodes;
    for (const Cluster& c : clusters())
        clusterCodes << c.code;
    const QList<std::pair<QString, QStringList>> dliFigures{{u"DAYS_REG"_s, {u"PB"_s}},
                                                            {u"FIRMS_UPGRADE"_s, clusterCodes},
                                                            {u"TRAINED_W"_s, {u"SDH"_s, u"ADRC"_s}},
                                                            {u"EXPORTERS_NEW"_s, clusterCodes}};
    for (int q = 0; q < Quarters - 1; ++q) {
        const Period p = quarterAt(q);
        for (const auto& [indicator, units] : dliFigures) {
            const Dli* dli = program.dliForIndicator(indicator);
            const QString code = dli ? dli->code : indicator;
            const QByteArray report =
                note(u"IVA quarterly report \u2014 "_s + code + u" "_s + p.code(),
                     {u"Indicator: "_s + indicator, u"Period: "_s + p.code(),
                      u"Figures of "_s + units.join(u", "_s) + u" checked against the records."_s},
                     p.fiscalYear());
            for (const QString& unit : units)
                DLI_TRY(attach(Target::Observation, obs(indicator, p, unit),
                               u"iva-report-"_s + code.toLower() + u"-"_s + p.code() + u".pdf"_s,
                               report));
        }
    }

    // Field visits to the first served firm of two clusters.
    for (const int cluster : {0, 3}) {
        for (const Firm& f : r.firms) {
            if (f.cluster != cluster || f.firstCompleted < 0)
                continue;
            const QDateTime visited(QDate(2025, 3, 11 + cluster), QTime(15, 30), Qt::UTC);
            DLI_TRY(attach(Target::Firm, f.code, u"field-visit-"_s + f.code + u".png"_s,
                           DemoFiles::photo(d.generator(), 96, 64), visited));
            DLI_TRY(attach(Target::Firm, f.code, u"field-visit-checklist-"_s + f.code + u".pdf"_s,
                           note(u"Field visit checklist \u2014 "_s + f.name,
                                {u"Firm: "_s + f.code + u" ("_s + clusters()[f.cluster].city + u')',
                                 u"Practices observed: 5S, process layout, quality records."_s},
                                2025),
                           visited.addSecs(10 * 60)));
            break;
        }
    }
    // Proof of three services.
    for (const QString& type : {u"certification"_s, u"exhibition"_s, u"common_facility"_s}) {
        for (const Service& s : r.services) {
            if (s.type != type || s.status != u"completed"_s)
                continue;
            const QDateTime filed(s.date.addDays(3), QTime(11, 0), Qt::UTC);
            if (type == u"exhibition"_s)
                DLI_TRY(attach(Target::Service, s.id, u"exhibition-invoice.pdf"_s,
                               note(u"Invoice \u2014 exhibition stall"_s,
                                    {u"Stall for "_s + r.firms[s.firm].name + u", "_s + s.provider +
                                     u", "_s + s.date.toString(Qt::ISODate)},
                                    s.date.year()),
                               filed));
            else
                DLI_TRY(attach(Target::Service, s.id,
                               type + u"-"_s + r.firms[s.firm].code + u".png"_s,
                               DemoFiles::photo(d.generator(), 80, 60), filed));
            break;
        }
    }
    return {};
}

} // namespace

Status DemoData::populate(Session& session, const Program& program, quint64 seed,
                          DemoTimeline& timeline)
{
    const QDateTime entered = session.options().now();
    // The whole 64-bit seed, and a salt so that the data do not mirror the seeded ids.
    const std::array<quint32, 3> seeds{static_cast<quint32>(seed & 0xFFFFFFFFu),
                                       static_cast<quint32>(seed >> 32), 0x44454D4Fu};
    QRandomGenerator rng(seeds.data(), static_cast<qsizetype>(seeds.size()));
    Dice dice(rng);

    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    Registers registers;
    DLI_ASSIGN(registers, writeRegisters(session, program.fiscalYearStartMonth, dice));
    Claims claims(session, program, dice, timeline.end());
    DLI_TRY(writeObservations(claims, dice, figuresOf(registers)));
    DLI_TRY(attachEvidence(session, program, dice, claims, registers, timeline));
    timeline.set(entered);
    // Marks the file as the demo, whose login offers its accounts.
    DLI_TRY(session.meta().set(u"demo_seed"_s, QString::number(seed)));
    auto entry = session.audit().recordBulk(u"demo.populate"_s,
                                            QJsonObject{{u"seed"_s, QString::number(seed)}});
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    emit session.notifier().observationsChanged();
    emit session.notifier().evidenceChanged();
    return {};
}

} // namespace dli
