//! Building passages: from a chosen window to the words shown around it,
//! analysed from the nearest safe sentence start, with their marks.

use unicode_normalization::char::is_combining_mark;

use super::mark::{glued_end, merge, to_chars, Mark};
use super::spot::BLOCK_FIELDS;
use super::window::{choose, extent, Window};
use super::{Highlighter, Snippet, Spot, MAX_SNIPPET_WORDS};
use crate::article::{Article, BlockKind, Span};
use crate::search::index::{DocEntry, Field, POSITION_GAP};

/// Up to `count` passages of about `words` words, best first, one per
/// block; the lead of the article when no block has a match. `spots` are
/// the article's entry of [`Highlighter::page_spots`] and `entry` its index
/// entry.
pub(crate) fn snippets(
    article: &Article,
    entry: &DocEntry,
    spots: &[Vec<Spot>; BLOCK_FIELDS.len()],
    h: &Highlighter,
    count: usize,
    words: usize,
) -> Vec<Snippet> {
    let words = words.clamp(1, MAX_SNIPPET_WORDS) as u32;
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

/// Words in each block of an article, from its index entry: a block's
/// positions run up to the next block of its field (less the
/// [`POSITION_GAP`] between blocks), the last one's up to the field's word
/// count.
fn block_words(article: &Article, entry: &DocEntry) -> Vec<u32> {
    let mut words = vec![0; article.blocks.len()];
    for f in BLOCK_FIELDS {
        let blocks: Vec<usize> = (0..article.blocks.len())
            .filter(|&b| Field::of_block(article.blocks[b].kind) == f)
            .collect();
        let gaps = (blocks.len() as u32).saturating_mul(POSITION_GAP);
        let mut end = entry.lengths[f as usize].saturating_add(gaps);
        for &b in blocks.iter().rev() {
            let start = entry.block_starts.get(b).copied().unwrap_or(end);
            words[b] = end.saturating_sub(start).saturating_sub(POSITION_GAP);
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

/// The snippet of words `first..=last` of block `b` (running to the
/// block's end when `to_end`), from the marks and word spans of its
/// analysis from word `position` on.
pub(super) fn passage(
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
