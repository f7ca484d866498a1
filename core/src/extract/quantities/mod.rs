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
//!
//! Reading one quantity is a few steps, each in its own module: the
//! `number` (digits or words, thousands, scale), then the `unit` around it
//! (currency, percent, time unit) which gives its kind, then the `context`:
//! the noun it counts and the hedge before it.

mod context;
mod number;
mod unit;

use std::borrow::Cow;

use crate::article::{BlockKind, Quantity, QuantityKind, QuantityUnit, Span};
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

/// Appends the quantities of one paragraph (`text`, its words `toks`, at
/// body offset `base`) to `out`.
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
    let words = Words { text, toks, lower };
    let mut i = 0;
    while i < toks.len() {
        match read_quantity(&words, i) {
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

/// A paragraph's words as the steps read them: as written, in lower case,
/// and what lies between them.
struct Words<'a, 't> {
    text: &'a str,
    toks: &'t [Token<'a>],
    lower: Vec<Cow<'a, str>>,
}

impl Words<'_, '_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text between word `a` and the next (empty after the last).
    fn gap(&self, a: usize) -> &str {
        match self.toks.get(a + 1) {
            Some(next) => gap(self.text, &self.toks[a], next),
            None => "",
        }
    }

    /// Word `a` and the next are joined by a single hyphen (`five-hour`).
    fn hyphen(&self, a: usize) -> bool {
        a + 1 < self.len() && self.gap(a) == "-"
    }

    /// Only white space lies between word `a` and the next.
    fn space(&self, a: usize) -> bool {
        a + 1 < self.len() && {
            let g = self.gap(a);
            !g.is_empty() && g.chars().all(char::is_whitespace)
        }
    }
}

/// Reads the quantity whose number starts at word `i`: returns it (span
/// relative to the paragraph) and the index of the word after it.
fn read_quantity(words: &Words, i: usize) -> Option<(Quantity, usize)> {
    let number = number::read(words, i)?;
    let measure = unit::read(words, i, &number);
    let first = &words.toks[i];
    let (kind, unit) = match measure.kind {
        Some(kind) => (kind, measure.unit),
        None if number.may_be_year
            && (1800.0..=2100.0).contains(&number.value)
            && first.text.len() == 4 =>
        {
            (QuantityKind::Year, QuantityUnit::CalendarYear)
        }
        None => (QuantityKind::Count, QuantityUnit::Count),
    };
    // A bare `one` is usually a pronoun (`one of them`); skip it.
    if kind == QuantityKind::Count && !number.digits && number.value == 1.0 {
        return None;
    }
    let subject = context::subject(words, kind, &number, &measure)?;
    let qualifier = context::qualifier(words.text, measure.start);
    let (start, end) = (measure.start, measure.end);
    let q = Quantity {
        text: words.text[start..end].to_owned(),
        kind,
        value: number.value,
        unit,
        qualifier,
        subject,
        span: Span::new(start, end),
    };
    Some((q, measure.next.max(i + 1)))
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

    /// The first quantity of `text`, its unit and qualifier as written.
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
        let unit = q.unit.to_string();
        let qualifier = q.qualifier.map(|h| h.to_string());
        (q.text, q.kind, q.value, unit, qualifier, q.subject)
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
