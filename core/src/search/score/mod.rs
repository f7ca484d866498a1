//! Ranking: BM25F over the fields, with every weight in [`RankingWeights`].
//!
//! For one query word, each field's term frequency is normalised by that
//! field's length (`b`) and weighted by the field's boost and by how the
//! vocabulary term matched (exact, stemmed, prefix, typo); the weighted sum
//! is saturated once with `k1` and multiplied by the word's IDF. This is
//! BM25F: a word repeated in title and body counts more than once, but
//! never without bound. A phrase is scored the same way with its
//! occurrences as term frequency.
//!
//! Then, for a typed query of a few words, articles with every ranked word
//! come before those with only some (and those are scaled by the share
//! they have); a longer query, a question written out, is ranked by BM25F
//! alone ([`RankingWeights::short_query_words`]). Among the best
//! candidates, query words standing close together earn a bonus.
//!
//! - `weights`: [`RankingWeights`], every parameter with its range;
//! - `bm25f`: per-matcher weighted term frequencies and the BM25F score;
//! - this module: which articles match, coverage, and the ranking;
//! - `proximity`: the bonus for query words standing close together;
//! - `explain`: a score taken apart.

use super::index::{Field, SearchIndex, FIELD_COUNT};
use super::plan::{Matcher, Plan, Role};

mod bm25f;
mod explain;
mod proximity;
pub mod weights;

pub use explain::{ClauseScore, Explanation, TermMatch};
pub use weights::{FieldWeight, RankingWeights};

use bm25f::Accum;

/// A scored candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub doc: u32,
    pub score: f32,
    pub complete: bool,
}

/// The evaluated query: candidates in rank order and what is needed to
/// explain and count them.
pub(crate) struct Evaluation<'a> {
    index: &'a SearchIndex,
    /// The weights, clamped to their ranges.
    weights: RankingWeights,
    plan: &'a Plan,
    groups: Vec<Vec<Accum>>,
    /// Per field, `1 - b` and `b / average length`: the terms of
    /// [`Evaluation::norm`] that do not depend on the document.
    norms: [(f32, f32); FIELD_COUNT],
    ranked_total: usize,
    proximity: Vec<(u32, f32)>,
    pub ranked: Vec<Scored>,
}

impl Evaluation<'_> {
    /// Occurrences of the query's terms in an article's text.
    pub fn match_count(&self, doc: u32) -> u32 {
        self.plan
            .groups
            .iter()
            .zip(&self.groups)
            .filter(|(g, _)| g.role != Role::Exclude)
            .flat_map(|(_, accs)| accs)
            .map(|a| a.count[doc as usize])
            .sum()
    }

    fn has_scored_groups(&self) -> bool {
        self.plan
            .groups
            .iter()
            .any(|g| matches!(g.role, Role::Ranked | Role::Required))
    }

    fn ranked_hits(&self, doc: usize) -> usize {
        self.plan
            .groups
            .iter()
            .enumerate()
            .filter(|(gi, g)| g.role == Role::Ranked && self.group_hit(*gi, doc))
            .count()
    }

    fn complete(&self, doc: usize) -> bool {
        self.ranked_hits(doc) == self.ranked_total
    }

    /// A typed query (a few words) rather than a question written out; see
    /// [`RankingWeights::short_query_words`].
    fn typed(&self) -> bool {
        self.ranked_total <= self.weights.short_query_words
    }

    fn coverage(&self, doc: usize) -> (f32, f32) {
        self.coverage_of(self.ranked_hits(doc))
    }

    /// The share of ranked words an article with `hits` of them has, and
    /// the factor that scales its score.
    fn coverage_of(&self, hits: usize) -> (f32, f32) {
        if self.ranked_total == 0 || hits >= self.ranked_total {
            return (1.0, 1.0);
        }
        if !self.typed() {
            return (hits as f32 / self.ranked_total as f32, 1.0);
        }
        let share = hits as f32 / self.ranked_total as f32;
        (share, share.powf(self.weights.partial))
    }
}

/// Scores every article against a plan and ranks the candidates. The
/// weights are [`RankingWeights::clamped`] first.
pub(crate) fn evaluate<'a>(
    index: &'a SearchIndex,
    plan: &'a Plan,
    weights: &RankingWeights,
) -> Evaluation<'a> {
    let n = index.len();
    let weights = weights.clamped();
    let mut ev = Evaluation {
        index,
        weights,
        plan,
        groups: Vec::new(),
        norms: Field::ALL.map(|f| {
            let fw = weights.field(f);
            (1.0 - fw.b, fw.b / index.average_length(f))
        }),
        ranked_total: plan
            .groups
            .iter()
            .filter(|g| g.role == Role::Ranked)
            .count(),
        proximity: Vec::new(),
        ranked: Vec::new(),
    };
    let groups: Vec<Vec<Accum>> = plan
        .groups
        .iter()
        .map(|g| {
            g.matchers
                .iter()
                .map(|m| match m {
                    Matcher::Word { .. } => ev.word(m, g.fields),
                    Matcher::Phrase { .. } => ev.phrase(m, g.fields),
                })
                .collect()
        })
        .collect();
    ev.groups = groups;

    let scored_any = ev.has_scored_groups();
    let has_filter = plan.groups.iter().any(|g| g.role == Role::Filter);
    if plan.groups.is_empty() {
        return ev;
    }
    for doc in 0..n {
        let mut any_scored = false;
        let mut ok = true;
        let mut score = 0.0;
        let mut ranked_hits = 0;
        for (gi, g) in plan.groups.iter().enumerate() {
            let hit = ev.group_hit(gi, doc);
            ranked_hits += usize::from(hit && g.role == Role::Ranked);
            match g.role {
                Role::Exclude if hit => ok = false,
                Role::Required | Role::Filter if !hit => ok = false,
                _ => {}
            }
            if !ok {
                break;
            }
            let scores_here = match g.role {
                Role::Ranked | Role::Required => true,
                Role::Filter => !scored_any,
                Role::Exclude => false,
            };
            if hit && scores_here {
                any_scored = true;
                score += ev.group_score(gi, doc);
            }
        }
        // With only exclusions, every other article is a (zero-score) match.
        let only_exclusions = !scored_any && !has_filter;
        if !ok || !(any_scored || only_exclusions) {
            continue;
        }
        let (_, factor) = ev.coverage_of(ranked_hits);
        ev.ranked.push(Scored {
            doc: doc as u32,
            score: score * factor,
            // Only a typed query puts articles with every word first.
            complete: ranked_hits == ev.ranked_total || !ev.typed(),
        });
    }
    sort(&mut ev.ranked);
    proximity::bonus(&mut ev);
    ev
}

fn sort(ranked: &mut [Scored]) {
    // The key ends with the document, so unstable is deterministic.
    ranked.sort_unstable_by(|a, b| {
        b.complete
            .cmp(&a.complete)
            .then(b.score.total_cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;
    use crate::search::plan::plan;
    use crate::search::query::parse;

    pub(super) fn rank(index: &SearchIndex, q: &str) -> Vec<u32> {
        let p = plan(index, &parse(q), false);
        let w = RankingWeights::default();
        evaluate(index, &p, &w)
            .ranked
            .iter()
            .map(|s| s.doc)
            .collect()
    }

    pub(super) fn index() -> SearchIndex {
        SearchIndex::build(&articles(&[
            "Weather\nRain in Moscow today. Rain again tomorrow and rain after.",
            "Talks in Moscow\nEnvoys held talks in Moscow for nearly four hours.",
            "Other\nThe envoys went home. Later, much later, talks resumed somewhere.",
            "Kyiv\nKyiv said the talks were long; Moscow said they were short.",
        ]))
    }

    #[test]
    fn all_words_rank_above_some() {
        let i = index();
        let r = rank(&i, "moscow talks");
        // The two articles with both words come first, the title match first.
        assert_eq!(r[0], 1);
        assert!(r[..2].contains(&3));
        assert!(r.contains(&0) && r.contains(&2));
    }

    #[test]
    fn typed_queries_want_every_word_and_questions_rank_by_score() {
        let i = SearchIndex::build(&articles(&[
            "Rain\nRain rain rain. Rain again.",
            "Note\nThe umbrella was left by the door of the old house when a little rain \
             fell over the long grey square of the town on a cold and windy day in March.",
            "Sun\nSunny and dry.",
        ]));
        let run = |short_query_words: usize| {
            let weights = RankingWeights {
                short_query_words,
                ..RankingWeights::default()
            };
            let p = plan(&i, &parse("rain umbrella"), false);
            let ranked = evaluate(&i, &p, &weights).ranked;
            ranked.iter().map(|s| (s.doc, s.score)).collect::<Vec<_>>()
        };
        // Typed: the article with both words first, though the other one
        // says "rain" far more.
        let typed = run(2);
        assert_eq!(typed[0].0, 1);
        // A question (every query is one with 0): BM25F alone decides, so
        // the scores fall and the rain article leads.
        let question = run(0);
        assert_eq!(question[0].0, 0);
        assert!(question.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn exclusions_and_only_exclusions() {
        let i = index();
        assert_eq!(rank(&i, "talks -moscow"), [2]);
        assert_eq!(rank(&i, "-moscow"), [2]);
    }
}
