//! The similarity graph: the pairs of a corpus worth keeping, and the
//! stories they form.
//!
//! A dense matrix of every pair is quadratic: 2,225 articles make 2.5
//! million cells, 9.9 MB that the browser would download to show a few
//! dozen numbers. Almost every cell is noise (two articles on unrelated
//! subjects share a few common words), so the graph keeps a pair only when
//! it matters to a view: its similarity is at least [`FLOOR`], or it is
//! among the [`NEAREST`] most similar articles of either side (so "compare
//! with…" always has candidates). Any other pair is known to be below the
//! floor; its exact score can be computed on demand from the two articles
//! (see [`crate::Bundle::similarity`]).
//!
//! [`SimilarityGraph::stories`] groups the articles that report the same
//! story: average-linkage clustering over the kept pairs, so a chain of
//! loosely related articles does not merge into one giant cluster.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::matrix::SimilarityMatrix;

/// Pairs at least this similar are always kept. On the BBC collection (2,225
/// articles) about one pair in a hundred passes it.
pub const FLOOR: f32 = 0.1;

/// Each article keeps at least this many neighbours, however weak.
pub const NEAREST: usize = 10;

/// Two groups of articles report the same story when the mean similarity of
/// their pairs is at least this (a missing pair counts as 0). The five
/// reports of one meeting in the seed corpus score 0.19–0.32 pairwise.
pub const STORY_LINK: f32 = 0.18;

/// The kept pairs of a corpus, in the order of [`crate::Bundle::articles`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SimilarityGraph {
    size: u32,
    /// For article `i`, its kept pairs `(j, similarity)` with `j > i`,
    /// ascending by `j`. Each pair is stored once.
    upper: Vec<Vec<(u32, f32)>>,
}

/// Articles that report one story, most central first.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Article indexes, ordered by how similar each is to the others of the
    /// story (the most representative first), ties by index.
    pub articles: Vec<usize>,
    /// The mean similarity of the story's pairs (a missing pair counts 0).
    pub cohesion: f32,
}

impl SimilarityGraph {
    /// Keeps the pairs of a full matrix that pass [`FLOOR`] or are among
    /// an article's [`NEAREST`].
    pub fn from_matrix(matrix: &SimilarityMatrix) -> SimilarityGraph {
        let n = matrix.len();
        let mut keep: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); n];
        for i in 0..n {
            for (j, s) in matrix.nearest(i, NEAREST) {
                if s > 0.0 {
                    let (lo, hi) = (i.min(j), i.max(j));
                    keep[lo].insert(hi as u32, s);
                }
            }
            for j in i + 1..n {
                let s = matrix.get(i, j);
                if s >= FLOOR {
                    keep[i].insert(j as u32, s);
                }
            }
        }
        SimilarityGraph {
            size: n as u32,
            upper: keep.into_iter().map(|m| m.into_iter().collect()).collect(),
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.size as usize
    }

    /// Whether a decoded graph is one [`SimilarityGraph::from_matrix`]
    /// could have made for `articles` articles: a row per article, each
    /// naming later articles only, in ascending order, with similarities in
    /// `[0, 1]`. Lookups binary-search the rows, so a disordered row would
    /// silently answer wrong.
    pub fn check(&self, articles: usize) -> Result<(), String> {
        if self.len() != articles || self.upper.len() != articles {
            return Err(format!(
                "similarity graph of {} articles with {} rows, for {articles} articles",
                self.len(),
                self.upper.len()
            ));
        }
        for (i, row) in self.upper.iter().enumerate() {
            let mut last = i as u32;
            for &(j, s) in row {
                if j <= last || j as usize >= articles || !(0.0..=1.0).contains(&s) {
                    return Err(format!("similarity graph row {i} is malformed"));
                }
                last = j;
            }
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Number of kept pairs.
    pub fn pairs(&self) -> usize {
        self.upper.iter().map(Vec::len).sum()
    }

    /// The kept similarity of articles `i` and `j`: 1 for an article with
    /// itself, `None` for a pair below the floor (or out of range).
    pub fn get(&self, i: usize, j: usize) -> Option<f32> {
        if i >= self.len() || j >= self.len() {
            return None;
        }
        if i == j {
            return Some(1.0);
        }
        let (lo, hi) = (i.min(j), i.max(j) as u32);
        let row = self.upper.get(lo)?;
        row.binary_search_by_key(&hi, |p| p.0)
            .ok()
            .map(|k| row[k].1)
    }

    /// Every kept neighbour of `i` with its similarity, in index order.
    pub fn neighbours(&self, i: usize) -> Vec<(usize, f32)> {
        let mut out: Vec<(usize, f32)> = Vec::new();
        for (lo, row) in self.upper.iter().enumerate().take(i) {
            if let Ok(k) = row.binary_search_by_key(&(i as u32), |p| p.0) {
                out.push((lo, row[k].1));
            }
        }
        if let Some(row) = self.upper.get(i) {
            out.extend(row.iter().map(|&(j, s)| (j as usize, s)));
        }
        out
    }

    /// Up to `k` articles most similar to `i`, most similar first (ties by
    /// index). Exact for `k` ≤ [`NEAREST`]; past it, only kept pairs.
    pub fn nearest(&self, i: usize, k: usize) -> Vec<(usize, f32)> {
        let mut all = self.neighbours(i);
        all.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        all.truncate(k);
        all
    }

    /// The stories of the corpus: groups of articles whose pairs are on
    /// average at least [`STORY_LINK`] similar, largest first (then by
    /// first article). Articles like no other are left out.
    ///
    /// Average linkage, greedily: kept pairs are visited from the most
    /// similar down, and the two groups they join merge when the mean of
    /// all pairs between them reaches the link. A chain of articles each
    /// like the next does not merge unless the ends are alike too.
    pub fn stories(&self) -> Vec<Story> {
        let n = self.len();
        let mut edges: Vec<(usize, usize, f32)> = self
            .upper
            .iter()
            .enumerate()
            .flat_map(|(i, row)| row.iter().map(move |&(j, s)| (i, j as usize, s)))
            .filter(|e| e.2 >= STORY_LINK)
            .collect();
        edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        let mut group: Vec<usize> = (0..n).collect();
        let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        for (i, j, _) in edges {
            let (gi, gj) = (group[i], group[j]);
            if gi == gj {
                continue;
            }
            let (a, b) = (&members[gi], &members[gj]);
            let total: f32 = a
                .iter()
                .flat_map(|&x| b.iter().map(move |&y| (x, y)))
                .map(|(x, y)| self.get(x, y).unwrap_or(0.0))
                .sum();
            if total / (a.len() * b.len()) as f32 >= STORY_LINK {
                let moved = std::mem::take(&mut members[gj]);
                for &m in &moved {
                    group[m] = gi;
                }
                members[gi].extend(moved);
            }
        }
        let mut stories: Vec<Story> = members
            .into_iter()
            .filter(|m| m.len() > 1)
            .map(|m| self.story(m))
            .collect();
        stories.sort_by(|x, y| {
            y.articles
                .len()
                .cmp(&x.articles.len())
                .then(x.articles.iter().min().cmp(&y.articles.iter().min()))
        });
        stories
    }

    /// Orders a group's articles by their summed similarity to the others
    /// and measures its cohesion.
    fn story(&self, members: Vec<usize>) -> Story {
        let mut scored: Vec<(usize, f32)> = members
            .iter()
            .map(|&x| {
                let s: f32 = members
                    .iter()
                    .filter(|&&y| y != x)
                    .map(|&y| self.get(x, y).unwrap_or(0.0))
                    .sum();
                (x, s)
            })
            .collect();
        scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let pairs = members.len() * (members.len() - 1) / 2;
        let cohesion = scored.iter().map(|s| s.1).sum::<f32>() / 2.0 / pairs as f32;
        Story {
            articles: scored.into_iter().map(|s| s.0).collect(),
            cohesion,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(n: usize, cell: impl Fn(usize, usize) -> f32) -> SimilarityMatrix {
        let mut upper = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                upper.push(cell(i, j));
            }
        }
        SimilarityMatrix::from_upper(n, upper)
    }

    #[test]
    fn keeps_pairs_over_the_floor_and_each_articles_nearest() {
        // 60 articles: 0 and 1 alike, every other pair weak but distinct.
        let n = 60;
        let m = matrix(n, |i, j| {
            if (i, j) == (0, 1) {
                0.8
            } else {
                0.001 * (i + j) as f32
            }
        });
        let g = SimilarityGraph::from_matrix(&m);
        assert_eq!(g.get(0, 1), Some(0.8));
        assert_eq!(g.get(1, 0), Some(0.8));
        assert_eq!(g.get(3, 3), Some(1.0));
        assert_eq!(g.get(0, n), None);
        for i in 0..n {
            // The exact nearest, as the full matrix has them.
            assert_eq!(g.nearest(i, NEAREST), m.nearest(i, NEAREST), "{i}");
            for j in 0..n {
                if let Some(s) = g.get(i, j) {
                    assert_eq!(s, m.get(i, j));
                }
            }
        }
        // Weak pairs beyond each article's nearest are dropped.
        assert!(g.pairs() <= n * NEAREST, "{}", g.pairs());
        assert!(g.pairs() < n * (n - 1) / 4, "{}", g.pairs());
    }

    #[test]
    fn a_malformed_graph_is_refused() {
        let m = matrix(4, |i, j| 0.1 * (i + j) as f32);
        let g = SimilarityGraph::from_matrix(&m);
        assert_eq!(g.check(4), Ok(()));
        assert!(g.check(5).is_err());
        let mut bad = g.clone();
        bad.upper[0].reverse();
        assert!(bad.check(4).is_err());
        let mut bad = g.clone();
        bad.upper[1][0].1 = f32::NAN;
        assert!(bad.check(4).is_err());
        let mut bad = g;
        bad.upper[2] = vec![(1, 0.5)];
        assert!(bad.check(4).is_err());
    }

    #[test]
    fn stories_need_the_whole_group_alike_not_a_chain() {
        // 0-1-2 alike with each other; 3 like 2 only, 4 like 3 only; 5 alone.
        let m = matrix(6, |i, j| match (i, j) {
            (0, 1) | (0, 2) | (1, 2) => 0.5,
            (2, 3) | (3, 4) => 0.3,
            _ => 0.0,
        });
        let g = SimilarityGraph::from_matrix(&m);
        let stories = g.stories();
        let sets: Vec<Vec<usize>> = stories
            .iter()
            .map(|s| {
                let mut a = s.articles.clone();
                a.sort();
                a
            })
            .collect();
        assert_eq!(sets, vec![vec![0, 1, 2], vec![3, 4]]);
        assert!((stories[0].cohesion - 0.5).abs() < 1e-6);
        assert!(SimilarityGraph::default().stories().is_empty());
    }
}
