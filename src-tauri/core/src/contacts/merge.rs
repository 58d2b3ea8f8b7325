//! Merging two records of the same person or organisation: every link of the duplicate
//! moves to the record that is kept, empty fields are filled from the duplicate, notes are
//! joined, and the duplicate is removed.

use rusqlite::{params, Connection};

use super::organisations::{get_organisation, organisation_exists, organisation_search_text, Organisation};
use super::people::{get_person, person_exists, person_search_text, Person};
use crate::error::{Error, Result};
use crate::store::{atomically, now};

fn check_pair(keep_id: &str, duplicate_id: &str, exists: impl Fn(&str) -> Result<bool>, what: &str) -> Result<()> {
    if keep_id == duplicate_id {
        return Err(Error::field("duplicate_id", "merge_same", format!("a {what} cannot be merged with itself")));
    }
    for id in [keep_id, duplicate_id] {
        if !exists(id)? {
            return Err(Error::NotFound(format!("{what} {id}")));
        }
    }
    Ok(())
}

/// Fills every empty text column of `keep` from `duplicate` and joins their notes.
fn fill_from(conn: &Connection, table: &str, columns: &[&str], keep_id: &str, duplicate_id: &str) -> Result<()> {
    let fills: Vec<String> = columns
        .iter()
        .map(|c| format!("{c} = CASE WHEN {c} = '' THEN (SELECT {c} FROM {table} WHERE id = ?2) ELSE {c} END"))
        .collect();
    conn.execute(
        &format!(
            "UPDATE {table} SET {},
                notes = trim(notes || char(10) || char(10) || (SELECT notes FROM {table} WHERE id = ?2), char(10)),
                updated_at = ?3
             WHERE id = ?1",
            fills.join(", ")
        ),
        params![keep_id, duplicate_id, now()],
    )?;
    Ok(())
}

pub fn merge_people(conn: &Connection, keep_id: &str, duplicate_id: &str) -> Result<Person> {
    check_pair(keep_id, duplicate_id, |id| person_exists(conn, id), "person")?;
    atomically(conn, |tx| {
        let ids = params![keep_id, duplicate_id];
        tx.execute("UPDATE members SET person_id = ?1 WHERE person_id = ?2", ids)?;
        tx.execute("UPDATE item_hosts SET person_id = ?1 WHERE person_id = ?2", ids)?;
        tx.execute("UPDATE item_guests SET person_id = ?1 WHERE person_id = ?2", ids)?;
        tx.execute("UPDATE registrations SET person_id = ?1 WHERE person_id = ?2", ids)?;
        for (table, owner) in
            [("agreement_signatories", "agreement_id"), ("task_people", "task_id"), ("outcome_people", "outcome_id")]
        {
            tx.execute(
                &format!(
                    "INSERT OR IGNORE INTO {table} ({owner}, person_id, position)
                     SELECT {owner}, ?1, position FROM {table} WHERE person_id = ?2"
                ),
                ids,
            )?;
        }
        tx.execute("UPDATE project_participants SET person_id = ?1 WHERE person_id = ?2", ids)?;
        tx.execute("UPDATE documents SET person_id = ?1 WHERE person_id = ?2", ids)?;
        tx.execute("UPDATE tasks SET owner_id = ?1 WHERE owner_id = ?2", ids)?;
        tx.execute("UPDATE gifts SET giver_person_id = ?1 WHERE giver_person_id = ?2", ids)?;
        tx.execute("UPDATE gifts SET recipient_person_id = ?1 WHERE recipient_person_id = ?2", ids)?;
        tx.execute("UPDATE settings SET value = ?1 WHERE key = 'me' AND value = ?2", ids)?;
        tx.execute(
            "UPDATE people SET
                organisation_id = coalesce(organisation_id, (SELECT organisation_id FROM people WHERE id = ?2)),
                partnership_id = coalesce(partnership_id, (SELECT partnership_id FROM people WHERE id = ?2))
             WHERE id = ?1",
            ids,
        )?;
        let columns = ["name_original", "transliteration", "function_title", "email", "phone", "address", "languages"];
        fill_from(tx, "people", &columns, keep_id, duplicate_id)?;
        tx.execute("DELETE FROM people WHERE id = ?1", [duplicate_id])?;
        let kept = get_person(tx, keep_id)?;
        let search = person_search_text(&kept.name_latin, &kept.name_original, &kept.transliteration);
        tx.execute("UPDATE people SET search_text = ?2 WHERE id = ?1", params![keep_id, search])?;
        Ok(kept)
    })
}

pub fn merge_organisations(conn: &Connection, keep_id: &str, duplicate_id: &str) -> Result<Organisation> {
    check_pair(keep_id, duplicate_id, |id| organisation_exists(conn, id), "organisation")?;
    atomically(conn, |tx| {
        let ids = params![keep_id, duplicate_id];
        tx.execute("UPDATE people SET organisation_id = ?1 WHERE organisation_id = ?2", ids)?;
        tx.execute("UPDATE item_hosts SET organisation_id = ?1 WHERE organisation_id = ?2", ids)?;
        tx.execute("UPDATE item_guests SET organisation_id = ?1 WHERE organisation_id = ?2", ids)?;
        tx.execute("UPDATE registrations SET organisation_id = ?1 WHERE organisation_id = ?2", ids)?;
        tx.execute("UPDATE gifts SET giver_organisation_id = ?1 WHERE giver_organisation_id = ?2", ids)?;
        tx.execute("UPDATE gifts SET recipient_organisation_id = ?1 WHERE recipient_organisation_id = ?2", ids)?;
        tx.execute("UPDATE project_participants SET organisation_id = ?1 WHERE organisation_id = ?2", ids)?;
        tx.execute("UPDATE documents SET organisation_id = ?1 WHERE organisation_id = ?2", ids)?;
        tx.execute(
            "INSERT OR IGNORE INTO partnership_bodies (partnership_id, organisation_id, position)
             SELECT partnership_id, ?1, position FROM partnership_bodies WHERE organisation_id = ?2",
            ids,
        )?;
        tx.execute(
            "UPDATE organisations SET
                partnership_id = coalesce(partnership_id, (SELECT partnership_id FROM organisations WHERE id = ?2))
             WHERE id = ?1",
            ids,
        )?;
        let columns = ["name_original", "transliteration", "email", "phone", "address"];
        fill_from(tx, "organisations", &columns, keep_id, duplicate_id)?;
        tx.execute("DELETE FROM organisations WHERE id = ?1", [duplicate_id])?;
        let kept = get_organisation(tx, keep_id)?;
        let search = organisation_search_text(&kept.name, &kept.name_original, &kept.transliteration);
        tx.execute("UPDATE organisations SET search_text = ?2 WHERE id = ?1", params![keep_id, search])?;
        Ok(kept)
    })
}
