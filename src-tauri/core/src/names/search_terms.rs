//! The words the office-wide search index holds for a text, and the full-text query for what
//! an officer types, so that any script and any length finds: Chinese characters one by one
//! and in pairs (王, 黄磊; longer runs as their pairs), their toneless pinyin syllable by
//! syllable and run together (huang lei, huanglei, Huáng Lěi), German words with and without
//! umlauts and ß (Düren, Dueren, Duren; Straße, Strasse), all lower case. And each indexed
//! record's slot: a row number that holds its kind and its date, so that the index hands out
//! the matches of a kind newest first.

use chrono::{NaiveDate, NaiveTime};
use unicode_normalization::UnicodeNormalization;

use super::transliteration::{folded, is_han, syllable};

/// The index words of `texts`, separated by spaces.
pub fn index_terms(texts: &[&str]) -> String {
    let mut terms: Vec<String> = Vec::new();
    for text in texts {
        for run in runs(text) {
            match run {
                Run::Han(chars) => {
                    terms.extend(chars.iter().map(char::to_string));
                    terms.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
                    let syllables: Vec<&str> = chars.iter().filter_map(|c| syllable(*c)).collect();
                    terms.extend(syllables.iter().map(|s| folded(s)));
                    if syllables.len() > 1 {
                        terms.push(folded(&syllables.concat()));
                    }
                }
                Run::Word(word) => {
                    let plain = folded(&word);
                    let spelled_out = umlauts_spelled_out(&word);
                    if spelled_out != plain {
                        terms.push(spelled_out);
                    }
                    terms.push(plain);
                }
            }
        }
    }
    terms.join(" ")
}

/// One part of what was typed: a word to match as the start of an index word, or Chinese
/// characters (one or two) to match exactly.
struct Part {
    term: String,
    prefix: bool,
}

fn parts(typed: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for run in runs(typed) {
        match run {
            Run::Han(chars) if chars.len() <= 2 => parts.push(Part { term: chars.iter().collect(), prefix: false }),
            Run::Han(chars) => {
                parts.extend(chars.windows(2).map(|pair| Part { term: pair.iter().collect(), prefix: false }))
            }
            Run::Word(word) => parts.push(Part { term: folded(&word), prefix: true }),
        }
    }
    parts
}

/// The full-text query for `typed`: every part must match, words as the start of an index
/// word (typing goes on); None when nothing searchable was typed.
pub fn query_terms(typed: &str) -> Option<String> {
    let parts: Vec<String> = parts(typed)
        .iter()
        .map(|part| if part.prefix { format!("{}*", quoted(&part.term)) } else { quoted(&part.term) })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Whether `text` alone holds everything typed, as the index would find it.
pub fn text_matches(text: &str, typed: &str) -> bool {
    let terms = index_terms(&[text]);
    let words: Vec<&str> = terms.split(' ').collect();
    let parts = parts(typed);
    !parts.is_empty()
        && parts.iter().all(|part| {
            words.iter().any(|word| if part.prefix { word.starts_with(&part.term) } else { *word == part.term })
        })
}

/// The kinds of record the index holds, in the order of their slots.
pub const SLOT_KINDS: [&str; 10] =
    ["trip", "item", "person", "organisation", "partnership", "agreement", "task", "outcome", "gift", "project"];

/// Bits of a slot below its kind: the date in seconds since 1900 (33 bits, up to 2172), then
/// 20 bits for records of one kind with the same date, in the order they were written.
const KIND_SHIFT: u32 = 53;
const DATE_SHIFT: u32 = 20;
const LATEST_SECOND: i64 = (1 << (KIND_SHIFT - DATE_SHIFT)) - 1;

/// The first slot of a record of `kind` dated `date` (`YYYY-MM-DD`, or an RFC 3339 instant in
/// UTC; empty or unreadable counts as the oldest). Slots of one kind sort by date.
pub fn slot(kind: &str, date: &str) -> i64 {
    let kind_number = SLOT_KINDS.iter().position(|known| *known == kind).unwrap_or(SLOT_KINDS.len()) as i64;
    let epoch = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default().and_time(NaiveTime::MIN);
    let seconds = date
        .get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .map(|day| {
            let time = date.get(11..19).and_then(|time| NaiveTime::parse_from_str(time, "%H:%M:%S").ok());
            (day.and_time(time.unwrap_or(NaiveTime::MIN)) - epoch).num_seconds().clamp(0, LATEST_SECOND)
        })
        .unwrap_or(0);
    (kind_number << KIND_SHIFT) | (seconds << DATE_SHIFT)
}

/// The slots of records of `kind`, first and last.
pub fn kind_slots(kind: &str) -> (i64, i64) {
    let first = slot(kind, "");
    (first, first + (1 << KIND_SHIFT) - 1)
}

/// The kind of the record in `slot`.
pub fn kind_of_slot(slot: i64) -> Option<&'static str> {
    SLOT_KINDS.get((slot >> KIND_SHIFT) as usize).copied()
}

fn quoted(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// "Düren" as a German writes it without umlauts: "dueren".
fn umlauts_spelled_out(word: &str) -> String {
    let lower = word.to_lowercase();
    let replaced = lower.replace('ä', "ae").replace('ö', "oe").replace('ü', "ue");
    folded(&replaced)
}

enum Run {
    Han(Vec<char>),
    Word(String),
}

/// The runs of Chinese characters and the words in `text`; anything else separates them.
fn runs(text: &str) -> Vec<Run> {
    let mut found = Vec::new();
    let mut current: Option<Run> = None;
    for c in text.nfc() {
        let han = if is_han(c) {
            Some(true)
        } else if c.is_alphanumeric() {
            Some(false)
        } else {
            None
        };
        match (&mut current, han) {
            (Some(Run::Han(chars)), Some(true)) => chars.push(c),
            (Some(Run::Word(word)), Some(false)) => word.push(c),
            (_, han) => {
                found.extend(current.take());
                current = han.map(|han| if han { Run::Han(vec![c]) } else { Run::Word(c.to_string()) });
            }
        }
    }
    found.extend(current);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(text: &str) -> Vec<String> {
        index_terms(&[text]).split(' ').map(str::to_string).collect()
    }

    #[test]
    fn chinese_names_are_indexed_by_character_by_pair_and_by_pinyin() {
        let terms = indexed("黄磊");
        for expected in ["黄", "磊", "黄磊", "huang", "lei", "huanglei"] {
            assert!(terms.contains(&expected.to_string()), "{expected} in {terms:?}");
        }
        assert!(indexed("金华市教育局").contains(&"金华".to_string()));
    }

    #[test]
    fn german_words_are_indexed_with_and_without_umlauts() {
        let terms = indexed("Rathaus Düren, Kölner Straße");
        for expected in ["dueren", "duren", "strasse", "koelner", "kolner", "rathaus"] {
            assert!(terms.contains(&expected.to_string()), "{expected} in {terms:?}");
        }
    }

    #[test]
    fn queries_match_words_as_prefixes_and_short_chinese_exactly() {
        assert_eq!(query_terms("Huáng Lěi").as_deref(), Some("\"huang\"* \"lei\"*"));
        assert_eq!(query_terms("黄磊").as_deref(), Some("\"黄磊\""));
        assert_eq!(query_terms("金华市").as_deref(), Some("\"金华\" \"华市\""));
        assert_eq!(query_terms("Straße").as_deref(), Some("\"strasse\"*"));
        assert_eq!(query_terms("\"*  -").as_deref(), None);
    }

    #[test]
    fn slots_sort_by_kind_then_date() {
        let older = slot("task", "2019-03-01");
        let newer = slot("task", "2019-03-01T08:30:00.120Z");
        assert!(older < newer && newer < slot("task", "2026-01-01"));
        assert!(slot("task", "") < older && slot("task", "unreadable") == slot("task", ""));
        assert!(slot("item", "2100-01-01") < slot("person", "1901-01-01"));
        let (first, last) = kind_slots("gift");
        assert!(first <= slot("gift", "2172-12-31") && slot("gift", "2999-01-01") <= last);
        assert_eq!(kind_of_slot(slot("outcome", "2020-02-02")), Some("outcome"));
        assert_eq!(kind_of_slot(last), Some("gift"));
    }
}
