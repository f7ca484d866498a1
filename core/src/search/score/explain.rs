//! A score taken apart (see [`crate::search::SearchOptions::explain`]):
//! each clause's IDF, weighted term frequency and terms, the coverage
//! factor and the proximity bonus, adding up to the score.

use serde::Serialize;

use super::bm25f::Accum;
use super::Evaluation;
use crate::search::cursor::{DocCursor, PostingCursor};
use crate::search::fuzzy::MatchKind;
use crate::search::index::{Field, SearchIndex};
use crate::search::plan::{Fields, Matcher, Role};

/// One vocabulary term found in one field of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermMatch {
    pub term: String,
    pub kind: MatchKind,
    pub field: Field,
    pub tf: u32,
}

/// What one clause contributed to an article's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseScore {
    pub clause: String,
    pub idf: f32,
    /// The field- and match-weighted, length-normalised term frequency.
    pub weighted_tf: f32,
    /// `idf × weighted_tf × (k1 + 1) / (weighted_tf + k1)`, summed over OR
    /// alternatives, before the coverage factor.
    pub score: f32,
    pub matches: Vec<TermMatch>,
}

/// A score taken apart (see [`crate::search::SearchOptions::explain`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Has every ranked word (ranks above articles that do not).
    pub complete: bool,
    /// Share of ranked words present, and the factor it applied.
    pub coverage: f32,
    pub coverage_factor: f32,
    pub clauses: Vec<ClauseScore>,
    pub proximity: f32,
    pub total: f32,
}

impl Evaluation<'_> {
    /// Takes one article's score apart.
    pub fn explain(&self, doc: u32) -> Explanation {
        let d = doc as usize;
        let scored_any = self.has_scored_groups();
        let mut clauses = Vec::new();
        let mut sum = 0.0;
        for (gi, g) in self.plan.groups.iter().enumerate() {
            let counts = match g.role {
                Role::Exclude => false,
                Role::Filter => !scored_any,
                _ => true,
            };
            if !counts {
                continue;
            }
            let mut matches = Vec::new();
            let mut wtf = 0.0;
            let mut idf: f32 = 0.0;
            for (m, acc) in g.matchers.iter().zip(&self.groups[gi]) {
                if !acc.hit[d] {
                    continue;
                }
                wtf += acc.wtf[d];
                idf = idf.max(acc.idf);
                term_matches(self.index, m, acc, g.fields, doc, &mut matches);
            }
            let score = self.group_score(gi, d);
            sum += score;
            clauses.push(ClauseScore {
                clause: g.label.clone(),
                idf,
                weighted_tf: wtf,
                score,
                matches,
            });
        }
        let (coverage, factor) = self.coverage(d);
        let proximity = self
            .proximity
            .iter()
            .find(|(p, _)| *p == doc)
            .map_or(0.0, |p| p.1);
        Explanation {
            complete: self.complete(d),
            coverage,
            coverage_factor: factor,
            clauses,
            proximity,
            total: sum * factor + proximity,
        }
    }
}

fn term_matches(
    index: &SearchIndex,
    m: &Matcher,
    acc: &Accum,
    fields: Fields,
    doc: u32,
    out: &mut Vec<TermMatch>,
) {
    match m {
        Matcher::Word { expansions, .. } => {
            for e in expansions {
                let record = index.record_at(e.offset);
                for f in Field::ALL {
                    if !fields.has(f) {
                        continue;
                    }
                    let mut cursor = PostingCursor::new(record.lists[f as usize]);
                    if cursor.seek(doc) == Some(doc) {
                        out.push(TermMatch {
                            term: e.term.clone(),
                            kind: e.kind,
                            field: f,
                            tf: cursor.term_freq(),
                        });
                    }
                }
            }
        }
        Matcher::Phrase { terms } => {
            for &(d, f, n) in &acc.phrase_counts {
                if d == doc {
                    out.push(TermMatch {
                        term: terms.join(" "),
                        kind: MatchKind::Exact,
                        field: f,
                        tf: n,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::search::plan::plan;
    use crate::search::query::parse;
    use crate::search::score::tests::index;
    use crate::search::score::{evaluate, RankingWeights};

    #[test]
    fn title_boost_and_explain() {
        let i = index();
        let p = plan(&i, &parse("rain"), false);
        let w = RankingWeights::default();
        let ev = evaluate(&i, &p, &w);
        let e = ev.explain(0);
        assert!(e.complete);
        assert_eq!(e.clauses[0].matches[0].tf, 3);
        assert!((e.total - ev.ranked[0].score).abs() < 1e-4);
    }
}
