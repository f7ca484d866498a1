//! Corpus-wide comparison, built once at build time and stored in the
//! bundle: the statistics that weigh features, the similarity of every pair
//! of articles, and what each article alone reports.
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
use super::profile::{CorpusProfiles, Profile, TermStats};
use super::similarity::{pair_scores, SimilarityWeights, WEIGHTS};
use crate::article::{Article, EntityKind};

/// The similarity of every pair of a corpus's articles, in the order of
/// [`crate::Bundle::articles`]. Symmetric with 1 on the diagonal; only the
/// upper triangle is stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SimilarityMatrix {
    size: u32,
    /// Row-major upper triangle without the diagonal.
    upper: Vec<f32>,
}

impl SimilarityMatrix {
    /// Number of articles.
    pub fn len(&self) -> usize {
        self.size as usize
    }

    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    fn index(&self, i: usize, j: usize) -> usize {
        let n = self.size as usize;
        // Rows 0..i hold n-1, n-2, … cells.
        i * (2 * n - i - 1) / 2 + (j - i - 1)
    }

    /// The similarity of articles `i` and `j`; panics when out of range.
    pub fn get(&self, i: usize, j: usize) -> f32 {
        assert!(
            i < self.len() && j < self.len(),
            "article index out of range"
        );
        match i.cmp(&j) {
            std::cmp::Ordering::Equal => 1.0,
            std::cmp::Ordering::Less => self.upper[self.index(i, j)],
            std::cmp::Ordering::Greater => self.upper[self.index(j, i)],
        }
    }

    /// Row `i` in full.
    pub fn row(&self, i: usize) -> Vec<f32> {
        (0..self.len()).map(|j| self.get(i, j)).collect()
    }

    /// The full matrix as rows.
    pub fn rows(&self) -> Vec<Vec<f32>> {
        (0..self.len()).map(|i| self.row(i)).collect()
    }

    /// The `k` articles most similar to `i`, most similar first.
    pub fn nearest(&self, i: usize, k: usize) -> Vec<(usize, f32)> {
        let mut others: Vec<(usize, f32)> = (0..self.len())
            .filter(|&j| j != i)
            .map(|j| (j, self.get(i, j)))
            .collect();
        others.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        others.truncate(k);
        others
    }
}

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
    pub matrix: SimilarityMatrix,
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
        if self.matrix.len() != n || self.matrix.upper.len() != n * n.saturating_sub(1) / 2 {
            return Err(format!(
                "similarity matrix of {} articles with {} cells, for {n} articles",
                self.matrix.len(),
                self.matrix.upper.len()
            ));
        }
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
) -> CorpusComparison {
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
    CorpusComparison {
        stats,
        matrix: SimilarityMatrix {
            size: n as u32,
            upper,
        },
        unique,
    }
}

/// One person, place or organisation and how often each article of a
/// corpus mentions it: a row of the overview's entity × article table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCoverage {
    pub kind: EntityKind,
    /// The canonical name, the same in every article.
    pub name: String,
    /// Mentions per article, in the order of the articles given; an
    /// article that lists the entity without placing a mention counts 1.
    pub mentions: Vec<u32>,
}

impl EntityCoverage {
    /// How many articles name it.
    pub fn articles(&self) -> usize {
        self.mentions.iter().filter(|&&m| m > 0).count()
    }
}

/// Every entity the articles name, with its mentions per article, most
/// widely covered first (then by kind and name), so the top rows show what
/// the reports share. Derived from the articles alone and cheap next to the
/// matrix, so it is not stored in the bundle: views compute it when needed.
pub fn entity_coverage(articles: &[Article]) -> Vec<EntityCoverage> {
    let n = articles.len();
    let mut by_name: BTreeMap<(EntityKind, &str), Vec<u32>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for e in &a.entities {
            let mentions = by_name
                .entry((e.kind, e.name.as_str()))
                .or_insert_with(|| vec![0; n]);
            mentions[i] += e.mentions.len().max(1) as u32;
        }
    }
    let mut rows: Vec<EntityCoverage> = by_name
        .into_iter()
        .map(|((kind, name), mentions)| EntityCoverage {
            kind,
            name: name.to_owned(),
            mentions,
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
        let rows = entity_coverage(&bundle.articles);
        let putin = &rows[0];
        assert_eq!(
            (putin.kind, putin.name.as_str()),
            (EntityKind::Person, "Vladimir Putin")
        );
        assert_eq!(putin.mentions, [2, 1]);
        assert_eq!(putin.articles(), 2);
        // The rest are named by one article each, in kind then name order.
        assert!(rows[1..].iter().all(|r| r.articles() == 1));
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

    #[test]
    fn triangle_indexing_covers_every_pair_once() {
        let n = 5;
        let m = SimilarityMatrix {
            size: n as u32,
            upper: (0..n * (n - 1) / 2).map(|k| k as f32).collect(),
        };
        let mut seen = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                seen.push(m.get(i, j));
                assert_eq!(m.get(i, j), m.get(j, i));
            }
            assert_eq!(m.get(i, i), 1.0);
        }
        assert_eq!(seen, m.upper);
        assert_eq!(m.nearest(0, 2), vec![(4, 3.0), (3, 2.0)]);
    }
}
