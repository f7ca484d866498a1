//! The full similarity matrix of a corpus: every pair, for analysis (the
//! CLI's `similarity`, the tests) and as the source the bundle's
//! [`super::graph::SimilarityGraph`] is drawn from.

use serde::{Deserialize, Serialize};

/// The similarity of every pair of a corpus's articles, in the order of
/// [`crate::Bundle::articles`]. Symmetric with 1 on the diagonal; only the
/// upper triangle is stored. Quadratic in the corpus, so it is for analysis
/// (the CLI, tests); the bundle keeps a [`SimilarityGraph`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SimilarityMatrix {
    size: u32,
    /// Row-major upper triangle without the diagonal.
    upper: Vec<f32>,
}

impl SimilarityMatrix {
    /// A matrix of `n` articles from its row-major upper triangle.
    pub(crate) fn from_upper(n: usize, upper: Vec<f32>) -> SimilarityMatrix {
        assert_eq!(upper.len(), n * n.saturating_sub(1) / 2, "triangle size");
        SimilarityMatrix {
            size: n as u32,
            upper,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

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
