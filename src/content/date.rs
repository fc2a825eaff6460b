//! The `date` of a page, validated when the front matter is read: a calendar
//! date (`2024-01-02`), optionally with a time (`T10:00:00` or ` 10:00:00`)
//! and a UTC offset (`Z`, `+08:00`), as TOML datetimes and ISO 8601 strings
//! write them. Anything else is an error at the `date` line of the file, so
//! no free text reaches a feed's `<updated>` or a template's date.

use std::fmt;

use jiff::fmt::temporal::{Pieces, PiecesOffset};
use serde::{Deserialize, Serialize};

/// How every date error starts (YAML reports such an error at the start of
/// the header, so the front matter reader looks the `date` line up).
pub const INVALID_DATE: &str = "invalid date";

/// A valid page date: its text as written and the RFC 3339 timestamp feeds use.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageDate {
    /// As written (trimmed); sorts in time order for same-offset dates.
    text: String,
    /// `2024-01-02T00:00:00Z` for a bare date; the offset when one is given.
    rfc3339: String,
}

impl PageDate {
    /// Validates `text`; the error says what is wrong and what is expected.
    pub fn parse(text: &str) -> Result<PageDate, String> {
        let text = text.trim();
        let pieces = Pieces::parse(text).map_err(|e| {
            format!(
                "{INVALID_DATE} `{text}`: expected YYYY-MM-DD, optionally with a time \
                 (THH:MM:SS) and an offset (Z or +08:00) ({e})"
            )
        })?;
        if pieces.time_zone_annotation().is_some() {
            return Err(format!(
                "{INVALID_DATE} `{text}`: time zone names are not supported, write an offset such as +08:00"
            ));
        }
        let time = pieces.time().unwrap_or_default();
        let offset = match pieces.offset() {
            Some(PiecesOffset::Numeric(n)) => offset_text(n.offset().seconds()),
            _ => "Z".to_string(),
        };
        Ok(PageDate {
            text: text.to_string(),
            rfc3339: format!("{}T{}{offset}", pieces.date(), time),
        })
    }

    /// The date as written in the front matter.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `YYYY-MM-DD`.
    pub fn day(&self) -> &str {
        self.text.get(..10).unwrap_or(&self.text)
    }

    /// The date as an RFC 3339 timestamp (Atom's `<updated>`).
    pub fn rfc3339(&self) -> &str {
        &self.rfc3339
    }
}

/// `28800` → `+08:00`; `0` → `+00:00`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

impl fmt::Display for PageDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for PageDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// TOML datetimes, YAML strings or bare dates; an empty string is no date.
pub fn de_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<PageDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Toml(toml::value::Datetime),
        Text(String),
    }
    let text = match Option::<Raw>::deserialize(d)? {
        Some(Raw::Toml(dt)) => dt.to_string(),
        Some(Raw::Text(s)) if !s.trim().is_empty() => s,
        _ => return Ok(None),
    };
    PageDate::parse(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::PageDate;

    fn rfc(text: &str) -> String {
        PageDate::parse(text).expect(text).rfc3339().to_string()
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(rfc("2024-01-02"), "2024-01-02T00:00:00Z");
        assert_eq!(rfc("2024-01-02T10:00:00"), "2024-01-02T10:00:00Z");
        assert_eq!(rfc("2024-01-02 10:00:00"), "2024-01-02T10:00:00Z");
        assert_eq!(rfc("2024-01-02T10:00:00Z"), "2024-01-02T10:00:00Z");
        assert_eq!(
            rfc("2024-01-02T10:00:00+08:00"),
            "2024-01-02T10:00:00+08:00"
        );
        assert_eq!(
            rfc("2024-01-02T10:00:00-05:30"),
            "2024-01-02T10:00:00-05:30"
        );
        assert_eq!(
            PageDate::parse(" 2024-01-02 ").expect("ok").day(),
            "2024-01-02"
        );
    }

    #[test]
    fn rejected_forms() {
        for bad in [
            "2024-13-45",
            "2023-02-29",
            "yesterday",
            "2024-01-02</updated>",
            "10:00:00",
            "2024-01-02T10:00:00[Asia/Shanghai]",
        ] {
            assert!(PageDate::parse(bad).is_err(), "{bad}");
        }
    }
}
