//! Snippets and highlights: the passage of an article that best shows why it
//! matched, with the matched words marked exactly.
//!
//! Choosing a passage and marking it are done apart, because they cost very
//! differently:
//! - passages are *chosen* from the postings alone: the positions of the
//!   query's terms in the headings and body of the page's hits, placed in
//!   blocks by the block starts the index keeps
//!   ([`super::index::DocEntry::block_starts`]). No text is read;
//! - only the chosen blocks are *marked*, by analysing them again with the
//!   index's analyzer, so a word is highlighted exactly when the index
//!   matched it — typo and prefix matches included, stop words the query
//!   ignored excluded. Phrases are marked as one range from their first to
//!   their last word.
//!
//! Both see the same matches at the same word positions, because the index
//! was built by the same analyzer over the same blocks; the tests check
//! that choosing from postings picks exactly what analysing every block
//! would.
//!
//! A passage stays inside one block (heading or paragraph), so the app can
//! open the article at that block. Among the windows of about
//! [`super::SearchOptions::snippet_words`] words, the one with the most
//! different query clauses wins, then the one with the most matches.

use std::collections::hash_map::Entry;
use std::ops::ControlFlow;

use unicode_normalization::char::is_combining_mark;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use super::analyze::try_for_each_token;
use super::cursor::{DocCursor, PostingCursor};
use super::index::{DocEntry, Field, SearchIndex};
use super::phrase::{follows, PhraseCursor};
use super::plan::{Matcher, Plan, Role};
use crate::article::{Article, BlockKind, Span};

/// A passage of an article with the matched words marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The passage, exactly as in the article body.
    pub text: String,
    /// Matched words as `(start, end)` *char* offsets into `text`.
    pub highlights: Vec<(u32, u32)>,
    /// Index of the block (heading or paragraph) in [`Article::blocks`].
    pub block: u32,
    /// Where `text` is in [`Article::body`] (bytes).
    pub span: Span,
    /// The highlights as byte spans of [`Article::body`].
    pub body_highlights: Vec<Span>,
    /// The passage starts or ends inside its block (show an ellipsis).
    pub truncated_start: bool,
    pub truncated_end: bool,
}

/// A matched word or phrase by word positions, and the query group it
/// answers. `first..=last` are the positions the index gives it: a phrase
/// covers one per term, a word (even a hyphenated whole, which stands at
/// its first part's position) just one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spot {
    first: u32,
    last: u32,
    group: usize,
}

/// A matched word or phrase in some text: its bytes and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    spot: Spot,
}

/// The text fields blocks are indexed in, in the order [`PageSpots`] keeps
/// them.
const BLOCK_FIELDS: [Field; 2] = [Field::Heading, Field::Body];

/// The query's matches in the headings and body of each document of a page
/// of hits, with positions as the index numbers them (per field).
pub(crate) type PageSpots = Vec<[Vec<Spot>; 2]>;

/// What to mark: the vocabulary terms and phrases the query matched.
#[derive(Debug, Default)]
pub(crate) struct Highlighter {
    /// Term → the first group that matched it.
    terms: HashMap<String, usize>,
    /// The same terms as record offsets in the index, for their positions.
    records: Vec<(u64, usize)>,
    phrases: Vec<(Vec<String>, usize)>,
}

impl Highlighter {
    pub fn new(plan: &Plan) -> Highlighter {
        let mut h = Highlighter::default();
        for (gi, g) in plan.groups.iter().enumerate() {
            if g.role == Role::Exclude {
                continue;
            }
            for m in &g.matchers {
                match m {
                    Matcher::Word { expansions, .. } => {
                        for e in expansions {
                            if let Entry::Vacant(v) = h.terms.entry(e.term.clone()) {
                                v.insert(gi);
                                h.records.push((e.offset, gi));
                            }
                        }
                    }
                    Matcher::Phrase { terms } => h.phrases.push((terms.clone(), gi)),
                }
            }
        }
        h
    }

    /// The matches in the headings and body of `docs` (one page of hits,
    /// so no document twice), read from the postings; one entry per
    /// document, in `docs` order. Each posting list is walked once for the
    /// whole page. A phrase matches as the index matches it: each term at
    /// the next position, where a hyphenated whole stands at its first
    /// part's.
    pub fn page_spots(&self, index: &SearchIndex, docs: &[u32]) -> PageSpots {
        let mut page: Vec<(u32, usize)> = docs.iter().copied().zip(0..).collect();
        page.sort_unstable();
        let mut out: PageSpots = vec![Default::default(); docs.len()];
        let mut positions = Vec::new();
        for &(offset, group) in &self.records {
            let record = index.record_at(offset);
            for (fi, f) in BLOCK_FIELDS.iter().enumerate() {
                let mut cursor = PostingCursor::new(record.lists[*f as usize]);
                cursor.for_each_wanted(&page, |cursor, slot| {
                    positions.clear();
                    cursor.positions(&mut positions);
                    out[slot][fi].extend(positions.iter().map(|&p| Spot {
                        first: p,
                        last: p,
                        group,
                    }));
                });
            }
        }
        for (terms, group) in &self.phrases {
            if terms.is_empty() {
                continue;
            }
            let Some(records) = terms
                .iter()
                .map(|t| index.record(t))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let len = terms.len() as u32;
            for (fi, f) in BLOCK_FIELDS.iter().enumerate() {
                let lists: Vec<&[u8]> = records.iter().map(|r| r.lists[*f as usize]).collect();
                let mut cursor = PhraseCursor::new(&lists);
                cursor.for_each_wanted(&page, |cursor, slot| {
                    out[slot][fi].extend(cursor.starts().iter().map(|&p| Spot {
                        first: p,
                        last: p.saturating_add(len - 1),
                        group: *group,
                    }));
                });
            }
        }
        out
    }

    /// Marks in `text` (byte offsets, positions from 0), sorted; and the
    /// byte spans of its words by position (hyphenated wholes left out).
    fn marks(&self, text: &str) -> (Vec<Mark>, Vec<(usize, usize)>) {
        self.marks_in(text, 0, 0, None)
    }

    /// [`Highlighter::marks`] of `text[from..]`, where the word at
    /// position `position` starts (see [`checkpoint`]): offsets are still
    /// into `text` and positions count from its start, but the words are
    /// spans from `position` on. With `until`, analysis stops once every
    /// word that ends before the whitespace after word `until` is read.
    fn marks_in(
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
fn merge(marks: &[Mark]) -> Vec<(usize, usize)> {
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
fn to_chars(text: &str, ranges: &[(usize, usize)]) -> Vec<(u32, u32)> {
    let char_at = |b: usize| text.get(..b).map_or(0, |s| s.chars().count()) as u32;
    ranges
        .iter()
        .map(|&(s, e)| (char_at(s), char_at(e)))
        .collect()
}

/// A candidate passage in one block, by word positions in the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    block: usize,
    score: (usize, usize),
    first: u32,
    last: u32,
}

/// The best window of `words` positions among a block's spots, sorted by
/// first word (longer first on ties).
fn best_window(block: usize, spots: &[Spot], words: u32) -> Option<Window> {
    let mut best: Option<Window> = None;
    let mut groups: Vec<usize> = Vec::new();
    for (i, m) in spots.iter().enumerate() {
        let end = m.first.saturating_add(words);
        let inside = || spots[i..].iter().filter(|x| x.last < end);
        groups.clear();
        groups.extend(inside().map(|x| x.group));
        groups.sort_unstable();
        groups.dedup();
        let score = (groups.len(), inside().count());
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Window {
                block,
                score,
                first: m.first,
                last: inside().map(|x| x.last).max().unwrap_or(m.last),
            });
        }
    }
    best
}

/// The best `count` windows of an article, best first, one per block, from
/// its spots (one entry of [`PageSpots`]) and the index's block starts.
/// Spots outside every block (which a consistent index never has) are
/// ignored.
fn choose(
    article: &Article,
    block_starts: &[u32],
    spots: &[Vec<Spot>; 2],
    count: usize,
    words: u32,
) -> Vec<Window> {
    if block_starts.len() != article.blocks.len() {
        return Vec::new();
    }
    // (start, block) of the blocks of each field, in increasing order.
    let mut starts: [Vec<(u32, usize)>; 2] = Default::default();
    for (b, (block, &start)) in article.blocks.iter().zip(block_starts).enumerate() {
        let field = Field::of_block(block.kind);
        if let Some(fi) = BLOCK_FIELDS.iter().position(|&f| f == field) {
            starts[fi].push((start, b));
        }
    }
    let mut placed: Vec<(usize, Spot)> = Vec::new();
    for (fi, field_spots) in spots.iter().enumerate() {
        for s in field_spots {
            let k = starts[fi].partition_point(|&(start, _)| start <= s.first);
            let Some(&(start, b)) = k.checked_sub(1).and_then(|k| starts[fi].get(k)) else {
                continue;
            };
            // Unsorted starts (a corrupt index) must not underflow.
            let Some(first) = s.first.checked_sub(start) else {
                continue;
            };
            placed.push((
                b,
                Spot {
                    first,
                    last: s.last.saturating_sub(start),
                    group: s.group,
                },
            ));
        }
    }
    placed.sort_unstable_by_key(|&(b, s)| (b, s.first, std::cmp::Reverse(s.last), s.group));
    let mut block_spots = Vec::new();
    let mut windows: Vec<Window> = placed
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|run| {
            block_spots.clear();
            block_spots.extend(run.iter().map(|&(_, s)| s));
            best_window(run[0].0, &block_spots, words)
        })
        .collect();
    keep_best(&mut windows, count);
    windows
}

/// Keeps the best `count` of blocks' windows, best first: most query
/// groups, then most matches, then the earlier block.
fn keep_best(windows: &mut Vec<Window>, count: usize) {
    windows.sort_by(|a, b| b.score.cmp(&a.score).then(a.block.cmp(&b.block)));
    windows.truncate(count);
}

/// Where the punctuation glued to a word ending at `end` stops: a passage
/// ending with that word ends there.
fn glued_end(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or("");
    end + rest.find(char::is_whitespace).unwrap_or(rest.len())
}

/// Words in each block of an article, from its index entry: a block's
/// positions run up to the next block of its field (less the one-position
/// gap between blocks), the last one's up to the field's word count.
fn block_words(article: &Article, entry: &DocEntry) -> Vec<u32> {
    let mut words = vec![0; article.blocks.len()];
    for f in BLOCK_FIELDS {
        let blocks: Vec<usize> = (0..article.blocks.len())
            .filter(|&b| Field::of_block(article.blocks[b].kind) == f)
            .collect();
        let mut end = entry.lengths[f as usize].saturating_add(blocks.len() as u32);
        for &b in blocks.iter().rev() {
            let start = entry.block_starts.get(b).copied().unwrap_or(end);
            words[b] = end.saturating_sub(start).saturating_sub(1);
            end = start;
        }
    }
    words
}

/// The latest place in block `b`, at or before word `position`, where its
/// analysis can start and read the same words as from the block's start:
/// a sentence start preceded by whitespace, on a character that begins a
/// segment of its own (see [`starts_segment`]), so no word, hyphenated run
/// or segmentation rule reaches across it. `(byte in the block, position)`.
fn checkpoint(article: &Article, entry: &DocEntry, b: usize, position: u32) -> (usize, u32) {
    let Some(block) = article.blocks.get(b) else {
        return (0, 0);
    };
    let text = article.text(block.span);
    let mut best = (0, 0);
    if entry.sentence_starts.len() != article.sentences.len() {
        return best;
    }
    let first = article
        .sentences
        .partition_point(|s| (s.block as usize) < b);
    let sentences = article.sentences[first..]
        .iter()
        .zip(&entry.sentence_starts[first..])
        .take_while(|(s, _)| s.block as usize == b);
    for (s, &p) in sentences {
        if p > position {
            break;
        }
        let at = s.span.start.saturating_sub(block.span.start) as usize;
        let safe = at > 0
            && text
                .as_bytes()
                .get(at - 1)
                .is_some_and(u8::is_ascii_whitespace)
            && text
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(starts_segment);
        if safe {
            best = (at, p);
        }
    }
    best
}

/// Characters that, after whitespace, start a segment on which word
/// segmentation never looks back across the whitespace: ASCII punctuation
/// and letters, other letters and digits that are not combining marks (no
/// joiner or format character is alphanumeric), and opening quotes.
fn starts_segment(c: char) -> bool {
    c.is_ascii_graphic()
        || (c.is_alphanumeric() && !is_combining_mark(c))
        || matches!(c, '‘' | '“' | '«' | '„' | '¿' | '¡')
}

/// Up to `count` passages of about `words` words, best first, one per
/// block; the lead of the article when no block has a match. `spots` are
/// the article's entry of [`Highlighter::page_spots`] and `entry` its index
/// entry.
pub(crate) fn snippets(
    article: &Article,
    entry: &DocEntry,
    spots: &[Vec<Spot>; 2],
    h: &Highlighter,
    count: usize,
    words: usize,
) -> Vec<Snippet> {
    let words = words.clamp(1, 1_000) as u32;
    let mut windows = choose(article, &entry.block_starts, spots, count, words);
    if windows.is_empty() && count > 0 {
        // No match in the body (title or names only): show the lead.
        let lead = article
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Paragraph)
            .or(if article.blocks.is_empty() {
                None
            } else {
                Some(0)
            });
        if let Some(b) = lead {
            windows.push(Window {
                block: b,
                score: (0, 0),
                first: 0,
                last: 0,
            });
        }
    }
    let block_words = block_words(article, entry);
    windows
        .into_iter()
        .filter_map(|w| {
            let block_words = *block_words.get(w.block)?;
            let (first, last) = extent(&w, words, block_words)?;
            let (from, position) = checkpoint(article, entry, w.block, first);
            let block = article.blocks.get(w.block)?;
            let text = article.text(block.span);
            let (marks, spans) = h.marks_in(text, from, position, Some(last));
            let whole_end = last + 1 >= block_words;
            passage(
                article,
                w.block,
                (first, last),
                whole_end,
                &marks,
                &spans,
                position,
            )
        })
        .collect()
}

/// The first and last word of the passage shown for a window: `words`
/// words around its cluster of matches, within a block of `block_words`.
fn extent(w: &Window, words: u32, block_words: u32) -> Option<(u32, u32)> {
    let last_pos = block_words.checked_sub(1)?;
    if w.first > last_pos {
        return None;
    }
    // Centre the cluster of matches in the window.
    let cluster = w.last.saturating_sub(w.first) + 1;
    let slack = words.saturating_sub(cluster);
    let mut first = w.first.saturating_sub(slack / 2);
    let mut last = first.saturating_add(words - 1).max(w.last);
    if last > last_pos {
        last = last_pos;
        first = last.saturating_sub(words - 1).min(w.first);
    }
    Some((first, last))
}

/// The snippet of words `first..=last` of block `b` (running to the
/// block's end when `to_end`), from the marks and word spans of its
/// analysis from word `position` on.
fn passage(
    article: &Article,
    b: usize,
    (first, last): (u32, u32),
    to_end: bool,
    marks: &[Mark],
    spans: &[(usize, usize)],
    position: u32,
) -> Option<Snippet> {
    let block = *article.blocks.get(b)?;
    let text = article.text(block.span);
    let span = |p: u32| spans.get(p.checked_sub(position)? as usize).copied();
    let start = if first == 0 { 0 } else { span(first)?.0 };
    let end = if to_end {
        text.len()
    } else {
        glued_end(text, span(last)?.1)
    };
    let inside: Vec<Mark> = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .copied()
        .collect();
    let ranges = merge(&inside);
    let snippet_text = text.get(start..end)?;
    let local: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(s, e)| (s - start, e - start))
        .collect();
    let base = block.span.start as usize;
    Some(Snippet {
        text: snippet_text.to_string(),
        highlights: to_chars(snippet_text, &local),
        block: b as u32,
        span: Span::new(base + start, base + end),
        body_highlights: ranges
            .iter()
            .map(|&(s, e)| Span::new(base + s, base + e))
            .collect(),
        truncated_start: start > 0,
        truncated_end: end < text.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;
    use crate::search::index::SearchIndex;
    use crate::search::plan::plan;
    use crate::search::query::parse;
    use proptest::prelude::*;

    fn setup(text: &str, q: &str, typing: bool) -> (Article, SearchIndex, Highlighter) {
        let a = articles(&[text]).remove(0);
        let index = SearchIndex::build(std::slice::from_ref(&a));
        let p = plan(&index, &parse(q), typing);
        (a, index, Highlighter::new(&p))
    }

    /// Snippets of document `doc`, chosen from the postings.
    fn run(
        index: &SearchIndex,
        a: &Article,
        doc: u32,
        h: &Highlighter,
        count: usize,
        words: usize,
    ) -> Vec<Snippet> {
        let spots = h.page_spots(index, &[doc]);
        snippets(a, &index.docs[doc as usize], &spots[0], h, count, words)
    }

    /// The passages of the windows analysis chooses, each from its whole
    /// block analysed from the start: what the postings, block lengths,
    /// sentence checkpoints and early stop must reproduce.
    fn analysed_snippets(a: &Article, h: &Highlighter, count: usize, words: usize) -> Vec<Snippet> {
        analysed(a, h, count, words)
            .into_iter()
            .filter_map(|w| {
                let (marks, spans) = h.marks(a.text(a.blocks[w.block].span));
                let n = spans.len() as u32;
                let (first, last) = extent(&w, words as u32, n)?;
                passage(a, w.block, (first, last), last + 1 >= n, &marks, &spans, 0)
            })
            .collect()
    }

    /// What choosing by analysing every block gives: the definition the
    /// postings must reproduce.
    fn analysed(a: &Article, h: &Highlighter, count: usize, words: usize) -> Vec<Window> {
        let words = words.clamp(1, 1_000) as u32;
        let mut windows: Vec<Window> = a
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(b, block)| {
                let (marks, _) = h.marks(a.text(block.span));
                let spots: Vec<Spot> = marks.iter().map(|m| m.spot).collect();
                best_window(b, &spots, words)
            })
            .collect();
        keep_best(&mut windows, count);
        windows
    }

    fn chosen(
        index: &SearchIndex,
        a: &Article,
        doc: u32,
        h: &Highlighter,
        count: usize,
        words: usize,
    ) -> Vec<Window> {
        let spots = h.page_spots(index, &[doc]);
        let starts = &index.docs[doc as usize].block_starts;
        choose(a, starts, &spots[0], count, words.clamp(1, 1_000) as u32)
    }

    fn marked(s: &Snippet) -> Vec<String> {
        let chars: Vec<char> = s.text.chars().collect();
        s.highlights
            .iter()
            .map(|&(a, b)| chars[a as usize..b as usize].iter().collect())
            .collect()
    }

    #[test]
    fn marks_exact_words_typos_and_prefixes() {
        let (a, i, h) = setup(
            "Title\nIn Kýiv’s talks, Witkoff spent nearly four hours negotiating.",
            "kyiv witkof negot",
            true,
        );
        let s = run(&i, &a, 0, &h, 2, 30);
        assert_eq!(s.len(), 1);
        assert_eq!(marked(&s[0]), ["Kýiv", "Witkoff", "negotiating"]);
        assert_eq!(&a.body[s[0].span.range()], s[0].text);
        for span in &s[0].body_highlights {
            assert!(a.body.is_char_boundary(span.start as usize));
        }
    }

    #[test]
    fn phrases_are_one_mark_and_stop_words_are_not_marked() {
        let (a, i, h) = setup(
            "Title\nThe meeting lasted nearly four hours, the envoy said.",
            "\"nearly four hours\" the envoy",
            false,
        );
        let s = run(&i, &a, 0, &h, 1, 30);
        assert_eq!(marked(&s[0]), ["nearly four hours", "envoy"]);
    }

    #[test]
    fn window_is_about_the_densest_cluster() {
        let filler = "word ".repeat(60);
        let text = format!(
            "Title\nalpha {filler} beta gamma delta {filler}end.\n\nSecond paragraph with gamma."
        );
        let (a, i, h) = setup(&text, "beta gamma", false);
        let s = run(&i, &a, 0, &h, 2, 10);
        assert_eq!(marked(&s[0]), ["beta", "gamma"]);
        assert!(s[0].truncated_start && s[0].truncated_end);
        assert_eq!(s[0].text.split_whitespace().count(), 10);
        assert_eq!(s[1].block, 1);
        assert_eq!(marked(&s[1]), ["gamma"]);
    }

    #[test]
    fn lead_when_only_the_title_matches() {
        let (a, i, h) = setup("Kyiv talks\nNothing else here.", "kyiv", false);
        let s = run(&i, &a, 0, &h, 2, 30);
        assert_eq!(s.len(), 1);
        assert!(s[0].highlights.is_empty());
        assert_eq!(h.chars(&a.title), [(0, 4)]);
    }

    #[test]
    fn postings_choose_what_analysis_would() {
        let texts = [
            "Title\nThe U.S. envoy's talks.\n\nA five-hour meeting on 1,000 troops.\n\n\
             Kýiv said no.\n\nNothing here at all.\n\nO'Brien negotiated the deal.",
            "Tax\nTax plans. Tax again.\n\nThe tax plans and more tax plans here.\n\n\
             Plans, plans-tax and tax.\n\nNothing.\n\nTax tax tax tax tax plans.\n\n\
             A plan for tax. \"Tax plans\" said Tory.",
            // A part cut to the longest term, so its whole equals it.
            "Long\nThe longwordlongwordlongwordlongwordlongwordlongword-tail and \
             longwordlongwordlongwordlongwordlongwordlongword again.",
            "Quotes\nFirst sentence here. “Quoted start” of the second one. Éclair third \
             sentence. ‘Single’ fourth five-hour sentence with tax plans.",
        ];
        let queries = [
            "us",
            "fivehour",
            "five-hour meeting",
            "1000",
            "kyiv",
            "obrien negot",
            "\"the deal\"",
            "envoy",
            "tax",
            "tax plans",
            "tory tax plans",
            "\"tax plans\" tory",
            "pla",
            "ta",
            "plans -tax",
            // A phrase through a hyphenated whole, matched as the index does.
            "\"a fivehour\"",
            "\"fivehour meeting\"",
            "\"plans plans-tax\"",
            "\"plans planstax\"",
            "longwordlongwordlongwordlongwordlongwordlongword",
            "tax",
            "\"tax plans\"",
            "sentence",
        ];
        let a = articles(&texts);
        let index = SearchIndex::build(&a);
        for q in queries {
            let h = Highlighter::new(&plan(&index, &parse(q), true));
            for (doc, article) in a.iter().enumerate() {
                for count in 1..4 {
                    assert_eq!(
                        chosen(&index, article, doc as u32, &h, count, 5),
                        analysed(article, &h, count, 5),
                        "{q} doc {doc} count {count}"
                    );
                    if !analysed(article, &h, count, 5).is_empty() {
                        assert_eq!(
                            run(&index, article, doc as u32, &h, count, 5),
                            analysed_snippets(article, &h, count, 5),
                            "{q} doc {doc}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn seeds_choose_what_analysis_would() {
        let a = seeds();
        let index = SearchIndex::build(&a);
        for q in [
            "putin witkoff",
            "\"peace plan\" kremlin",
            "ukraine OR russia",
            "kyiv talks",
            "europ",
            "witkof kushner",
            "person:putin ukraine",
            "the",
            "hours meeting five-hour",
        ] {
            let h = Highlighter::new(&plan(&index, &parse(q), true));
            for (doc, article) in a.iter().enumerate() {
                assert_eq!(
                    chosen(&index, article, doc as u32, &h, 3, 30),
                    analysed(article, &h, 3, 30),
                    "{q} doc {doc}"
                );
                for words in [5, 12, 30] {
                    if !analysed(article, &h, 3, words).is_empty() {
                        assert_eq!(
                            run(&index, article, doc as u32, &h, 3, words),
                            analysed_snippets(article, &h, 3, words),
                            "{q} doc {doc}"
                        );
                    }
                }
            }
        }
    }

    /// The five seed articles of `corpus/`, parsed.
    fn seeds() -> Vec<Article> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        crate::parse::parse_corpus(&files)
            .into_iter()
            .map(|r| r.unwrap())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// An index whose block and sentence starts are garbage (a corrupt
        /// or mismatched bundle) gives wrong passages at worst: never a
        /// panic, and every passage is still text of its article.
        #[test]
        fn garbage_starts_never_panic(
            blocks in prop::collection::vec(prop_oneof![any::<u32>(), 0u32..400], 0..40),
            sentences in prop::collection::vec(prop_oneof![any::<u32>(), 0u32..60], 0..40),
            q in 0usize..4,
        ) {
            let a = seeds();
            let mut index = SearchIndex::build(&a);
            // As many values as the article has blocks and sentences, so
            // they are used rather than refused for their length.
            let cycle = |values: &[u32], n: usize| -> Vec<u32> {
                values.iter().copied().cycle().take(n).collect()
            };
            for (d, article) in index.docs.iter_mut().zip(&a) {
                if !blocks.is_empty() {
                    d.block_starts = cycle(&blocks, article.blocks.len());
                }
                if !sentences.is_empty() {
                    d.sentence_starts = cycle(&sentences, article.sentences.len());
                }
            }
            let query = ["putin witkoff", "\"peace plan\" kyiv", "talks", "europ"][q];
            let opts = crate::search::SearchOptions { typing: true, ..Default::default() };
            for hit in index.search(&a, query, &opts).hits {
                let article = &a[hit.doc as usize];
                for s in hit.snippets {
                    prop_assert_eq!(&article.body[s.span.range()], s.text.as_str());
                    let chars = s.text.chars().count() as u32;
                    prop_assert!(s.highlights.iter().all(|&(x, y)| x <= y && y <= chars));
                }
            }
        }

        /// Generated articles with headings, hyphens, possessives, accents
        /// and repeated words, and queries of their words: the postings
        /// choose the same windows as analysing every block.
        #[test]
        fn generated_articles_choose_what_analysis_would(
            blocks in prop::collection::vec(
                (any::<bool>(), prop::collection::vec(0usize..WORDS.len(), 1..25)),
                1..8,
            ),
            query in prop::collection::vec(0usize..WORDS.len(), 1..4),
            phrase in any::<bool>(),
            words in 2usize..12,
        ) {
            let mut text = String::from("Title words\n");
            for (heading, ws) in &blocks {
                let line: Vec<&str> = ws.iter().map(|&w| WORDS[w]).collect();
                if *heading {
                    text.push_str(&format!("\n## {}\n\n", line.join(" ")));
                } else {
                    text.push_str(&format!("\n{}.\n\n", line.join(" ")));
                }
            }
            let mut q: Vec<String> = query.iter().map(|&w| WORDS[w].to_string()).collect();
            if phrase && q.len() > 1 {
                q = vec![format!("\"{}\"", q.join(" "))];
            }
            let q = q.join(" ");
            let (a, index, h) = setup(&text, &q, true);
            for count in 1..4 {
                prop_assert_eq!(
                    chosen(&index, &a, 0, &h, count, words),
                    analysed(&a, &h, count, words),
                    "{} | {}", q, text
                );
                if !analysed(&a, &h, count, words).is_empty() {
                    prop_assert_eq!(
                        run(&index, &a, 0, &h, count, words),
                        analysed_snippets(&a, &h, count, words),
                        "{} | {}", q, text
                    );
                }
            }
        }
    }

    const WORDS: &[&str] = &[
        "talks",
        "talk",
        "Kýiv",
        "Kyiv’s",
        "five-hour",
        "five",
        "hour",
        "hours",
        "the",
        "of",
        "U.S.",
        "envoy",
        "envoys",
        "plan",
        "plans",
        "peace-plan",
        "£90m",
        "90",
        "O'Brien",
        "negotiating",
        "negotiate",
        "a",
        "déjà",
        "deja-vu",
        // Sentence ends and starts, so passages start from sentences.
        "said.",
        "talks.",
        "Then",
        "The",
        "\"Talks",
        "hours.\"",
        "(Kyiv)",
        "Mr.",
        "U.S.-led",
        "—",
    ];
}
