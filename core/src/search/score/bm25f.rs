//! BM25F: for one matcher (a word with its expansions, or a phrase), each
//! field's term frequency normalised by the field's length and weighted by
//! its boost and by how the term matched, summed, then saturated once.
//! Scoring walks posting heads only; a phrase reads positions to count its
//! occurrences.

use super::Evaluation;
use crate::search::cursor::{DocCursor, PostingCursor};
use crate::search::index::{Field, SearchIndex};
use crate::search::phrase::PhraseCursor;
use crate::search::plan::{Fields, Matcher};

/// Per-document weighted term frequencies of one matcher, dense.
pub(super) struct Accum {
    pub(super) wtf: Vec<f32>,
    /// Occurrences in the text fields (title, headings, body).
    pub(super) count: Vec<u32>,
    pub(super) hit: Vec<bool>,
    pub(super) idf: f32,
    /// For phrases: `(doc, field, occurrences)`, for explanations.
    pub(super) phrase_counts: Vec<(u32, Field, u32)>,
}

impl Accum {
    pub(super) fn new(n: usize) -> Accum {
        Accum {
            wtf: vec![0.0; n],
            count: vec![0; n],
            hit: vec![false; n],
            idf: 0.0,
            phrase_counts: Vec::new(),
        }
    }
}

fn is_text(f: Field) -> bool {
    Field::TEXT.contains(&f)
}

impl Evaluation<'_> {
    /// BM25 length normalisation of a field of a document.
    fn norm(&self, f: Field, doc: u32) -> f32 {
        let (base, per_word) = self.norms[f as usize];
        let len = self.index.docs[doc as usize].lengths[f as usize] as f32;
        base + per_word * len
    }

    /// BM25's IDF, always positive: `ln(1 + (N - df + ½) / (df + ½))`.
    fn idf(&self, df: u32) -> f32 {
        let n = self.index.len() as f32;
        let df = (df as f32).min(n);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25's saturation of a weighted term frequency by `k1`.
    fn saturate(&self, wtf: f32) -> f32 {
        wtf * (self.weights.k1 + 1.0) / (wtf + self.weights.k1)
    }

    pub(super) fn word(&self, m: &Matcher, fields: Fields) -> Accum {
        let mut acc = Accum::new(self.index.len());
        let Matcher::Word { expansions, .. } = m else {
            return acc;
        };
        let mut max_df = 0;
        for e in expansions {
            let record = self.index.record_at(e.offset);
            max_df = max_df.max(record.df);
            let kind_weight = self.weights.match_kind(e.kind);
            for f in Field::ALL {
                if !fields.has(f) {
                    continue;
                }
                let boost = self.weights.field(f).boost * kind_weight;
                let mut cursor = PostingCursor::new(record.lists[f as usize]);
                while let Some(doc) = cursor.advance() {
                    let d = doc as usize;
                    if d >= acc.wtf.len() {
                        break;
                    }
                    let tf = cursor.term_freq();
                    acc.wtf[d] += boost * tf as f32 / self.norm(f, doc);
                    acc.hit[d] = true;
                    if is_text(f) {
                        acc.count[d] += tf;
                    }
                }
            }
        }
        // The word is the class of its forms: its IDF counts the articles
        // with any of them, as BM25 over stems would.
        let df = acc.hit.iter().filter(|&&h| h).count() as u32;
        acc.idf = self.idf(df.max(max_df).max(1));
        acc
    }

    pub(super) fn phrase(&self, m: &Matcher, fields: Fields) -> Accum {
        let mut acc = Accum::new(self.index.len());
        let Matcher::Phrase { terms } = m else {
            return acc;
        };
        for f in Field::ALL {
            if !fields.has(f) {
                continue;
            }
            let boost = self.weights.field(f).boost;
            for (doc, n) in phrase_occurrences(self.index, terms, f) {
                let d = doc as usize;
                if d >= acc.wtf.len() {
                    break;
                }
                acc.wtf[d] += boost * n as f32 / self.norm(f, doc);
                acc.hit[d] = true;
                if is_text(f) {
                    acc.count[d] += n;
                }
                acc.phrase_counts.push((doc, f, n));
            }
        }
        let df = acc.hit.iter().filter(|&&h| h).count() as u32;
        acc.idf = self.idf(df.max(1));
        acc
    }

    pub(super) fn group_hit(&self, g: usize, doc: usize) -> bool {
        self.groups[g].iter().any(|a| a.hit[doc])
    }

    pub(super) fn group_score(&self, g: usize, doc: usize) -> f32 {
        self.groups[g]
            .iter()
            .filter(|a| a.hit[doc])
            .map(|a| a.idf * self.saturate(a.wtf[doc]))
            .sum()
    }
}

/// The documents where `terms` occur consecutively in a field, with how
/// many times.
pub(crate) fn phrase_occurrences(
    index: &SearchIndex,
    terms: &[String],
    field: Field,
) -> Vec<(u32, u32)> {
    let mut lists = Vec::with_capacity(terms.len());
    for t in terms {
        match index.record(t) {
            Some(r) if !r.lists[field as usize].is_empty() => lists.push(r.lists[field as usize]),
            _ => return Vec::new(),
        }
    }
    let mut cursor = PhraseCursor::new(&lists);
    let mut out = Vec::new();
    while let Some(doc) = cursor.advance() {
        out.push((doc, cursor.starts().len() as u32));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score::tests::{index, rank};

    #[test]
    fn phrases_are_exact_and_required() {
        let i = index();
        assert_eq!(rank(&i, "\"nearly four hours\""), [1]);
        assert!(rank(&i, "\"four nearly hours\"").is_empty());
        assert_eq!(
            phrase_occurrences(&i, &["rain".into()], Field::Body),
            [(0, 3)]
        );
    }
}
