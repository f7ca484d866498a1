//! Where two reports state different numbers for the same thing.
//!
//! A false alarm costs a reader's trust more than a missed one, so a pair of
//! quantities must pass three tests to be flagged:
//!
//! 1. **Same measure.** Same [`QuantityKind`] and a convertible unit:
//!    durations are compared in hours (`five-hour` against `240 minutes`),
//!    money only in the same currency (no exchange rates), percentages with
//!    percentages, calendar years with years, counts with counts.
//! 2. **Same subject.** Either both quantities name the same noun (`meeting`
//!    and `meetings` stem alike); or one names a noun that the other's
//!    sentence uses while the other names none (`a five-hour meeting`
//!    against `The meeting, which stretched for nearly four hours`); or,
//!    for amounts, durations, percentages and years only, neither names one
//!    but their sentences are aligned as reporting the same thing and each
//!    states exactly one quantity of that measure. Counts always need a
//!    noun: `two envoys` and `three discussions` are not in conflict.
//! 3. **Incompatible values.** Each statement is read as the interval of
//!    values it allows, and only disjoint intervals disagree:
//!    - an unhedged figure allows what rounds to it at the precision it is
//!      written in (`1.1bn` allows 1.055–1.145bn, `five` 4.55–5.45); years
//!      and counts written as words are exact up to that rounding;
//!    - `about`, `around`, `roughly`, `approximately`, `some`, `estimated`,
//!      `barely` allow ±10 %;
//!    - `nearly`, `almost` allow 85–100 % of the figure;
//!    - `more than`, `over`, `at least`, `upwards of` allow the figure and
//!      anything above; `less than`, `fewer than`, `under`, `up to`,
//!      `at most`, `as many as`, `as much as` the figure and anything below.
//!
//! So `a five-hour meeting` (4.55–5.45 h) and `nearly four hours`
//! (3.4–4 h) disagree, while `nearly five hours` and `five hours` do not.

use serde::{Deserialize, Serialize};

use super::align::Alignment;
use super::terms::words;
use crate::article::{Article, Qualifier, Quantity, QuantityKind, QuantityUnit};

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityRef {
    /// Index into the article's [`Article::quantities`].
    pub quantity: u32,
    /// The words that state it (`five-hour`).
    pub text: String,
    pub value: f64,
    pub unit: QuantityUnit,
    pub qualifier: Option<Qualifier>,
    /// Index into the article's sentences, when it is in one.
    pub sentence: Option<u32>,
}

/// Two reports giving different values for the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub kind: QuantityKind,
    /// The noun both describe (`meeting`), when one is named.
    pub subject: Option<String>,
    pub a: QuantityRef,
    pub b: QuantityRef,
}

/// Durations are compared in hours; these convert the other units.
const SECONDS_PER_HOUR: f64 = 3600.0;
const MINUTES_PER_HOUR: f64 = 60.0;
const HOURS_PER_DAY: f64 = 24.0;
const HOURS_PER_WEEK: f64 = 168.0;
/// An average month: a year of 365.25 days over twelve.
const HOURS_PER_MONTH: f64 = 730.5;
/// A year of 365.25 days.
const HOURS_PER_YEAR: f64 = 8766.0;
const HOURS_PER_DECADE: f64 = 87660.0;

/// How far from the figure `about`, `around`, `roughly`, `approximately`,
/// `some`, `estimated` and `barely` allow: ±10 %, as low and high factors.
const APPROXIMATE: (f64, f64) = (0.9, 1.1);
/// `nearly` and `almost` allow from 85 % of the figure up to the figure.
const NEARLY_FROM: f64 = 0.85;
/// An unhedged figure allows what rounds to it: up to this fraction of its
/// last written digit's place either way. Just under a half, so that two
/// neighbouring round figures (`1.1bn` and `1.2bn`) never overlap.
const ROUNDING_SHARE_OF_PLACE: f64 = 0.45;

/// Hours in one unit of duration; `None` for units that are not time.
fn hours(unit: QuantityUnit) -> Option<f64> {
    Some(match unit {
        QuantityUnit::Seconds => 1.0 / SECONDS_PER_HOUR,
        QuantityUnit::Minutes => 1.0 / MINUTES_PER_HOUR,
        QuantityUnit::Hours => 1.0,
        QuantityUnit::Days => HOURS_PER_DAY,
        QuantityUnit::Weeks => HOURS_PER_WEEK,
        QuantityUnit::Months => HOURS_PER_MONTH,
        QuantityUnit::Years => HOURS_PER_YEAR,
        QuantityUnit::Decades => HOURS_PER_DECADE,
        _ => return None,
    })
}

/// The value in a base unit shared by every quantity it can be compared
/// with, and that base unit.
fn base(q: &Quantity) -> Option<(f64, QuantityUnit)> {
    match q.kind {
        QuantityKind::Duration => hours(q.unit).map(|h| (h, QuantityUnit::Hours)),
        _ => Some((1.0, q.unit)),
    }
}

/// Half of the last written digit's place, relative to the value: how far
/// the true figure may lie from an unhedged one that was rounded.
fn rounding(q: &Quantity) -> f64 {
    if q.kind == QuantityKind::Year {
        return 0.0;
    }
    let digits: String = q
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let (written, place) = match digits.parse::<f64>() {
        Ok(w) if w > 0.0 => {
            let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
            (w, 10f64.powi(-(decimals as i32)))
        }
        // Written in words (`five`): whole units.
        _ => (q.value, 1.0),
    };
    if written == 0.0 {
        return 0.0;
    }
    // Scale from the written numeral to the value (`90 billion` → 9e10).
    ROUNDING_SHARE_OF_PLACE * place * (q.value / written).abs()
}

/// The interval of values a statement allows, in its own unit.
fn interval(q: &Quantity) -> (f64, f64) {
    use Qualifier as Q;
    let x = q.value;
    match q.qualifier {
        Some(
            Q::About
            | Q::Around
            | Q::Roughly
            | Q::Approximately
            | Q::Some
            | Q::Estimated
            | Q::Barely,
        ) => (APPROXIMATE.0 * x, APPROXIMATE.1 * x),
        Some(Q::Nearly | Q::Almost) => (NEARLY_FROM * x, x),
        Some(Q::MoreThan | Q::Over | Q::AtLeast | Q::UpwardsOf) => (x, f64::INFINITY),
        Some(
            Q::LessThan | Q::FewerThan | Q::Under | Q::UpTo | Q::AtMost | Q::AsManyAs | Q::AsMuchAs,
        ) => (f64::NEG_INFINITY, x),
        Some(Q::Just | Q::Only | Q::Exactly | Q::Precisely) | None => {
            let r = rounding(q);
            (x - r, x + r)
        }
    }
}

/// True when the two statements allow no common value.
pub fn values_disagree(a: &Quantity, b: &Quantity) -> bool {
    let (Some((fa, ua)), Some((fb, ub))) = (base(a), base(b)) else {
        return false;
    };
    if a.kind != b.kind || ua != ub {
        return false;
    }
    let (lo_a, hi_a) = interval(a);
    let (lo_b, hi_b) = interval(b);
    hi_a * fa < lo_b * fb || hi_b * fb < lo_a * fa
}

fn stem(word: &str) -> Option<String> {
    words(word).pop().map(|w| w.key)
}

struct Side<'a> {
    article: &'a Article,
    q: &'a Quantity,
    index: usize,
    sentence: Option<usize>,
    subject: Option<String>,
}

impl Side<'_> {
    fn sentence_uses(&self, key: &str) -> bool {
        self.sentence.is_some_and(|s| {
            let text = self.article.text(self.article.sentences[s].span);
            words(text).iter().any(|w| w.key == key)
        })
    }

    fn only_one_of_its_measure(&self) -> bool {
        let Some(s) = self.sentence else {
            return false;
        };
        let span = self.article.sentences[s].span;
        let unit = base(self.q).map(|b| b.1);
        self.article
            .quantities
            .iter()
            .filter(|o| {
                o.kind == self.q.kind
                    && base(o).map(|b| b.1) == unit
                    && span.start <= o.span.start
                    && o.span.end <= span.end
            })
            .count()
            == 1
    }

    fn to_ref(&self) -> QuantityRef {
        QuantityRef {
            quantity: self.index as u32,
            text: self.q.text.clone(),
            value: self.q.value,
            unit: self.q.unit,
            qualifier: self.q.qualifier,
            sentence: self.sentence.map(|s| s as u32),
        }
    }
}

fn sides(a: &Article) -> Vec<Side<'_>> {
    a.quantities
        .iter()
        .enumerate()
        .map(|(index, q)| Side {
            article: a,
            q,
            index,
            sentence: super::profile::sentence_of(a, q.span.start),
            subject: q.subject.as_deref().and_then(stem),
        })
        .collect()
}

/// The subject two quantities share, by the rules in the module docs:
/// `Some(Some(noun))`, `Some(None)` for aligned sentences, `None` for no
/// shared subject.
fn same_subject(x: &Side, y: &Side, alignment: &Alignment) -> Option<Option<String>> {
    match (&x.subject, &y.subject) {
        (Some(sx), Some(sy)) => (sx == sy).then(|| x.q.subject.clone()),
        (Some(sx), None) => y.sentence_uses(sx).then(|| x.q.subject.clone()),
        (None, Some(sy)) => x.sentence_uses(sy).then(|| y.q.subject.clone()),
        (None, None) => {
            if x.q.kind == QuantityKind::Count {
                return None;
            }
            let (Some(i), Some(j)) = (x.sentence, y.sentence) else {
                return None;
            };
            let aligned = alignment
                .pairs
                .iter()
                .any(|p| p.a_sentence as usize == i && p.b_sentence as usize == j);
            (aligned && x.only_one_of_its_measure() && y.only_one_of_its_measure()).then_some(None)
        }
    }
}

/// The quantities `a` and `b` disagree on, in A's order.
pub fn disagreements(a: &Article, b: &Article, alignment: &Alignment) -> Vec<Disagreement> {
    disagreements_within(a, b, alignment, |_, _| true)
}

/// [`disagreements`] between the quantities of sentence pairs `(i, j)` for
/// which `within(i, j)` holds (`None` for a quantity outside any sentence):
/// the synopsis asks only about sentences of one fact, and skipping the
/// other pairs early spares most of the work of reading subjects.
pub(crate) fn disagreements_within(
    a: &Article,
    b: &Article,
    alignment: &Alignment,
    within: impl Fn(Option<usize>, Option<usize>) -> bool,
) -> Vec<Disagreement> {
    let sa = sides(a);
    let sb = sides(b);
    let mut out = Vec::new();
    for x in &sa {
        for y in &sb {
            if !within(x.sentence, y.sentence) || !values_disagree(x.q, y.q) {
                continue;
            }
            if let Some(subject) = same_subject(x, y, alignment) {
                out.push(Disagreement {
                    kind: x.q.kind,
                    subject,
                    a: x.to_ref(),
                    b: y.to_ref(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;

    fn q(
        text: &str,
        kind: QuantityKind,
        value: f64,
        unit: &str,
        qualifier: Option<&str>,
    ) -> Quantity {
        Quantity {
            text: text.into(),
            kind,
            value,
            unit: QuantityUnit::from_word(unit).expect("a unit"),
            qualifier: qualifier.map(|h| Qualifier::from_word(h).expect("a hedge")),
            subject: None,
            span: Span::new(0, 0),
        }
    }

    #[test]
    fn hedges_give_tolerance() {
        use QuantityKind::*;
        let five = q("five-hour", Duration, 5.0, "h", None);
        assert!(values_disagree(
            &five,
            &q("four hours", Duration, 4.0, "h", Some("nearly"))
        ));
        assert!(!values_disagree(
            &five,
            &q("five hours", Duration, 5.0, "h", Some("nearly"))
        ));
        assert!(!values_disagree(
            &five,
            &q("300 minutes", Duration, 300.0, "min", None)
        ));
        assert!(values_disagree(
            &five,
            &q("six hours", Duration, 6.0, "h", None)
        ));
        assert!(!values_disagree(
            &five,
            &q("four hours", Duration, 4.0, "h", Some("more than"))
        ));
        assert!(!values_disagree(
            &five,
            &q("five days", Duration, 5.0, "days", Some("under"))
        ));
        let bn = q("$1.1bn", Money, 1.1e9, "USD", None);
        assert!(!values_disagree(
            &bn,
            &q("$1.13bn", Money, 1.13e9, "USD", None)
        ));
        assert!(values_disagree(
            &bn,
            &q("$1.2bn", Money, 1.2e9, "USD", None)
        ));
        assert!(!values_disagree(
            &bn,
            &q("€1.5bn", Money, 1.5e9, "EUR", None)
        ));
        assert!(values_disagree(
            &q("two", Count, 2.0, "", None),
            &q("three", Count, 3.0, "", None)
        ));
        assert!(values_disagree(
            &q("2022", Year, 2022.0, "year", None),
            &q("2021", Year, 2021.0, "year", None)
        ));
        assert!(!values_disagree(
            &q("2022", Year, 2022.0, "year", None),
            &q("22%", Percent, 22.0, "%", None)
        ));
    }
}
