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

#[cfg(test)]
mod tests {
    use crate::trips::TripQuery;

    #[test]
    fn negative_offsets_and_limits_are_malformed() {
        let query = |json: &str| serde_json::from_str::<TripQuery>(json);
        assert!(query(r#"{"limit": -1}"#).unwrap_err().to_string().contains("integer `-1`"));
        assert!(query(r#"{"offset": -20}"#).is_err());
        let page = query(r#"{"offset": 40, "limit": 20}"#).unwrap();
        assert_eq!((page.offset, page.limit), (40, Some(20)));
        assert_eq!(query(r#"{"limit": null}"#).unwrap().limit, None);
        assert_eq!(query("{}").unwrap().offset, 0);
    }
}
