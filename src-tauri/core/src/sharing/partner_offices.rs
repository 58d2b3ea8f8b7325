//! Sharing with a partner office (the Kreis for the Stadt): a folder of its own per partner
//! office, with a key the two offices agreed on, carrying only what this laptop marks as shared
//! with it: trips with their programme and delegation, partnerships with their agreements, and
//! the register records they link to. Internal notes and what `audience` keeps on the laptop
//! never go (`Outgoing::OtherOffice`). The files, the merge and the tidying up are the office
//! folder's (`super`); what the partner office shares arrives as the office's laptops' changes do.

use std::path::PathBuf;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::files::{self, OfficeKey};
use super::tables;
use super::{
    base_path, channel_setting, fill_outgoing, prepare_copies, settings, sync_folder, Attached, Setup, SyncSummary,
    LAST_SYNC_SETTING,
};
use crate::error::{Error, Result};
use crate::store::{atomically, new_id, now, RECORD_TABLES};

const PROBLEM_SETTING: &str = "sharing.problem";

/// A partner office as the settings list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PartnerOffice {
    pub id: String,
    pub name: String,
    pub folder: String,
    /// The name this office goes by in the partner office's conflict list.
    pub our_name: String,
    pub last_sync: Option<String>,
    /// Why the last sync with it failed, until one succeeds.
    pub problem: Option<String>,
    pub trips: u32,
    pub partnerships: u32,
}

/// What the officer enters to share with a partner office.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PartnerOfficeInput {
    pub name: String,
    pub folder: String,
    /// The passphrase the two offices agreed on, at least 10 characters.
    pub passphrase: String,
    pub our_name: String,
}

/// A trip or a partnership, shared with a partner office or not.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ShareInput {
    pub office_id: String,
    pub trip_id: Option<String>,
    pub partnership_id: Option<String>,
    pub shared: bool,
}

/// Whether a trip or partnership is shared with one partner office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SharedWith {
    pub office_id: String,
    pub name: String,
    pub shared: bool,
}

fn problem_key(id: &str) -> String {
    channel_setting(id, PROBLEM_SETTING)
}

/// Starts sharing with a partner office through `input.folder`.
pub fn link(conn: &Connection, input: &PartnerOfficeInput) -> Result<PartnerOffice> {
    let name = input.name.trim();
    let our_name = input.our_name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "required", "name the partner office"));
    }
    if our_name.is_empty() {
        return Err(Error::field("our_name", "required", "say how this office is named in the partner office"));
    }
    base_path(conn, "")?;
    let folder = PathBuf::from(input.folder.trim());
    let same_as = |other: &str| {
        let other = PathBuf::from(other);
        other == folder || other.canonicalize().ok().zip(folder.canonicalize().ok()).is_some_and(|(a, b)| a == b)
    };
    let office_folder = settings::read(conn, super::FOLDER_SETTING)?;
    let partner_folders: Vec<String> = conn
        .prepare("SELECT folder FROM partner_offices")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if office_folder.iter().chain(&partner_folders).any(|other| same_as(other)) {
        return Err(Error::field(
            "folder",
            "folder_in_use",
            "this folder is shared already; a partner office needs a folder of its own",
        ));
    }
    let key = files::office_key(&folder, &input.passphrase)?;
    let id = new_id();
    conn.execute(
        "INSERT INTO partner_offices (id, name, folder, office_key, device, our_name, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, name, folder.display().to_string(), key.to_hex(), new_id(), our_name, now()],
    )?;
    get(conn, &id)
}

/// Stops sharing with a partner office: the marks and the state of the last sync go, the
/// records stay, and the folder gets the mark that this laptop left.
pub fn unlink(conn: &Connection, id: &str) -> Result<()> {
    let setup = setup(conn, id)?;
    if setup.folder.is_dir() {
        files::mark_left(&setup.folder, &setup.device)?;
    }
    atomically(conn, |conn| {
        conn.execute("DELETE FROM partner_offices WHERE id = ?1", [id])?;
        conn.execute("DELETE FROM sharing_applied WHERE channel = ?1", [id])?;
        conn.execute("DELETE FROM settings WHERE key LIKE ?1", [format!("sharing.partner.{id}.%")])?;
        Ok(())
    })?;
    match std::fs::remove_file(base_path(conn, id)?) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
        _ => Ok(()),
    }
}

pub fn list(conn: &Connection) -> Result<Vec<PartnerOffice>> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM partner_offices ORDER BY name COLLATE NOCASE, id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(conn, id)).collect()
}

fn get(conn: &Connection, id: &str) -> Result<PartnerOffice> {
    let office = conn
        .query_row(
            "SELECT id, name, folder, our_name,
                    (SELECT count(*) FROM partner_office_shares WHERE office_id = o.id AND trip_id IS NOT NULL),
                    (SELECT count(*) FROM partner_office_shares WHERE office_id = o.id AND partnership_id IS NOT NULL)
             FROM partner_offices o WHERE id = ?1",
            [id],
            |row| {
                Ok(PartnerOffice {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    folder: row.get(2)?,
                    our_name: row.get(3)?,
                    last_sync: None,
                    problem: None,
                    trips: row.get(4)?,
                    partnerships: row.get(5)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("partner office {id}")))?;
    let last_sync = settings::read(conn, &channel_setting(id, LAST_SYNC_SETTING))?;
    let problem = settings::read(conn, &problem_key(id))?.filter(|text| !text.is_empty());
    Ok(PartnerOffice { last_sync, problem, ..office })
}

pub(super) fn setup(conn: &Connection, id: &str) -> Result<Setup> {
    let (folder, key, device, our_name): (String, String, String, String) = conn
        .query_row("SELECT folder, office_key, device, our_name FROM partner_offices WHERE id = ?1", [id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("partner office {id}")))?;
    let key = OfficeKey::from_hex(&key)
        .ok_or_else(|| Error::Sharing("the partner office's key kept here is damaged".into()))?;
    Ok(Setup { folder: PathBuf::from(folder), key, device, device_name: our_name, channel: id.to_string() })
}

/// Syncs with every partner office; each one's failure is kept for the list, and the first
/// one returned after all were tried.
pub fn sync_all(conn: &Connection) -> Result<SyncSummary> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM partner_offices ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut total = SyncSummary::default();
    let mut failed = None;
    for id in ids {
        match setup(conn, &id).and_then(|setup| sync_folder(conn, &setup, true, false)) {
            Ok((summary, _)) => {
                total.add(summary);
                settings::write(conn, &problem_key(&id), "")?;
            }
            Err(error) => {
                settings::write(conn, &problem_key(&id), &error.to_string())?;
                failed.get_or_insert(error);
            }
        }
    }
    failed.map_or(Ok(total), Err)
}

/// The partner offices with whether the trip or partnership is shared with each.
pub fn shared_with(conn: &Connection, trip_id: Option<&str>, partnership_id: Option<&str>) -> Result<Vec<SharedWith>> {
    Ok(conn
        .prepare(
            "SELECT o.id, o.name, EXISTS (SELECT 1 FROM partner_office_shares s WHERE s.office_id = o.id
                                           AND (s.trip_id = ?1 OR s.partnership_id = ?2))
             FROM partner_offices o ORDER BY o.name COLLATE NOCASE, o.id",
        )?
        .query_map(params![trip_id, partnership_id], |row| {
            Ok(SharedWith { office_id: row.get(0)?, name: row.get(1)?, shared: row.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Shares a trip or partnership with a partner office, or stops sharing it. Stopping sends no
/// deletion: the partner office keeps what it has and gets no more changes of it.
pub fn set_shared(conn: &Connection, input: &ShareInput) -> Result<()> {
    let setup = setup(conn, &input.office_id)?;
    let (column, id) = match (&input.trip_id, &input.partnership_id) {
        (Some(trip), None) => ("trip_id", trip),
        (None, Some(partnership)) => ("partnership_id", partnership),
        _ => return Err(Error::field("trip_id", "required", "name a trip or a partnership")),
    };
    let table = if column == "trip_id" { "trips" } else { "partnerships" };
    let exists: bool =
        conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |row| row.get(0))?;
    if !exists {
        return Err(Error::NotFound(format!("{table} {id}")));
    }
    if input.shared {
        conn.execute(
            &format!(
                "INSERT OR IGNORE INTO partner_office_shares (office_id, {column}, shared_at) VALUES (?1, ?2, ?3)"
            ),
            params![input.office_id, id, now()],
        )?;
        return Ok(());
    }
    let unmark = |conn: &Connection| -> Result<()> {
        conn.execute(
            &format!("DELETE FROM partner_office_shares WHERE office_id = ?1 AND {column} = ?2"),
            params![input.office_id, id],
        )?;
        Ok(())
    };
    let base = base_path(conn, &setup.channel)?;
    if !base.exists() {
        return atomically(conn, unmark);
    }
    // What no longer leaves the laptop leaves the state of the last sync too, so that the next
    // sync does not send it as deleted.
    let tables = tables::shared_tables(conn, setup.audience())?;
    let _attached = Attached::new(conn, &base)?;
    prepare_copies(conn, &tables)?;
    conn.execute_batch("ATTACH DATABASE ':memory:' AS sharing_before KEY ''")?;
    let done = super::transaction(conn, |conn| {
        fill_outgoing(conn, &tables, &setup)?;
        for name in RECORD_TABLES {
            conn.execute_batch(&format!("CREATE TABLE sharing_before.{name} AS SELECT * FROM sharing_out.{name}"))?;
        }
        unmark(conn)?;
        fill_outgoing(conn, &tables, &setup)?;
        for name in RECORD_TABLES {
            let key = tables[name].key_columns().join(", ");
            conn.execute_batch(&format!(
                "DELETE FROM sharing_base.{name} WHERE ({key}) IN
                   (SELECT {key} FROM sharing_before.{name} EXCEPT SELECT {key} FROM sharing_out.{name})"
            ))?;
        }
        Ok(())
    });
    conn.execute_batch("DETACH DATABASE sharing_before")?;
    done
}

/// Leaves in the scratch copy only what is shared with the partner office `id`: its trips with
/// their programme, delegation and themes, its partnerships with their agreements, the
/// partnerships of its trips, the documents of these (not those of people, members, projects and costs), and the people, organisations and themes these link to. Links to
/// records that stay here are blanked.
pub(super) fn keep_only_shared(conn: &Connection, id: &str) -> Result<()> {
    let shares =
        format!("SELECT {{column}} FROM main.partner_office_shares WHERE office_id = '{}'", id.replace('\'', "''"));
    let trips = shares.replace("{column}", "trip_id");
    let partnerships = shares.replace("{column}", "partnership_id");
    conn.execute_batch(&format!(
        "DELETE FROM sharing_out.trips WHERE id NOT IN ({trips} AND trip_id IS NOT NULL);
         DELETE FROM sharing_out.partnerships
          WHERE id NOT IN ({partnerships} AND partnership_id IS NOT NULL)
            AND id NOT IN (SELECT partnership_id FROM sharing_out.trips WHERE partnership_id IS NOT NULL);
         DELETE FROM sharing_out.trip_themes WHERE trip_id NOT IN (SELECT id FROM sharing_out.trips);
         DELETE FROM sharing_out.trip_partnerships
          WHERE trip_id NOT IN (SELECT id FROM sharing_out.trips)
             OR partnership_id NOT IN (SELECT id FROM sharing_out.partnerships);
         DELETE FROM sharing_out.members WHERE trip_id NOT IN (SELECT id FROM sharing_out.trips);
         DELETE FROM sharing_out.programme_items WHERE trip_id NOT IN (SELECT id FROM sharing_out.trips);
         DELETE FROM sharing_out.removed_items WHERE trip_id NOT IN (SELECT id FROM sharing_out.trips);
         DELETE FROM sharing_out.item_participants
          WHERE item_id NOT IN (SELECT id FROM sharing_out.programme_items)
             OR member_id NOT IN (SELECT id FROM sharing_out.members);
         DELETE FROM sharing_out.item_hosts WHERE item_id NOT IN (SELECT id FROM sharing_out.programme_items);
         DELETE FROM sharing_out.item_guests;
         DELETE FROM sharing_out.trip_invitations;
         DELETE FROM sharing_out.registrations;
         DELETE FROM sharing_out.agreements WHERE partnership_id NOT IN ({partnerships} AND partnership_id IS NOT NULL);
         DELETE FROM sharing_out.agreement_themes WHERE agreement_id NOT IN (SELECT id FROM sharing_out.agreements);
         DELETE FROM sharing_out.agreement_signatories WHERE agreement_id NOT IN (SELECT id FROM sharing_out.agreements);
         DELETE FROM sharing_out.documents
          WHERE member_id IS NOT NULL OR person_id IS NOT NULL OR organisation_id IS NOT NULL OR project_id IS NOT NULL
             OR cost_line_id IS NOT NULL
             OR (trip_id IS NOT NULL AND trip_id NOT IN (SELECT id FROM sharing_out.trips))
             OR (item_id IS NOT NULL AND item_id NOT IN (SELECT id FROM sharing_out.programme_items))
             OR (partnership_id IS NOT NULL AND partnership_id NOT IN (SELECT id FROM sharing_out.partnerships))
             OR (agreement_id IS NOT NULL AND agreement_id NOT IN (SELECT id FROM sharing_out.agreements));
         DELETE FROM sharing_out.projects;
         DELETE FROM sharing_out.project_partnerships;
         DELETE FROM sharing_out.project_participants;
         DELETE FROM sharing_out.project_trips;
         DELETE FROM sharing_out.project_items;
         DELETE FROM sharing_out.project_agreements;
         DELETE FROM sharing_out.outcomes;
         DELETE FROM sharing_out.outcome_people;
         DELETE FROM sharing_out.tasks;
         DELETE FROM sharing_out.task_people;
         DELETE FROM sharing_out.checklist_steps;
         DELETE FROM sharing_out.checklist_template_steps;
         DELETE FROM sharing_out.checklist_templates;
         DELETE FROM sharing_out.gifts;
         DELETE FROM sharing_out.cost_lines;
         DELETE FROM sharing_out.trip_approvals;
         DELETE FROM sharing_out.budget_lines;
         DELETE FROM sharing_out.exchange_rates;
         DELETE FROM sharing_out.gift_rules;
         DELETE FROM sharing_out.reports;
         DELETE FROM sharing_out.people
          WHERE id NOT IN (SELECT person_id FROM sharing_out.members WHERE person_id IS NOT NULL
                           UNION SELECT person_id FROM sharing_out.item_hosts WHERE person_id IS NOT NULL
                           UNION SELECT person_id FROM sharing_out.agreement_signatories);
         DELETE FROM sharing_out.organisations
          WHERE id NOT IN (SELECT organisation_id FROM sharing_out.item_hosts WHERE organisation_id IS NOT NULL
                           UNION SELECT organisation_id FROM sharing_out.people WHERE organisation_id IS NOT NULL);
         DELETE FROM sharing_out.partnership_bodies
          WHERE partnership_id NOT IN (SELECT id FROM sharing_out.partnerships)
             OR organisation_id NOT IN (SELECT id FROM sharing_out.organisations);
         DELETE FROM sharing_out.theme_areas
          WHERE id NOT IN (SELECT theme_id FROM sharing_out.trip_themes
                           UNION SELECT theme_id FROM sharing_out.agreement_themes);
         UPDATE sharing_out.people SET partnership_id = NULL
          WHERE partnership_id NOT IN (SELECT id FROM sharing_out.partnerships);
         UPDATE sharing_out.organisations SET partnership_id = NULL
          WHERE partnership_id NOT IN (SELECT id FROM sharing_out.partnerships);"
    ))?;
    Ok(())
}
