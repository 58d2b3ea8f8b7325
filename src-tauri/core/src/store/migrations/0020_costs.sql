-- What a trip costs and who pays (issue 16, part 1).
--
-- Amounts are whole minor units of their currency (cents, fen; yen have none). A line in another
-- currency than the euro keeps the rate it was converted at and its euro amounts, so that an
-- old trip never changes its sums when rates change later.

-- The office's budget lines (Haushaltsstellen, cost centres), one set per budget year.
CREATE TABLE budget_lines (
    id           TEXT PRIMARY KEY NOT NULL,
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    code         TEXT NOT NULL CHECK (length(trim(code)) > 0),
    name         TEXT NOT NULL DEFAULT '',
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    deleted_at   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX budget_lines_by_code ON budget_lines (year, code) WHERE deleted_at IS NULL;

-- Reference rates: how many units of a currency one euro buys on a day, typed by an officer
-- or read from the European Central Bank's CSV file.
CREATE TABLE exchange_rates (
    currency   TEXT NOT NULL CHECK (length(currency) = 3 AND currency <> 'EUR'),
    rate_on    TEXT NOT NULL,
    per_euro   TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('typed', 'ecb')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (currency, rate_on)
) STRICT, WITHOUT ROWID;

CREATE TABLE cost_lines (
    id             TEXT PRIMARY KEY NOT NULL,
    trip_id        TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    category       TEXT NOT NULL CHECK (category IN ('flights', 'rail', 'hotel', 'hospitality', 'interpreter',
                       'gifts', 'venue', 'transfers', 'visa', 'insurance', 'other')),
    description    TEXT NOT NULL DEFAULT '',
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    planned_minor  INTEGER CHECK (planned_minor IS NULL OR planned_minor >= 0),
    actual_minor   INTEGER CHECK (actual_minor IS NULL OR actual_minor >= 0),
    -- Units of the currency per euro and the day of that rate; NULL for euro lines.
    per_euro       TEXT,
    rate_on        TEXT,
    planned_cents  INTEGER,
    actual_cents   INTEGER,
    spent_on       TEXT,
    bearer         TEXT NOT NULL CHECK (bearer IN ('office', 'participant', 'partner', 'sponsor')),
    budget_line_id TEXT REFERENCES budget_lines (id) ON DELETE SET NULL,
    -- The company, sponsor or partner body that pays, when it is not the office.
    payer          TEXT NOT NULL DEFAULT '',
    member_id      TEXT REFERENCES members (id) ON DELETE SET NULL,
    notes          TEXT NOT NULL DEFAULT '',
    -- When the planned amount was last set: a change after the trip's approval is flagged.
    planned_set_at TEXT NOT NULL,
    deleted_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((currency = 'EUR') = (per_euro IS NULL)),
    CHECK (budget_line_id IS NULL OR bearer = 'office')
) STRICT;

CREATE INDEX cost_lines_by_trip ON cost_lines (trip_id, category);
CREATE INDEX cost_lines_by_budget_line ON cost_lines (budget_line_id) WHERE budget_line_id IS NOT NULL;
CREATE INDEX cost_lines_by_member ON cost_lines (member_id) WHERE member_id IS NOT NULL;

-- A trip sent for approval, and approved: by whom, when, at what planned total.
CREATE TABLE trip_approvals (
    trip_id             TEXT PRIMARY KEY NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    requested_at        TEXT NOT NULL,
    approved_at         TEXT,
    approved_by         TEXT NOT NULL DEFAULT '',
    approved_plan_cents INTEGER,
    updated_at          TEXT NOT NULL,
    CHECK ((approved_at IS NULL) = (approved_plan_cents IS NULL))
) STRICT;

-- A cost line's receipts are documents of it.
ALTER TABLE documents ADD COLUMN cost_line_id TEXT REFERENCES cost_lines (id) ON DELETE CASCADE;

CREATE INDEX documents_of_cost_lines ON documents (cost_line_id) WHERE cost_line_id IS NOT NULL;
