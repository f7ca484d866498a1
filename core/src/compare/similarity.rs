//! How similar two articles are overall, as one number in `[0, 1]`.
//!
//! Plain tf-idf cosine is the floor. It is fooled two ways on news: a long
//! article repeating a word piles up weight on it, and two reports of one
//! event that word it differently (`Putin`, `the Russian president`) look
//! apart. The score therefore blends three views of the pair
//! ([`SimilarityWeights`]):
//!
//! - **terms**: cosine of *sublinear* tf-idf (`1 + ln tf`) over stems of the
//!   title and body, with function words left out. Stemming joins
//!   `negotiations` and `negotiated`; the logarithm stops one repeated word
//!   from dominating. This is the tf-idf floor, made more robust.
//! - **entities**: cosine over the canonical people, places and
//!   organisations named, weighted the same way. People judging whether two
//!   news articles are alike ask first whether they are about the same
//!   actors and places, and canonical names match across wordings.
//! - **coverage**: how much of each article the other reports, from the
//!   sentence alignment: each sentence earns credit for its best counterpart
//!   (0 below a cosine of [`SimilarityWeights::coverage_floor`], 1 from
//!   [`SimilarityWeights::coverage_full`], linear between), weighted by how
//!   much it says (the sum of its features' idf). Two articles that share a
//!   vocabulary but report different facts score low here.
//!
//! When neither article names an entity the entity weight goes to the other
//! two (no evidence is not disagreement). Coverage is computed only when
//! the term cosine reaches [`SimilarityWeights::coverage_gate`]: below it the
//! articles are about different things, coverage is near zero anyway, and
//! skipping it is what lets a corpus matrix be built without aligning every
//! pair. The pairwise score applies the same gate, so a matrix cell always
//! equals the score of comparing its two articles.
//!
//! Every sum runs in feature-id order, so the score is exactly symmetric.

use serde::{Deserialize, Serialize};

use super::profile::Profile;

/// The blend of the overall similarity, in one place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarityWeights {
    pub terms: f32,
    pub entities: f32,
    pub coverage: f32,
    /// Term cosine below which coverage is not computed (counts as 0).
    pub coverage_gate: f32,
    /// Sentence cosine under which a counterpart earns no coverage credit.
    pub coverage_floor: f32,
    /// Sentence cosine from which a counterpart earns full credit.
    pub coverage_full: f32,
}

/// The weights the app and the CLI use. Terms carry half the score as the
/// broadest evidence; coverage, the most specific, is next; entities are a
/// smaller correction since they are already partly in the terms.
pub const WEIGHTS: SimilarityWeights = SimilarityWeights {
    terms: 0.5,
    entities: 0.2,
    coverage: 0.3,
    coverage_gate: 0.1,
    coverage_floor: 0.15,
    coverage_full: 0.6,
};

/// The overall similarity and its parts, each in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct SimilarityScores {
    /// The blend; what to show and sort by.
    pub similarity: f32,
    /// Sublinear tf-idf cosine over stems.
    pub terms: f32,
    /// Cosine over canonical entity names.
    pub entities: f32,
    /// Share of both articles the other reports (0 when gated off).
    pub coverage: f32,
}

impl SimilarityWeights {
    fn credit(&self, best: f32) -> f32 {
        ((best - self.coverage_floor) / (self.coverage_full - self.coverage_floor)).clamp(0.0, 1.0)
    }

    /// Coverage from the sentence cosines (row-major, A × B); `None` when
    /// neither article has a sentence with content.
    pub(crate) fn coverage(&self, pa: &Profile, pb: &Profile, scores: &[f32]) -> Option<f32> {
        let nb = pb.sentences.len();
        let mut covered_a = 0.0f32;
        for (i, w) in pa.sentence_weight.iter().enumerate() {
            let best = scores[i * nb..(i + 1) * nb]
                .iter()
                .fold(0.0f32, |m, &s| m.max(s));
            covered_a += w * self.credit(best);
        }
        let mut covered_b = 0.0f32;
        for (j, w) in pb.sentence_weight.iter().enumerate() {
            let best = (0..pa.sentences.len())
                .map(|i| scores[i * nb + j])
                .fold(0.0f32, f32::max);
            covered_b += w * self.credit(best);
        }
        let total_a: f32 = pa.sentence_weight.iter().sum();
        let total_b: f32 = pb.sentence_weight.iter().sum();
        let total = total_a + total_b;
        (total > 0.0).then(|| ((covered_a + covered_b) / total).clamp(0.0, 1.0))
    }

    /// Blends the parts. `entities` is `None` when neither article names
    /// one, `coverage` when neither has a sentence with content: their
    /// weight goes to the rest. `same_text` decides the score of two
    /// articles with no features at all.
    pub(crate) fn blend(
        &self,
        terms: f32,
        entities: Option<f32>,
        coverage: Option<f32>,
        no_features: bool,
        same_text: bool,
    ) -> SimilarityScores {
        if no_features {
            let s = if same_text { 1.0 } else { 0.0 };
            return SimilarityScores {
                similarity: s,
                terms: s,
                entities: s,
                coverage: s,
            };
        }
        let terms = terms.clamp(0.0, 1.0);
        let (entity_weight, entity_score) = match entities {
            Some(e) => (self.entities, e.clamp(0.0, 1.0)),
            None => (0.0, 0.0),
        };
        let (coverage_weight, coverage) = match coverage {
            Some(c) => (self.coverage, c.clamp(0.0, 1.0)),
            None => (0.0, 0.0),
        };
        let total = self.terms + entity_weight + coverage_weight;
        let mut s =
            (self.terms * terms + entity_weight * entity_score + coverage_weight * coverage)
                / total;
        // Rounding must not keep an article from being identical to itself.
        if s > 0.99999 {
            s = 1.0;
        }
        SimilarityScores {
            similarity: s.clamp(0.0, 1.0),
            terms,
            entities: entity_score,
            coverage,
        }
    }
}

/// The similarity of two articles from their profiles and their term and
/// entity cosines. `sentence_scores`
/// gives the sentence cosines when the caller has them (a pairwise
/// comparison always does); it is called only when the gate lets coverage
/// count, which is what keeps a corpus matrix cheap.
pub(crate) fn pair_scores<'s>(
    w: &SimilarityWeights,
    (a, pa): (&crate::article::Article, &Profile),
    (b, pb): (&crate::article::Article, &Profile),
    (terms, entities): (f32, f32),
    sentence_scores: impl FnOnce() -> std::borrow::Cow<'s, [f32]>,
) -> SimilarityScores {
    let no_features = pa.terms.is_empty()
        && pb.terms.is_empty()
        && pa.entities.is_empty()
        && pb.entities.is_empty();
    let same_text = a.title == b.title && a.body.trim() == b.body.trim();
    let entities = (!pa.entities.is_empty() || !pb.entities.is_empty()).then_some(entities);
    let coverage = if terms >= w.coverage_gate {
        w.coverage(pa, pb, &sentence_scores())
    } else if pa
        .sentence_weight
        .iter()
        .chain(&pb.sentence_weight)
        .any(|&x| x > 0.0)
    {
        Some(0.0)
    } else {
        None
    };
    w.blend(terms, entities, coverage, no_features, same_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blend_stays_in_range_and_moves_entity_weight() {
        let w = WEIGHTS;
        assert_eq!(
            w.blend(1.0, Some(1.0), Some(1.0), false, false).similarity,
            1.0
        );
        assert_eq!(
            w.blend(0.0, Some(0.0), Some(0.0), false, false).similarity,
            0.0
        );
        let none = w.blend(0.5, None, Some(0.5), false, false).similarity;
        assert!((none - 0.5).abs() < 1e-6);
        assert_eq!(w.blend(1.0, None, None, false, false).similarity, 1.0);
        assert_eq!(w.blend(0.0, None, None, true, true).similarity, 1.0);
        assert_eq!(w.blend(0.0, None, None, true, false).similarity, 0.0);
    }
}
