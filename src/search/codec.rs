//! Compact number lists as JSON-safe strings, and the shard hash; both are
//! mirrored exactly by `search.js`.
//!
//! A number is written in groups of 5 bits, lowest group first: every group but
//! the last uses a "continuation" digit, the last a "terminal" digit. Small
//! numbers (doc-id gaps, term counts) take one character, so a posting is
//! usually two bytes instead of the eight or so of a JSON number array.

/// Digits that end a number (values 0–31).
const TERMINAL: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
/// Digits that are followed by more of the same number (values 0–31).
const CONTINUATION: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Appends `n` to `out`.
pub fn push_number(out: &mut String, mut n: u32) {
    while n >= 32 {
        out.push(CONTINUATION[(n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(TERMINAL[n as usize] as char);
}

/// Encodes a list of numbers.
pub fn encode(numbers: impl IntoIterator<Item = u32>) -> String {
    let mut out = String::new();
    for n in numbers {
        push_number(&mut out, n);
    }
    out
}

/// Decodes a string made by `encode`; `None` on a foreign character.
#[cfg(test)]
pub fn decode(s: &str) -> Option<Vec<u32>> {
    let (mut out, mut value, mut shift) = (Vec::new(), 0u32, 0u32);
    for b in s.bytes() {
        if let Some(d) = TERMINAL.iter().position(|&t| t == b) {
            out.push(value | (d as u32) << shift);
            (value, shift) = (0, 0);
        } else {
            let d = CONTINUATION.iter().position(|&t| t == b)?;
            value |= (d as u32) << shift;
            shift += 5;
        }
    }
    Some(out)
}

/// 32-bit FNV-1a of the UTF-8 bytes.
pub fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// The part of a term that picks its shard: its first two characters. All
/// terms sharing a two-character prefix live in one shard, so the browser can
/// expand a typed prefix (`pa…`) or try every word starting at a position of a
/// Chinese query with one or two shard loads.
pub fn shard_key(term: &str) -> &str {
    match term.char_indices().nth(2) {
        Some((i, _)) => &term[..i],
        None => term,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_numbers() {
        let nums = vec![0, 1, 31, 32, 33, 1023, 1024, 40_000, u32::MAX];
        let s = encode(nums.iter().copied());
        assert_eq!(decode(&s), Some(nums));
    }

    #[test]
    fn small_numbers_take_one_char() {
        assert_eq!(encode([0, 5, 31]), "05v");
        assert_eq!(encode([32]).len(), 2);
    }

    #[test]
    fn rejects_foreign_chars() {
        assert_eq!(decode("1\"2"), None);
    }

    #[test]
    fn shard_key_is_two_chars() {
        assert_eq!(shard_key("participation"), "pa");
        assert_eq!(shard_key("口碑传播"), "口碑");
        assert_eq!(shard_key("米"), "米");
    }

    #[test]
    fn fnv_matches_reference() {
        // Reference values of 32-bit FNV-1a.
        assert_eq!(fnv1a(""), 0x811c9dc5);
        assert_eq!(fnv1a("a"), 0xe40c292c);
    }
}
