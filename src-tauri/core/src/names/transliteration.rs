//! Pinyin for names written in Chinese characters, and the search keys that let a list find a
//! record by any of its names, in any script, and by pinyin typed without tone marks.

use pinyin::{ToPinyin, ToPinyinMulti};
use unicode_normalization::UnicodeNormalization;

/// Two-character surnames; the rest of the name is the given name.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "长孙", "宇文", "司徒",
    "端木", "独孤", "南宫", "西门", "轩辕", "申屠",
];

/// Characters read differently as a surname than in ordinary words.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('解', "xie"),
    ('区', "ou"),
    ('仇', "qiu"),
    ('朴', "piao"),
    ('查', "zha"),
    ('盖', "ge"),
    ('覃', "qin"),
    ('翟', "zhai"),
    ('乐', "yue"),
    ('缪', "miao"),
    ('尉', "yu"),
    ('秘', "bi"),
    ('长', "chang"),
    ('重', "chong"),
];

pub(super) fn is_han(c: char) -> bool {
    c.to_pinyin().is_some()
}

pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

pub(super) fn syllable(c: char) -> Option<&'static str> {
    c.to_pinyin().map(|p| p.plain())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Every toneless reading of a character, the common one first.
fn readings(c: char) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = syllable(c).into_iter().collect();
    for reading in c.to_pinyin_multi().into_iter().flatten() {
        if !all.contains(&reading.plain()) {
            all.push(reading.plain());
        }
    }
    all
}

/// The readings of `chars`, one per character, that spell `typed` (folded), if any do.
fn readings_spelling(chars: &[char], typed: &str) -> Option<Vec<&'static str>> {
    let Some((first, rest)) = chars.split_first() else {
        return typed.is_empty().then(Vec::new);
    };
    readings(*first).into_iter().find_map(|reading| {
        let remaining = typed.strip_prefix(&folded(reading))?;
        let mut spelled = readings_spelling(rest, remaining)?;
        spelled.insert(0, reading);
        Some(spelled)
    })
}

/// The pinyin of a person's name as German offices write it: surname first, then the given
/// name in one word, without tone marks ("王伟" → "Wang Wei"). Where a character has several
/// readings, the one that spells `latin_name` wins ("朱重烈" with "Zhu Chonglie" reads chong,
/// not zhong). None when the text holds no Chinese characters.
pub fn person_pinyin(original: &str, latin_name: &str) -> Option<String> {
    let chars: Vec<char> = original.chars().filter(|c| !c.is_whitespace() && *c != '·').collect();
    if !chars.iter().any(|c| is_han(*c)) {
        return None;
    }
    let name: String = chars.iter().collect();
    let surname_len = if COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)) { 2 } else { 1 };
    let spelled = readings_spelling(&chars, &folded(latin_name)).unwrap_or_else(|| {
        chars
            .iter()
            .enumerate()
            .map(|(index, c)| {
                let as_surname = (index == 0 && surname_len == 1)
                    .then(|| SURNAME_READINGS.iter().find(|(s, _)| s == c).map(|(_, r)| *r))
                    .flatten();
                as_surname.or_else(|| syllable(*c)).unwrap_or("")
            })
            .collect()
    });
    let surname: String = spelled[..surname_len.min(spelled.len())].concat();
    let given: String = spelled[surname_len.min(spelled.len())..].concat();
    Some(
        [capitalised(&surname), capitalised(&given)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The pinyin of an organisation's name, a capitalised word per character
/// ("金华市" → "Jin Hua Shi"); characters that are not Chinese are kept as they are.
pub fn organisation_pinyin(original: &str) -> Option<String> {
    if !has_han(original) {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut latin = String::new();
    for c in original.chars() {
        match syllable(c) {
            Some(s) => {
                if !latin.trim().is_empty() {
                    words.push(latin.trim().to_string());
                }
                latin.clear();
                words.push(capitalised(s));
            }
            None => latin.push(c),
        }
    }
    if !latin.trim().is_empty() {
        words.push(latin.trim().to_string());
    }
    Some(words.join(" "))
}

/// Lower case, accents and tone marks dropped, ß as ss, no spaces: the form in which names
/// are compared ("Zhū Chónglìe" and "zhu chonglie" both become "zhuchonglie").
pub fn folded(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c) && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ß' { "ss".to_string() } else { c.to_string() })
        .collect()
}

/// The text a search matches against: every name folded, plus the toneless pinyin of any
/// Chinese characters, so that "zhu", "朱" and "Zhu Chonglie" all find 朱重烈.
pub fn search_text(names: &[&str]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        parts.push(folded(name));
        if has_han(name) {
            let pinyin: String =
                name.chars().map(|c| syllable(c).map(str::to_string).unwrap_or(c.to_string())).collect();
            parts.push(folded(&pinyin));
        }
    }
    parts.join("|")
}

/// What a typed search is compared in; empty when nothing was typed.
pub fn search_needle(search: &str) -> String {
    folded(search).replace('|', "")
}
