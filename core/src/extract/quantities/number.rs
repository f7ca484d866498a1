//! The number a quantity starts with: digits (`1,000`, `1.5`, `1.13bn`,
//! `600m`) or words (`five`, `twenty-two`), with a scale after it
//! (`90 billion`, `two million`) multiplied in.

use crate::text::lexicon::{number_word_value, scale_value};

use super::Words;

/// A number as read, and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Number {
    /// The value, any scale multiplied in.
    pub value: f64,
    /// Written in digits (not words).
    pub digits: bool,
    /// Digits only, without a decimal point or a scale: it may be a year.
    pub may_be_year: bool,
    /// The index of the word after the number and its scale.
    pub next: usize,
}

/// Reads the number at word `i`, if it is one. Ordinals and decades
/// (`5th`, `1990s`) are not numbers here.
pub(super) fn read(words: &Words, i: usize) -> Option<Number> {
    let (toks, lower) = (words.toks, &words.lower);
    let first = &toks[i];
    let digits = first.text.starts_with(|c: char| c.is_ascii_digit());
    let (mut value, mut scaled, mut j);
    let mut may_be_year = false;
    if digits {
        let (v, s) = parse_digits(first.text)?;
        value = v;
        scaled = s;
        j = i + 1;
        may_be_year = s.is_none() && !first.text.contains('.');
        // Thousands separators: `1,000,000`.
        while may_be_year
            && j < toks.len()
            && words.gap(j - 1) == ","
            && toks[j].text.len() == 3
            && toks[j].text.bytes().all(|b| b.is_ascii_digit())
        {
            value = value * 1000.0 + toks[j].text.parse::<f64>().ok()?;
            j += 1;
        }
        if first.text.ends_with(['s']) || first.text.ends_with("th") {
            return None;
        }
    } else {
        value = number_word_value(&lower[i])?;
        scaled = None;
        j = i + 1;
        // `twenty-two`
        if value >= 20.0 && words.hyphen(i) {
            if let Some(units) = lower.get(i + 1).and_then(|w| number_word_value(w)) {
                if units < 10.0 {
                    value += units;
                    j = i + 2;
                }
            }
        }
    }
    // Scale words: `90 billion`, `two million`.
    if scaled.is_none() && j < toks.len() && words.space(j - 1) {
        if let Some(s) = scale_value(&lower[j]) {
            if s >= 1e3 || lower[j] == "hundred" {
                scaled = Some(s);
                j += 1;
            }
        }
    }
    if let Some(s) = scaled {
        value *= s;
    }
    Some(Number {
        value,
        digits,
        may_be_year,
        next: j,
    })
}

/// Parses a digit token, perhaps with a scale suffix (`1.13bn`, `600m`).
fn parse_digits(word: &str) -> Option<(f64, Option<f64>)> {
    let split = word
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(word.len());
    let (num, suffix) = word.split_at(split);
    if num.is_empty() || num.starts_with('.') || num.ends_with('.') {
        return None;
    }
    let value: f64 = num.parse().ok()?;
    if suffix.is_empty() {
        return Some((value, None));
    }
    scale_value(&suffix.to_lowercase()).map(|s| (value, Some(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_a_scale_suffix() {
        assert_eq!(parse_digits("1.13bn"), Some((1.13, Some(1e9))));
        assert_eq!(parse_digits("600m"), Some((600.0, Some(1e6))));
        assert_eq!(parse_digits("2022"), Some((2022.0, None)));
        assert_eq!(parse_digits("5th"), None);
        assert_eq!(parse_digits("1."), None);
    }
}
