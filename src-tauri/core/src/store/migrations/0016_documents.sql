-- The visit's papers (issue 15): documents attached to a trip, a programme item, a delegation
-- member, a person, an organisation, a partnership or an agreement. The file lives in
-- `documents/` beside the database under the SHA-256 of its content (`content_hash`; empty
-- when the file of a signed agreement had gone missing before this migration). Each document
-- has exactly one owner; deleting the owner for good deletes its documents.
CREATE TABLE documents (
    id              TEXT PRIMARY KEY NOT NULL,
    trip_id         TEXT REFERENCES trips (id) ON DELETE CASCADE,
    item_id         TEXT REFERENCES programme_items (id) ON DELETE CASCADE,
    member_id       TEXT REFERENCES members (id) ON DELETE CASCADE,
    person_id       TEXT REFERENCES people (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    partnership_id  TEXT REFERENCES partnerships (id) ON DELETE CASCADE,
    agreement_id    TEXT REFERENCES agreements (id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('invitation', 'ticket', 'accommodation', 'letter', 'protocol',
                        'signed_agreement', 'presentation', 'photos', 'press', 'passport_copy', 'visa', 'other')),
    document_date   TEXT,
    content_hash    TEXT NOT NULL CHECK (content_hash = '' OR length(content_hash) = 64),
    size_bytes      INTEGER NOT NULL CHECK (size_bytes >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;

CREATE INDEX documents_of_trips ON documents (trip_id) WHERE trip_id IS NOT NULL;
CREATE INDEX documents_of_items ON documents (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX documents_of_members ON documents (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX documents_of_people ON documents (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX documents_of_organisations ON documents (organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX documents_of_partnerships ON documents (partnership_id) WHERE partnership_id IS NOT NULL;
CREATE INDEX documents_of_agreements ON documents (agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX documents_by_content ON documents (content_hash);
CREATE INDEX documents_in_trash ON documents (deleted_at) WHERE deleted_at IS NOT NULL;

-- The key of the document files while the database is encrypted; it stays on this laptop.
CREATE TABLE document_protection (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    file_key BLOB NOT NULL CHECK (length(file_key) = 32)
) STRICT;
