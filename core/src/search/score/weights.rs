//! Every ranking parameter in one place, each with the range it is kept in.
//!
//! The fields are public so a caller can tune them; the scorer uses
//! [`RankingWeights::clamped`], so a value out of its range (or not a
//! number) can make ranking odd but never breaks it: no NaN score, no
//! division by zero, no unbounded work.

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::search::fuzzy::MatchKind;
use crate::search::index::Field;

/// Range of [`RankingWeights::k1`]: above 0, where one occurrence would
/// count as much as any number (and a zero frequency would divide by zero).
pub const K1_RANGE: RangeInclusive<f32> = 0.1..=3.0;
/// Range of [`FieldWeight::boost`].
pub const BOOST_RANGE: RangeInclusive<f32> = 0.0..=10.0;
/// Range of [`FieldWeight::b`]: BM25's, none to full length normalisation.
pub const B_RANGE: RangeInclusive<f32> = 0.0..=1.0;
/// Range of the weights of how a term matched (exact, stemmed, prefix,
/// typos), relative to a full match.
pub const MATCH_WEIGHT_RANGE: RangeInclusive<f32> = 0.0..=1.0;
/// Range of [`RankingWeights::proximity`].
pub const PROXIMITY_RANGE: RangeInclusive<f32> = 0.0..=2.0;
/// Range of [`RankingWeights::proximity_window`], in words.
pub const PROXIMITY_WINDOW_RANGE: RangeInclusive<u32> = 1..=64;
/// Range of [`RankingWeights::proximity_candidates`]: each candidate costs
/// a read of its positions.
pub const PROXIMITY_CANDIDATES_RANGE: RangeInclusive<usize> = 0..=1_000;
/// Range of [`RankingWeights::partial`].
pub const PARTIAL_RANGE: RangeInclusive<f32> = 0.0..=4.0;
/// Range of [`RankingWeights::short_query_words`].
pub const SHORT_QUERY_WORDS_RANGE: RangeInclusive<usize> = 0..=32;

/// How a field weighs in BM25F.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FieldWeight {
    /// Multiplies the field's normalised term frequency. Range
    /// [`BOOST_RANGE`] (0 to 10); raising it makes a match in this field
    /// count more against matches in the others, 0 makes it count for
    /// nothing (it still matches).
    pub boost: f32,
    /// Length normalisation. Range [`B_RANGE`] (0 to 1); raising it makes
    /// a match in a long field count less than one in a short field, 0
    /// ignores length.
    pub b: f32,
}

/// Every ranking parameter in one place. The defaults are what the
/// relevance tests were tuned with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RankingWeights {
    /// BM25 term-frequency saturation. Range [`K1_RANGE`] (0.1 to 3);
    /// raising it lets repeated occurrences keep adding to the score for
    /// longer, lowering it makes one occurrence worth nearly as much as
    /// many.
    pub k1: f32,
    /// The title: a word there says most about what the article is about.
    pub title: FieldWeight,
    /// Headings inside the article.
    pub heading: FieldWeight,
    /// Paragraphs.
    pub body: FieldWeight,
    /// Names and aliases of the people, places and organisations an
    /// article names: naming someone is a strong sign of aboutness.
    pub entity: FieldWeight,
    /// Outlets named in a `Sources:` line or front matter.
    pub source: FieldWeight,
    /// Weight of a vocabulary term that is the query word itself. Range
    /// [`MATCH_WEIGHT_RANGE`] (0 to 1), like the four below; raising one
    /// brings that kind of match closer to a full one.
    pub exact: f32,
    /// Weight of another word with the same stem (`talk` for `talks`).
    pub stemmed: f32,
    /// Weight of a completion of the word being typed.
    pub prefix: f32,
    /// Weight of a word one typo away.
    pub one_typo: f32,
    /// Weight of a word two typos away.
    pub two_typos: f32,
    /// Bonus scale for two query words standing `d` words apart:
    /// `proximity × min(idf) / d`, for `d` up to `proximity_window`. Range
    /// [`PROXIMITY_RANGE`] (0 to 2); raising it lifts articles whose query
    /// words stand together, 0 turns the bonus off.
    pub proximity: f32,
    /// Farthest apart two words earn the bonus, in words. Range
    /// [`PROXIMITY_WINDOW_RANGE`] (1 to 64); raising it rewards looser
    /// clusters too.
    pub proximity_window: u32,
    /// How many top candidates get the proximity bonus. Range
    /// [`PROXIMITY_CANDIDATES_RANGE`] (0 to 1,000); raising it lets the
    /// bonus reorder deeper into the results, at the cost of reading more
    /// positions.
    pub proximity_candidates: usize,
    /// An article with a share `s` of the ranked words scores
    /// `score × s^partial`. Range [`PARTIAL_RANGE`] (0 to 4); raising it
    /// punishes missing words harder, 0 not at all (articles with every
    /// word still rank first).
    pub partial: f32,
    /// A query with at most this many ranked words (words and `OR` groups,
    /// stop words aside) is a typed query: articles with every word come
    /// first and the others are scaled by [`RankingWeights::partial`]. A
    /// longer one is a question written out, where no article holds every
    /// word and a missing word is normal: it is ranked by BM25F alone,
    /// whose sum over the words already rewards articles that have more of
    /// them. Range [`SHORT_QUERY_WORDS_RANGE`] (0 to 32); raising it
    /// treats longer queries as typed ones, 0 treats every query as a
    /// question.
    pub short_query_words: usize,
}

impl Default for RankingWeights {
    fn default() -> RankingWeights {
        RankingWeights {
            k1: 1.2,
            title: FieldWeight { boost: 2.5, b: 0.3 },
            heading: FieldWeight { boost: 1.5, b: 0.3 },
            body: FieldWeight {
                boost: 1.0,
                b: 0.75,
            },
            entity: FieldWeight { boost: 1.2, b: 0.3 },
            source: FieldWeight { boost: 0.5, b: 0.0 },
            exact: 1.0,
            stemmed: 0.8,
            prefix: 0.6,
            one_typo: 0.45,
            two_typos: 0.3,
            proximity: 0.4,
            proximity_window: 8,
            proximity_candidates: 100,
            partial: 1.0,
            short_query_words: 6,
        }
    }
}

/// `v` within `range`; `default` when it is not a number.
fn clamp(v: f32, range: &RangeInclusive<f32>, default: f32) -> f32 {
    if v.is_nan() {
        default
    } else {
        v.clamp(*range.start(), *range.end())
    }
}

impl FieldWeight {
    fn clamped(self, default: FieldWeight) -> FieldWeight {
        FieldWeight {
            boost: clamp(self.boost, &BOOST_RANGE, default.boost),
            b: clamp(self.b, &B_RANGE, default.b),
        }
    }
}

impl RankingWeights {
    /// These weights with each value brought into its range, and a value
    /// that is not a number replaced by its default. The scorer only ever
    /// uses clamped weights; the defaults are their own clamp.
    pub fn clamped(self) -> RankingWeights {
        let d = RankingWeights::default();
        let m = |v: f32, default: f32| clamp(v, &MATCH_WEIGHT_RANGE, default);
        RankingWeights {
            k1: clamp(self.k1, &K1_RANGE, d.k1),
            title: self.title.clamped(d.title),
            heading: self.heading.clamped(d.heading),
            body: self.body.clamped(d.body),
            entity: self.entity.clamped(d.entity),
            source: self.source.clamped(d.source),
            exact: m(self.exact, d.exact),
            stemmed: m(self.stemmed, d.stemmed),
            prefix: m(self.prefix, d.prefix),
            one_typo: m(self.one_typo, d.one_typo),
            two_typos: m(self.two_typos, d.two_typos),
            proximity: clamp(self.proximity, &PROXIMITY_RANGE, d.proximity),
            proximity_window: self.proximity_window.clamp(
                *PROXIMITY_WINDOW_RANGE.start(),
                *PROXIMITY_WINDOW_RANGE.end(),
            ),
            proximity_candidates: self.proximity_candidates.clamp(
                *PROXIMITY_CANDIDATES_RANGE.start(),
                *PROXIMITY_CANDIDATES_RANGE.end(),
            ),
            partial: clamp(self.partial, &PARTIAL_RANGE, d.partial),
            short_query_words: self.short_query_words.clamp(
                *SHORT_QUERY_WORDS_RANGE.start(),
                *SHORT_QUERY_WORDS_RANGE.end(),
            ),
        }
    }

    /// The weight of a field.
    pub fn field(&self, f: Field) -> FieldWeight {
        match f {
            Field::Title => self.title,
            Field::Heading => self.heading,
            Field::Body => self.body,
            Field::Person | Field::Place | Field::Organization => self.entity,
            Field::Source => self.source,
        }
    }

    /// The weight of a way a term matched.
    pub fn match_kind(&self, k: MatchKind) -> f32 {
        match k {
            MatchKind::Exact => self.exact,
            MatchKind::Stemmed => self.stemmed,
            MatchKind::Prefix => self.prefix,
            MatchKind::Fuzzy { edits: 1 } => self.one_typo,
            MatchKind::Fuzzy { .. } => self.two_typos,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_in_range() {
        let d = RankingWeights::default();
        assert_eq!(d.clamped(), d);
    }

    #[test]
    fn out_of_range_values_are_clamped_and_nan_is_the_default() {
        let w = RankingWeights {
            k1: 0.0,
            title: FieldWeight {
                boost: -1.0,
                b: 2.0,
            },
            stemmed: f32::NAN,
            proximity: f32::INFINITY,
            proximity_window: 0,
            proximity_candidates: usize::MAX,
            partial: -3.0,
            short_query_words: 1_000,
            ..RankingWeights::default()
        }
        .clamped();
        let d = RankingWeights::default();
        assert_eq!(w.k1, 0.1);
        assert_eq!(w.title, FieldWeight { boost: 0.0, b: 1.0 });
        assert_eq!(w.stemmed, d.stemmed);
        assert_eq!(w.proximity, 2.0);
        assert_eq!(w.proximity_window, 1);
        assert_eq!(w.proximity_candidates, 1_000);
        assert_eq!(w.partial, 0.0);
        assert_eq!(w.short_query_words, 32);
        assert_eq!(w.body, d.body);
    }
}
