//! What a number measures, read from the characters and the word around
//! it: a currency sign before it (`$1.13bn`, `€90`), a percent sign after
//! it (`76%`), or a unit word after it (`5 million dollars`, `3.5 per cent`,
//! `four hours`, `a five-hour meeting`).

use crate::article::{QuantityKind, QuantityUnit};

use super::number::Number;
use super::Words;

/// The currency a sign written before a number stands for.
fn currency_symbol(c: char) -> Option<QuantityUnit> {
    Some(match c {
        '$' => QuantityUnit::Usd,
        '€' => QuantityUnit::Eur,
        '£' => QuantityUnit::Gbp,
        '¥' => QuantityUnit::Jpy,
        '₽' => QuantityUnit::Rub,
        '₴' => QuantityUnit::Uah,
        _ => return None,
    })
}

/// The currency a word written after a number names (lower case).
fn currency_word(word: &str) -> Option<QuantityUnit> {
    Some(match word {
        "dollar" | "dollars" => QuantityUnit::Usd,
        "euro" | "euros" => QuantityUnit::Eur,
        "pound" | "pounds" | "sterling" => QuantityUnit::Gbp,
        "rouble" | "roubles" | "ruble" | "rubles" => QuantityUnit::Rub,
        "hryvnia" | "hryvnias" => QuantityUnit::Uah,
        "yen" => QuantityUnit::Jpy,
        "yuan" | "renminbi" => QuantityUnit::Cny,
        _ => return None,
    })
}

/// A time unit word (lower case): the unit, and whether it is the singular
/// form, which after a number is an adjective (`a five-hour meeting`).
fn time_unit(word: &str) -> Option<(QuantityUnit, bool)> {
    use QuantityUnit::*;
    Some(match word {
        "hour" => (Hours, true),
        "hours" => (Hours, false),
        "minute" => (Minutes, true),
        "minutes" => (Minutes, false),
        "second" => (Seconds, true),
        "seconds" => (Seconds, false),
        "day" => (Days, true),
        "days" => (Days, false),
        "week" => (Weeks, true),
        "weeks" => (Weeks, false),
        "month" => (Months, true),
        "months" => (Months, false),
        "year" => (Years, true),
        "years" => (Years, false),
        "decade" => (Decades, true),
        "decades" => (Decades, false),
        _ => return None,
    })
}

/// What a number measures and the words that state it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Measure {
    /// `None` when nothing around the number says (a year or a count).
    pub kind: Option<QuantityKind>,
    /// The unit, when `kind` is known.
    pub unit: QuantityUnit,
    /// Byte range of the quantity's words in the paragraph, sign included.
    pub start: usize,
    pub end: usize,
    /// The index of the word after the quantity.
    pub next: usize,
    /// A time unit used as an adjective (`five-hour`, `a two-week trip`):
    /// the noun after it is what lasts.
    pub adjective: bool,
}

/// Reads what the number at word `i` measures.
pub(super) fn read(words: &Words, i: usize, number: &Number) -> Measure {
    let (text, toks, lower) = (words.text, words.toks, &words.lower);
    let first = &toks[i];
    let mut j = number.next;
    let mut m = Measure {
        kind: None,
        unit: QuantityUnit::Count,
        start: first.start,
        end: toks[j - 1].end,
        next: j,
        adjective: false,
    };
    // Currency before: `$1.13bn`, `€90`.
    let before = text[..first.start].chars().next_back();
    if let Some(code) = before.and_then(currency_symbol) {
        m.kind = Some(QuantityKind::Money);
        m.unit = code;
        m.start -= before.map_or(0, char::len_utf8);
    }
    let after = text[m.end..].chars().next();
    if m.kind.is_none() && after == Some('%') {
        m.kind = Some(QuantityKind::Percent);
        m.unit = QuantityUnit::Percent;
        m.end += 1;
    }
    // A unit word after it, or joined to it by a hyphen.
    if m.kind.is_none() && j < toks.len() && (words.space(j - 1) || words.hyphen(j - 1)) {
        let w: &str = &lower[j];
        if let Some(code) = currency_word(w) {
            m.kind = Some(QuantityKind::Money);
            m.unit = code;
            m.end = toks[j].end;
            j += 1;
        } else if w == "percent" || w == "per" && lower.get(j + 1).is_some_and(|n| n == "cent") {
            m.kind = Some(QuantityKind::Percent);
            m.unit = QuantityUnit::Percent;
            j += if w == "per" { 2 } else { 1 };
            m.end = toks[j - 1].end;
        } else if let Some((u, singular)) = time_unit(w) {
            m.kind = Some(QuantityKind::Duration);
            m.unit = u;
            m.adjective = singular && (words.hyphen(j - 1) || number.value != 1.0);
            m.end = toks[j].end;
            j += 1;
        }
    }
    m.next = j;
    m
}
