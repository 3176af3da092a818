#include "core/storage/schema.h"

#include "core/storage/database.h"

#include <array>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// Decimal values are stored as exact decimal text, money as integer minor units, dates as ISO
// text, and every row that may travel between machines has a text UUID key.
constexpr std::array<const char16_t*, 3> kMigrations{
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
    // 3: the registers behind the indicators, evidence files, one observation per key.
    uR"sql(
DROP INDEX observations_key;
CREATE UNIQUE INDEX observations_key ON observations (indicator_id, period, org_unit_id, category);
CREATE TABLE firms (
    id              TEXT PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    cluster_id      TEXT NOT NULL REFERENCES org_units(id),
    district        TEXT NOT NULL DEFAULT '',
    ntn             TEXT NOT NULL DEFAULT '',
    size_class      TEXT NOT NULL DEFAULT '',
    women_owned     INTEGER,
    export_oriented INTEGER,
    latitude        TEXT,
    longitude       TEXT,
    contact         TEXT NOT NULL DEFAULT '',
    entered_by      TEXT NOT NULL,
    entered_at      TEXT NOT NULL
);
CREATE TABLE services (
    id           TEXT PRIMARY KEY,
    firm_id      TEXT NOT NULL REFERENCES firms(id),
    service_type TEXT NOT NULL,
    date         TEXT NOT NULL,
    provider     TEXT NOT NULL DEFAULT '',
    cost         TEXT,
    status       TEXT NOT NULL,
    entered_by   TEXT NOT NULL,
    entered_at   TEXT NOT NULL
);
CREATE INDEX services_firm ON services (firm_id);
CREATE INDEX services_date ON services (date);
CREATE TABLE trainees (
    id         TEXT PRIMARY KEY,
    person_key TEXT NOT NULL,
    sex        TEXT NOT NULL,
    firm_id    TEXT REFERENCES firms(id),
    centre_id  TEXT REFERENCES org_units(id),
    course     TEXT NOT NULL,
    date       TEXT NOT NULL,
    completed  INTEGER NOT NULL,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL
);
CREATE INDEX trainees_date ON trainees (date);
CREATE TABLE exports (
    id         TEXT PRIMARY KEY,
    firm_id    TEXT NOT NULL REFERENCES firms(id),
    period     TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    value_pkr  TEXT,
    value_usd  TEXT,
    source     TEXT NOT NULL,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL
);
CREATE INDEX exports_firm ON exports (firm_id);
CREATE TABLE evidence_contents (
    sha256  TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE evidence (
    id             TEXT PRIMARY KEY,
    sha256         TEXT NOT NULL REFERENCES evidence_contents(sha256),
    file_name      TEXT NOT NULL,
    mime_type      TEXT NOT NULL,
    size           INTEGER NOT NULL,
    observation_id TEXT REFERENCES observations(id),
    firm_id        TEXT REFERENCES firms(id),
    service_id     TEXT REFERENCES services(id),
    attached_by    TEXT NOT NULL,
    attached_at    TEXT NOT NULL,
    CHECK ((observation_id IS NOT NULL) + (firm_id IS NOT NULL) + (service_id IS NOT NULL) = 1)
);
CREATE INDEX evidence_observation ON evidence (observation_id);
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
