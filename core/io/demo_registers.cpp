// The demo's registers: firms in six clusters, services delivered to them, trainees of the two
// design centres, and export records. See demo_data_detail.h.

#include "core/io/demo_data_detail.h"
#include "core/model/register_fields.h"
#include "core/storage/session.h"

#include <QSet>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace dli::demo {

namespace {

const QStringList kFamilies{u"Rehman"_s, u"Malik"_s,    u"Butt"_s,     u"Cheema"_s,   u"Chaudhry"_s,
                            u"Sheikh"_s, u"Qureshi"_s,  u"Awan"_s,     u"Bajwa"_s,    u"Ghumman"_s,
                            u"Mughal"_s, u"Ansari"_s,   u"Siddiqui"_s, u"Hashmi"_s,   u"Khawaja"_s,
                            u"Iqbal"_s,  u"Farooq"_s,   u"Nawaz"_s,    u"Saleem"_s,   u"Javed"_s,
                            u"Akhtar"_s, u"Anwar"_s,    u"Aslam"_s,    u"Tariq"_s,    u"Zafar"_s,
                            u"Raza"_s,   u"Abbas"_s,    u"Haider"_s,   u"Yousaf"_s,   u"Rafiq"_s,
                            u"Bhatti"_s, u"Randhawa"_s, u"Sandhu"_s,   u"Warraich"_s, u"Gondal"_s,
                            u"Dar"_s,    u"Mir"_s,      u"Lodhi"_s,    u"Niazi"_s,    u"Sethi"_s};
const QStringList kBrands{
    u"Al-Noor"_s,      u"Al-Madina"_s, u"Al-Fatah"_s, u"Al-Rehman"_s, u"Al-Karim"_s, u"Crescent"_s,
    u"Star"_s,         u"Royal"_s,     u"Prime"_s,    u"Global"_s,    u"United"_s,   u"Zam Zam"_s,
    u"Green Valley"_s, u"Pak"_s,       u"Punjab"_s,   u"Indus"_s,     u"Ravi"_s,     u"Chenab"_s,
    u"Jhelum"_s,       u"Falcon"_s,    u"Eagle"_s,    u"Hilal"_s,     u"Shaheen"_s,  u"Sitara"_s,
    u"Kohinoor"_s,     u"Taj"_s,       u"Gulshan"_s,  u"Mehran"_s,    u"Margalla"_s, u"Noor"_s};
// Per cluster, in the order of clusters().
const std::array<QStringList, 6> kSuffixes{
    QStringList{u"Surgical Works"_s, u"Surgical Industries"_s, u"Surgical Instruments Co."_s,
                u"Medical Instruments"_s, u"Dental Instruments"_s, u"Beauty Care Instruments"_s},
    QStringList{u"Sports"_s, u"Sports Industries"_s, u"Sports Works"_s, u"Gloves & Sportswear"_s,
                u"Football Co."_s, u"Sporting Goods"_s},
    QStringList{u"Garments"_s, u"Apparel"_s, u"Textiles"_s, u"Knitwear"_s, u"Fashions"_s,
                u"Stitching Unit"_s},
    QStringList{u"Shoes"_s, u"Footwear"_s, u"Leather Works"_s, u"Shoe Company"_s,
                u"Leather Crafts"_s},
    QStringList{u"Auto Parts"_s, u"Engineering Works"_s, u"Auto Industries"_s,
                u"Precision Engineering"_s, u"Motor Components"_s},
    QStringList{u"Engineering"_s, u"Fans"_s, u"Electric Works"_s, u"Steel Industries"_s,
                u"Machinery"_s, u"Sanitary Fittings"_s, u"Cutlery"_s}};
const QStringList kMen{u"Muhammad Asif"_s, u"Imran"_s,  u"Tariq"_s,  u"Zahid"_s,  u"Naveed"_s,
                       u"Kashif"_s,        u"Faisal"_s, u"Usman"_s,  u"Bilal"_s,  u"Adnan"_s,
                       u"Shahid"_s,        u"Arshad"_s, u"Khalid"_s, u"Waqas"_s,  u"Hamza"_s,
                       u"Ali Raza"_s,      u"Ahmed"_s,  u"Junaid"_s, u"Rizwan"_s, u"Sajid"_s};
const QStringList kWomen{u"Ayesha"_s, u"Fatima"_s, u"Saima"_s, u"Nadia"_s, u"Sana"_s,
                         u"Amna"_s,   u"Rabia"_s,  u"Hina"_s,  u"Sadia"_s, u"Mehwish"_s};
const QStringList kServiceTypes{
    u"training"_s,          u"design"_s,      u"certification"_s,   u"exhibition"_s,
    u"lead_firm_linkage"_s, u"consultancy"_s, u"common_facility"_s, u"other"_s};
const QList<int> kServiceWeights{20, 14, 8, 8, 6, 22, 18, 4};
// Cost ranges in rupees per service type, in the order of kServiceTypes.
const std::array<std::array<int, 2>, 8> kCosts{{{25'000, 150'000},
                                                {80'000, 600'000},
                                                {150'000, 1'200'000},
                                                {200'000, 900'000},
                                                {20'000, 120'000},
                                                {100'000, 800'000},
                                                {5'000, 60'000},
                                                {10'000, 100'000}}};
const std::array<QStringList, 2> kCourses{
    QStringList{u"Footwear CAD design"_s, u"Pattern making and grading"_s,
                u"Upper closing and stitching"_s, u"Lasting and finishing"_s,
                u"Leather selection and costing"_s, u"Footwear quality control"_s},
    QStringList{u"Garment pattern making"_s, u"Industrial sewing machine operation"_s,
                u"Fashion design and CAD"_s, u"Apparel quality control"_s,
                u"Export merchandising"_s, u"Textile testing basics"_s}};
// Rupees per US dollar, in hundredths: per fiscal year, and per quarter.
const std::array<qint64, Years> kYearRates{28520, 27940, 28100};
const std::array<qint64, Quarters> kQuarterRates{29750, 28530, 27960, 27840, 27820, 27790,
                                                 28010, 28140, 28200, 28130, 28060, 27990};

QString decimalText(qint64 units)
{
    return Decimal::fromUnits(units).toString();
}

QString providerFor(Dice& d, const QString& type, int cluster)
{
    const Cluster& c = clusters()[cluster];
    const QString office = u"PSIC Cluster Office, "_s + c.city;
    const bool footwear = cluster == 3;
    const bool garments = cluster == 2;
    if (type == u"training"_s || type == u"design"_s) {
        if (footwear)
            return u"Shoe Design Hub"_s;
        if (garments)
            return u"Apparel Design and Research Centre"_s;
        if (type == u"training"_s)
            return u"PSIC Skills Cell, "_s + c.city;
        static const std::array<QString, 6> studios{
            u"Surgical Instruments Design Studio, Sialkot"_s,
            u"Sports Goods Design Studio, Sialkot"_s,
            QString(),
            QString(),
            u"Auto Parts Tooling Centre, Lahore"_s,
            u"Gujranwala Tool Room and Design Centre"_s};
        return studios[static_cast<std::size_t>(cluster)];
    }
    if (type == u"certification"_s)
        return d.pick(QStringList{u"Indus Quality Systems (Pvt) Ltd"_s,
                                  u"Crescent Certification Services"_s});
    if (type == u"exhibition"_s)
        return d.pick(QStringList{u"TDAP Expo Desk"_s, u"PSIC Marketing Wing"_s});
    if (type == u"consultancy"_s)
        return d.pick(
            QStringList{u"Lean Manufacturing Associates"_s, u"Saeed Ahmad & Co. Consultants"_s,
                        u"Export Readiness Advisors"_s, u"Punjab Productivity Partners"_s});
    if (type == u"common_facility"_s)
        return u"Common Facility Centre, "_s + c.city;
    return office;
}

QString serviceStatus(Dice& d, int quarter, bool first)
{
    const int r = d.below(100);
    if (quarter == Quarters - 1)
        return r < 72 ? u"completed"_s : r < 95 ? u"ongoing"_s : u"cancelled"_s;
    if (quarter == Quarters - 2)
        return r < 86 ? u"completed"_s : r < 95 ? u"ongoing"_s : u"cancelled"_s;
    if (first)
        return r < 96 ? u"completed"_s : u"cancelled"_s;
    return r < 93 ? u"completed"_s : r < 95 ? u"ongoing"_s : u"cancelled"_s;
}

QDate dayIn(Dice& d, const Period& p, int startMonth)
{
    const QDate from = p.start(startMonth);
    return from.addDays(d.below(static_cast<int>(from.daysTo(p.end(startMonth))) + 1));
}

// "1234567-8": seven digits and a check digit (weights 8..2, modulo 11).
QString taxNumber(Dice& d)
{
    QString digits = QString::number(d.between(1, 9));
    for (int i = 0; i < 6; ++i)
        digits += QString::number(d.below(10));
    int sum = 0;
    for (int i = 0; i < 7; ++i)
        sum += digits[i].digitValue() * (8 - i);
    return digits + u'-' + QString::number((11 - sum % 11) % 11 % 10);
}

QString phone(Dice& d)
{
    static const QList<int> prefixes{300, 301, 302, 303, 305, 306, 321, 322, 333, 334, 345, 346};
    // One draw per statement: the order of operands is not fixed across compilers.
    const int prefix = d.pick(prefixes);
    const int number = d.between(1'000'000, 9'999'999);
    return u"0"_s + QString::number(prefix) + u'-' + QString::number(number);
}

QString firmName(Dice& d, int cluster, QSet<QString>& taken)
{
    for (int attempt = 0;; ++attempt) {
        const QString suffix = d.pick(kSuffixes[static_cast<std::size_t>(cluster)]);
        const int form = d.below(100);
        QString name = form < 45   ? d.pick(kFamilies) + u' ' + suffix
                       : form < 80 ? d.pick(kBrands) + u' ' + suffix
                                   : d.pick(kFamilies) + u" & Sons "_s + suffix;
        if (attempt > 20)
            name += u" (Unit "_s + QString::number(attempt - 19) + u')';
        if (!taken.contains(name)) {
            taken.insert(name);
            return name;
        }
    }
}

Status writeFirms(Session& session, int startMonth, Dice& d, QList<Firm>& firms)
{
    std::unique_ptr<RegisterRepository::Writer> writer;
    DLI_ASSIGN(writer, session.registers().writer(ImportKind::Firms, startMonth));
    const int total = d.between(320, 360);
    QList<int> counts;
    int assigned = 0;
    for (const Cluster& c : clusters()) {
        counts << total * c.share / 100;
        assigned += counts.last();
    }
    counts[0] += total - assigned;
    static const QList<int> sizeWeights{22, 45, 27, 6};
    static const QStringList sizes{u"micro"_s, u"small"_s, u"medium"_s, u"large"_s};
    QSet<QString> names;
    QSet<QString> taxNumbers;
    for (int ci = 0; ci < clusters().size(); ++ci) {
        const Cluster& c = clusters()[ci];
        for (int k = 1; k <= counts[ci]; ++k) {
            Firm f;
            f.code = c.code + u'-' + QString::number(k).rightJustified(3, u'0');
            f.cluster = ci;
            f.name = firmName(d, ci, names);
            f.size = sizes[d.weighted(sizeWeights)];
            f.womenOwned = d.percent(c.womenOwned);
            f.exportOriented = d.percent(c.exportShare + (f.size == u"micro"_s ? -25 : 5));
            QString ntn = taxNumber(d);
            while (taxNumbers.contains(ntn))
                ntn = taxNumber(d);
            taxNumbers.insert(ntn);
            const qint64 lat = c.latMicro + d.between(-40'000, 40'000);
            const qint64 lon = c.lonMicro + d.between(-45'000, 45'000);
            const QString person = f.womenOwned ? d.pick(kWomen) : d.pick(kMen);
            const QString family = d.pick(kFamilies);
            const QString contact = person + u' ' + family + u", "_s + phone(d);
            DLI_ASSIGN(f.id, writer->insert({f.code, f.name, c.code, c.city, ntn, f.size,
                                             f.womenOwned ? u"yes"_s : u"no"_s,
                                             f.exportOriented ? u"yes"_s : u"no"_s,
                                             decimalText(lat), decimalText(lon), contact}));
            firms << f;
        }
    }
    return {};
}

Status writeServices(Session& session, int startMonth, Dice& d, QList<Firm>& firms,
                     QList<Service>& out)
{
    QList<Service> services;
    QList<QString> costs;
    QSet<QString> keys;
    auto add = [&](int firm, int quarter, bool first) {
        Service s;
        s.firm = firm;
        const int type = d.weighted(kServiceWeights);
        s.type = kServiceTypes[type];
        s.quarter = quarter;
        s.date = dayIn(d, quarterAt(quarter), startMonth);
        s.provider = providerFor(d, s.type, firms[firm].cluster);
        s.status = serviceStatus(d, quarter, first);
        const auto& range = kCosts[static_cast<std::size_t>(type)];
        const qint64 rupees = qint64(d.between(range[0] / 50, range[1] / 50)) * 50;
        const qint64 paisa = d.percent(25) ? d.between(1, 99) : 0;
        const bool noCost = s.status == u"cancelled"_s && d.percent(50);
        const QString key = firms[firm].code + u'|' + s.type + u'|' + s.date.toString(Qt::ISODate) +
                            u'|' + s.provider;
        if (keys.contains(key))
            return; // the same service twice on a day is one service
        keys.insert(key);
        services << s;
        costs << (noCost ? QString() : decimalText(rupees * Decimal::Factor + paisa * 10'000));
    };
    for (int i = 0; i < firms.size(); ++i) {
        if (!d.percent(93))
            continue; // never served
        // A cohort joins when the cluster's program starts (Gujranwala a quarter later than
        // the others), then firms join steadily, a little fewer each quarter.
        const int launch = firms[i].cluster == 5 ? 1 : 0;
        QList<int> weights;
        for (int q = 0; q < Quarters; ++q)
            weights << (q < launch ? 0 : q == launch ? 40 : 16 - q);
        const int entry = d.weighted(weights);
        add(i, entry, true);
        for (int q = entry + 1; q < Quarters; ++q) {
            const int n = d.weighted({25, 35, 28, 12});
            for (int k = 0; k < n; ++k)
                add(i, q, false);
        }
    }
    QList<int> order(services.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return services[a].date < services[b].date; });

    std::unique_ptr<RegisterRepository::Writer> writer;
    DLI_ASSIGN(writer, session.registers().writer(ImportKind::Services, startMonth));
    for (const int i : order) {
        Service s = services[i];
        DLI_ASSIGN(s.id, writer->insert({firms[s.firm].code, s.type, s.date.toString(Qt::ISODate),
                                         s.provider, costs[i], s.status}));
        Firm& f = firms[s.firm];
        if (s.status == u"completed"_s && (f.firstCompleted < 0 || s.quarter < f.firstCompleted))
            f.firstCompleted = s.quarter;
        out << s;
    }
    return {};
}

Status writeTrainees(Session& session, int startMonth, Dice& d, const QList<Firm>& firms,
                     QList<Trainee>& out)
{
    struct Row {
        QDate date;
        QStringList values;
    };
    QList<Row> rows;
    std::array<QList<int>, 2> firmsOf; // the footwear firms for SDH, the garment firms for ADRC
    for (int i = 0; i < firms.size(); ++i) {
        if (firms[i].cluster == 3 || firms[i].cluster == 2)
            firmsOf[firms[i].cluster == 3 ? 0 : 1] << i;
    }
    std::array<QStringList, 2> people;
    QSet<QString> keys;
    for (int q = 0; q < Quarters; ++q) {
        for (int centre = 0; centre < 2; ++centre) {
            const int base = centre == 0 ? d.between(125, 165) : d.between(140, 180);
            const int n = base * (100 + 15 * (q / 4)) / 100;
            for (int i = 0; i < n; ++i) {
                Trainee t;
                t.centre = centre;
                t.quarter = q;
                t.female = d.percent(centre == 0 ? 28 : 55);
                t.completed = d.percent(90);
                const QDate date = dayIn(d, quarterAt(q), startMonth);
                const QString course = d.pick(kCourses[static_cast<std::size_t>(centre)]);
                QStringList& pool = people[static_cast<std::size_t>(centre)];
                QString person =
                    !pool.isEmpty() && d.percent(8)
                        ? d.pick(pool) // a second course for an earlier trainee
                        : QString::number(d.generator().generate64(), 16).rightJustified(16, u'0');
                const QString key = person + u'|' + course + u'|' + date.toString(Qt::ISODate);
                if (keys.contains(key))
                    continue;
                keys.insert(key);
                pool << person;
                const QList<int>& employers = firmsOf[static_cast<std::size_t>(centre)];
                const QString firm = !employers.isEmpty() && d.percent(45)
                                         ? firms[d.pick(employers)].code
                                         : QString();
                rows << Row{date,
                            {person, t.female ? u"female"_s : u"male"_s, firm,
                             centreCodes()[centre], course, date.toString(Qt::ISODate),
                             t.completed ? u"yes"_s : u"no"_s}};
                out << t;
            }
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.date < b.date; });
    std::unique_ptr<RegisterRepository::Writer> writer;
    DLI_ASSIGN(writer, session.registers().writer(ImportKind::Trainees, startMonth));
    for (const Row& row : rows) {
        QString id;
        DLI_ASSIGN(id, writer->insert(row.values));
    }
    return {};
}

Status writeExports(Session& session, int startMonth, Dice& d, QList<Firm>& firms,
                    QList<ExportRow>& out)
{
    QList<ExportRow> rows;
    for (int i = 0; i < firms.size(); ++i) {
        Firm& f = firms[i];
        if (f.exportOriented && d.percent(55)) {
            // An established exporter: customs records per fiscal year.
            static const QList<std::array<int, 2>> bySize{{80'000, 300'000},
                                                          {250'000, 1'200'000},
                                                          {1'000'000, 5'000'000},
                                                          {5'000'000, 15'000'000}};
            static const QStringList sizes{u"micro"_s, u"small"_s, u"medium"_s, u"large"_s};
            const auto& range = bySize[qMax(0, static_cast<int>(sizes.indexOf(f.size)))];
            const qint64 base = qint64(d.between(range[0] / 100, range[1] / 100)) * 100;
            const bool selfReports = d.percent(25);
            for (int y = 0; y < Years; ++y) {
                const int growth = 90 + d.below(30) + 6 * y;
                const qint64 cents = base * growth + d.below(100);
                rows << ExportRow{i, Period::year(FirstYear + y), true, cents};
                if (selfReports && y > 0)
                    rows << ExportRow{i, Period::year(FirstYear + y), false,
                                      cents / 100 * (95 + d.below(30))};
            }
        } else if (f.firstCompleted >= 0 && d.percent(f.exportOriented ? 70 : 20)) {
            // A first-time exporter, after the program served it: customs records per quarter.
            int first = f.firstCompleted + d.below(qMin(5, Quarters - f.firstCompleted));
            if (f.cluster == 5)
                first = qMax(first, 2);
            f.firstExport = first;
            for (int q = first; q < Quarters; ++q) {
                if (q != first && !d.percent(75))
                    continue;
                const qint64 dollars = d.between(10'000, 120'000);
                rows << ExportRow{i, quarterAt(q), true, dollars * 100 + d.below(100)};
            }
        } else if (f.exportOriented && d.percent(15)) {
            // Exports the firm declares that no customs record shows.
            rows << ExportRow{i, Period::year(FirstYear + Years - 1), false,
                              qint64(d.between(20'000, 90'000)) * 100};
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ExportRow& a, const ExportRow& b) {
        return a.period.start() != b.period.start() ? a.period.start() < b.period.start()
                                                    : a.period.isYear() && b.period.isQuarter();
    });
    std::unique_ptr<RegisterRepository::Writer> writer;
    DLI_ASSIGN(writer, session.registers().writer(ImportKind::Exports, startMonth));
    for (const ExportRow& r : rows) {
        const qint64 rate =
            r.period.isYear()
                ? kYearRates[static_cast<std::size_t>(r.period.fiscalYear() - FirstYear)]
                : kQuarterRates[static_cast<std::size_t>((r.period.fiscalYear() - FirstYear) * 4 +
                                                         r.period.quarterNumber() - 1)];
        const qint64 paisa = (r.usdCents * rate + 50) / 100;
        QString id;
        DLI_ASSIGN(id,
                   writer->insert({firms[r.firm].code, r.period.code(), decimalText(paisa * 10'000),
                                   decimalText(r.usdCents * 10'000),
                                   r.customs ? u"customs"_s : u"self_reported"_s}));
        out << r;
    }
    return {};
}

} // namespace

int Dice::weighted(const QList<int>& weights)
{
    int total = 0;
    for (const int w : weights)
        total += w;
    int r = below(total);
    for (int i = 0; i < weights.size(); ++i) {
        if (r < weights[i])
            return i;
        r -= weights[i];
    }
    return static_cast<int>(weights.size()) - 1;
}

const QList<Cluster>& clusters()
{
    static const QList<Cluster> list{
        {u"SKT-SURG"_s, u"Sialkot"_s, 32'494'500, 74'531'000, 20, 12, 85, 12},
        {u"SKT-SPRT"_s, u"Sialkot"_s, 32'494'500, 74'531'000, 18, 14, 80, 25},
        {u"LHR-RMG"_s, u"Lahore"_s, 31'520'400, 74'358'700, 18, 32, 55, 45},
        {u"LHR-FTW"_s, u"Lahore"_s, 31'520'400, 74'358'700, 15, 18, 40, 22},
        {u"LHR-AUTO"_s, u"Lahore"_s, 31'520'400, 74'358'700, 14, 7, 20, 5},
        {u"GRW-LENG"_s, u"Gujranwala"_s, 32'161'700, 74'188'300, 15, 9, 30, 8},
    };
    return list;
}

Result<Registers> writeRegisters(Session& session, int startMonth, Dice& dice)
{
    Registers r;
    DLI_TRY(writeFirms(session, startMonth, dice, r.firms));
    DLI_TRY(writeServices(session, startMonth, dice, r.firms, r.services));
    DLI_TRY(writeExports(session, startMonth, dice, r.firms, r.exports));
    DLI_TRY(writeTrainees(session, startMonth, dice, r.firms, r.trainees));
    return r;
}

} // namespace dli::demo
