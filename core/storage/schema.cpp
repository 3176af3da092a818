#include "core/storage/schema.h"

#include "core/storage/database.h"

#include <array>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// Decimal values are stored as exact decimal text, money as integer minor units, dates as ISO
// text, and every row that may travel between machines has a text UUID key.
constexpr std::array<const char16_t*, 2> kMigrations{
    // 1: the database's identity and the program definition.
    uR"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE program (
    id                        TEXT PRIMARY KEY,
    code                      TEXT NOT NULL,
    title                     TEXT NOT NULL,
    currency                  TEXT NOT NULL,
    financing_minor           INTEGER NOT NULL,
    signing_date              TEXT NOT NULL,
    closing_date              TEXT NOT NULL,
    fiscal_year_start_month   INTEGER NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    verification_window_days  INTEGER NOT NULL,
    advance_cap_share         TEXT NOT NULL,
    prior_results_cap_share   TEXT NOT NULL,
    imported_at               TEXT NOT NULL,
    imported_by               TEXT NOT NULL
);
CREATE TABLE result_areas (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    code     TEXT NOT NULL UNIQUE,
    title    TEXT NOT NULL
);
CREATE TABLE org_units (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('program', 'cluster', 'centre')),
    parent_id TEXT REFERENCES org_units(id)
);
CREATE TABLE indicators (
    id                        TEXT PRIMARY KEY,
    position                  INTEGER NOT NULL,
    code                      TEXT NOT NULL UNIQUE,
    title                     TEXT NOT NULL,
    level                     TEXT NOT NULL,
    unit                      TEXT NOT NULL,
    direction                 TEXT NOT NULL,
    cumulative                INTEGER NOT NULL,
    aggregation               TEXT NOT NULL,
    reported_at               TEXT NOT NULL,
    frequency                 TEXT NOT NULL,
    disaggregation_code       TEXT,
    disaggregation_categories TEXT,
    baseline_value            TEXT NOT NULL,
    baseline_date             TEXT NOT NULL,
    source_kind               TEXT NOT NULL,
    register_kind             TEXT,
    register_measure          TEXT,
    register_field            TEXT,
    register_filters          TEXT,
    formula                   TEXT,
    tolerance                 TEXT NOT NULL,
    result_area_id            TEXT REFERENCES result_areas(id)
);
CREATE TABLE indicator_targets (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    period       TEXT NOT NULL,
    value        TEXT NOT NULL,
    UNIQUE (indicator_id, period)
);
CREATE TABLE dlis (
    id                         TEXT PRIMARY KEY,
    position                   INTEGER NOT NULL,
    code                       TEXT NOT NULL UNIQUE,
    title                      TEXT NOT NULL,
    indicator_id               TEXT NOT NULL REFERENCES indicators(id),
    allocation_minor           INTEGER NOT NULL,
    protocol_verifier          TEXT NOT NULL,
    protocol_method            TEXT NOT NULL,
    protocol_evidence          TEXT NOT NULL,
    protocol_evidence_required INTEGER NOT NULL,
    protocol_sample_size       INTEGER NOT NULL,
    protocol_max_error_rate    TEXT NOT NULL
);
CREATE TABLE dlrs (
    id                TEXT PRIMARY KEY,
    dli_id            TEXT NOT NULL REFERENCES dlis(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    code              TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    period            TEXT NOT NULL,
    deadline          TEXT,
    time_bound        INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    baseline          TEXT,
    target            TEXT NOT NULL,
    allocation_minor  INTEGER NOT NULL,
    unit_amount_minor INTEGER,
    min_fraction      TEXT NOT NULL,
    prior_result      INTEGER NOT NULL,
    rollover          TEXT NOT NULL
);
CREATE TABLE validation_rules (
    id         TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    code       TEXT NOT NULL UNIQUE,
    left_expr  TEXT NOT NULL,
    operator   TEXT NOT NULL,
    right_expr TEXT NOT NULL,
    severity   TEXT NOT NULL,
    message    TEXT NOT NULL
);
)sql",
    // 2: reported figures.
    uR"sql(
CREATE TABLE observations (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id),
    period       TEXT NOT NULL,
    org_unit_id  TEXT NOT NULL REFERENCES org_units(id),
    category     TEXT NOT NULL DEFAULT '',
    value        TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    reporter     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'draft'
);
CREATE INDEX observations_key ON observations (indicator_id, period, org_unit_id, category);
)sql",
};

} // namespace

int Schema::currentVersion()
{
    return static_cast<int>(kMigrations.size());
}

Status Schema::migrate(Database& db, int from, int to)
{
    for (int v = from + 1; v <= to; ++v) {
        DLI_TRY(db.exec(QString::fromUtf16(kMigrations[static_cast<std::size_t>(v - 1)])));
        DLI_TRY(db.exec(u"PRAGMA user_version = "_s + QString::number(v)));
    }
    return {};
}

} // namespace dli
