//! The words two aligned sentences both use.
//!
//! A longest common subsequence over the sentences' words (matched on their
//! stems, so `envoys` and `envoy` count as one word) finds what they share
//! in order. Left at that, the common `the`, `of` and `and` between two
//! rewritten clauses light up as confetti that says nothing; so, as
//! semantic diff cleanups do, a run of common words made only of function
//! words is dropped when it is not the whole sentence. Content words are
//! kept even alone: one shared `meeting` is what tells a reader two
//! differently worded sentences report the same thing.
//!
//! A subsequence keeps order, and a rewording often moves words (`a
//! five-hour meeting` / `the meeting … four hours`): content words both
//! sentences use that the subsequence could not take are marked too, one by
//! one. Only the in-order runs count towards [`WordDiff::wording`], which
//! measures near-identical wording.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::terms::{words, Word};
use crate::article::Span;

/// The common words of two sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordDiff {
    /// Words of the first sentence the second also uses, as spans of its
    /// body in order: runs of the common subsequence, and moved words.
    pub a: Vec<Span>,
    /// The same for the second sentence.
    pub b: Vec<Span>,
    /// How much of the wording is common: twice the common words over the
    /// words of both sentences, in `[0, 1]`.
    pub wording: f32,
}

/// Compares two sentences; `a_start` and `b_start` are where they begin in
/// their article's body, so the spans returned are body spans.
pub fn word_diff(a: &str, a_start: u32, b: &str, b_start: u32) -> WordDiff {
    let wa = words(a);
    let wb = words(b);
    let ka: Vec<&str> = wa.iter().map(|w| w.key.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|w| w.key.as_str()).collect();
    let mut common: Vec<(usize, usize, usize)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            common.push((old_index, new_index, len));
        }
    }
    let whole = common.len() == 1 && common[0].2 == wa.len() && wa.len() == wb.len();
    if !whole {
        common.retain(|&(i, _, len)| wa[i..i + len].iter().any(|w| !w.stop));
    }
    let matched: usize = common.iter().map(|c| c.2).sum();
    let total = wa.len() + wb.len();
    let mut in_run_a = vec![false; wa.len()];
    let mut in_run_b = vec![false; wb.len()];
    let mut a_spans = Vec::new();
    let mut b_spans = Vec::new();
    for &(i, j, len) in &common {
        in_run_a[i..i + len].fill(true);
        in_run_b[j..j + len].fill(true);
        a_spans.push(run_span(&wa[i..i + len], a_start));
        b_spans.push(run_span(&wb[j..j + len], b_start));
    }
    moved(&wa, &in_run_a, &wb, &in_run_b, a_start, &mut a_spans);
    moved(&wb, &in_run_b, &wa, &in_run_a, b_start, &mut b_spans);
    a_spans.sort_unstable();
    b_spans.sort_unstable();
    WordDiff {
        a: a_spans,
        b: b_spans,
        wording: if total == 0 {
            0.0
        } else {
            (2 * matched) as f32 / total as f32
        },
    }
}

/// Marks content words of `x` outside the runs whose stem occurs among the
/// words of `y` outside the runs.
fn moved(x: &[Word], x_run: &[bool], y: &[Word], y_run: &[bool], offset: u32, out: &mut Vec<Span>) {
    for (k, w) in x.iter().enumerate() {
        if !x_run[k]
            && !w.stop
            && y.iter()
                .zip(y_run)
                .any(|(v, &in_run)| !in_run && v.key == w.key)
        {
            out.push(run_span(std::slice::from_ref(w), offset));
        }
    }
}

fn run_span(run: &[Word], offset: u32) -> Span {
    let start = run.first().map_or(0, |w| w.start) as u32 + offset;
    let end = run.last().map_or(0, |w| w.end) as u32 + offset;
    Span { start, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn identical_sentences_are_one_run() {
        let s = "The talks were constructive.";
        let d = word_diff(s, 0, s, 0);
        assert_eq!(marked(s, &d.a), ["The talks were constructive"]);
        assert_eq!(d.wording, 1.0);
    }

    #[test]
    fn function_words_alone_are_not_marked() {
        let a = "Envoys met the president in Moscow for a five-hour meeting.";
        let b = "The meeting, which stretched for nearly four hours, was long.";
        let d = word_diff(a, 0, b, 0);
        let got = marked(a, &d.a);
        assert!(got.contains(&"meeting") && got.contains(&"hour"), "{got:?}");
        assert!(!got.iter().any(|w| *w == "the" || *w == "for"), "{got:?}");
    }

    #[test]
    fn spans_are_offset_into_the_body() {
        let body = "First one. Putin met envoys.";
        let d = word_diff(&body[11..], 11, "Putin met the envoys.", 0);
        assert_eq!(marked(body, &d.a), ["Putin met", "envoys"]);
        assert!(d.wording > 0.5 && d.wording < 1.0);
    }

    #[test]
    fn disjoint_and_empty_sentences() {
        let d = word_diff("Alpha beta.", 0, "Gamma delta.", 0);
        assert!(d.a.is_empty() && d.b.is_empty() && d.wording == 0.0);
        assert_eq!(word_diff("", 0, "", 0), WordDiff::default());
    }
}
