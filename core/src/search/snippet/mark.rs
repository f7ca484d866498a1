//! Marking: analysing a text again with the index's analyzer and marking
//! exactly the words (and phrases) the query matched.

use std::ops::ControlFlow;

use super::{Highlighter, Spot};
use crate::article::{Article, Span};
use crate::search::analyze::try_for_each_token;
use crate::search::phrase::follows;

/// A matched word or phrase in some text: its bytes and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) spot: Spot,
}

impl Highlighter {
    /// Marks in `text` (byte offsets, positions from 0), sorted; and the
    /// byte spans of its words by position (hyphenated wholes left out).
    pub(super) fn marks(&self, text: &str) -> (Vec<Mark>, Vec<(usize, usize)>) {
        self.marks_in(text, 0, 0, None)
    }

    /// [`Highlighter::marks`] of `text[from..]`, where the word at
    /// position `position` starts (a sentence checkpoint, see `passage`):
    /// offsets are still into `text` and positions count from its start,
    /// but the words are spans from `position` on. With `until`, analysis
    /// stops once every word that ends before the whitespace after word
    /// `until` is read.
    pub(super) fn marks_in(
        &self,
        text: &str,
        from: usize,
        position: u32,
        until: Option<u32>,
    ) -> (Vec<Mark>, Vec<(usize, usize)>) {
        let mut marks = Vec::new();
        let mut words: Vec<(usize, usize)> = Vec::new();
        // Every token as `(position, term, start, end)`, hyphenated wholes
        // included, only when phrases need them.
        let mut tokens: Vec<(u32, String, usize, usize)> = Vec::new();
        let want_tokens = !self.phrases.is_empty();
        let rest = text.get(from..).unwrap_or("");
        let mut stop_at = usize::MAX;
        try_for_each_token(rest, position, |t| {
            let (start, end) = (from + t.start, from + t.end);
            if start >= stop_at {
                return ControlFlow::Break(());
            }
            if let Some(&group) = self.terms.get(t.term) {
                marks.push(Mark {
                    start,
                    end,
                    spot: Spot {
                        first: t.position,
                        last: t.position,
                        group,
                    },
                });
            }
            if want_tokens {
                tokens.push((t.position, t.term.to_string(), start, end));
            }
            if !t.compound {
                words.push((start, end));
                if until == Some(t.position) {
                    stop_at = glued_end(text, end);
                }
            }
            ControlFlow::Continue(())
        });
        if want_tokens {
            tokens.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
            let at = |p: u32, term: &str| {
                tokens
                    .binary_search_by(|t| (t.0, t.1.as_str()).cmp(&(p, term)))
                    .ok()
                    .map(|i| &tokens[i])
            };
            for (terms, group) in &self.phrases {
                let Some((head, tail)) = terms.split_first() else {
                    continue;
                };
                for t in tokens.iter().filter(|t| &t.1 == head) {
                    let mut end = t.3;
                    let found = follows(t.0, terms.len(), |i, p| {
                        at(p, &terms[i]).map(|u| end = end.max(u.3)).is_some()
                    });
                    if found {
                        marks.push(Mark {
                            start: t.2,
                            end,
                            spot: Spot {
                                first: t.0,
                                last: t.0.saturating_add(tail.len() as u32),
                                group: *group,
                            },
                        });
                    }
                }
            }
        }
        marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        (marks, words)
    }

    /// Every match in the article body, as merged byte spans: what the app
    /// highlights when it opens the article.
    pub fn body(&self, article: &Article) -> Vec<Span> {
        let mut out = Vec::new();
        for block in &article.blocks {
            let (marks, _) = self.marks(article.text(block.span));
            let base = block.span.start as usize;
            out.extend(
                merge(&marks)
                    .into_iter()
                    .map(|(s, e)| Span::new(base + s, base + e)),
            );
        }
        out
    }

    /// Matches in a short text such as the title, as char offsets.
    pub fn chars(&self, text: &str) -> Vec<(u32, u32)> {
        let (marks, _) = self.marks(text);
        to_chars(text, &merge(&marks))
    }
}

/// Merges overlapping marks into byte ranges.
pub(super) fn merge(marks: &[Mark]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in marks {
        match out.last_mut() {
            Some(last) if m.start < last.1 => last.1 = last.1.max(m.end),
            _ => out.push((m.start, m.end)),
        }
    }
    out
}

/// Byte ranges of `text` as char offsets.
pub(super) fn to_chars(text: &str, ranges: &[(usize, usize)]) -> Vec<(u32, u32)> {
    let char_at = |b: usize| text.get(..b).map_or(0, |s| s.chars().count()) as u32;
    ranges
        .iter()
        .map(|&(s, e)| (char_at(s), char_at(e)))
        .collect()
}

/// Where the punctuation glued to a word ending at `end` stops: a passage
/// ending with that word ends there.
pub(super) fn glued_end(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or("");
    end + rest.find(char::is_whitespace).unwrap_or(rest.len())
}
