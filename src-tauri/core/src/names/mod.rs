//! Names in Latin and Chinese script: pinyin, the folded forms that search matches, and how a
//! typed line of hosts splits into people and organisations. Plain text in, plain text out;
//! nothing here reads the database.

pub mod hosts;
pub mod search_terms;
pub mod transliteration;
