//! Corpus-wide comparison, built once at build time and stored in the
//! bundle: the statistics that weigh features, the similarity of every pair
//! of articles (kept in the bundle as a [`SimilarityGraph`] of the pairs
//! that matter), and what each article alone reports.
//!
//! Comparing every pair sentence by sentence would be quadratic in
//! sentences *and* articles. Instead term and entity cosines come from an
//! inverted index (feature → articles using it, with weights): each article
//! meets only the articles it shares a feature with, and a dot product is
//! accumulated per neighbour. Sentences are compared only for the pairs
//! whose term cosine passes [`SimilarityWeights::coverage_gate`] — the
//! candidates; the rest differ too much to share a reported fact.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::align::{sentence_scores, Thresholds, THRESHOLDS};
use super::graph::SimilarityGraph;
use super::matrix::SimilarityMatrix;
use super::profile::{CorpusProfiles, Profile, TermStats};
use super::similarity::{pair_scores, SimilarityWeights, WEIGHTS};
use crate::article::{Article, EntityKind};

/// What one article reports that no other article of the corpus does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UniqueCoverage {
    /// Sentence indexes no other article reports, in order.
    pub sentences: Vec<u32>,
    /// Their share of the article's sentences, in `[0, 1]` (0 for an
    /// article without sentences).
    pub share: f32,
}

/// Everything corpus-wide the comparison views need, aligned with the
/// bundle's articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusComparison {
    /// Feature statistics; weigh any pairwise comparison with these.
    pub stats: TermStats,
    /// The pairs that matter to the views (see [`SimilarityGraph`]).
    pub graph: SimilarityGraph,
    /// Per article, its unique coverage against all the others.
    pub unique: Vec<UniqueCoverage>,
}

impl CorpusComparison {
    /// Whether the tables fit a corpus of `articles` (in this order): one
    /// matrix row and one unique coverage per article, sentence numbers
    /// that exist, consistent statistics. Building always gives such
    /// tables; decoded ones are checked with this, since every view
    /// indexes them by article number.
    pub fn check(&self, articles: &[Article]) -> Result<(), String> {
        let n = articles.len();
        self.graph.check(n)?;
        if self.unique.len() != n {
            return Err(format!(
                "{} unique coverages for {n} articles",
                self.unique.len()
            ));
        }
        for (u, a) in self.unique.iter().zip(articles) {
            if u.sentences.iter().any(|&s| s as usize >= a.sentences.len()) {
                return Err(format!(
                    "unique coverage of {:?} names a sentence it lacks",
                    a.id
                ));
            }
        }
        self.stats.check()
    }

    /// Builds it for `articles` with the app's weights and thresholds.
    pub fn build(articles: &[Article]) -> CorpusComparison {
        CorpusComparison::build_with_matrix(articles).0
    }

    /// [`CorpusComparison::build`], with the full similarity matrix its
    /// graph was drawn from.
    pub fn build_with_matrix(articles: &[Article]) -> (CorpusComparison, SimilarityMatrix) {
        build_with(articles, &WEIGHTS, &THRESHOLDS)
    }
}

/// Postings of one feature space: for each feature, the articles using it
/// with their weights, in article order.
fn postings(
    profiles: &[Profile],
    features: usize,
    pick: fn(&Profile) -> &super::vector::SparseVec,
) -> Vec<Vec<(u32, f32)>> {
    let mut post = vec![Vec::new(); features];
    for (d, p) in profiles.iter().enumerate() {
        let v = pick(p);
        for (&id, &w) in v.ids.iter().zip(&v.weights) {
            post[id as usize].push((d as u32, w));
        }
    }
    post
}

/// Adds article `i`'s dot products with every later article to `acc`.
fn accumulate(v: &super::vector::SparseVec, post: &[Vec<(u32, f32)>], i: usize, acc: &mut [f32]) {
    for (&id, &w) in v.ids.iter().zip(&v.weights) {
        let list = &post[id as usize];
        let from = list.partition_point(|p| p.0 as usize <= i);
        for &(j, wj) in &list[from..] {
            acc[j as usize] += w * wj;
        }
    }
}

pub(crate) fn build_with(
    articles: &[Article],
    weights: &SimilarityWeights,
    thresholds: &Thresholds,
) -> (CorpusComparison, SimilarityMatrix) {
    let CorpusProfiles { profiles, stats } = CorpusProfiles::build(articles);
    let n = articles.len();
    let term_post = postings(&profiles, stats.len(), |p| &p.terms);
    let entity_post = postings(&profiles, stats.len(), |p| &p.entities);
    let mut upper = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    let mut reported: Vec<Vec<bool>> = profiles
        .iter()
        .map(|p| vec![false; p.sentences.len()])
        .collect();
    let mut slots = Vec::new();
    let mut terms = vec![0f32; n];
    let mut entities = vec![0f32; n];
    for i in 0..n {
        terms[i + 1..].fill(0.0);
        entities[i + 1..].fill(0.0);
        accumulate(&profiles[i].terms, &term_post, i, &mut terms);
        accumulate(&profiles[i].entities, &entity_post, i, &mut entities);
        for j in i + 1..n {
            let (pi, pj) = (&profiles[i], &profiles[j]);
            let reported = &mut reported;
            let scores = pair_scores(
                weights,
                (&articles[i], pi),
                (&articles[j], pj),
                (terms[j], entities[j]),
                || {
                    let s = sentence_scores(pi, pj, &mut slots);
                    let nb = pj.sentences.len();
                    for (x, va) in pi.sentences.iter().enumerate() {
                        for (y, vb) in pj.sentences.iter().enumerate() {
                            if (!reported[i][x] || !reported[j][y])
                                && thresholds.reports_same(s[x * nb + y], va, vb, &pi.entity_ids)
                            {
                                reported[i][x] = true;
                                reported[j][y] = true;
                            }
                        }
                    }
                    Cow::Owned(s)
                },
            );
            upper.push(scores.similarity);
        }
    }
    let unique = reported
        .iter()
        .map(|r| {
            let sentences: Vec<u32> = (0..r.len() as u32).filter(|&s| !r[s as usize]).collect();
            let share = if r.is_empty() {
                0.0
            } else {
                sentences.len() as f32 / r.len() as f32
            };
            UniqueCoverage { sentences, share }
        })
        .collect();
    let matrix = SimilarityMatrix::from_upper(n, upper);
    let comparison = CorpusComparison {
        stats,
        graph: SimilarityGraph::from_matrix(&matrix),
        unique,
    };
    (comparison, matrix)
}

/// One person, place or organisation and how often each article of a
/// corpus mentions it: a row of the overview's entity × article table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCoverage {
    pub kind: EntityKind,
    /// The canonical name, the same in every article.
    pub name: String,
    /// `(article position, mentions)` for the articles that name it, by
    /// position in the list given; an article that lists the entity
    /// without placing a mention counts 1. Sparse, so a corpus of
    /// thousands costs what its entities cost, not entities × articles.
    pub per_article: Vec<(u32, u32)>,
}

impl EntityCoverage {
    /// How many articles name it.
    pub fn articles(&self) -> usize {
        self.per_article.len()
    }

    /// Its mentions in the article at `position` (0 when it names it not).
    pub fn mentions_in(&self, position: usize) -> u32 {
        self.per_article
            .binary_search_by_key(&(position as u32), |p| p.0)
            .map_or(0, |k| self.per_article[k].1)
    }
}

/// Every entity the articles name, with its mentions per article, most
/// widely covered first (then by kind and name), so the top rows show what
/// the reports share. Derived from the articles alone and cheap next to the
/// similarity, so it is not stored in the bundle: views compute it for the
/// articles they show.
pub fn entity_coverage(articles: &[&Article]) -> Vec<EntityCoverage> {
    let mut by_name: BTreeMap<(EntityKind, &str), Vec<(u32, u32)>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for e in &a.entities {
            let per_article = by_name.entry((e.kind, e.name.as_str())).or_default();
            let mentions = e.mentions.len().max(1) as u32;
            match per_article.last_mut() {
                Some(last) if last.0 == i as u32 => last.1 += mentions,
                _ => per_article.push((i as u32, mentions)),
            }
        }
    }
    let mut rows: Vec<EntityCoverage> = by_name
        .into_iter()
        .map(|((kind, name), per_article)| EntityCoverage {
            kind,
            name: name.to_owned(),
            per_article,
        })
        .collect();
    // Stable: rows covered by as many articles keep their (kind, name) order.
    rows.sort_by_key(|r| std::cmp::Reverse(r.articles()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_coverage_counts_mentions_per_article_widest_first() {
        let bundle = crate::Bundle::build(vec![
            (
                "a.txt".into(),
                b"Talks\nVladimir Putin met Steve Witkoff in Moscow. Putin spoke.".to_vec(),
            ),
            (
                "b.txt".into(),
                b"Reply\nOfficials in Kyiv said Vladimir Putin wants more.".to_vec(),
            ),
        ])
        .unwrap();
        let articles: Vec<&Article> = bundle.articles.iter().collect();
        let rows = entity_coverage(&articles);
        let putin = &rows[0];
        assert_eq!(
            (putin.kind, putin.name.as_str()),
            (EntityKind::Person, "Vladimir Putin")
        );
        assert_eq!(putin.per_article, [(0, 2), (1, 1)]);
        assert_eq!((putin.mentions_in(0), putin.mentions_in(1)), (2, 1));
        assert_eq!(putin.articles(), 2);
        // The rest are named by one article each, in kind then name order.
        assert!(rows[1..].iter().all(|r| r.articles() == 1));
        let witkoff = rows.iter().find(|r| r.name == "Steve Witkoff").unwrap();
        assert_eq!((witkoff.mentions_in(0), witkoff.mentions_in(1)), (1, 0));
        let rest: Vec<(EntityKind, &str)> = rows[1..]
            .iter()
            .map(|r| (r.kind, r.name.as_str()))
            .collect();
        let mut sorted = rest.clone();
        sorted.sort();
        assert_eq!(rest, sorted);
        assert!(rest.contains(&(EntityKind::Person, "Steve Witkoff")));
        assert!(entity_coverage(&[]).is_empty());
    }
}
