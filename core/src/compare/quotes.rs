//! Quotations on each side, grouped by speaker, and matched across.
//!
//! Two quotes are the *same quote* when their content words (stems, function
//! words left out) mostly coincide — a Dice overlap of at least
//! [`SAME_QUOTE`] — or one quote's content words all appear in the other
//! (a report quoting one word, `“constructive”`, of a longer quote).
//! Otherwise two quotes are matched as the *same speaker* when the
//! extractor attributed both to the same speaker (canonical person names,
//! or the same role phrase such as `Kremlin spokesman`). Unattributed
//! quotes are matched only by their words.

use serde::{Deserialize, Serialize};

use super::terms::words;
use crate::article::Article;

/// Minimum Dice overlap of content words for two quotes to be the same.
pub const SAME_QUOTE: f32 = 0.6;

/// The quotes of one speaker in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerQuotes {
    /// `None` for quotes the text does not attribute.
    pub speaker: Option<String>,
    /// Indexes into the article's [`Article::quotes`], in order.
    pub quotes: Vec<u32>,
}

/// Why two quotes are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteMatchKind {
    /// The same words quoted.
    SameQuote,
    /// Different words from the same speaker.
    SameSpeaker,
}

/// A quote of A matched with a quote of B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteMatch {
    /// Index into A's quotes.
    pub a: u32,
    /// Index into B's quotes.
    pub b: u32,
    pub kind: QuoteMatchKind,
}

/// Both sides' quotes and how they match.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuoteComparison {
    /// A's quotes by speaker, speakers in order of first quote.
    pub a: Vec<SpeakerQuotes>,
    /// B's quotes by speaker.
    pub b: Vec<SpeakerQuotes>,
    /// Matches, sorted by A's quote then B's.
    pub matches: Vec<QuoteMatch>,
}

fn by_speaker(a: &Article) -> Vec<SpeakerQuotes> {
    let mut out: Vec<SpeakerQuotes> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        match out.iter_mut().find(|s| s.speaker == q.speaker) {
            Some(s) => s.quotes.push(i as u32),
            None => out.push(SpeakerQuotes {
                speaker: q.speaker.clone(),
                quotes: vec![i as u32],
            }),
        }
    }
    out
}

fn content_keys(text: &str) -> Vec<String> {
    let mut keys: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !w.stop)
        .map(|w| w.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn speaker_key(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .replace('’', "'")
}

fn same_words(x: &[String], y: &[String]) -> bool {
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let common = x.iter().filter(|k| y.binary_search(k).is_ok()).count();
    common == x.len()
        || common == y.len()
        || (2 * common) as f32 / (x.len() + y.len()) as f32 >= SAME_QUOTE
}

/// Groups and matches the quotes of `a` and `b`.
pub fn compare_quotes(a: &Article, b: &Article) -> QuoteComparison {
    let ka: Vec<Vec<String>> = a.quotes.iter().map(|q| content_keys(&q.text)).collect();
    let kb: Vec<Vec<String>> = b.quotes.iter().map(|q| content_keys(&q.text)).collect();
    let mut matches = Vec::new();
    for (i, qa) in a.quotes.iter().enumerate() {
        for (j, qb) in b.quotes.iter().enumerate() {
            let kind = if same_words(&ka[i], &kb[j]) {
                QuoteMatchKind::SameQuote
            } else {
                match (&qa.speaker, &qb.speaker) {
                    (Some(x), Some(y)) if speaker_key(x) == speaker_key(y) => {
                        QuoteMatchKind::SameSpeaker
                    }
                    _ => continue,
                }
            };
            matches.push(QuoteMatch {
                a: i as u32,
                b: j as u32,
                kind,
            });
        }
    }
    QuoteComparison {
        a: by_speaker(a),
        b: by_speaker(b),
        matches,
    }
}
