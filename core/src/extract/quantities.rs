//! Numbers the text states, normalised so two reports can be compared.
//!
//! A quantity is a number (digits such as `1,000`, `1.5`, `$1.13bn`, or
//! words such as `five`, `twenty-two`) with what makes it comparable:
//! - a scale (`million`, `billion`, `bn`, `m`) multiplied in;
//! - a currency (`$`, `€`, `£`, `¥` before it, or `dollars`, `euros` after)
//!   → money in `USD`, `EUR`, …;
//! - `%`, `percent` or `per cent` → a percentage;
//! - a time unit (`hours`, or `five-hour` used as an adjective) → a duration
//!   in `h`, `min`, `s`, `days`, `weeks`, `months`, `years` or `decades`;
//! - otherwise a four-digit number from 1800 to 2100 is a calendar year, and
//!   any other number is a count of the noun that follows.
//!
//! A hedge before it (`nearly`, `more than`) is the qualifier; the noun
//! right after it (`a five-hour meeting`, `€90 billion loan`, `two envoys`)
//! is the subject.

use std::borrow::Cow;

use crate::article::{BlockKind, Quantity, QuantityKind, Span};
use crate::text::lexicon::{is_function_word, number_word_value, scale_value};
use crate::text::reading::gap;
use crate::text::Token;

use super::words::BlockWords;

/// The quantities of an article, from its words, in body order.
pub fn find(blocks: &[BlockWords]) -> Vec<Quantity> {
    let mut out = Vec::new();
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        scan(block.text, &block.words, block.base, &mut out);
    }
    out
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₽' => "RUB",
        '₴' => "UAH",
        _ => return None,
    })
}

fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" => "UAH",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        _ => return None,
    })
}

/// Time units: (normalised unit, singular form used as an adjective).
fn time_unit(word: &str) -> Option<(&'static str, bool)> {
    Some(match word {
        "hour" => ("h", true),
        "hours" => ("h", false),
        "minute" => ("min", true),
        "minutes" => ("min", false),
        "second" => ("s", true),
        "seconds" => ("s", false),
        "day" => ("days", true),
        "days" => ("days", false),
        "week" => ("weeks", true),
        "weeks" => ("weeks", false),
        "month" => ("months", true),
        "months" => ("months", false),
        "year" => ("years", true),
        "years" => ("years", false),
        "decade" => ("decades", true),
        "decades" => ("decades", false),
        _ => return None,
    })
}

/// Hedges before a number; two-word ones first.
const QUALIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "up to",
    "at least",
    "at most",
    "as many as",
    "as much as",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "just",
    "only",
    "exactly",
    "precisely",
    "estimated",
    "barely",
    "upwards of",
];

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

fn scan(text: &str, toks: &[Token], base: usize, out: &mut Vec<Quantity>) {
    let lower: Vec<Cow<str>> = toks
        .iter()
        .map(|t| {
            if t.text.chars().any(char::is_uppercase) {
                Cow::Owned(t.text.to_lowercase())
            } else {
                Cow::Borrowed(t.text)
            }
        })
        .collect();
    let mut i = 0;
    while i < toks.len() {
        match read_quantity(text, toks, &lower, i) {
            Some((q, next)) => {
                out.push(Quantity {
                    span: Span::new(base + q.span.start as usize, base + q.span.end as usize),
                    ..q
                });
                i = next;
            }
            None => i += 1,
        }
    }
}

/// Reads the number at token `i` and what follows; returns the quantity
/// (span relative to `text`) and the next token index.
fn read_quantity(
    text: &str,
    toks: &[Token],
    lower: &[Cow<str>],
    i: usize,
) -> Option<(Quantity, usize)> {
    let hyphen = |a: usize| a + 1 < toks.len() && gap(text, &toks[a], &toks[a + 1]) == "-";
    let space = |a: usize| {
        a + 1 < toks.len() && {
            let g = gap(text, &toks[a], &toks[a + 1]);
            !g.is_empty() && g.chars().all(char::is_whitespace)
        }
    };
    let first = &toks[i];
    let is_digit = first.text.starts_with(|c: char| c.is_ascii_digit());
    let (mut value, mut scaled, mut j);
    let mut digits_only = false;
    if is_digit {
        let (v, s) = parse_digits(first.text)?;
        value = v;
        scaled = s;
        j = i + 1;
        digits_only = s.is_none() && !first.text.contains('.');
        // Thousands separators: `1,000,000`.
        while digits_only
            && j < toks.len()
            && gap(text, &toks[j - 1], &toks[j]) == ","
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
        if value >= 20.0 && hyphen(i) {
            if let Some(units) = lower.get(i + 1).and_then(|w| number_word_value(w)) {
                if units < 10.0 {
                    value += units;
                    j = i + 2;
                }
            }
        }
    }
    // Scale words: `90 billion`, `two million`.
    if scaled.is_none() && j < toks.len() && space(j - 1) {
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
    let mut start = first.start;
    let mut end = toks[j - 1].end;
    let mut unit = String::new();
    let mut kind = None;
    let mut adjective = false;

    // Currency before: `$1.13bn`, `€90`.
    let before = text[..first.start].chars().next_back();
    if let Some(code) = before.and_then(currency_symbol) {
        kind = Some(QuantityKind::Money);
        unit = code.to_owned();
        start -= before.map_or(0, char::len_utf8);
    }
    let after = text[end..].chars().next();
    if kind.is_none() && after == Some('%') {
        kind = Some(QuantityKind::Percent);
        unit = "%".into();
        end += 1;
    }
    if kind.is_none() && j < toks.len() && (space(j - 1) || hyphen(j - 1)) {
        let w: &str = &lower[j];
        if let Some(code) = currency_word(w) {
            kind = Some(QuantityKind::Money);
            unit = code.to_owned();
            end = toks[j].end;
            j += 1;
        } else if w == "percent" || w == "per" && lower.get(j + 1).is_some_and(|n| n == "cent") {
            kind = Some(QuantityKind::Percent);
            unit = "%".into();
            j += if w == "per" { 2 } else { 1 };
            end = toks[j - 1].end;
        } else if let Some((u, singular)) = time_unit(w) {
            kind = Some(QuantityKind::Duration);
            unit = u.to_owned();
            adjective = singular && (hyphen(j - 1) || value != 1.0);
            end = toks[j].end;
            j += 1;
        }
    }
    let kind = match kind {
        Some(k) => k,
        None if digits_only && (1800.0..=2100.0).contains(&value) && first.text.len() == 4 => {
            unit = "year".into();
            QuantityKind::Year
        }
        None => QuantityKind::Count,
    };
    // A bare `one` is usually a pronoun (`one of them`); skip it.
    if kind == QuantityKind::Count && !is_digit && value == 1.0 {
        return None;
    }
    let mut subject = None;
    let next_word = |k: usize| -> Option<&str> {
        let w = lower.get(k)?;
        let joined = k > 0 && (space(k - 1) || (adjective && hyphen(k - 1)));
        let noun_like = joined
            && w.chars().all(char::is_alphabetic)
            && !is_function_word(w)
            && !toks[k].is_capitalized()
            && !hyphen(k);
        noun_like.then_some(&**w)
    };
    match kind {
        QuantityKind::Duration if adjective => subject = next_word(j).map(str::to_owned),
        QuantityKind::Money => subject = next_word(j).map(str::to_owned),
        QuantityKind::Count => {
            // The noun: the first plural within three words, else the next word.
            let look = (j..(j + 3).min(toks.len()))
                .take_while(|&k| k == j || space(k - 1))
                .find(|&k| {
                    let w = &lower[k];
                    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && next_word(k).is_some()
                });
            subject = look.or(Some(j)).and_then(next_word).map(str::to_owned);
            if subject.is_none() && !is_digit {
                return None;
            }
        }
        _ => {}
    }
    // A hedge before the number (only the last few words are looked at).
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let prefix = text[from..start].trim_end().to_lowercase();
    let qualifier = QUALIFIERS
        .iter()
        .find(|q| {
            prefix.strip_suffix(**q).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
        .map(|q| (*q).to_owned());
    let q = Quantity {
        text: text[start..end].to_owned(),
        kind,
        value,
        unit,
        qualifier,
        subject,
        span: Span::new(start, end),
    };
    Some((q, j.max(i + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::reading::words;

    fn quantities(text: &str) -> Vec<Quantity> {
        let mut out = Vec::new();
        scan(text, &words(text), 0, &mut out);
        out
    }

    fn one(
        text: &str,
    ) -> (
        String,
        QuantityKind,
        f64,
        String,
        Option<String>,
        Option<String>,
    ) {
        let q = quantities(text).into_iter().next().expect("a quantity");
        (q.text, q.kind, q.value, q.unit, q.qualifier, q.subject)
    }

    use QuantityKind::*;

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn durations() {
        assert_eq!(
            one("after a five-hour meeting"),
            (
                "five-hour".into(),
                Duration,
                5.0,
                "h".into(),
                None,
                s("meeting")
            )
        );
        assert_eq!(
            one("stretched for nearly four hours, late"),
            (
                "four hours".into(),
                Duration,
                4.0,
                "h".into(),
                s("nearly"),
                None
            )
        );
        assert_eq!(
            one("over the next two years."),
            (
                "two years".into(),
                Duration,
                2.0,
                "years".into(),
                None,
                None
            )
        );
    }

    #[test]
    fn money() {
        assert_eq!(
            one("agreeing on a €90 billion loan to support"),
            (
                "€90 billion".into(),
                Money,
                9e10,
                "EUR".into(),
                None,
                s("loan")
            )
        );
        let q = quantities("profits jumped 76% to $1.13bn (£600m) for the three months");
        let got: Vec<(&str, f64, &str)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.value, q.unit.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("76%", 76.0, "%"),
                ("$1.13bn", 1.13e9, "USD"),
                ("£600m", 6e8, "GBP"),
                ("three months", 3.0, "months")
            ]
        );
        assert_eq!(one("cost 5 million dollars").2, 5e6);
    }

    #[test]
    fn counts_years_and_percents() {
        assert_eq!(
            one("met two senior U.S. envoys"),
            ("two".into(), Count, 2.0, "".into(), None, s("envoys"))
        );
        assert_eq!(
            one("since 2022, the war"),
            ("2022".into(), Year, 2022.0, "year".into(), None, None)
        );
        assert_eq!(one("up 3.5 per cent").2, 3.5);
        assert_eq!(one("some 1,200,000 people").2, 1_200_000.0);
        assert_eq!(one("some 1,200,000 people").4, s("some"));
        assert_eq!(one("twenty-two players").2, 22.0);
    }

    #[test]
    fn pronoun_one_and_ordinals_are_skipped() {
        assert!(quantities("one of the officials").is_empty());
        assert!(quantities("in the 1990s and the 5th round").is_empty());
    }
}
