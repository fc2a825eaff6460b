//! Numbers written the Chinese way (`6 0000 0000`, `745,0000`, `5 hundred
//! million`), read and written again as English numbers: `600 million`.

/// `text` (digits with `,`/space separators and an optional decimal part)
/// times `scale`, in English: `N billion` / `N million` when exact to two
/// decimals, else with thousands commas. `None` when `text` is no number.
pub fn scaled(text: &str, scale: u128) -> Option<String> {
    let digits: String = text.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty() || !(whole.chars().chain(fraction.chars())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mantissa: u128 = format!("{whole}{fraction}").parse().ok()?;
    let divisor = 10u128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let value = mantissa.checked_mul(scale)?;
    if value % divisor != 0 {
        return None;
    }
    Some(english(value / divisor))
}

fn english(value: u128) -> String {
    for (unit, word) in [(1_000_000_000u128, "billion"), (1_000_000, "million")] {
        if value >= unit && value.is_multiple_of(unit / 100) {
            let hundredths = value % unit / (unit / 100);
            let fraction = format!(".{hundredths:02}");
            let fraction = fraction.trim_end_matches('0').trim_end_matches('.');
            return format!("{}{fraction} {word}", value / unit);
        }
    }
    thousands(value)
}

/// `1234567` → `1,234,567`.
fn thousands(value: u128) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_numbers_in_english() {
        assert_eq!(scaled("6 0000 0000", 1).as_deref(), Some("600 million"));
        assert_eq!(scaled("745,0000", 1).as_deref(), Some("7.45 million"));
        assert_eq!(scaled("1,000", 100_000_000).as_deref(), Some("100 billion"));
        assert_eq!(scaled("2.5", 100_000_000).as_deref(), Some("250 million"));
        assert_eq!(scaled("30", 10_000).as_deref(), Some("300,000"));
        assert_eq!(scaled("1234567", 1).as_deref(), Some("1,234,567"));
        assert_eq!(scaled("0.00001", 10_000), None);
        assert_eq!(scaled("abc", 1), None);
    }
}
