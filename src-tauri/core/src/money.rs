//! Money as offices type and sum it: ISO 4217 currencies with their decimal places, amounts
//! read from "1.234,50" or "1,234.50" into exact decimals (never floating point) and kept as
//! whole minor units, and euros at an exchange rate that is stored with the amount.

use iso_currency::Currency;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::FieldError;

/// A currency amounts can be held in: an ISO 4217 code with its number of decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyCode {
    currency: Currency,
    places: u32,
}

impl CurrencyCode {
    pub const EURO: CurrencyCode = CurrencyCode { currency: Currency::EUR, places: 2 };

    /// The currency a form names, as "EUR", "cny" or " CNY ".
    pub fn parse(field: &str, text: &str) -> Result<Self, FieldError> {
        let code = text.trim().to_ascii_uppercase();
        let unknown =
            || FieldError::new(field, "currency_unknown", format!("{:?} is not an ISO 4217 currency", text.trim()));
        let currency = Currency::from_code(&code).filter(|currency| !currency.is_fund()).ok_or_else(unknown)?;
        let places = currency.exponent().ok_or_else(unknown)?;
        Ok(Self { currency, places: places.into() })
    }

    pub fn code(self) -> &'static str {
        self.currency.code()
    }

    pub fn places(self) -> u32 {
        self.places
    }

    pub fn is_euro(self) -> bool {
        self == Self::EURO
    }
}

/// Minor units as an office writes the number: "1.234,50" in German, "1,234.50" in English
/// (with two places; yen have none).
pub fn amount_text(minor: i64, places: u32, language: crate::vocabulary::Language) -> String {
    let (thousands, decimal) = match language {
        crate::vocabulary::Language::De => ('.', ','),
        crate::vocabulary::Language::En => (',', '.'),
    };
    let unit = 10_i64.pow(places);
    let whole = (minor.abs() / unit).to_string();
    let mut grouped = String::new();
    for (at, digit) in whole.chars().enumerate() {
        if at > 0 && (whole.len() - at).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let sign = if minor < 0 { "-" } else { "" };
    match places {
        0 => format!("{sign}{grouped}"),
        places => format!("{sign}{grouped}{decimal}{:0width$}", minor.abs() % unit, width = places as usize),
    }
}

/// Euro cents as an office writes them: "1.234,50 €" in German, "€1,234.50" in English.
pub fn euros_text(cents: i64, language: crate::vocabulary::Language) -> String {
    let amount = amount_text(cents, 2, language);
    match language {
        crate::vocabulary::Language::De => format!("{amount} €"),
        crate::vocabulary::Language::En => format!("€{amount}"),
    }
}

/// Minor units as a plain decimal text: 123450 with two places → "1234.50", 5000 yen → "5000".
pub fn plain(minor: i64, places: u32) -> String {
    Decimal::new(minor, places).to_string()
}

/// How a lone separator before exactly three digits reads: "1.234" is a thousand and more in an
/// amount, a little more than one in an exchange rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoneSeparator {
    GroupsThousands,
    MarksDecimals,
}

/// Reads a number as offices type it: "150", "12.5", "150,00", "1.234,50", "1,234.50",
/// "1'234.50", "7,8543". Where both separators appear the last one marks the decimals; a
/// separator used more than once groups thousands. None when the text is no such number
/// (a sign included: callers say why a negative number is wrong).
pub fn typed_decimal(text: &str, lone: LoneSeparator) -> Option<Decimal> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
    if compact.is_empty() || !compact.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let (whole, fraction) = match compact.rfind(['.', ',']) {
        Some(at) => {
            let separator = &compact[at..=at];
            let (before, after) = (&compact[..at], &compact[at + 1..]);
            let both_kinds = compact.contains('.') && compact.contains(',');
            let lone_separator = compact.matches(separator).count() == 1;
            let groups_thousands =
                lone == LoneSeparator::GroupsThousands && after.len() == 3 && before != "0" && !before.is_empty();
            if both_kinds || (lone_separator && !groups_thousands) {
                if before.contains(separator) || after.is_empty() {
                    return None;
                }
                (before, after)
            } else {
                (compact.as_str(), "")
            }
        }
        None => (compact.as_str(), ""),
    };
    let mut groups = whole.split(['.', ',']);
    let first = groups.next()?;
    let grouped = whole.contains(['.', ',']);
    if first.is_empty() || (grouped && first.len() > 3) {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    if !fraction.is_empty() {
        digits.push('.');
        digits.push_str(fraction);
    }
    Decimal::from_str_exact(&digits).ok()
}

fn is_negative(text: &str) -> bool {
    text.trim_start().starts_with(['-', '−'])
}

/// An amount typed in a form, in minor units of its currency; empty means none. Refuses a
/// sign, more decimal places than the currency has, and amounts past a trillion.
pub fn parse_amount(field: &str, text: &str, currency: CurrencyCode) -> Result<Option<i64>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    if is_negative(text) {
        return Err(FieldError::new(field, "negative", "an amount cannot be negative"));
    }
    let amount = typed_decimal(text, LoneSeparator::GroupsThousands)
        .ok_or_else(|| FieldError::new(field, "not_a_number", format!("{:?} is not an amount", text.trim())))?
        .normalize();
    if amount.scale() > currency.places() {
        let message = format!("{} has {} decimal places", currency.code(), currency.places());
        return Err(FieldError::new(field, "too_many_decimals", message));
    }
    let minor = amount * Decimal::from(10_i64.pow(currency.places()));
    minor
        .to_i64()
        .filter(|minor| *minor < 1_000_000_000_000 * 10_i64.pow(currency.places()))
        .map(Some)
        .ok_or_else(|| FieldError::new(field, "too_large", "an amount must stay below a trillion"))
}

/// A euro amount a form cannot do without, in cents; `required` says what to enter when it is empty.
pub fn required_euros(field: &str, text: &str, required: &str) -> Result<i64, FieldError> {
    parse_amount(field, text, CurrencyCode::EURO)?.ok_or_else(|| FieldError::new(field, "required", required))
}

/// An exchange rate as typed: how many units of the currency one euro buys (the way the
/// European Central Bank publishes its reference rates, "7,8543" for CNY). Must be more than 0;
/// between 0.0001 and ten million with at most six decimals, so that every amount converts
/// within range.
pub fn parse_rate(field: &str, text: &str) -> Result<Decimal, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "rate_required", "enter the rate: how much of the currency one euro buys"));
    }
    if is_negative(text) {
        return Err(FieldError::new(field, "rate_not_positive", "a rate must be more than 0"));
    }
    let rate = typed_decimal(text, LoneSeparator::MarksDecimals)
        .ok_or_else(|| FieldError::new(field, "not_a_number", format!("{:?} is not a rate", text.trim())))?
        .normalize();
    if rate.is_zero() {
        return Err(FieldError::new(field, "rate_not_positive", "a rate must be more than 0"));
    }
    if rate.scale() > 6 || rate < Decimal::new(1, 4) || rate > Decimal::from(10_000_000) {
        return Err(FieldError::new(field, "rate_invalid", format!("{rate} cannot be an exchange rate")));
    }
    Ok(rate)
}

/// An amount in euro cents at `per_euro` units of its currency for one euro, rounded half
/// away from zero to the cent as bookkeeping rounds. A euro amount stays as it is.
pub fn euro_cents(minor: i64, currency: CurrencyCode, per_euro: Decimal) -> i64 {
    if currency.is_euro() {
        return minor;
    }
    in_euro_cents(Decimal::new(minor, currency.places()), per_euro)
}

/// An amount of another currency in euro cents at `per_euro`, rounded as `euro_cents` rounds.
pub fn in_euro_cents(amount: Decimal, per_euro: Decimal) -> i64 {
    let cents =
        (amount / per_euro).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero) * Decimal::ONE_HUNDRED;
    cents.to_i64().expect("amounts below a trillion at a rate of at least 0.0001 fit in cents")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cny() -> CurrencyCode {
        CurrencyCode::parse("currency", "cny").unwrap()
    }

    #[test]
    fn amounts_read_as_offices_type_them() {
        let euro = CurrencyCode::EURO;
        for (typed, minor) in [
            ("150", 15_000),
            ("12.5", 1_250),
            ("150,00", 15_000),
            ("1.234,50", 123_450),
            ("1,234.50", 123_450),
            ("1.234", 123_400),
            ("1'234.5", 123_450),
            ("0,15", 15),
            ("1.234.567", 123_456_700),
        ] {
            assert_eq!(parse_amount("planned", typed, euro), Ok(Some(minor)), "{typed}");
        }
        assert_eq!(parse_amount("planned", "  ", euro), Ok(None));
        let yen = CurrencyCode::parse("currency", "JPY").unwrap();
        assert_eq!(parse_amount("planned", "5.000", yen), Ok(Some(5_000)));
    }

    #[test]
    fn a_wrong_amount_says_what_is_wrong() {
        let code = |typed: &str| parse_amount("actual", typed, CurrencyCode::EURO).unwrap_err().code;
        assert_eq!(code("0,125"), "too_many_decimals", "three decimals are too many for EUR");
        assert_eq!(code("1.234,567"), "too_many_decimals");
        assert_eq!(code("-5"), "negative");
        assert_eq!(code("12 Euro"), "not_a_number");
        assert_eq!(code("1,2,3"), "not_a_number");
        assert_eq!(code("9999999999999"), "too_large");
        let message = parse_amount("actual", "0,125", CurrencyCode::EURO).unwrap_err().message;
        assert_eq!(message, "EUR has 2 decimal places");
    }

    #[test]
    fn only_iso_currencies_are_taken() {
        assert_eq!(cny().code(), "CNY");
        for wrong in ["XYZ", "EU", "", "XAU", "euro"] {
            assert_eq!(CurrencyCode::parse("currency", wrong).unwrap_err().code, "currency_unknown", "{wrong}");
        }
    }

    #[test]
    fn rates_read_with_their_decimals_and_zero_is_refused() {
        assert_eq!(parse_rate("rate", "7,8543").unwrap().to_string(), "7.8543");
        assert_eq!(parse_rate("rate", "1.234").unwrap().to_string(), "1.234");
        assert_eq!(parse_rate("rate", "1.450,25").unwrap().to_string(), "1450.25");
        for (typed, code) in [
            ("0", "rate_not_positive"),
            ("0,0000", "rate_not_positive"),
            ("-7", "rate_not_positive"),
            ("", "rate_required"),
            ("abc", "not_a_number"),
            ("0,00001", "rate_invalid"),
        ] {
            assert_eq!(parse_rate("rate", typed).unwrap_err().code, code, "{typed}");
        }
    }

    #[test]
    fn a_yuan_amount_converts_to_euro_cents_exactly() {
        let rate = parse_rate("rate", "7.8543").unwrap();
        // 1,000.00 CNY / 7.8543 = 127.318...
        assert_eq!(euro_cents(100_000, cny(), rate), 12_732);
        // 7.85 CNY / 7.8543 = 0.99946 → 1.00 €: half away from zero at the cent.
        assert_eq!(euro_cents(785, cny(), rate), 100);
        assert_eq!(euro_cents(5, cny(), parse_rate("rate", "2").unwrap()), 3, "0.025 € rounds up to 0.03 €");
        assert_eq!(euro_cents(12_345, CurrencyCode::EURO, rate), 12_345, "euros are never converted");
        assert_eq!((plain(123_450, 2), plain(5_000, 0)), ("1234.50".into(), "5000".into()));
        use crate::vocabulary::Language;
        assert_eq!(euros_text(123_456_789, Language::De), "1.234.567,89 €");
        assert_eq!(euros_text(99, Language::En), "€0.99");
        assert_eq!(euros_text(100_000, Language::En), "€1,000.00");
    }
}
