//! Every released schema version has a fixture database in `tests/fixtures/` (how they are made:
//! `tests/fixtures/README.md`). Each is upgraded by `store::open` and its data checked field by
//! field: every column of every row it held, what the migrations added, and the same records
//! read back through the domain functions.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::PathBuf;

use partnerdesk_core::checklists::{checklist_of, ChecklistOwner};
use partnerdesk_core::contacts::people::get_person;
use partnerdesk_core::documents::{self, DocumentKind, DocumentOwner, DocumentOwnerKind};
use partnerdesk_core::names::transliteration::search_text;
use partnerdesk_core::partnerships::{self, agreements, PartnershipKind, PartnershipStatus};
use partnerdesk_core::tasks::{get_task, TaskPriority, TaskStatus};
use partnerdesk_core::trips::{self, TripStatus};
use partnerdesk_core::vocabulary::{Direction, Side};
use partnerdesk_core::{
    costs, delegation, gifts, outcomes, programme, projects, registrations, report, settings, store,
};
use rusqlite::types::Value;
use rusqlite::Connection;

const TRIP_JINHUA: &str = "0192f0a0-1000-7000-8000-000000000001";
const TRIP_GUESTS: &str = "0192f0a0-1000-7000-8000-000000000002";
const TRIP_IN_TRASH: &str = "0192f0a0-1000-7000-8000-000000000003";
const MAYOR: &str = "0192f0a0-2000-7000-8000-000000000001";
const INTERPRETER: &str = "0192f0a0-2000-7000-8000-000000000002";
const SECRETARY: &str = "0192f0a0-2000-7000-8000-000000000003";
const FLIGHT: &str = "0192f0a0-3000-7000-8000-000000000001";
const RECEPTION: &str = "0192f0a0-3000-7000-8000-000000000002";
const ARRIVAL: &str = "0192f0a0-3000-7000-8000-000000000003";
const PARTNERSHIP: &str = "0192f0a0-4000-7000-8000-000000000001";
const TREATY: &str = "0192f0a0-5000-7000-8000-000000000001";
const MEMORANDUM: &str = "0192f0a0-5000-7000-8000-000000000002";
const JINHUA_GOVERNMENT: &str = "0192f0a0-6000-7000-8000-000000000001";
const PERSON_MAYOR: &str = "0192f0a0-7000-7000-8000-000000000001";
const PERSON_SECRETARY: &str = "0192f0a0-7000-7000-8000-000000000003";
const OUTCOME: &str = "0192f0a0-8000-7000-8000-000000000001";
const TASK: &str = "0192f0a0-9000-7000-8000-000000000001";
const GIFT: &str = "0192f0a0-b000-7000-8000-000000000001";

/// Trips with their delegations and programmes, in every version.
const CORE: &str = "
INSERT INTO settings (key, value) VALUES ('language', 'de'), ('home_zone', 'Europe/Berlin'), ('min_transfer_minutes', '45');
INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date, end_date, purpose,
    status, notes, deleted_at, created_at, updated_at) VALUES
 ('0192f0a0-1000-7000-8000-000000000001', 'Delegationsreise nach Jinhua', 'outgoing', 'Jinhua', 'China', 'Asia/Shanghai',
    '2026-10-21', '2026-10-27', 'Städtepartnerschaft und Wasserstoff', 'confirmed', 'Visa über die Botschaft in Berlin',
    NULL, '2026-03-02T09:15:00.000Z', '2026-03-05T16:40:12.345Z'),
 ('0192f0a0-1000-7000-8000-000000000002', 'Besuch aus Jinhua', 'incoming', 'Jinhua', 'China', 'Europe/Berlin',
    '2026-10-24', '2026-10-26', '', 'planning', '', NULL, '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z'),
 ('0192f0a0-1000-7000-8000-000000000003', 'Sondierungsreise Luzhou', 'outgoing', 'Luzhou', 'China', 'Asia/Shanghai',
    '2025-04-01', '2025-04-04', 'Kontakte knüpfen', 'cancelled', '', '2026-02-01T10:00:00.000Z',
    '2025-01-10T08:00:00.000Z', '2026-02-01T10:00:00.000Z');
INSERT INTO members (id, trip_id, name_latin, name_key, name_original, function_title, organisation, party, role,
    precedence, email, phone, dietary, accessibility, passport_number, date_of_birth, visa_status, created_at, updated_at) VALUES
 ('0192f0a0-2000-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001', 'Frank Peter Ullrich',
    'frank peter ullrich', '', 'Bürgermeister', 'Stadt Düren', 'SPD', 'head', 1, 'f.ullrich@dueren.de', '+49 2421 25-0',
    'vegetarisch', '', 'C01X00T47', '1963-08-02', 'erteilt', '2026-03-02T09:20:00.000Z', '2026-03-04T11:00:00.000Z'),
 ('0192f0a0-2000-7000-8000-000000000002', '0192f0a0-1000-7000-8000-000000000001', 'Mei Li', 'mei li', '李梅',
    'Dolmetscherin', '', '', 'interpreter', 2, '', '', '', 'Rollstuhl', 'EA1234567', NULL, 'beantragt',
    '2026-03-02T09:21:00.000Z', '2026-03-02T09:21:00.000Z'),
 ('0192f0a0-2000-7000-8000-000000000003', '0192f0a0-1000-7000-8000-000000000002', 'Zhu Chonglie', 'zhu chonglie',
    '朱重烈', 'Parteisekretär', 'Stadtregierung Jinhua', '', 'head', 1, '', '', 'halal', '', 'E98765432', '1968-01-15',
    'Einladung versandt', '2026-03-03T10:05:00.000Z', '2026-03-03T10:05:00.000Z');
INSERT INTO programme_items (id, trip_id, kind, title, start_local, start_zone, start_utc, end_local, end_zone, end_utc,
    place, address, everyone, notes_participants, notes_internal, created_at, updated_at) VALUES
 ('0192f0a0-3000-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001', 'flight',
    'Flug LH 730 Frankfurt – Shanghai', '2026-10-21T13:30', 'Europe/Berlin', '2026-10-21T11:30:00Z',
    '2026-10-22T06:15', 'Asia/Shanghai', '2026-10-21T22:15:00Z', 'Flughafen Frankfurt', 'Terminal 1', 1,
    'Treffpunkt 11:00 am Schalter', 'Buchungscode X7K2LM', '2026-03-02T09:30:00.000Z', '2026-03-02T09:30:00.000Z'),
 ('0192f0a0-3000-7000-8000-000000000002', '0192f0a0-1000-7000-8000-000000000001', 'reception',
    'Empfang durch den Parteisekretär', '2026-10-22T18:00', 'Asia/Shanghai', '2026-10-22T10:00:00Z',
    '2026-10-22T20:00', 'Asia/Shanghai', '2026-10-22T12:00:00Z', 'Rathaus Jinhua', '1 Renmin Lu', 0,
    'Dunkler Anzug', 'Gastgeschenk übergibt der Bürgermeister', '2026-03-02T09:31:00.000Z', '2026-03-05T16:00:00.000Z'),
 ('0192f0a0-3000-7000-8000-000000000003', '0192f0a0-1000-7000-8000-000000000002', 'transfer',
    'Ankunft und Fahrt ins Hotel', '2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T01:30:00Z',
    '2026-10-25T03:30', 'Europe/Berlin', '2026-10-25T02:30:00Z', 'Flughafen Düsseldorf', '', 1, '', '',
    '2026-03-03T10:10:00.000Z', '2026-03-03T10:10:00.000Z');
INSERT INTO item_participants (item_id, member_id) VALUES
 ('0192f0a0-3000-7000-8000-000000000002', '0192f0a0-2000-7000-8000-000000000001');
";

/// The first slice kept hosts as free text; migration 0003 turns it into register links.
const FREE_TEXT_HOSTS: &str = "
UPDATE programme_items SET hosts = 'Parteisekretär Zhu Chonglie (朱重烈), Stadtregierung Jinhua'
    WHERE id = '0192f0a0-3000-7000-8000-000000000002';
UPDATE programme_items SET hosts = 'Bürgermeister Frank Peter Ullrich' WHERE id = '0192f0a0-3000-7000-8000-000000000003';
";

const PARTNERSHIPS: &str = "
INSERT INTO partnerships (id, our_side, our_side_kind, partner_place, partner_province, partner_country, partner_zone,
    kind, since, status, description, deleted_at, created_at, updated_at) VALUES
 ('0192f0a0-4000-7000-8000-000000000001', 'Stadt Düren', 'city', 'Jinhua', 'Zhejiang', 'China', 'Asia/Shanghai',
    'town_twinning', '2014-05-20', 'active', 'Partnerschaft seit 2014, Schwerpunkt Wasserstoff', NULL,
    '2026-01-15T08:00:00.000Z', '2026-01-15T08:00:00.000Z');
INSERT INTO theme_areas (id, name, position, created_at, updated_at) VALUES
 ('0192f0a0-c000-7000-8000-000000000001', 'Städtebau', 9, '2026-01-15T08:05:00.000Z', '2026-01-15T08:05:00.000Z');
INSERT INTO agreements (id, partnership_id, title, kind, signed_on, signed_at, valid_from, valid_until, notes,
    created_at, updated_at) VALUES
 ('0192f0a0-5000-7000-8000-000000000001', '0192f0a0-4000-7000-8000-000000000001', 'Partnerschaftsvertrag Düren–Jinhua',
    'partnership_treaty', '2014-05-20', 'Jinhua', '2014-05-20', NULL, 'Original im Stadtarchiv',
    '2026-01-15T08:10:00.000Z', '2026-01-15T08:10:00.000Z'),
 ('0192f0a0-5000-7000-8000-000000000002', '0192f0a0-4000-7000-8000-000000000001', 'Absichtserklärung Wasserstoff',
    'memorandum', '2023-09-12', 'Düren', '2023-10-01', '2026-09-30', '',
    '2026-01-15T08:12:00.000Z', '2026-01-15T08:12:00.000Z');
INSERT INTO agreement_themes (agreement_id, theme_id) VALUES
 ('0192f0a0-5000-7000-8000-000000000001', '0192b3c4-d5e6-7000-8000-000000000003'),
 ('0192f0a0-5000-7000-8000-000000000002', '0192b3c4-d5e6-7000-8000-000000000000'),
 ('0192f0a0-5000-7000-8000-000000000002', '0192f0a0-c000-7000-8000-000000000001');
INSERT INTO trip_themes (trip_id, theme_id) VALUES
 ('0192f0a0-1000-7000-8000-000000000001', '0192b3c4-d5e6-7000-8000-000000000000'),
 ('0192f0a0-1000-7000-8000-000000000001', '0192f0a0-c000-7000-8000-000000000001');
UPDATE trips SET partnership_id = '0192f0a0-4000-7000-8000-000000000001'
    WHERE id IN ('0192f0a0-1000-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000002');
";

/// The register; `search_text` is filled by the generator as the app computes it.
const REGISTER: &str = "
INSERT INTO organisations (id, name, name_original, transliteration, kind, side, partnership_id, email, phone, address,
    notes, search_text, deleted_at, created_at, updated_at) VALUES
 ('0192f0a0-6000-7000-8000-000000000001', 'Stadtregierung Jinhua', '金华市人民政府', 'Jinhua Shi Renmin Zhengfu',
    'government', 'partner', '0192f0a0-4000-7000-8000-000000000001', 'office@jinhua.gov.cn', '+86 579 8246 0000',
    'Jinhua, Zhejiang', '', '', NULL, '2026-01-15T09:00:00.000Z', '2026-01-15T09:00:00.000Z'),
 ('0192f0a0-6000-7000-8000-000000000002', 'Stadt Düren', '', '', 'city_hall', 'ours', NULL, 'info@dueren.de',
    '+49 2421 25-0', 'Kaiserplatz 2-4, 52349 Düren', 'Büro für Städtepartnerschaften', '', NULL,
    '2026-01-15T09:01:00.000Z', '2026-01-15T09:01:00.000Z');
INSERT INTO people (id, name_latin, name_original, transliteration, function_title, organisation_id, side,
    partnership_id, email, phone, address, languages, notes, search_text, deleted_at, created_at, updated_at) VALUES
 ('0192f0a0-7000-7000-8000-000000000001', 'Frank Peter Ullrich', '', '', 'Bürgermeister',
    '0192f0a0-6000-7000-8000-000000000002', 'ours', '0192f0a0-4000-7000-8000-000000000001', 'f.ullrich@dueren.de',
    '+49 2421 25-0', 'Kaiserplatz 2-4, 52349 Düren', 'Deutsch, Englisch', '', '', NULL,
    '2026-01-15T09:05:00.000Z', '2026-01-15T09:05:00.000Z'),
 ('0192f0a0-7000-7000-8000-000000000002', 'Mei Li', '李梅', 'Li Mei', 'Dolmetscherin', NULL, 'ours', NULL, '', '', '',
    'Deutsch, Chinesisch', 'Freiberuflich', '', NULL, '2026-01-15T09:06:00.000Z', '2026-01-15T09:06:00.000Z'),
 ('0192f0a0-7000-7000-8000-000000000003', 'Zhu Chonglie', '朱重烈', 'Zhu Chonglie', 'Parteisekretär',
    '0192f0a0-6000-7000-8000-000000000001', 'partner', '0192f0a0-4000-7000-8000-000000000001', '', '', '', 'Chinesisch',
    '', '', NULL, '2026-01-15T09:07:00.000Z', '2026-01-15T09:07:00.000Z');
UPDATE members SET person_id = '0192f0a0-7000-7000-8000-000000000001' WHERE id = '0192f0a0-2000-7000-8000-000000000001';
UPDATE members SET person_id = '0192f0a0-7000-7000-8000-000000000002' WHERE id = '0192f0a0-2000-7000-8000-000000000002';
UPDATE members SET person_id = '0192f0a0-7000-7000-8000-000000000003' WHERE id = '0192f0a0-2000-7000-8000-000000000003';
INSERT INTO item_hosts (item_id, position, person_id, organisation_id) VALUES
 ('0192f0a0-3000-7000-8000-000000000002', 1, '0192f0a0-7000-7000-8000-000000000003', NULL),
 ('0192f0a0-3000-7000-8000-000000000002', 2, NULL, '0192f0a0-6000-7000-8000-000000000001'),
 ('0192f0a0-3000-7000-8000-000000000003', 1, '0192f0a0-7000-7000-8000-000000000001', NULL);
INSERT INTO agreement_signatories (agreement_id, person_id, position) VALUES
 ('0192f0a0-5000-7000-8000-000000000001', '0192f0a0-7000-7000-8000-000000000001', 1),
 ('0192f0a0-5000-7000-8000-000000000001', '0192f0a0-7000-7000-8000-000000000003', 2);
";

const FOLLOWUPS: &str = "
INSERT INTO settings (key, value) VALUES ('me', '0192f0a0-7000-7000-8000-000000000001'), ('reminders', 'off');
INSERT INTO outcomes (id, item_id, text, position, created_at, updated_at) VALUES
 ('0192f0a0-8000-7000-8000-000000000001', '0192f0a0-3000-7000-8000-000000000002',
    'Austausch von Fachleuten für Wasserstoff im Frühjahr 2027', 1, '2026-10-22T13:00:00.000Z', '2026-10-22T13:00:00.000Z');
INSERT INTO outcome_people (outcome_id, person_id, position) VALUES
 ('0192f0a0-8000-7000-8000-000000000001', '0192f0a0-7000-7000-8000-000000000003', 1);
INSERT INTO tasks (id, title, description, owner_id, due_date, priority, status, trip_id, item_id, outcome_id,
    partnership_id, theme_id, closed_at, deleted_at, created_at, updated_at) VALUES
 ('0192f0a0-9000-7000-8000-000000000001', 'Fachdelegation Wasserstoff vorbereiten', 'Programm mit den Stadtwerken abstimmen',
    '0192f0a0-7000-7000-8000-000000000001', '2026-12-15', 'high', 'in_progress', '0192f0a0-1000-7000-8000-000000000001',
    '0192f0a0-3000-7000-8000-000000000002', '0192f0a0-8000-7000-8000-000000000001', '0192f0a0-4000-7000-8000-000000000001',
    '0192b3c4-d5e6-7000-8000-000000000000', NULL, NULL, '2026-10-22T13:05:00.000Z', '2026-11-02T09:00:00.000Z'),
 ('0192f0a0-9000-7000-8000-000000000002', 'Dankesschreiben an Jinhua', '', NULL, '2026-11-05', 'normal', 'done',
    '0192f0a0-1000-7000-8000-000000000001', NULL, NULL, NULL, NULL, '2026-11-03T08:00:00.000Z', NULL,
    '2026-10-28T08:00:00.000Z', '2026-11-03T08:00:00.000Z');
INSERT INTO task_people (task_id, person_id, position) VALUES
 ('0192f0a0-9000-7000-8000-000000000001', '0192f0a0-7000-7000-8000-000000000003', 1);
INSERT INTO task_reminders (task_id, day, shown_at) VALUES
 ('0192f0a0-9000-7000-8000-000000000001', '2026-12-15', '2026-12-15T07:00:00.000Z');
UPDATE checklist_templates SET version = 2, updated_at = '2026-02-10T12:00:00.000Z' WHERE direction = 'outgoing';
INSERT INTO checklist_template_steps (direction, position, text) VALUES ('outgoing', 11, 'Gastgeschenke verzollt');
UPDATE trips SET checklist_version = 1;
INSERT INTO checklist_steps (id, task_id, trip_id, position, text, done_at, created_at, updated_at) VALUES
 ('0192f0a0-a000-7000-8000-000000000001', NULL, '0192f0a0-1000-7000-8000-000000000001', 1, 'Visa beantragt',
    '2026-09-01T10:00:00.000Z', '2026-03-02T09:15:00.000Z', '2026-09-01T10:00:00.000Z'),
 ('0192f0a0-a000-7000-8000-000000000002', NULL, '0192f0a0-1000-7000-8000-000000000001', 2, 'Flüge gebucht', NULL,
    '2026-03-02T09:15:00.000Z', '2026-03-02T09:15:00.000Z'),
 ('0192f0a0-a000-7000-8000-000000000003', NULL, '0192f0a0-1000-7000-8000-000000000002', 1, 'Hotel für die Gäste gebucht',
    NULL, '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z'),
 ('0192f0a0-a000-7000-8000-000000000004', '0192f0a0-9000-7000-8000-000000000001', NULL, 1, 'Stadtwerke anfragen',
    '2026-11-02T09:00:00.000Z', '2026-10-22T13:05:00.000Z', '2026-11-02T09:00:00.000Z');
INSERT INTO gifts (id, trip_id, direction, description, giver_person_id, giver_organisation_id, recipient_person_id,
    recipient_organisation_id, occasion, given_on, value_minor, currency, kept_at, notes, deleted_at, created_at, updated_at) VALUES
 ('0192f0a0-b000-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001', 'given', 'Porzellanteller mit Stadtwappen',
    '0192f0a0-7000-7000-8000-000000000001', NULL, NULL, '0192f0a0-6000-7000-8000-000000000001', 'Empfang', '2026-10-22',
    8900, 'EUR', '', 'Aus dem Bestand des Protokolls', NULL, '2026-10-22T14:00:00.000Z', '2026-10-22T14:00:00.000Z'),
 ('0192f0a0-b000-7000-8000-000000000002', '0192f0a0-1000-7000-8000-000000000001', 'received', 'Seidenbild des Shuanglong-Tempels',
    '0192f0a0-7000-7000-8000-000000000003', NULL, NULL, '0192f0a0-6000-7000-8000-000000000002', 'Empfang', '2026-10-22',
    NULL, 'CNY', 'Vitrine im Rathaus', '', NULL, '2026-10-22T14:01:00.000Z', '2026-10-22T14:01:00.000Z');
";

const CALENDAR_EXPORT: &str = "
UPDATE programme_items SET sequence = 3 WHERE id = '0192f0a0-3000-7000-8000-000000000002';
INSERT INTO removed_items (id, trip_id, title, start_local, start_zone, start_utc, end_local, end_zone, end_utc,
    everyone, member_ids, sequence, removed_at) VALUES
 ('0192f0a0-3000-7000-8000-000000000009', '0192f0a0-1000-7000-8000-000000000001', 'Stadtrundfahrt', '2026-10-23T09:00',
    'Asia/Shanghai', '2026-10-23T01:00:00Z', '2026-10-23T12:00', 'Asia/Shanghai', '2026-10-23T04:00:00Z', 0,
    '[\"0192f0a0-2000-7000-8000-000000000001\"]', 2, '2026-09-20T15:00:00.000Z');
";

const CALENDAR_IMPORT: &str = "
UPDATE programme_items SET import_uid = '040000008200E00074C5B7101A82E00800000000A1B2C3'
    WHERE id = '0192f0a0-3000-7000-8000-000000000001';
";

const TRASH_FOR_EVERY_RECORD: &str = "
INSERT INTO members (id, trip_id, name_latin, name_key, name_original, function_title, organisation, party, role,
    precedence, email, phone, dietary, accessibility, passport_number, date_of_birth, visa_status, created_at, updated_at,
    deleted_at) VALUES
 ('0192f0a0-2000-7000-8000-000000000009', '0192f0a0-1000-7000-8000-000000000001', 'Erika Mustermann',
    'trash:0192f0a0-2000-7000-8000-000000000009', '', 'Ratsmitglied', 'Stadt Düren', 'FDP', 'member', 9, '', '', '', '',
    'C01X00T99', '1970-01-01', '', '2026-03-02T09:20:00.000Z', '2026-03-06T10:00:00.000Z', '2026-03-06T10:00:00.000Z');
INSERT INTO checklist_steps (id, task_id, trip_id, position, text, done_at, created_at, updated_at, deleted_at) VALUES
 ('0192f0a0-a000-7000-8000-000000000009', NULL, '0192f0a0-1000-7000-8000-000000000001', 9, 'Dolmetscher angefragt',
    NULL, '2026-03-02T09:15:00.000Z', '2026-03-06T10:00:00.000Z', '2026-03-06T10:00:00.000Z');
";

const SHARING: &str = "
INSERT INTO sharing_applied (device, sequence, applied_at) VALUES
 ('0192f0a0-f000-7000-8000-000000000001', 1, '2026-12-05T08:00:00.000Z');
INSERT INTO sharing_conflicts (id, kind, table_name, row_key, column_name, kept_value, lost_value, lost_by, lost_at,
    recorded_at, resolved_at) VALUES
 ('0192f0a0-f100-7000-8000-000000000001', 'concurrent_edit', 'trips', '[\"0192f0a0-1000-7000-8000-000000000001\"]',
    'purpose', '\"Wasserstoff\"', '\"Bildung\"', 'Laptop Becker', '2026-12-05T07:59:00.000Z', '2026-12-05T08:00:00.000Z',
    NULL);
";

const SHARING_PEERS: &str = "
INSERT INTO sharing_peers (device, name, seen_at, applied) VALUES
 ('0192f0a0-f000-7000-8000-000000000001', 'Laptop Becker', '2026-12-05T08:00:00.000Z',
    '{\"0192f0a0-f000-7000-8000-000000000002\": 4}');
";

const PARTNER_OFFICES: &str = "
INSERT INTO partner_offices (id, name, folder, office_key, device, our_name, created_at) VALUES
 ('0192f0a0-f200-7000-8000-000000000001', 'Kreis Düren', '/home/krings/Nextcloud/Stadt und Kreis',
    '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', '0192f0a0-f200-7000-8000-000000000002',
    'Stadt Düren', '2026-12-05T09:00:00.000Z');
INSERT INTO partner_office_shares (office_id, trip_id, partnership_id, shared_at) VALUES
 ('0192f0a0-f200-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001', NULL, '2026-12-05T09:01:00.000Z');
";

const SECOND_LANGUAGE: &str = "
UPDATE trips SET second_language = 'zh', title_translation = '迪伦市代表团访问金华',
    purpose_translation = '友好城市与氢能' WHERE id = '0192f0a0-1000-7000-8000-000000000001';
UPDATE programme_items SET title_translation = '欢迎宴会', place_translation = '金华市人民政府',
    notes_translation = '请着深色正装。' WHERE id = '0192f0a0-3000-7000-8000-000000000002';
";

/// The signed treaty as the one document an agreement held up to version 15
/// (`AGREEMENT_DOCUMENT_FILE` in the documents folder).
const AGREEMENT_DOCUMENT_SLOT: &str = "
UPDATE agreements SET document_name = 'Vertrag 2014.pdf', document_file = '0192f0a0-5000-7000-8000-000000000001.pdf'
WHERE id = '0192f0a0-5000-7000-8000-000000000001';
";

/// The signed treaty as a document (v16 on), its file under its content hash.
const DOCUMENTS: &str = "
INSERT INTO documents (id, agreement_id, name, kind, document_date, content_hash, size_bytes, created_at, updated_at) VALUES
 ('0192f0a0-d000-7000-8000-000000000001', '0192f0a0-5000-7000-8000-000000000001', 'Vertrag 2014.pdf',
    'signed_agreement', '2014-05-20', '4a2f5ed7c96cc8a1e2992d80457ae08b8b038838b41b4ebb44e79aee2b7a3ffc', 21,
    '2026-01-15T08:10:00.000Z', '2026-01-15T08:10:00.000Z');
";

/// A project of the partnership (v18 on): the mayor as contact, the Jinhua trip serving it, the
/// follow-up task and the outcome filed under it.
const PROJECTS: &str = "
INSERT INTO projects (id, title, goal, status, theme_id, starts_on, ends_on, notes, created_at, updated_at) VALUES
 ('0192f0a0-e000-7000-8000-000000000001', 'Fotoausstellung in Jinhua', '50 Fotos aus Düren', 'running',
    NULL, '2026-09-01', '2027-03-31', '', '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z');
INSERT INTO project_partnerships (project_id, partnership_id, position) VALUES
 ('0192f0a0-e000-7000-8000-000000000001', '0192f0a0-4000-7000-8000-000000000001', 0);
INSERT INTO project_participants (project_id, position, person_id, organisation_id, role) VALUES
 ('0192f0a0-e000-7000-8000-000000000001', 1, '0192f0a0-7000-7000-8000-000000000001', NULL, 'contact');
INSERT INTO project_trips (project_id, trip_id) VALUES
 ('0192f0a0-e000-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001');
UPDATE tasks SET project_id = '0192f0a0-e000-7000-8000-000000000001' WHERE id = '0192f0a0-9000-7000-8000-000000000001';
UPDATE outcomes SET project_id = '0192f0a0-e000-7000-8000-000000000001' WHERE id = '0192f0a0-8000-7000-8000-000000000001';
";

/// The register's gaps closed (v19 on): the Jinhua trip also serves the Kreis Düren's
/// partnership; the Stadtregierung carries the partnership (a partner-side body, as the
/// fixture's register has no body of ours).
const REGISTER_GAPS: &str = "
INSERT INTO partnerships (id, our_side, our_side_kind, partner_place, partner_province, partner_country, partner_zone,
    kind, since, status, description, created_at, updated_at) VALUES
 ('0192f0a0-4000-7000-8000-000000000002', 'Kreis Düren', 'district', 'Jinhua (Städteregion)', 'Zhejiang', 'China',
    'Asia/Shanghai', 'regional_cooperation', '2026-01-20', 'active', '', '2026-01-20T08:00:00.000Z',
    '2026-01-20T08:00:00.000Z');
INSERT INTO trip_partnerships (trip_id, partnership_id, position) VALUES
 ('0192f0a0-1000-7000-8000-000000000001', '0192f0a0-4000-7000-8000-000000000002', 0);
INSERT INTO partnership_bodies (partnership_id, organisation_id, position) VALUES
 ('0192f0a0-4000-7000-8000-000000000001', '0192f0a0-6000-7000-8000-000000000001', 0);
";

const COSTS: &str = "
INSERT INTO budget_lines (id, year, code, name, amount_cents, created_at, updated_at) VALUES
 ('0192f0a0-c000-7000-8000-000000000001', 2026, '1.1.2.01-54310', 'Städtepartnerschaften', 2500000,
    '2026-01-20T08:00:00.000Z', '2026-01-20T08:00:00.000Z');
INSERT INTO exchange_rates (currency, rate_on, per_euro, source, updated_at) VALUES
 ('CNY', '2026-10-20', '7.8543', 'ecb', '2026-10-20T16:00:00.000Z');
INSERT INTO cost_lines (id, trip_id, category, description, currency, planned_minor, actual_minor, per_euro, rate_on,
    planned_cents, actual_cents, spent_on, bearer, budget_line_id, payer, member_id, notes, planned_set_at, created_at,
    updated_at) VALUES
 ('0192f0a0-c100-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001', 'hotel', 'Hotel Jinhua, 5 Nächte',
    'CNY', 420000, NULL, '7.8543', '2026-10-20', 53474, NULL, NULL, 'office', '0192f0a0-c000-7000-8000-000000000001',
    '', '0192f0a0-2000-7000-8000-000000000001', '', '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z',
    '2026-09-01T08:00:00.000Z');
INSERT INTO trip_approvals (trip_id, requested_at, approved_at, approved_by, approved_plan_cents, updated_at) VALUES
 ('0192f0a0-1000-7000-8000-000000000001', '2026-09-02T08:00:00.000Z', '2026-09-03T08:00:00.000Z', 'Landrat',
    53474, '2026-09-03T08:00:00.000Z');
";

const GIFT_RULES: &str = "
UPDATE gift_rules SET limit_cents = 3500, decided_by = 'Landrat', updated_at = '2026-11-01T08:00:00.000Z';
UPDATE gifts SET direction = 'received', decision = 'museum', decided_by = 'Landrat', decided_on = '2026-11-02',
    published = 1 WHERE id = '0192f0a0-b000-7000-8000-000000000001';
";

const REGISTRATIONS: &str = "
INSERT INTO trip_invitations (trip_id, deadline, asks, cost_share_cents, notes, created_at, updated_at) VALUES
 ('0192f0a0-1000-7000-8000-000000000001', '2026-09-15', 'passport_name,dietary', 195000, '',
    '2026-08-01T08:00:00.000Z', '2026-08-01T08:00:00.000Z');
INSERT INTO registrations (id, trip_id, status, name_latin, name_key, organisation, function_title, dietary,
    member_id, status_on, created_at, updated_at) VALUES
 ('0192f0a0-d000-7000-8000-000000000001', '0192f0a0-1000-7000-8000-000000000001', 'confirmed', 'Frank Peter Ullrich',
    'frank peter ullrich', 'Stadt Düren', 'Bürgermeister', '', '0192f0a0-2000-7000-8000-000000000001', '2026-08-20',
    '2026-08-02T08:00:00.000Z', '2026-08-20T08:00:00.000Z');
INSERT INTO item_guests (item_id, position, organisation_id) VALUES
 ('0192f0a0-3000-7000-8000-000000000002', 1, '0192f0a0-6000-7000-8000-000000000001');
";

const COST_ITEMS: &str = "
UPDATE cost_lines SET item_id = '0192f0a0-3000-7000-8000-000000000002'
 WHERE id = '0192f0a0-c100-7000-8000-000000000001';
";

const REPORTS: &str = "
INSERT INTO reports (id, year, partnership_id, foreword, left_out, format, language, written_at, created_at, updated_at)
 VALUES ('0192f0a0-e000-7000-8000-000000000001', 2026, NULL, 'An den Kreistag', '[\"0192f0a0-4000-7000-8000-000000000001\"]',
    'xlsx', 'de', '2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.000Z');
";

const REPORT_ITEMS: &str = "
INSERT INTO reports (id, year, partnership_id, foreword, left_out, left_out_items, format, language, written_at,
    created_at, updated_at)
 VALUES ('0192f0a0-e000-7000-8000-000000000002', 2026, NULL, '', '[]', '[\"0192f0a0-1000-7000-8000-000000000001\"]',
    'docx', 'de', '2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z');
";

const AGREEMENT_DOCUMENT_FILE: (&str, &[u8]) = ("0192f0a0-5000-7000-8000-000000000001.pdf", b"%PDF-1.4 Vertrag 2014");

/// What a fixture of each version holds: every block whose range contains the version.
const DATA: &[(RangeInclusive<usize>, &str)] = &[
    (1..=usize::MAX, CORE),
    (1..=2, FREE_TEXT_HOSTS),
    (2..=usize::MAX, PARTNERSHIPS),
    (2..=15, AGREEMENT_DOCUMENT_SLOT),
    (3..=usize::MAX, REGISTER),
    (4..=usize::MAX, FOLLOWUPS),
    (5..=usize::MAX, CALENDAR_EXPORT),
    (6..=usize::MAX, CALENDAR_IMPORT),
    (7..=usize::MAX, TRASH_FOR_EVERY_RECORD),
    (8..=usize::MAX, SHARING),
    (9..=usize::MAX, SHARING_PEERS),
    (10..=usize::MAX, PARTNER_OFFICES),
    (15..=usize::MAX, SECOND_LANGUAGE),
    (16..=usize::MAX, DOCUMENTS),
    (18..=usize::MAX, PROJECTS),
    (19..=usize::MAX, REGISTER_GAPS),
    (20..=usize::MAX, COSTS),
    (21..=usize::MAX, GIFT_RULES),
    (22..=usize::MAX, REGISTRATIONS),
    (23..=usize::MAX, COST_ITEMS),
    (24..=usize::MAX, REPORTS),
    (25..=usize::MAX, REPORT_ITEMS),
];

/// Columns a later migration drops, with the version that drops them; what they held is
/// checked as the records the migration made of it.
const DROPPED_COLUMNS: &[(&str, &str, usize)] =
    &[("programme_items", "hosts", 3), ("agreements", "document_name", 16), ("agreements", "document_file", 16)];

/// Columns a migration adds to a table, with what every row from before must hold in them.
const ADDED_COLUMNS: &[(&str, &str, &str)] = &[
    ("trips", "partnership_id", "partnership_id IS NULL"),
    ("members", "person_id", "person_id IN (SELECT id FROM people)"),
    ("trips", "checklist_version", "checklist_version = 1"),
    ("programme_items", "sequence", "sequence = 0"),
    ("programme_items", "import_uid", "import_uid IS NULL"),
    ("programme_items", "deleted_at", "deleted_at IS NULL"),
    ("members", "deleted_at", "deleted_at IS NULL"),
    ("agreements", "deleted_at", "deleted_at IS NULL"),
    ("outcomes", "deleted_at", "deleted_at IS NULL"),
    ("checklist_steps", "deleted_at", "deleted_at IS NULL"),
    ("sharing_applied", "channel", "channel = ''"),
    ("trips", "second_language", "second_language IS (CASE partner_country WHEN 'China' THEN 'zh' END)"),
    ("trips", "title_translation", "title_translation = ''"),
    ("trips", "purpose_translation", "purpose_translation = ''"),
    ("programme_items", "title_translation", "title_translation = ''"),
    ("programme_items", "place_translation", "place_translation = ''"),
    ("programme_items", "address_translation", "address_translation = ''"),
    ("programme_items", "notes_translation", "notes_translation = ''"),
    ("agreements", "signed_trip_id", "signed_trip_id IS NULL"),
    ("agreements", "signed_item_id", "signed_item_id IS NULL"),
    ("tasks", "agreement_id", "agreement_id IS NULL"),
    ("tasks", "project_id", "project_id IS NULL"),
    ("outcomes", "project_id", "project_id IS NULL"),
    ("documents", "project_id", "project_id IS NULL"),
    ("documents", "cost_line_id", "cost_line_id IS NULL"),
    ("gifts", "value_cents", "value_cents IS (CASE currency WHEN 'EUR' THEN value_minor END)"),
    ("gifts", "per_euro", "per_euro IS NULL"),
    ("gifts", "decision", "decision IS NULL"),
    ("gifts", "decided_by", "decided_by = ''"),
    ("gifts", "decided_on", "decided_on IS NULL"),
    ("gifts", "published", "published = 0"),
    ("gifts", "partnership_id", "partnership_id IS NULL"),
    ("cost_lines", "item_id", "item_id IS NULL"),
    ("reports", "left_out_items", "left_out_items = '[]'"),
];

/// Tables a migration fills (seeds, or records made from older data), besides `DERIVED_TABLES`;
/// every other new table starts empty.
const FILLED_BY_MIGRATIONS: &[&str] = &[
    "theme_areas",
    "people",
    "organisations",
    "item_hosts",
    "checklist_templates",
    "checklist_template_steps",
    "checklist_steps",
    "documents",
    "gift_rules",
];

/// Tables derived from the records (the search index): a migration may rebuild them, so their
/// rows are not compared; `check_records` searches instead.
const DERIVED_TABLES: &[&str] = &[
    "search_records",
    "search_index",
    "search_index_data",
    "search_index_idx",
    "search_index_content",
    "search_index_docsize",
    "search_index_config",
];

fn fixture(version: usize) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{version}.sqlite"))
}

#[test]
#[ignore = "writes the fixture of every schema version that has none; see tests/fixtures/README.md"]
fn write_missing_fixtures() {
    for version in 1..=store::schema_version() {
        let path = fixture(version);
        if path.exists() {
            continue;
        }
        let mut conn = Connection::open(&path).unwrap();
        // Small pages keep the committed files small; one page per table and index.
        conn.pragma_update(None, "page_size", 1024).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        store::migrate_to_version(&mut conn, version).unwrap();
        for (versions, sql) in DATA.iter().filter(|(versions, _)| versions.contains(&version)) {
            conn.execute_batch(sql)
                .unwrap_or_else(|error| panic!("version {version}, block for {versions:?}: {error}"));
        }
        if version >= 3 {
            fill_search_text(&conn);
        }
        let broken: Vec<String> = conn
            .prepare("PRAGMA foreign_key_check")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(broken.is_empty(), "version {version}: broken references in {broken:?}");
        conn.execute_batch("VACUUM").unwrap();
    }
}

fn fill_search_text(conn: &Connection) {
    for (table, names) in [("people", "name_latin"), ("organisations", "name")] {
        let rows: Vec<(String, [String; 3])> = conn
            .prepare(&format!("SELECT id, {names}, name_original, transliteration FROM {table}"))
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, [row.get(1)?, row.get(2)?, row.get(3)?])))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (id, [name, original, transliteration]) in rows {
            let text = search_text(&[&name, &original, &transliteration]);
            conn.execute(&format!("UPDATE {table} SET search_text = ?2 WHERE id = ?1"), [&id, &text]).unwrap();
        }
    }
}

/// A table's columns and all its rows, sorted by every column.
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

fn tables(conn: &Connection) -> HashMap<String, Table> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    names
        .into_iter()
        .map(|name| {
            let columns = columns_of(conn, &name);
            let rows = rows_of(conn, &name, &columns);
            (name, Table { columns, rows })
        })
        .collect()
}

fn columns_of(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn rows_of(conn: &Connection, table: &str, columns: &[String]) -> Vec<Vec<Value>> {
    let order: Vec<String> = (1..=columns.len()).map(|n| n.to_string()).collect();
    let sql = format!("SELECT {} FROM {table} ORDER BY {}", columns.join(", "), order.join(", "));
    let mut statement = conn.prepare(&sql).unwrap();
    statement
        .query_map([], |row| (0..columns.len()).map(|i| row.get(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

/// Every column of every row the fixture held reads the same after the upgrade.
fn check_rows_kept(conn: &Connection, before: &HashMap<String, Table>, version: usize) {
    for (name, table) in before.iter().filter(|(name, _)| !DERIVED_TABLES.contains(&name.as_str())) {
        let kept: Vec<String> = table
            .columns
            .iter()
            .filter(|column| {
                !DROPPED_COLUMNS.iter().any(|(t, c, dropped_in)| t == name && c == column && version < *dropped_in)
            })
            .cloned()
            .collect();
        let after = rows_of(conn, name, &kept);
        assert_eq!(after.len(), table.rows.len(), "v{version}: rows of {name}");
        for (row_before, row_after) in table.rows.iter().zip(&after) {
            for (column, value) in kept.iter().zip(row_after) {
                let index = table.columns.iter().position(|c| c == column).unwrap();
                assert_eq!(value, &row_before[index], "v{version}: {name}.{column} of the row {:?}", row_before[0]);
            }
        }
    }
}

/// Columns added since the fixture's version hold what `ADDED_COLUMNS` says for every old row;
/// tables added since are empty unless a migration fills them.
fn check_additions(conn: &Connection, before: &HashMap<String, Table>, version: usize) {
    for (name, table) in tables(conn) {
        let Some(old) = before.get(&name) else {
            if !FILLED_BY_MIGRATIONS.contains(&name.as_str()) && !DERIVED_TABLES.contains(&name.as_str()) {
                assert!(table.rows.is_empty(), "v{version}: the new table {name} has rows");
            }
            continue;
        };
        for column in table.columns.iter().filter(|column| !old.columns.contains(column)) {
            let (_, _, holds) = ADDED_COLUMNS.iter().find(|(t, c, _)| *t == name && c == column).unwrap_or_else(|| {
                panic!("{name}.{column} is new since v{version}: add what old rows hold to ADDED_COLUMNS")
            });
            let wrong = count(conn, &format!("SELECT count(*) FROM {name} WHERE NOT ({holds})"));
            assert_eq!(wrong, 0, "v{version}: {name}.{column}: {wrong} rows do not satisfy {holds}");
        }
    }
}

/// The records read through the domain functions, as the app shows them.
fn check_records(conn: &Connection, version: usize) {
    let today = settings::office_today(conn).unwrap();
    let office = settings::get_settings(conn).unwrap();
    assert_eq!((office.home_zone.as_str(), office.min_transfer_minutes), ("Europe/Berlin", 45), "v{version}");
    assert_eq!(
        (office.me.as_deref(), office.reminders),
        if version >= 4 { (Some(PERSON_MAYOR), false) } else { (None, true) }
    );

    let trip = trips::get_trip(conn, TRIP_JINHUA).unwrap();
    assert_eq!(
        (trip.title.as_str(), trip.direction, trip.partner_place.as_str(), trip.partner_country.as_str()),
        ("Delegationsreise nach Jinhua", Direction::Outgoing, "Jinhua", "China")
    );
    assert_eq!(
        (trip.time_zone.as_str(), trip.start_date.to_string(), trip.end_date.to_string()),
        ("Asia/Shanghai", "2026-10-21".into(), "2026-10-27".into())
    );
    assert_eq!(
        (trip.purpose.as_str(), trip.status, trip.notes.as_str()),
        ("Städtepartnerschaft und Wasserstoff", TripStatus::Confirmed, "Visa über die Botschaft in Berlin")
    );
    assert_eq!(
        (trip.created_at.as_str(), trip.updated_at.as_str()),
        ("2026-03-02T09:15:00.000Z", "2026-03-05T16:40:12.345Z")
    );
    assert_eq!((trip.member_count, trip.item_count), (2, 2));
    let found = partnerdesk_core::search::search(conn, "Delegationsreise Jinhua", None).unwrap();
    assert!(found.iter().any(|hit| hit.id == TRIP_JINHUA), "v{version}: the search finds the trip: {found:?}");
    let themes: Vec<&str> = trip.themes.iter().map(|theme| theme.name.as_str()).collect();
    if version >= 2 {
        assert_eq!(trip.partnership_id.as_deref(), Some(PARTNERSHIP));
        assert_eq!(trip.partnership_label.as_deref(), Some("Stadt Düren – Jinhua"));
        assert_eq!(themes, ["Klimaschutz und Wasserstoff", "Städtebau"]);
    } else {
        assert_eq!((trip.partnership_id, themes.len()), (None, 0));
    }
    assert!(trips::get_trip(conn, TRIP_IN_TRASH).is_err(), "the trip in the trash stays there");
    assert!(trips::trash::trashed_trips(conn).unwrap().iter().any(|trip| trip.id == TRIP_IN_TRASH));

    let checklist = checklist_of(conn, &ChecklistOwner::trip(TRIP_JINHUA)).unwrap();
    let steps: Vec<(&str, bool)> = checklist.steps.iter().map(|step| (step.text.as_str(), step.done)).collect();
    assert_eq!(checklist.template_version, Some(1), "v{version}");
    if version >= 4 {
        assert_eq!(steps, [("Visa beantragt", true), ("Flüge gebucht", false)]);
    } else {
        assert_eq!(steps.len(), 10, "migration 0004 gives old trips the outgoing template: {steps:?}");
        assert_eq!(steps[2], ("Visa beantragt", false));
        let guests = checklist_of(conn, &ChecklistOwner::trip(TRIP_GUESTS)).unwrap();
        assert_eq!(guests.steps[1].text, "Visa-Einladung für die Gäste ausgestellt");
    }

    let mayor = delegation::get_member(conn, MAYOR).unwrap();
    assert_eq!(
        (mayor.passport_number.as_str(), mayor.date_of_birth.map(|d| d.to_string()), mayor.visa_status.as_str()),
        ("C01X00T47", Some("1963-08-02".into()), "erteilt")
    );
    let member = &mayor.member;
    assert_eq!(
        (
            member.name_latin.as_str(),
            member.function_title.as_str(),
            member.organisation.as_str(),
            member.party.as_str()
        ),
        ("Frank Peter Ullrich", "Bürgermeister", "Stadt Düren", "SPD")
    );
    assert_eq!(
        (member.precedence, member.email.as_str(), member.phone.as_str(), member.dietary.as_str()),
        (1, "f.ullrich@dueren.de", "+49 2421 25-0", "vegetarisch")
    );
    let interpreter = delegation::get_member(conn, INTERPRETER).unwrap();
    assert_eq!(
        (interpreter.member.name_original.as_str(), interpreter.member.accessibility.as_str()),
        ("李梅", "Rollstuhl")
    );
    assert_eq!(
        (interpreter.passport_number.as_str(), interpreter.date_of_birth, interpreter.visa_status.as_str()),
        ("EA1234567", None, "beantragt")
    );
    let secretary = delegation::get_member(conn, SECRETARY).unwrap();
    assert_eq!((secretary.passport_number.as_str(), secretary.member.dietary.as_str()), ("E98765432", "halal"));

    // Each member points at a person in the register: made by migration 0003 from the member's
    // own text in fixtures before version 3, kept as it was from version 3 on.
    let person_of = |member: &delegation::Member| get_person(conn, member.person_id.as_deref().unwrap()).unwrap();
    let (mayor_person, secretary_person) = (person_of(&mayor.member), person_of(&secretary.member));
    for (person, name, original, function, organisation, side) in [
        (&mayor_person, "Frank Peter Ullrich", "", "Bürgermeister", "Stadt Düren", Side::Ours),
        (&secretary_person, "Zhu Chonglie", "朱重烈", "Parteisekretär", "Stadtregierung Jinhua", Side::Partner),
    ] {
        assert_eq!(
            (person.name_latin.as_str(), person.name_original.as_str(), person.function_title.as_str()),
            (name, original, function),
            "v{version}"
        );
        assert_eq!(
            (person.organisation_name.as_deref(), person.side),
            (Some(organisation), side),
            "v{version}: {name}"
        );
    }
    assert_eq!((mayor_person.email.as_str(), mayor_person.phone.as_str()), ("f.ullrich@dueren.de", "+49 2421 25-0"));
    assert_eq!(person_of(&interpreter.member).transliteration, "Li Mei");
    if version >= 3 {
        assert_eq!((mayor_person.id.as_str(), secretary_person.id.as_str()), (PERSON_MAYOR, PERSON_SECRETARY));
        assert_eq!(mayor_person.languages, "Deutsch, Englisch");
    }

    let items = programme::list_items(conn, TRIP_JINHUA).unwrap();
    let ids: Vec<&str> = items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids, [FLIGHT, RECEPTION]);
    let flight = &items[0];
    assert_eq!(
        (flight.title.as_str(), flight.place.as_str(), flight.address.as_str()),
        ("Flug LH 730 Frankfurt – Shanghai", "Flughafen Frankfurt", "Terminal 1")
    );
    assert_eq!(
        (
            flight.start.local.as_str(),
            flight.start.zone.as_str(),
            flight.start.utc.as_str(),
            flight.start.abbreviation.as_str()
        ),
        ("2026-10-21T13:30", "Europe/Berlin", "2026-10-21T11:30:00Z", "CEST")
    );
    assert_eq!(
        (flight.end.local.as_str(), flight.end.zone.as_str(), flight.end.utc.as_str()),
        ("2026-10-22T06:15", "Asia/Shanghai", "2026-10-21T22:15:00Z")
    );
    assert_eq!(
        (flight.notes_participants.as_str(), flight.notes_internal.as_str()),
        ("Treffpunkt 11:00 am Schalter", "Buchungscode X7K2LM")
    );
    let reception = &items[1];
    assert_eq!((reception.everyone, reception.participant_ids.as_slice()), (false, [MAYOR.to_string()].as_slice()));
    assert_eq!(reception.sequence, if version >= 5 { 3 } else { 0 });
    let hosts: Vec<(&str, &str)> = reception.hosts.iter().map(|host| (host.label.as_str(), host.id.as_str())).collect();
    assert_eq!(
        hosts[0],
        ("Parteisekretär Zhu Chonglie (朱重烈)", secretary_person.id.as_str()),
        "v{version}: the host is the delegation's head"
    );
    let government =
        if version >= 3 { "Stadtregierung Jinhua (金华市人民政府)" } else { "Stadtregierung Jinhua" };
    assert_eq!(hosts[1].0, government, "v{version}");
    assert_eq!(hosts.len(), 2);
    // The one hour of 25 October 2026 that Berlin lives twice: the later reading was stored.
    let arrival = programme::get_item(conn, ARRIVAL).unwrap();
    assert_eq!(
        (arrival.start.local.as_str(), arrival.start.utc.as_str(), arrival.start.offset.as_str()),
        ("2026-10-25T02:30", "2026-10-25T01:30:00Z", "+01:00")
    );
    let arrival_hosts: Vec<(&str, &str)> =
        arrival.hosts.iter().map(|host| (host.label.as_str(), host.id.as_str())).collect();
    assert_eq!(arrival_hosts, [("Bürgermeister Frank Peter Ullrich", mayor_person.id.as_str())]);

    if version >= 2 {
        let partnership = partnerships::get_partnership(conn, PARTNERSHIP, today).unwrap();
        assert_eq!(
            (
                partnership.our_side.as_str(),
                partnership.partner_place.as_str(),
                partnership.partner_province.as_str(),
                partnership.partner_zone.as_str()
            ),
            ("Stadt Düren", "Jinhua", "Zhejiang", "Asia/Shanghai")
        );
        assert_eq!(
            (partnership.kind, partnership.status, partnership.since.map(|d| d.to_string())),
            (PartnershipKind::TownTwinning, PartnershipStatus::Active, Some("2014-05-20".into()))
        );
        assert_eq!((partnership.agreement_count, partnership.trip_count), (2, 2));
        let all = agreements::list_agreements(conn, Some(PARTNERSHIP), today).unwrap();
        let treaty = all.iter().find(|agreement| agreement.id == TREATY).unwrap();
        assert_eq!(
            (treaty.title.as_str(), treaty.signed_at.as_str(), treaty.valid_until),
            ("Partnerschaftsvertrag Düren–Jinhua", "Jinhua", None)
        );
        assert_eq!(treaty.notes, "Original im Stadtarchiv");
        let owner = DocumentOwner { kind: DocumentOwnerKind::Agreement, id: TREATY.into() };
        let signed = documents::list_documents(conn, &owner).unwrap();
        assert_eq!(
            (signed[0].name.as_str(), signed[0].kind, signed[0].document_date.map(|d| d.to_string())),
            ("Vertrag 2014.pdf", DocumentKind::SignedAgreement, Some("2014-05-20".into())),
            "v{version}"
        );
        assert_eq!(documents::content(conn, &signed[0].id).unwrap().1, AGREEMENT_DOCUMENT_FILE.1, "v{version}");
        let memorandum = all.iter().find(|agreement| agreement.id == MEMORANDUM).unwrap();
        let themes: Vec<&str> = memorandum.themes.iter().map(|theme| theme.name.as_str()).collect();
        assert_eq!(themes, ["Klimaschutz und Wasserstoff", "Städtebau"]);
        assert_eq!(memorandum.valid_until.map(|d| d.to_string()), Some("2026-09-30".into()));
        let signatories: Vec<&str> = treaty.signatories.iter().map(|person| person.id.as_str()).collect();
        assert_eq!(signatories, if version >= 3 { vec![PERSON_MAYOR, PERSON_SECRETARY] } else { vec![] });
    }

    if version >= 4 {
        let task = get_task(conn, TASK, today).unwrap();
        assert_eq!(
            (task.title.as_str(), task.description.as_str()),
            ("Fachdelegation Wasserstoff vorbereiten", "Programm mit den Stadtwerken abstimmen")
        );
        assert_eq!(
            (task.priority, task.status, task.due_date.map(|d| d.to_string())),
            (TaskPriority::High, TaskStatus::InProgress, Some("2026-12-15".into()))
        );
        assert_eq!(task.owner.map(|owner| owner.id).as_deref(), Some(PERSON_MAYOR));
        let links = [&task.trip, &task.item, &task.partnership].map(|link| link.as_ref().map(|link| link.id.clone()));
        assert_eq!(links, [Some(TRIP_JINHUA.into()), Some(RECEPTION.into()), Some(PARTNERSHIP.into())]);
        assert_eq!(
            (task.outcome_id.as_deref(), task.theme.map(|theme| theme.label)),
            (Some(OUTCOME), Some("Klimaschutz und Wasserstoff".into()))
        );
        let people: Vec<&str> = task.people.iter().map(|person| person.id.as_str()).collect();
        assert_eq!(people, [PERSON_SECRETARY]);
        assert_eq!(
            (task.checklist_done, task.checklist_total, task.reminded_on.map(|d| d.to_string())),
            (1, 1, Some("2026-12-15".into()))
        );

        let outcomes = outcomes::outcomes_of_item(conn, RECEPTION).unwrap();
        assert_eq!(outcomes[0].text, "Austausch von Fachleuten für Wasserstoff im Frühjahr 2027");
        assert_eq!(outcomes[0].people.iter().map(|person| person.id.as_str()).collect::<Vec<_>>(), [PERSON_SECRETARY]);

        let gift = gifts::get_gift(conn, GIFT).unwrap();
        assert_eq!(
            (gift.description.as_str(), gift.given_on.to_string(), gift.value_minor, gift.currency.as_str()),
            ("Porzellanteller mit Stadtwappen", "2026-10-22".into(), Some(8900), "EUR")
        );
        assert_eq!(
            (gift.giver.map(|giver| giver.id), gift.recipient.map(|recipient| recipient.id)),
            (Some(PERSON_MAYOR.into()), Some(JINHUA_GOVERNMENT.into()))
        );
    }
    if version >= 18 {
        let project = projects::get_project(conn, "0192f0a0-e000-7000-8000-000000000001").unwrap();
        assert_eq!((project.title.as_str(), project.open_tasks), ("Fotoausstellung in Jinhua", 1), "v{version}");
        assert_eq!(project.participants[0].who.id, PERSON_MAYOR, "v{version}");
        assert_eq!(project.trips[0].id, TRIP_JINHUA, "v{version}");
        assert_eq!(project.outcomes[0].id, OUTCOME, "v{version}");
        let found = partnerdesk_core::search::search(conn, "Fotoausstellung", None).unwrap();
        assert!(found.iter().any(|hit| hit.id == project.id), "v{version}: the search finds the project: {found:?}");
    }
    if version >= 19 {
        let further: Vec<&str> = trip.further_partnerships.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(further, ["Kreis Düren – Jinhua (Städteregion)"], "v{version}");
        let partnership = partnerships::get_partnership(conn, PARTNERSHIP, today).unwrap();
        assert_eq!(partnership.our_bodies[0].id, JINHUA_GOVERNMENT, "v{version}");
    }
    if version >= 20 {
        let budget = costs::budget::trip_budget(conn, TRIP_JINHUA).unwrap();
        let hotel = &budget.lines[0];
        assert_eq!((hotel.planned_cents, hotel.per_euro.as_deref()), (Some(53474), Some("7.8543")), "v{version}");
        assert_eq!(hotel.member.as_ref().map(|m| m.id.as_str()), Some(MAYOR), "v{version}");
        assert!(!budget.changed_since_approval, "v{version}");
        assert_eq!(costs::budget::budget_year(conn, 2026).unwrap()[0].open_cents, 53474, "v{version}");
        let item = hotel.item.as_ref().map(|item| item.id.as_str());
        assert_eq!(item, (version >= 23).then_some(RECEPTION), "v{version}");
    }
    if version >= 22 {
        let list = registrations::trip_registrations(conn, TRIP_JINHUA).unwrap();
        let confirmed = &list.registrations[0];
        assert_eq!(confirmed.member.as_ref().map(|m| m.id.as_str()), Some(MAYOR), "v{version}");
        assert_eq!(list.invitation.unwrap().asks.len(), 2, "v{version}");
        let reception = programme::get_item(conn, RECEPTION).unwrap();
        assert_eq!(reception.guests.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), [JINHUA_GOVERNMENT]);
    }
    if version >= 24 {
        let written = report::written_reports(conn, 10).unwrap();
        let first = written.iter().find(|w| w.id.ends_with("e000-7000-8000-000000000001")).unwrap();
        assert_eq!((first.year, first.left_out.as_slice()), (2026, [PARTNERSHIP.to_string()].as_slice()), "v{version}");
        assert!(first.left_out_items.is_empty(), "v{version}");
        let again = report::annual_report(conn, &first.choices()).unwrap();
        assert!(again.partnerships.iter().all(|p| p.partnership.id != PARTNERSHIP), "v{version}");
    }
    if version >= 25 {
        let written = report::written_reports(conn, 10).unwrap();
        assert_eq!(
            (written[0].format, written[0].left_out_items.as_slice()),
            (report::ReportFormat::Docx, [TRIP_JINHUA.to_string()].as_slice())
        );
    }
    if version >= 4 {
        let gift = gifts::get_gift(conn, GIFT).unwrap();
        let found = partnerdesk_core::search::search(conn, "Porzellanteller", None).unwrap();
        assert!(found.iter().any(|hit| hit.id == GIFT), "v{version}: the search still finds the gift: {found:?}");
        let rules = gifts::rules::gift_rules(conn).unwrap();
        if version >= 21 {
            assert_eq!(rules.limit_cents, 3500, "v{version}");
            assert_eq!(
                (gift.decision, gift.published, gift.needs_decision),
                (Some(gifts::GiftDecision::Museum), true, false)
            );
            assert_eq!(gifts::published_gifts(conn, 2026).unwrap().len(), 1, "v{version}");
        } else {
            assert_eq!(rules.limit_cents, 2500, "v{version}: the rules start at 25 euros");
            assert_eq!(gift.value_cents, Some(8900), "v{version}: a euro gift's value is its euro value");
        }
    }
}

#[test]
fn every_released_schema_version_upgrades_with_its_data_intact() {
    for version in 1..=store::schema_version() {
        let fixture = fixture(version);
        assert!(
            fixture.exists(),
            "no fixture for schema version {version}: add its data to DATA and run \
             `cargo test --features custom-protocol --test migrations -- --ignored write_missing_fixtures`"
        );
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("partnerdesk.sqlite");
        std::fs::copy(&fixture, &db).unwrap();
        let documents_dir = store::documents_dir(&db);
        std::fs::create_dir_all(&documents_dir).unwrap();
        let (legacy, bytes) = AGREEMENT_DOCUMENT_FILE;
        let name = if version >= 16 { store::document_files::content_hash(bytes) } else { legacy.to_string() };
        std::fs::write(documents_dir.join(name), bytes).unwrap();
        let before = {
            let conn = Connection::open(&db).unwrap();
            let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap();
            assert_eq!(found as usize, version, "{} is not at version {version}", fixture.display());
            tables(&conn)
        };

        let conn = store::open(&db).unwrap();
        let upgraded: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap();
        assert_eq!(upgraded as usize, store::schema_version());
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
        assert_eq!(integrity, "ok", "v{version}");
        assert_eq!(count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"), 0, "v{version}: broken references");
        check_rows_kept(&conn, &before, version);
        check_additions(&conn, &before, version);
        check_records(&conn, version);
    }
}
