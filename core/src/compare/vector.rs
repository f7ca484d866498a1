//! Sparse weighted feature vectors and their dot product.

/// Feature ids with weights, sorted by id, each id once.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVec {
    pub ids: Vec<u32>,
    pub weights: Vec<f32>,
}

impl SparseVec {
    /// Builds from `(id, weight)` pairs in any order; ids must be distinct.
    pub fn from_pairs(mut pairs: Vec<(u32, f32)>) -> SparseVec {
        pairs.sort_unstable_by_key(|p| p.0);
        let (ids, weights) = pairs.into_iter().unzip();
        SparseVec { ids, weights }
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn norm(&self) -> f32 {
        self.weights.iter().map(|w| w * w).sum::<f32>().sqrt()
    }

    /// Scales to unit length (an empty or all-zero vector stays as it is),
    /// so the dot product of two vectors is their cosine.
    pub fn normalized(mut self) -> SparseVec {
        let n = self.norm();
        if n > 0.0 {
            for w in &mut self.weights {
                *w /= n;
            }
        }
        self
    }

    /// The dot product. Products are summed in increasing id order, and
    /// `x * y == y * x` in floating point, so `a.dot(b)` and `b.dot(a)` are
    /// bit-for-bit equal: comparisons are exactly symmetric.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        while i < self.ids.len() && j < other.ids.len() {
            match self.ids[i].cmp(&other.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weights[i] * other.weights[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_vectors_have_cosine_dot() {
        let a = SparseVec::from_pairs(vec![(3, 1.0), (1, 1.0)]).normalized();
        let b = SparseVec::from_pairs(vec![(1, 2.0)]).normalized();
        assert!((a.dot(&a) - 1.0).abs() < 1e-6);
        assert!((a.dot(&b) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert_eq!(a.dot(&b), b.dot(&a));
        assert_eq!(SparseVec::default().normalized().dot(&a), 0.0);
    }
}
