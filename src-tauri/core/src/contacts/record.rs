//! What people and organisations share as records of the register: how one is read, listed,
//! checked, created, changed and moved to and from the trash. `people` and `organisations`
//! say only what is their own: their columns, their name field and their extra rules.

use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::people::RegisterQuery;
use crate::error::{Error, Problems, Result};
use crate::names::transliteration::search_needle;
use crate::store::paging::{read_page, Page, PageSql};
use crate::store::trash::{exists_outside_trash, move_to_trash, take_out_of_trash};
use crate::store::{like_pattern, new_id};
use crate::vocabulary::looks_like_email;

/// A kind of register record: a person or an organisation.
pub(crate) trait RegisterRecord: Sized {
    type Input;
    /// The table, and the alias `SELECT` reads it as.
    const TABLE: &'static str;
    const ALIAS: &'static str;
    /// How messages name one record: "person", "organisation".
    const WHAT: &'static str;
    /// The columns `from_row` reads, from `TABLE` as `ALIAS`.
    const SELECT: &'static str;
    /// The column lists are sorted by.
    const SORT: &'static str;

    fn from_row(row: &Row) -> rusqlite::Result<Self>;

    /// The field that names the record, its typed value, and what to say when it is empty.
    fn name(input: &Self::Input) -> (&'static str, &str, &'static str);

    /// The e-mail address and the partnership, which both kinds have.
    fn contact(input: &Self::Input) -> (&str, Option<&str>);

    /// The rules only this kind has.
    fn check_own(conn: &Connection, input: &Self::Input, problems: &mut Problems) -> Result<()>;

    /// Inserts the record `id`, or replaces its fields.
    fn write(conn: &Connection, id: &str, input: &Self::Input) -> Result<()>;
}

/// A record, also from the trash (its page says so).
pub(crate) fn get<R: RegisterRecord>(conn: &Connection, id: &str) -> Result<R> {
    find(conn, id)?.ok_or_else(|| Error::NotFound(format!("{} {id}", R::WHAT)))
}

/// The record `id`, also from the trash, if there is one.
pub(crate) fn find<R: RegisterRecord>(conn: &Connection, id: &str) -> Result<Option<R>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE {}.id = ?1", R::SELECT, R::ALIAS))?
        .query_row([id], R::from_row)
        .optional()?)
}

pub(crate) fn exists<R: RegisterRecord>(conn: &Connection, id: &str) -> Result<bool> {
    exists_outside_trash(conn, R::TABLE, id)
}

/// One page of the records that match the query (a search over every name, optionally one
/// side or one partnership), and how many match in all.
pub(crate) fn list<R: RegisterRecord>(conn: &Connection, query: &RegisterQuery) -> Result<Page<R>> {
    let (table, alias) = (R::TABLE, R::ALIAS);
    let pattern = like_pattern(&search_needle(&query.search));
    let filter = format!(
        "{alias}.deleted_at IS NULL AND {alias}.search_text LIKE :pattern ESCAPE '\\'
         AND (:side IS NULL OR {alias}.side = :side)
         AND (:partnership IS NULL OR {alias}.partnership_id = :partnership)"
    );
    let sql = PageSql {
        select: R::SELECT,
        from: &format!("{table} {alias}"),
        filter: &filter,
        order: &format!("{} COLLATE NOCASE, {alias}.id", R::SORT),
    };
    let params = named_params! { ":pattern": pattern, ":side": query.side, ":partnership": query.partnership_id };
    read_page(conn, &sql, params, query.page, R::from_row)
}

pub(crate) fn create<R: RegisterRecord>(conn: &Connection, input: &R::Input) -> Result<R> {
    validate::<R>(conn, input)?;
    let id = new_id();
    R::write(conn, &id, input)?;
    get(conn, &id)
}

pub(crate) fn update<R: RegisterRecord>(conn: &Connection, id: &str, input: &R::Input) -> Result<R> {
    if !exists::<R>(conn, id)? {
        return Err(Error::NotFound(format!("{} {id}", R::WHAT)));
    }
    validate::<R>(conn, input)?;
    R::write(conn, id, input)?;
    get(conn, id)
}

/// Moves a record to the trash; every link to it survives and comes back with a restore.
pub(crate) fn delete<R: RegisterRecord>(conn: &Connection, id: &str) -> Result<()> {
    move_to_trash(conn, R::TABLE, R::WHAT, id)
}

pub(crate) fn restore<R: RegisterRecord>(conn: &Connection, id: &str) -> Result<R> {
    take_out_of_trash(conn, R::TABLE, R::WHAT, id)?;
    get(conn, id)
}

/// The records in the trash, most recently deleted first.
pub(crate) fn trashed<R: RegisterRecord>(conn: &Connection) -> Result<Vec<R>> {
    let sql = format!(
        "{} WHERE {alias}.deleted_at IS NOT NULL ORDER BY {alias}.deleted_at DESC",
        R::SELECT,
        alias = R::ALIAS
    );
    Ok(conn.prepare_cached(&sql)?.query_map([], R::from_row)?.collect::<rusqlite::Result<_>>()?)
}

fn validate<R: RegisterRecord>(conn: &Connection, input: &R::Input) -> Result<()> {
    let mut problems = Problems::default();
    let (field, name, required) = R::name(input);
    if name.trim().is_empty() {
        problems.push(field, "required", required);
    }
    let (email, partnership_id) = R::contact(input);
    let email = email.trim();
    if !email.is_empty() && !looks_like_email(email) {
        problems.push("email", "email_invalid", format!("{email:?} is not an e-mail address"));
    }
    R::check_own(conn, input, &mut problems)?;
    if let Some(id) = partnership_id {
        if !exists_outside_trash(conn, "partnerships", id)? {
            problems.push("partnership_id", "unknown_partnership", format!("{id} is not a partnership"));
        }
    }
    problems.into_result()
}
