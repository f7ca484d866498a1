//! Query-focused comparison: for one topic, each article's best passage,
//! side by side.
//!
//! A passage is up to [`PASSAGE_SENTENCES`] consecutive sentences of one
//! paragraph. Passages are ranked by [`passage_score`], a plain term-overlap
//! score: the idf of each distinct query term the passage contains, plus a
//! little for repeats. It is the one function to replace when the search
//! engine's ranking is available.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::profile::TermStats;
use super::terms::{words, Word};
use crate::article::{Article, Span};

/// Longest passage, in sentences.
pub const PASSAGE_SENTENCES: usize = 3;

/// One article's best passage for a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FocusPassage {
    /// Index of the article in the slice given to [`focus`].
    pub article: u32,
    /// Sentence indexes of the passage.
    pub sentences: Range<u32>,
    /// The passage's score; higher is more on topic.
    pub score: f32,
    /// Where the query's terms occur in the passage, as body spans.
    pub matches: Vec<Span>,
}

/// A query and each matching article's best passage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FocusView {
    /// The query's terms as matched (stems).
    pub terms: Vec<String>,
    /// Best passage per article that matches at all, best first (articles
    /// with equal scores in corpus order).
    pub passages: Vec<FocusPassage>,
}

/// Scores a passage from the words it contains: the idf of each distinct
/// query term present, plus a tenth of it for every repeat.
pub fn passage_score(query: &[String], passage: &[Word], stats: &TermStats) -> f32 {
    let mut score = 0.0;
    for term in query {
        let n = passage.iter().filter(|w| &w.key == term).count();
        if n > 0 {
            score += stats.idf(term) * (1.0 + 0.1 * (n - 1) as f32);
        }
    }
    score
}

/// The best passage of each article for `query`.
pub fn focus(articles: &[Article], query: &str, stats: &TermStats) -> FocusView {
    let all: Vec<usize> = (0..articles.len()).collect();
    focus_among(articles, &all, query, stats)
}

/// [`focus`] over the articles at the positions `among` only (a search's
/// best hits, say): a corpus of thousands is not read passage by passage
/// for one view. Passages name articles by their position in `articles`.
pub fn focus_among(
    articles: &[Article],
    among: &[usize],
    query: &str,
    stats: &TermStats,
) -> FocusView {
    let mut terms: Vec<String> = words(query)
        .into_iter()
        .filter(|w| !w.stop)
        .map(|w| w.key)
        .collect();
    terms.sort_unstable();
    terms.dedup();
    let mut passages = Vec::new();
    if !terms.is_empty() {
        for &k in among {
            let Some(a) = articles.get(k) else {
                continue;
            };
            if let Some(p) = best_passage(a, &terms, stats) {
                passages.push(FocusPassage {
                    article: k as u32,
                    ..p
                });
            }
        }
    }
    passages.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.article.cmp(&y.article)));
    FocusView { terms, passages }
}

fn best_passage(a: &Article, terms: &[String], stats: &TermStats) -> Option<FocusPassage> {
    // Words of each sentence, with body offsets.
    let sentence_words: Vec<Vec<Word>> = a
        .sentences
        .iter()
        .map(|s| {
            words(a.text(s.span))
                .into_iter()
                .map(|mut w| {
                    w.start += s.span.start as usize;
                    w.end += s.span.start as usize;
                    w
                })
                .collect()
        })
        .collect();
    let mut best: Option<(f32, Range<usize>)> = None;
    for start in 0..a.sentences.len() {
        let mut window: Vec<Word> = Vec::new();
        let last = (start + PASSAGE_SENTENCES).min(a.sentences.len());
        for (end, words) in sentence_words.iter().enumerate().take(last).skip(start) {
            if a.sentences[end].block != a.sentences[start].block {
                break;
            }
            window.extend(words.iter().cloned());
            let score = passage_score(terms, &window, stats);
            // A longer window must earn its extra sentence.
            if score > 0.0 && best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, start..end + 1));
            }
        }
    }
    let (score, range) = best?;
    let matches = sentence_words[range.clone()]
        .iter()
        .flatten()
        .filter(|w| terms.contains(&w.key))
        .map(|w| Span::new(w.start, w.end))
        .collect();
    Some(FocusPassage {
        article: 0,
        sentences: range.start as u32..range.end as u32,
        score,
        matches,
    })
}
