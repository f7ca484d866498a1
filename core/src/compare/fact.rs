//! Whether two sentences report the same fact: the one decision behind the
//! pairwise alignment, the synopsis and `crosscheck same-fact`.
//!
//! The evidence is what alignment scores two sentences on: the cosine of
//! their idf-weighted distinct stems and entities ([`super::profile`]), and
//! how many word stems they share. The decision is
//! [`Thresholds::decide`]: a score of at least [`Thresholds::related`], and
//! either a score of at least [`Thresholds::single_feature`] or two shared
//! stems. [`same_fact`] applies it to two free-standing statements (each an
//! [`Article`] whose body is the statement) so the decision can be measured
//! on human-judged sentence pairs; [`cross_validate`] chooses the two
//! thresholds on such pairs by K-fold cross-validation.
//!
//! Free sentences need term statistics too. Weighed against a corpus of
//! articles, every word of a sentence is rare; so `crosscheck same-fact`
//! counts document frequencies over the sentences of the pairs file itself,
//! each sentence a document ([`TermStats::from_articles`] over them).

use super::align::{shared_stems, Thresholds, THRESHOLDS};
use super::profile::{statements, TermStats};
use crate::article::Article;

/// What the decision reads about a pair of statements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Cosine of the idf-weighted stems and entities, in `[0, 1]`.
    pub score: f32,
    /// Word stems (not entities) both use.
    pub shared_stems: u32,
}

impl Evidence {
    /// The decision with thresholds `t`.
    pub fn same(&self, t: &Thresholds) -> bool {
        t.decide(self.score, || self.shared_stems as usize)
    }
}

/// A score and the decision alignment makes on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SameFact {
    /// Cosine of the idf-weighted stems and entities, in `[0, 1]`.
    pub score: f32,
    /// True when the two report the same fact.
    pub same: bool,
}

/// The evidence on statements `a` and `b` (each article's whole body read as
/// one statement), words weighed with `stats`.
pub fn evidence(a: &Article, b: &Article, stats: &TermStats) -> Evidence {
    let (va, vb, entities) = statements(a, b, stats);
    Evidence {
        score: va.dot(&vb).clamp(0.0, 1.0),
        shared_stems: shared_stems(&va, &vb, &entities) as u32,
    }
}

/// Whether statements `a` and `b` report the same fact, decided with the
/// [`THRESHOLDS`] the alignment of two articles uses.
pub fn same_fact(a: &Article, b: &Article, stats: &TermStats) -> SameFact {
    let e = evidence(a, b, stats);
    SameFact {
        score: e.score,
        same: e.same(&THRESHOLDS),
    }
}

/// A pair of statements with a person's judgment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judged {
    pub evidence: Evidence,
    /// True when people judged that the two report the same content.
    pub same: bool,
}

/// Accuracy and F1 (of the "same" class) of a decision over judged pairs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Quality {
    pub accuracy: f64,
    pub f1: f64,
}

/// Accuracy and F1 of deciding `pairs` with `t`.
pub fn quality(pairs: &[Judged], t: &Thresholds) -> Quality {
    let (mut tp, mut fp, mut fn_, mut right) = (0usize, 0usize, 0usize, 0usize);
    for p in pairs {
        let said = p.evidence.same(t);
        right += usize::from(said == p.same);
        match (said, p.same) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
    }
    let f1 = if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    };
    Quality {
        accuracy: if pairs.is_empty() {
            0.0
        } else {
            right as f64 / pairs.len() as f64
        },
        f1,
    }
}

/// One fold of a cross-validation: the thresholds chosen on the other folds
/// and how they do on this one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fold {
    pub thresholds: Thresholds,
    /// On the fold's own pairs, which played no part in the choice.
    pub held_out: Quality,
}

/// The result of [`cross_validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct CrossValidation {
    pub folds: Vec<Fold>,
    /// Mean over the folds of the held-out accuracy and F1.
    pub mean: Quality,
    /// The thresholds chosen on all the pairs at once: what to ship if the
    /// held-out figures are good enough.
    pub chosen: Thresholds,
}

/// Steps of the threshold grid: hundredths for [`Thresholds::related`], and
/// [`Thresholds::single_feature`] from `related` up in twentieths (it does
/// nothing below `related`).
const RELATED_STEPS: u32 = 100;
const SINGLE_FEATURE_STEP: f32 = 0.05;

/// The thresholds (from a grid, the other fields as in `base`) with the best
/// accuracy on `pairs`. Many settings usually tie (every `related` between
/// two neighbouring scores decides alike); the middle one in grid order
/// (by `related`, then `single_feature`) is taken, the farthest from both
/// edges of the plateau, so a held-out pair just past an edge is not
/// decided by where the grid happened to start.
pub fn best_thresholds(pairs: &[Judged], base: &Thresholds) -> Thresholds {
    let mut best: Vec<Thresholds> = Vec::new();
    let mut best_right = 0usize;
    for r in 0..=RELATED_STEPS {
        let related = r as f32 / RELATED_STEPS as f32;
        let mut single_feature = related;
        while single_feature <= 1.0 + 1e-6 {
            let t = Thresholds {
                related,
                single_feature,
                ..*base
            };
            let right = pairs
                .iter()
                .filter(|p| p.evidence.same(&t) == p.same)
                .count();
            if right > best_right || best.is_empty() {
                best.clear();
                best_right = right;
            }
            if right == best_right {
                best.push(t);
            }
            single_feature += SINGLE_FEATURE_STEP;
        }
    }
    best[best.len() / 2]
}

/// K-fold cross-validation of the thresholds on judged pairs: pair `i` is in
/// fold `i % k`; for each fold the thresholds are chosen on the other folds
/// by accuracy ([`best_thresholds`]) and measured on the fold. No single
/// pair ever steers its own decision. `None` when `k < 2` or there are
/// fewer pairs than folds.
pub fn cross_validate(pairs: &[Judged], k: usize, base: &Thresholds) -> Option<CrossValidation> {
    if k < 2 || pairs.len() < k {
        return None;
    }
    let mut folds = Vec::with_capacity(k);
    for f in 0..k {
        let (mut held, mut train) = (Vec::new(), Vec::new());
        for (i, p) in pairs.iter().enumerate() {
            if i % k == f {
                held.push(*p);
            } else {
                train.push(*p);
            }
        }
        let thresholds = best_thresholds(&train, base);
        folds.push(Fold {
            thresholds,
            held_out: quality(&held, &thresholds),
        });
    }
    let mean = Quality {
        accuracy: folds.iter().map(|f| f.held_out.accuracy).sum::<f64>() / k as f64,
        f1: folds.iter().map(|f| f.held_out.f1).sum::<f64>() / k as f64,
    };
    Some(CrossValidation {
        folds,
        mean,
        chosen: best_thresholds(pairs, base),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(score: f32, shared_stems: u32, same: bool) -> Judged {
        Judged {
            evidence: Evidence {
                score,
                shared_stems,
            },
            same,
        }
    }

    #[test]
    fn one_shared_stem_needs_a_high_score() {
        let e = Evidence {
            score: 0.3,
            shared_stems: 1,
        };
        assert!(!e.same(&THRESHOLDS));
        let e = Evidence {
            shared_stems: 2,
            ..e
        };
        assert!(e.same(&THRESHOLDS));
        let e = Evidence {
            score: 0.1,
            shared_stems: 5,
        };
        assert!(!e.same(&THRESHOLDS));
    }

    #[test]
    fn quality_counts_the_same_class() {
        let pairs = [
            judged(0.9, 3, true),  // true positive
            judged(0.9, 3, false), // false positive
            judged(0.0, 0, true),  // false negative
            judged(0.0, 0, false), // true negative
        ];
        let q = quality(&pairs, &THRESHOLDS);
        assert_eq!(q.accuracy, 0.5);
        assert_eq!(q.f1, 0.5);
    }

    #[test]
    fn cross_validation_finds_a_separating_threshold() {
        // "Same" pairs score 0.6 and up, the others 0.3 and down: any
        // `related` in (0.3, 0.6] separates them, and every held-out fold
        // is then decided right.
        let pairs: Vec<Judged> = (0..40)
            .map(|i| {
                let same = i % 2 == 0;
                let score = if same {
                    0.6 + i as f32 / 200.0
                } else {
                    0.3 - i as f32 / 200.0
                };
                judged(score, 3, same)
            })
            .collect();
        let cv = cross_validate(&pairs, 5, &THRESHOLDS).unwrap();
        assert_eq!(cv.folds.len(), 5);
        assert_eq!(cv.mean.accuracy, 1.0);
        assert_eq!(cv.mean.f1, 1.0);
        assert!(cv.chosen.related > 0.3 && cv.chosen.related <= 0.6);
        assert!(cross_validate(&pairs, 1, &THRESHOLDS).is_none());
        assert!(cross_validate(&pairs[..3], 4, &THRESHOLDS).is_none());
    }
}
