#include "core/io/importer.h"

#include "core/auth/auth.h"
#include "core/engine/observation_checker.h"
#include "core/engine/rule_engine.h"
#include "core/engine/value_calculator.h"
#include "core/io/table_reader.h"
#include "core/io/values_report.h"
#include "core/storage/scoped_cache_size.h"
#include "core/storage/session.h"
#include "core/storage/transaction.h"

#include <QFileInfo>
#include <QSet>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// Collects located problems, keeping the first `limit` and counting the rest.
class Problems {
public:
    explicit Problems(int limit) : m_limit(limit) {}
    void add(const QString& where, const QString& message)
    {
        ++m_count;
        if (m_list.size() < m_limit)
            m_list << where + u": "_s + message;
    }
    qint64 count() const { return m_count; }
    QStringList list() const
    {
        QStringList out = m_list;
        if (m_count > m_list.size())
            out << Importer::tr("... and %1 more problems (%2 in all)")
                       .arg(m_count - m_list.size())
                       .arg(m_count);
        return out;
    }

private:
    int m_limit;
    qint64 m_count = 0;
    QStringList m_list;
};

QString canonicalChoice(const QString& raw)
{
    return RegisterFields::normalizeHeader(raw);
}

// YYYY-MM-DD, read without QDate::fromString's format machinery (a million dates per import).
QDate parseIsoDate(const QString& t)
{
    if (t.size() != 10 || t[4] != u'-' || t[7] != u'-')
        return {};
    auto number = [&t](int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = t[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (y < 0 || m < 0 || d < 0)
        return {};
    return QDate(y, m, d); // invalid for a day that does not exist
}

// Exports of a firm from one source for a fiscal year and for one of its quarters would count
// the same sales twice in the year's total; the message names the row it clashes with.
QString overlappingExport(ImportKind kind, const QStringList& values, const RegisterSpec& spec,
                          int startMonth, const QHash<QString, qint64>& seen,
                          const QSet<QString>& existing)
{
    if (kind != ImportKind::Exports)
        return {};
    const QString firm = values[spec.indexOf(u"firm"_s)];
    const QString source = values[spec.indexOf(u"source"_s)];
    const auto period = Period::parse(values[spec.indexOf(u"period"_s)], startMonth);
    if (!period)
        return {};
    QList<Period> clashes;
    if (period->isQuarter())
        clashes << period->fiscalYearPeriod();
    else
        clashes << period->quarters();
    for (const Period& other : clashes) {
        const QString key =
            QStringList{firm, other.code(), source}.join(RegisterRepository::KeySeparator);
        if (seen.contains(key))
            return Importer::tr("%1 %2 %3 overlaps %4 on line %5; a year and its quarters would "
                                "count the same exports twice")
                .arg(firm, period->code(), source, other.code())
                .arg(seen.value(key));
        if (existing.contains(key))
            return Importer::tr("%1 %2 %3 overlaps %4 already in the database; a year and its "
                                "quarters would count the same exports twice")
                .arg(firm, period->code(), source, other.code());
    }
    return {};
}

QString joinKey(const RegisterSpec& spec, const QStringList& values)
{
    QStringList parts;
    for (const QString& k : spec.uniqueKey)
        parts << values.value(spec.indexOf(k));
    return parts.join(RegisterRepository::KeySeparator);
}

} // namespace

Result<ImportReport> Importer::run(Session& session, const Program& program,
                                   const ImportOptions& options)
{
    DLI_TRY(Auth::require(session, {Role::Officer}, tr("importing data")));
    auto opened = TableReader::open(options.path, options.sheet);
    if (!opened)
        return opened.error();
    TableReader& reader = *opened.value();
    const RegisterSpec& spec = RegisterFields::spec(options.kind);
    const int sm = program.fiscalYearStartMonth;
    const QString kindName = enumToString(kImportKindNames, options.kind);
    Problems problems(options.maxProblems);

    QStringList fieldNames;
    for (const FieldSpec& f : spec.fields)
        fieldNames << f.name;

    // The header row names the columns; case, spaces and underscores are forgiven.
    TableRow row;
    auto first = reader.next(row);
    if (!first)
        return first.error();
    if (!first.value())
        return Error(ErrorCode::InvalidInput,
                     tr("the file is empty; its first row must name the columns: %1")
                         .arg(fieldNames.join(u", "_s)),
                     reader.sourceName());
    const qint64 headerLine = row.line;
    const qsizetype headerWidth = row.cells.size();
    QList<int> fieldColumn(spec.fields.size(), -1);
    int idColumn = -1; // registers: an optional column of row UUIDs
    for (int c = 0; c < row.cells.size(); ++c) {
        const QString name = RegisterFields::normalizeHeader(row.cells[c]);
        if (name.isEmpty())
            continue;
        if (name == u"id"_s && options.kind != ImportKind::Observations && idColumn < 0) {
            idColumn = c;
            continue;
        }
        const int f = spec.indexOf(name);
        if (f < 0) {
            problems.add(reader.cellLocation(headerLine, c),
                         tr("unknown column \"%1\"; a %2 file has the columns %3")
                             .arg(row.cells[c].trimmed(), kindName, fieldNames.join(u", "_s)));
        } else if (fieldColumn[f] >= 0) {
            problems.add(reader.cellLocation(headerLine, c),
                         tr("column \"%1\" appears twice").arg(spec.fields[f].name));
        } else {
            fieldColumn[f] = c;
        }
    }
    for (int f = 0; f < spec.fields.size(); ++f) {
        if (spec.fields[f].required && fieldColumn[f] < 0)
            problems.add(reader.sourceName() + u':' + QString::number(headerLine),
                         tr("the required column \"%1\" is missing").arg(spec.fields[f].name));
    }
    if (problems.count() > 0) {
        Error e(ErrorCode::InvalidInput,
                tr("the file's columns do not fit a %1 import; nothing was imported").arg(kindName),
                reader.sourceName());
        e.details = problems.list();
        return e;
    }

    // What rows are checked against.
    RegisterRepository& registers = session.registers();
    auto firmIds = registers.firmIds();
    if (!firmIds)
        return firmIds.error();
    QSet<QString> existing;
    if (options.kind == ImportKind::Observations) {
        auto stored = session.observations().all();
        if (!stored)
            return stored.error();
        for (const Observation& o : stored.value())
            existing.insert(QStringList{o.indicator, o.period.code(), o.orgUnit, o.category}.join(
                RegisterRepository::KeySeparator));
    } else {
        auto keys = registers.existingKeys(options.kind);
        if (!keys)
            return keys.error();
        existing = std::move(keys).value();
    }
    QSet<QString> storedIds; // registers: the stored rows' ids, when the file brings ids
    if (idColumn >= 0) {
        auto ids = registers.existingIds(options.kind);
        if (!ids)
            return ids.error();
        storedIds = std::move(ids).value();
    }

    // One transaction for everything: a refused import, a dry run or a cancel rolls it back,
    // so the database is left exactly as it was.
    Transaction tx(session.database());
    DLI_TRY(tx.begun());
    // A large import keeps its pages in memory rather than spilling them to the log mid-way.
    const ScopedCacheSize bigCache(session.database(), 256 * 1024);
    std::unique_ptr<RegisterRepository::Writer> writer;
    if (options.kind != ImportKind::Observations) {
        std::int64_t entry = 0;
        DLI_ASSIGN(entry, session.audit().nextSeq());
        auto w = registers.writer(options.kind, sm, entry);
        if (!w)
            return w.error();
        writer = std::move(w).value();
    }

    ImportReport report;
    QHash<QString, qint64> seen; // unique key -> line where it first appeared
    QSet<QString> seenIds;
    QString rowId;
    QHash<QString, qint64> touched; // "period|org unit" of imported observations -> line
    QHash<QString, qint64> derived; // their fiscal years and the units above them -> line
    QSet<QString> newIds;           // the observations this import inserted
    QStringList values(spec.fields.size());
    for (;;) {
        auto more = reader.next(row);
        if (!more)
            return more.error();
        if (!more.value())
            break;
        ++report.rows;
        if (options.progress && report.rows % 5000 == 0 && !options.progress(report.rows))
            return Error(ErrorCode::Usage, tr("the import was cancelled; nothing was written"));
        const qint64 before = problems.count();
        // A cell beyond the named columns is data that would be lost, usually a delimiter
        // inside a value that was not quoted.
        for (qsizetype c = headerWidth; c < row.cells.size(); ++c) {
            if (!row.cells[c].trimmed().isEmpty()) {
                problems.add(reader.cellLocation(row.line, static_cast<int>(c)),
                             tr("a value beyond the last named column (\"%1\"); a value that "
                                "holds the delimiter must be quoted")
                                 .arg(row.cells[c].trimmed().left(40)));
                break;
            }
        }
        for (int f = 0; f < spec.fields.size(); ++f) {
            const FieldSpec& field = spec.fields[f];
            const int c = fieldColumn[f];
            const QString raw = c >= 0 ? row.cells.value(c).trimmed() : QString();
            values[f].clear();
            // Where the cell is, worked out only for a problem: it is not cheap per cell.
            const auto where = [&] {
                return reader.cellLocation(row.line, c < 0 ? 0 : c);
            };
            if (raw.isEmpty()) {
                if (field.required)
                    problems.add(where(), tr("%1 is required").arg(field.name));
                continue;
            }
            switch (field.type) {
            case FieldType::Text:
                values[f] = raw;
                break;
            case FieldType::Code:
                if (field.name == u"firm"_s && !firmIds->contains(raw)) {
                    problems.add(where(), tr("unknown firm \"%1\"; import it in the firms register "
                                             "first")
                                              .arg(raw));
                } else if (field.name == u"cluster"_s || field.name == u"centre"_s) {
                    const OrgUnit* u = program.orgUnit(raw);
                    const OrgUnitKind want =
                        field.name == u"cluster"_s ? OrgUnitKind::Cluster : OrgUnitKind::Centre;
                    if (!u || u->kind != want)
                        problems.add(where(), tr("\"%1\" is not a %2 of the program")
                                                  .arg(raw, enumToString(kOrgUnitKindNames, want)));
                }
                values[f] = raw;
                break;
            case FieldType::Date: {
                const QDate d = parseIsoDate(raw);
                if (!d.isValid())
                    problems.add(where(),
                                 tr("expected a date written YYYY-MM-DD, got \"%1\"").arg(raw));
                else if (!program.periodInRange(Period::containing(d, Period::Kind::Year, sm)))
                    problems.add(where(), program.outsideMessage(raw));
                values[f] = raw;
                break;
            }
            case FieldType::Period: {
                auto p = Period::parse(raw, sm);
                if (!p) {
                    problems.add(where(), p.error().message);
                } else {
                    if (!program.periodInRange(p.value()))
                        problems.add(where(), program.outsideMessage(p->code()));
                    values[f] = p->code();
                }
                break;
            }
            case FieldType::Decimal:
            case FieldType::Latitude:
            case FieldType::Longitude: {
                auto d = Decimal::parse(raw);
                if (!d) {
                    problems.add(where(), d.error().message);
                    break;
                }
                const int limit = field.type == FieldType::Latitude    ? 90
                                  : field.type == FieldType::Longitude ? 180
                                                                       : 0;
                if (field.nonNegative && d->isNegative())
                    problems.add(where(), tr("%1 cannot be negative").arg(field.name));
                else if (limit > 0 && (d.value() > Decimal::fromInt(limit) ||
                                       d.value() < Decimal::fromInt(-limit)))
                    problems.add(
                        where(),
                        tr("%1 %2 is not between -%3 and %3").arg(field.name, raw).arg(limit));
                values[f] = d->toString();
                break;
            }
            case FieldType::Boolean: {
                const auto b = RegisterFields::parseBoolean(raw);
                if (!b)
                    problems.add(where(), tr("expected yes or no, got \"%1\"").arg(raw));
                values[f] = b.value_or(false) ? u"yes"_s : u"no"_s;
                break;
            }
            case FieldType::Choice: {
                const QString v = field.choices.contains(raw) ? raw : canonicalChoice(raw);
                if (!field.choices.contains(v))
                    problems.add(
                        where(),
                        tr("expected one of %1; got \"%2\"").arg(field.choices.join(u", "_s), raw));
                values[f] = v;
                break;
            }
            }
        }

        rowId.clear();
        if (idColumn >= 0) {
            const QString raw = row.cells.value(idColumn).trimmed().toLower();
            const QString where = reader.cellLocation(row.line, idColumn);
            if (!raw.isEmpty()) {
                if (QUuid::fromString(raw).isNull() || raw.size() != 36)
                    problems.add(where, tr("\"%1\" is not a UUID such as "
                                           "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b")
                                            .arg(raw));
                else if (seenIds.contains(raw))
                    problems.add(where, tr("the id %1 appears twice in the file").arg(raw));
                else if (storedIds.contains(raw))
                    problems.add(where, tr("the id %1 is already in the database").arg(raw));
                else
                    seenIds.insert(raw);
                rowId = raw;
            }
        }

        Observation o;
        if (options.kind == ImportKind::Observations && problems.count() == before) {
            o.indicator = values[spec.indexOf(u"indicator"_s)];
            o.period = Period::parse(values[spec.indexOf(u"period"_s)], sm).value();
            o.orgUnit = values[spec.indexOf(u"org_unit"_s)];
            o.category = values[spec.indexOf(u"category"_s)];
            o.value = Decimal::parse(values[spec.indexOf(u"value"_s)]).value();
            o.source = values[spec.indexOf(u"source"_s)];
            o.note = values[spec.indexOf(u"note"_s)];
            for (const auto& p : ObservationChecker::check(program, o)) {
                const int c = fieldColumn[spec.indexOf(p.field)];
                problems.add(reader.cellLocation(row.line, c < 0 ? 0 : c), p.message);
            }
        }
        if (options.kind == ImportKind::Exports && problems.count() == before &&
            values[spec.indexOf(u"value_pkr"_s)].isEmpty() &&
            values[spec.indexOf(u"value_usd"_s)].isEmpty())
            problems.add(
                reader.cellLocation(row.line, fieldColumn[spec.indexOf(u"value_usd"_s)] < 0
                                                  ? 0
                                                  : fieldColumn[spec.indexOf(u"value_usd"_s)]),
                tr("an export needs its value in rupees, in US dollars or both"));
        if (problems.count() == before) {
            const QString key = joinKey(spec, values);
            // Name the row by its key, e.g. "EXP_FIRMS, FY2021-Q2, C2".
            QStringList shown = key.split(RegisterRepository::KeySeparator);
            shown.removeAll(QString());
            if (const auto it = seen.constFind(key); it != seen.constEnd()) {
                problems.add(reader.cellLocation(row.line, 0),
                             tr("%1 appears twice in the file (also on line %2)")
                                 .arg(shown.join(u", "_s))
                                 .arg(it.value()));
            } else if (existing.contains(key)) {
                problems.add(reader.cellLocation(row.line, 0),
                             tr("%1 is already in the database").arg(shown.join(u", "_s)));
            } else if (const QString clash =
                           overlappingExport(options.kind, values, spec, sm, seen, existing);
                       !clash.isEmpty()) {
                problems.add(reader.cellLocation(row.line, 0), clash);
            } else {
                seen.insert(key, row.line);
            }
        }
        // Rows are written as they pass; the first problem stops writing, and the transaction
        // is rolled back at the end.
        if (problems.count() > 0)
            continue;
        if (options.kind == ImportKind::Observations) {
            auto id = session.observations().insert(o);
            if (!id)
                return id.error();
            newIds.insert(id.value());
            // Rules hold for the unit, the units above it and the fiscal year too, whose values
            // the row also changes; those are reported at the first row that touched them.
            QList<Period> periods{o.period};
            if (o.period.isQuarter())
                periods << o.period.fiscalYearPeriod();
            // A cumulative figure or a level also stands in every later period.
            if (const Indicator* x = program.indicator(o.indicator);
                x && (x->cumulative || x->aggregation == Aggregation::Latest)) {
                for (Period later = o.period.next();
                     later.fiscalYear() <= program.lastYear().fiscalYear(); later = later.next()) {
                    periods << later;
                    if (later.isQuarter() && later.quarterNumber() == 4)
                        periods << later.fiscalYearPeriod();
                }
            }
            for (const Period& p : periods) {
                QString unit = o.orgUnit;
                bool own = p == o.period;
                while (!unit.isEmpty()) {
                    const QString key = p.code() + u'|' + unit;
                    if (own)
                        touched.insert(key, row.line);
                    else if (!touched.contains(key) && !derived.contains(key))
                        derived.insert(key, row.line);
                    own = false;
                    const OrgUnit* u = program.orgUnit(unit);
                    unit = u ? u->parent : QString();
                }
            }
        } else {
            auto id = writer->insert(values, rowId);
            if (!id)
                return id.error();
        }
    }

    if (problems.count() == 0 && !touched.isEmpty()) {
        // The program's validation rules over the figures as they would stand after the import.
        auto calc = ValuesReport::calculator(session, program, true);
        if (!calc)
            return calc.error();
        // The same figures without this file's rows: a rule that already failed the same way
        // before the import is not the file's doing and does not refuse it.
        auto before = ValuesReport::calculator(session, program, true, newIds);
        if (!before)
            return before.error();
        // In the order of the file, each at the value cell of the last row of its key.
        // The rows' own periods and units first; at the years and units above them only the
        // rules that did not already fail below are reported, so one wrong figure is one problem.
        QList<std::pair<qint64, QString>> byLine;
        for (auto it = touched.cbegin(); it != touched.cend(); ++it)
            byLine.append({it.value(), it.key()});
        std::sort(byLine.begin(), byLine.end());
        QList<std::pair<qint64, QString>> derivedByLine;
        for (auto it = derived.cbegin(); it != derived.cend(); ++it) {
            if (!touched.contains(it.key()))
                derivedByLine.append({it.value(), it.key()});
        }
        std::sort(derivedByLine.begin(), derivedByLine.end());
        const qsizetype ownCount = byLine.size();
        byLine += derivedByLine;
        QSet<QString> failedBelow;
        QSet<QString> reportedAbove;
        const int valueColumn = fieldColumn[spec.indexOf(u"value"_s)];
        for (qsizetype k = 0; k < byLine.size(); ++k) {
            const auto& [line, touchedKey] = byLine[k];
            const bool own = k < ownCount;
            const QStringList parts = touchedKey.split(u'|');
            const Period p = Period::parse(parts[0], sm).value();
            auto violations = RuleEngine::evaluate(program, *calc.value(), {p}, {parts[1]});
            if (!violations)
                return violations.error();
            auto old = RuleEngine::evaluate(program, *before.value(), {p}, {parts[1]});
            if (!old)
                return old.error();
            for (const Violation& v : violations.value()) {
                if (old->contains(v))
                    continue;
                if (own) {
                    failedBelow.insert(v.rule);
                } else {
                    // Above the rows, a rule is reported once per unit, at the first period
                    // it fails in (a cumulative total stays too high in every later one).
                    const QString once = v.rule + u'|' + v.orgUnit;
                    if (failedBelow.contains(v.rule) || reportedAbove.contains(once))
                        continue;
                    reportedAbove.insert(once);
                }
                const QString where = reader.cellLocation(line, valueColumn);
                const QString text = tr("rule %1 for %2 at %3: %4 (%5 against %6)")
                                         .arg(v.rule, v.period.code(), v.orgUnit, v.message,
                                              v.left.toString(), v.right.toString());
                if (v.severity == Severity::Error)
                    problems.add(where, text);
                else
                    report.warnings << where + u": "_s + text;
            }
        }
    }

    if (problems.count() > 0) {
        Error e(ErrorCode::InvalidInput,
                tr("%1 problems in %2 rows; nothing was imported")
                    .arg(problems.count())
                    .arg(report.rows),
                reader.sourceName());
        e.details = problems.list();
        return e;
    }
    if (options.dryRun)
        return report; // the transaction rolls back as it goes out of scope
    // One audit entry for the whole file, with a digest of the rows as written.
    QString sha;
    DLI_ASSIGN(sha, AuditLog::fileSha256(options.path));
    auto entry =
        session.audit().recordBulk(u"import."_s + enumToString(kImportKindNames, options.kind),
                                   QJsonObject{{u"file"_s, QFileInfo(options.path).fileName()},
                                               {u"sha256"_s, sha},
                                               {u"file_rows"_s, report.rows}});
    if (!entry)
        return entry.error();
    DLI_TRY(tx.commit());
    report.written = report.rows;
    if (options.kind == ImportKind::Observations)
        emit session.notifier().observationsChanged();
    return report;
}

} // namespace dli
