//! Paging of lists. Offsets and page sizes are counts: a negative one is rejected when the
//! query arrives, like any other malformed argument, instead of being quietly clamped.

/// `#[serde(with)]` for an offset: any count up to `u32::MAX`, kept as the `i64` SQLite binds.
pub mod count {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        u32::deserialize(deserializer).map(i64::from)
    }
}

/// `#[serde(with)]` for an optional page size.
pub mod optional_count {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        Option::<u32>::deserialize(deserializer).map(|count| count.map(i64::from))
    }
}

use rusqlite::{Connection, Row, Statement, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

/// The most records one page of any list holds.
pub const MAX_PAGE: i64 = 200;

/// Which page of a list to read: from `offset`, at most `limit` records (`MAX_PAGE` when not
/// given or larger). Every list query carries one, flattened into it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct PageRequest {
    #[serde(default, with = "count")]
    #[ts(as = "u32")]
    pub offset: i64,
    #[serde(default, with = "optional_count")]
    #[ts(as = "Option<u32>")]
    pub limit: Option<i64>,
}

impl PageRequest {
    /// The page size, between 1 and `MAX_PAGE`.
    pub fn size(self) -> i64 {
        self.limit.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE)
    }

    /// Where the page starts.
    pub fn start(self) -> i64 {
        self.offset.max(0)
    }
}

/// One page of a list, and how many records match the query in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}

/// A list's query in SQL: `select` (its columns and joins) `WHERE filter ORDER BY order`, and
/// the count of `FROM from WHERE filter`.
pub struct PageSql<'a> {
    pub select: &'a str,
    pub from: &'a str,
    pub filter: &'a str,
    pub order: &'a str,
}

/// Reads the page `request` asks for and the total behind it. `params` are named (`:name`);
/// each statement is given those it uses.
pub fn read_page<T>(
    conn: &Connection,
    sql: &PageSql,
    params: &[(&str, &dyn ToSql)],
    request: PageRequest,
    from_row: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Page<T>> {
    let PageSql { select, from, filter, order } = sql;
    let mut count = conn.prepare_cached(&format!("SELECT count(*) FROM {from} WHERE {filter}"))?;
    let bound = used_by(&count, params);
    let total = count.query_row(bound.as_slice(), |row| row.get(0))?;
    let (limit, offset) = (request.size(), request.start());
    let mut all = params.to_vec();
    all.extend([(":limit", &limit as &dyn ToSql), (":offset", &offset)]);
    let mut select =
        conn.prepare_cached(&format!("{select} WHERE {filter} ORDER BY {order} LIMIT :limit OFFSET :offset"))?;
    let bound = used_by(&select, &all);
    let items = select.query_map(bound.as_slice(), from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// The parameters `statement` uses: binding one it does not use is an error.
pub fn used_by<'a>(statement: &Statement, params: &[(&'a str, &'a dyn ToSql)]) -> Vec<(&'a str, &'a dyn ToSql)> {
    params.iter().copied().filter(|(name, _)| matches!(statement.parameter_index(name), Ok(Some(_)))).collect()
}

#[cfg(test)]
mod tests {
    use crate::trips::TripQuery;

    #[test]
    fn negative_offsets_and_limits_are_malformed() {
        let query = |json: &str| serde_json::from_str::<TripQuery>(json);
        assert!(query(r#"{"limit": -1}"#).unwrap_err().to_string().contains("integer `-1`"));
        assert!(query(r#"{"offset": -20}"#).is_err());
        let page = query(r#"{"offset": 40, "limit": 20}"#).unwrap().page;
        assert_eq!((page.offset, page.limit), (40, Some(20)));
        assert_eq!(query(r#"{"limit": null}"#).unwrap().page.limit, None);
        assert_eq!(query("{}").unwrap().page.offset, 0);
    }
}
