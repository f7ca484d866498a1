//! Choosing passages: the best window of matches in each block, by word
//! positions, and the best blocks.

use super::spot::BLOCK_FIELDS;
use super::Spot;
use crate::article::Article;
use crate::search::index::Field;

/// A candidate passage in one block, by word positions in the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Window {
    pub(super) block: usize,
    pub(super) score: (usize, usize),
    pub(super) first: u32,
    pub(super) last: u32,
}

/// The best window of `words` positions among a block's spots, sorted by
/// first word (longer first on ties).
pub(super) fn best_window(block: usize, spots: &[Spot], words: u32) -> Option<Window> {
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
/// its spots (one entry of [`super::spot::PageSpots`]) and the index's block starts.
/// Spots outside every block (which a consistent index never has) are
/// ignored.
pub(super) fn choose(
    article: &Article,
    block_starts: &[u32],
    spots: &[Vec<Spot>; BLOCK_FIELDS.len()],
    count: usize,
    words: u32,
) -> Vec<Window> {
    if block_starts.len() != article.blocks.len() {
        return Vec::new();
    }
    // (start, block) of the blocks of each field, in increasing order.
    let mut starts: [Vec<(u32, usize)>; BLOCK_FIELDS.len()] = Default::default();
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
pub(super) fn keep_best(windows: &mut Vec<Window>, count: usize) {
    windows.sort_by(|a, b| b.score.cmp(&a.score).then(a.block.cmp(&b.block)));
    windows.truncate(count);
}

/// The first and last word of the passage shown for a window: `words`
/// words around its cluster of matches, within a block of `block_words`.
pub(super) fn extent(w: &Window, words: u32, block_words: u32) -> Option<(u32, u32)> {
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
