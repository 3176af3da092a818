#include "core/storage/schema.h"

#include "core/storage/database.h"

#include <array>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

// Decimal values are stored as exact decimal text, money as integer minor units, dates as ISO
// text, and every row that may travel between machines has a text UUID key.
constexpr std::array<const char16_t*, 6> kMigrations{
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
    // 4: users, the verification workflow, samples and the hash-chained audit log. Every audited
    // row names the audit entry that last wrote it (audit_ref); see docs/audit.md.
    uR"sql(
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    full_name     TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    roles         TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    audit_ref     INTEGER
);
CREATE TABLE logins (
    id        INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL,
    at        TEXT NOT NULL,
    outcome   TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'locked', 'reset'))
);
CREATE INDEX logins_user ON logins (user_name, id);
ALTER TABLE observations ADD COLUMN replaces TEXT REFERENCES observations(id);
ALTER TABLE observations ADD COLUMN replaced_by TEXT REFERENCES observations(id);
DROP INDEX observations_key;
CREATE UNIQUE INDEX observations_key ON observations (indicator_id, period, org_unit_id, category)
    WHERE replaced_by IS NULL;
CREATE TABLE transitions (
    id             TEXT PRIMARY KEY,
    observation_id TEXT NOT NULL REFERENCES observations(id),
    action         TEXT NOT NULL,
    from_state     TEXT NOT NULL,
    to_state       TEXT NOT NULL,
    user_name      TEXT NOT NULL,
    at             TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    old_value      TEXT,
    new_value      TEXT,
    audit_ref      INTEGER
);
CREATE INDEX transitions_observation ON transitions (observation_id);
CREATE TABLE samples (
    id             TEXT PRIMARY KEY,
    observation_id TEXT NOT NULL REFERENCES observations(id),
    seed           TEXT NOT NULL,
    size           INTEGER NOT NULL,
    population     INTEGER NOT NULL,
    key_kind       TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    drawn_by       TEXT NOT NULL,
    drawn_at       TEXT NOT NULL,
    closed_by      TEXT,
    closed_at      TEXT,
    failed         INTEGER,
    error_rate     TEXT,
    outcome        TEXT,
    audit_ref      INTEGER
);
CREATE INDEX samples_observation ON samples (observation_id);
CREATE TABLE sample_items (
    id          TEXT PRIMARY KEY,
    sample_id   TEXT NOT NULL REFERENCES samples(id),
    position    INTEGER NOT NULL,
    row_key     TEXT NOT NULL,
    rank        TEXT NOT NULL,
    outcome     TEXT CHECK (outcome IN ('confirmed', 'not_confirmed', 'not_found')),
    note        TEXT NOT NULL DEFAULT '',
    evidence_id TEXT REFERENCES evidence(id),
    recorded_by TEXT,
    recorded_at TEXT,
    audit_ref   INTEGER,
    UNIQUE (sample_id, row_key)
);
CREATE TABLE verifications (
    id             TEXT PRIMARY KEY,
    observation_id TEXT NOT NULL UNIQUE REFERENCES observations(id),
    method         TEXT NOT NULL
        CHECK (method IN ('desk_review', 'field_visit', 'sample', 'third_party_report')),
    reported_value TEXT NOT NULL,
    verified_value TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    evidence_id    TEXT REFERENCES evidence(id),
    sample_id      TEXT REFERENCES samples(id),
    verifier       TEXT NOT NULL,
    verified_on    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    audit_ref      INTEGER
);
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL,
    table_name TEXT NOT NULL DEFAULT '',
    row_id     TEXT NOT NULL DEFAULT '',
    old_values TEXT,
    new_values TEXT,
    details    TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
ALTER TABLE meta ADD COLUMN audit_ref INTEGER;
ALTER TABLE program ADD COLUMN audit_ref INTEGER;
ALTER TABLE result_areas ADD COLUMN audit_ref INTEGER;
ALTER TABLE org_units ADD COLUMN audit_ref INTEGER;
ALTER TABLE indicators ADD COLUMN audit_ref INTEGER;
ALTER TABLE indicator_targets ADD COLUMN audit_ref INTEGER;
ALTER TABLE dlis ADD COLUMN audit_ref INTEGER;
ALTER TABLE dlrs ADD COLUMN audit_ref INTEGER;
ALTER TABLE validation_rules ADD COLUMN audit_ref INTEGER;
ALTER TABLE observations ADD COLUMN audit_ref INTEGER;
ALTER TABLE firms ADD COLUMN audit_ref INTEGER;
ALTER TABLE services ADD COLUMN audit_ref INTEGER;
ALTER TABLE trainees ADD COLUMN audit_ref INTEGER;
ALTER TABLE exports ADD COLUMN audit_ref INTEGER;
ALTER TABLE evidence ADD COLUMN audit_ref INTEGER;
CREATE INDEX observations_audit ON observations (audit_ref);
CREATE INDEX firms_audit ON firms (audit_ref);
CREATE INDEX services_audit ON services (audit_ref);
CREATE INDEX trainees_audit ON trainees (audit_ref);
CREATE INDEX exports_audit ON exports (audit_ref);
CREATE INDEX evidence_audit ON evidence (audit_ref);
)sql",
    // 5: money events: disbursements, advances, refunds, reallocation and cancellation decisions.
    uR"sql(
CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL UNIQUE,
    kind         TEXT NOT NULL
        CHECK (kind IN ('disburse', 'advance', 'refund', 'reallocate', 'cancel')),
    dli          TEXT NOT NULL DEFAULT '',
    dlr          TEXT NOT NULL DEFAULT '',
    to_dlr       TEXT NOT NULL DEFAULT '',
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    date         TEXT NOT NULL,
    reference    TEXT NOT NULL,
    forced       INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
    reason       TEXT NOT NULL DEFAULT '',
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    audit_ref    INTEGER
);
)sql",
    // 6: field returns imported at the office (docs/field-packages.md): each import, each change
    // it carried with what became of it, the conflicts waiting for a verifier, and the findings
    // on evidence photos attached during field visits.
    uR"sql(
CREATE TABLE field_imports (
    id            TEXT PRIMARY KEY,
    package_id    TEXT NOT NULL,
    return_sha256 TEXT NOT NULL,
    field_head    TEXT NOT NULL,
    assignee      TEXT NOT NULL,
    imported_by   TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    applied       INTEGER NOT NULL,
    conflicts     INTEGER NOT NULL,
    refused       INTEGER NOT NULL,
    audit_ref     INTEGER
);
CREATE TABLE field_changes (
    id         TEXT PRIMARY KEY,
    import_id  TEXT NOT NULL REFERENCES field_imports(id),
    package_id TEXT NOT NULL,
    field_hash TEXT NOT NULL UNIQUE,
    field_seq  INTEGER NOT NULL,
    field_user TEXT NOT NULL,
    field_at   TEXT NOT NULL,
    action     TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict', 'refused', 'noted')),
    reason     TEXT NOT NULL DEFAULT '',
    audit_ref  INTEGER
);
CREATE INDEX field_changes_package ON field_changes (package_id, field_seq);
CREATE TABLE conflicts (
    id            TEXT PRIMARY KEY,
    change_id     TEXT NOT NULL REFERENCES field_changes(id),
    package_id    TEXT NOT NULL,
    table_name    TEXT NOT NULL,
    row_id        TEXT NOT NULL,
    action        TEXT NOT NULL,
    field_user    TEXT NOT NULL,
    field_at      TEXT NOT NULL,
    reason        TEXT NOT NULL,
    office_values TEXT,
    field_values  TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
    resolution    TEXT CHECK (resolution IN ('keep_office', 'keep_field')),
    resolved_by   TEXT,
    resolved_at   TEXT,
    audit_ref     INTEGER
);
CREATE INDEX conflicts_row ON conflicts (table_name, row_id, state);
ALTER TABLE evidence ADD COLUMN findings TEXT;
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
