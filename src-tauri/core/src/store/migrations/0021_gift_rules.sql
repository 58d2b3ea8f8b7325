-- Gifts within the rules (issue 16, part 3): the office's value limit for gifts its staff
-- receive, the decision a received gift above it needs, and which gifts the office publishes.

-- One row for the office, the same on every laptop until an officer changes it (the fixed
-- stamp lets two laptops that never met agree on it).
CREATE TABLE gift_rules (
    id          TEXT PRIMARY KEY NOT NULL CHECK (id = 'office'),
    limit_cents INTEGER NOT NULL CHECK (limit_cents >= 0),
    decided_by  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
) STRICT;

INSERT INTO gift_rules (id, limit_cents, decided_by, updated_at) VALUES ('office', 2500, '', '1970-01-01T00:00:00.000Z');

-- The estimated value in euro cents at the rate of the day it was given (the rate kept with it);
-- NULL while no value, or no rate for its currency, is known.
ALTER TABLE gifts ADD COLUMN value_cents INTEGER CHECK (value_cents IS NULL OR value_cents >= 0);
ALTER TABLE gifts ADD COLUMN per_euro TEXT;
-- What became of a received gift above the limit, who decided it and when.
ALTER TABLE gifts ADD COLUMN decision TEXT
    CHECK (decision IS NULL OR decision IN ('kept_by_office', 'museum', 'bought_back', 'returned', 'donated'));
ALTER TABLE gifts ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE gifts ADD COLUMN decided_on TEXT;
-- On the public list of gifts received that the office publishes for the year.
ALTER TABLE gifts ADD COLUMN published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1));

UPDATE gifts SET value_cents = value_minor WHERE currency = 'EUR';

CREATE INDEX gifts_received_by_date ON gifts (given_on) WHERE direction = 'received' AND deleted_at IS NULL;
