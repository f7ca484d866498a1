//! Spotting: where the query's terms and phrases are in the headings and
//! body of a page of hits, read from the postings alone.

use super::{Highlighter, Spot};
use crate::search::cursor::{DocCursor, PostingCursor};
use crate::search::index::{Field, SearchIndex};
use crate::search::phrase::PhraseCursor;

/// The text fields blocks are indexed in, in the order [`PageSpots`] keeps
/// them.
pub(super) const BLOCK_FIELDS: [Field; 2] = [Field::Heading, Field::Body];

/// The query's matches in the headings and body of each document of a page
/// of hits, with positions as the index numbers them (per field).
pub(crate) type PageSpots = Vec<[Vec<Spot>; BLOCK_FIELDS.len()]>;

impl Highlighter {
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
}
