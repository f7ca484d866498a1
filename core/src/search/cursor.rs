//! The one way to read a posting list: a cursor that steps or seeks through
//! its documents and decodes positions only when asked.
//!
//! Every reader of the postings goes through [`PostingCursor`]: scoring
//! walks it with [`PostingCursor::advance`] and reads only term
//! frequencies; phrase matching, proximity, explanations and passage
//! spotting [`PostingCursor::seek`] to the documents they want and read
//! [`PostingCursor::positions`] there.
//!
//! A list keeps every document's term frequency in its head and all the
//! positions after it (see [`super::postings`]), so stepping through the
//! head never touches positions. The positions of documents passed over are
//! only counted, and skipped in one go when positions are next asked for:
//! a cursor that never asks never pays for them.
//!
//! Corrupt or truncated bytes end the list early; nothing here panics.

use super::postings::{read_varint, CONTINUATION_BIT};

/// Documents in increasing order, walked forward only: what a cursor over
/// one posting list and one over a phrase ([`super::phrase::PhraseCursor`])
/// have in common. A cursor starts before its first document.
pub trait DocCursor {
    /// The document the cursor is on: `None` before the first move and
    /// once the cursor is exhausted.
    fn doc(&self) -> Option<u32>;

    /// Moves to the next document and returns it; `None` at the end, where
    /// the cursor then stays.
    fn advance(&mut self) -> Option<u32>;

    /// Moves to the first document at or after `target` and returns it;
    /// stays where it is when already there. `None` when there is no such
    /// document.
    fn seek(&mut self, target: u32) -> Option<u32>;

    /// Calls `f(self, slot)`, on that document, for each `(doc, slot)` of
    /// `wanted` (sorted by document) the cursor has; a document wanted
    /// twice is visited once. Stops at the cursor's end, so a page of
    /// results costs a walk up to its last document, not the whole list.
    fn for_each_wanted(&mut self, wanted: &[(u32, usize)], mut f: impl FnMut(&mut Self, usize))
    where
        Self: Sized,
    {
        let mut visited = None;
        for &(doc, slot) in wanted {
            match self.seek(doc) {
                None => break,
                Some(d) if d == doc && visited != Some(doc) => {
                    visited = Some(doc);
                    f(self, slot);
                }
                Some(_) => {}
            }
        }
    }
}

/// A cursor over one posting list (see [`DocCursor`]), with the current
/// document's term frequency and, on demand, its positions.
#[derive(Debug, Clone)]
pub struct PostingCursor<'a> {
    bytes: &'a [u8],
    /// Documents in the list, as its header says.
    doc_count: u32,
    head_at: usize,
    head_end: usize,
    pos_at: usize,
    /// Documents not reached yet.
    remaining: u32,
    /// The document the cursor is on; `None` before the first and after
    /// the last.
    doc: Option<u32>,
    /// The smallest number the next document can have.
    next_doc: u32,
    /// Term frequency of the current document.
    tf: u32,
    /// Positions of the current document not read yet.
    unread: u32,
    /// Positions of earlier documents not read yet: skipped only when
    /// positions are next asked for, so walking the head to score never
    /// touches them.
    skipped: u32,
}

impl<'a> PostingCursor<'a> {
    /// A cursor before the first document of `list` (the bytes
    /// [`super::postings::ListBuilder::write`] wrote).
    pub fn new(list: &'a [u8]) -> PostingCursor<'a> {
        let mut at = 0;
        let doc_count = read_varint(list, &mut at).unwrap_or(0);
        let head_len = read_varint(list, &mut at).unwrap_or(0) as usize;
        let head_end = at.saturating_add(head_len).min(list.len());
        PostingCursor {
            bytes: list,
            doc_count,
            head_at: at,
            head_end,
            pos_at: head_end,
            remaining: doc_count,
            doc: None,
            next_doc: 0,
            tf: 0,
            unread: 0,
            skipped: 0,
        }
    }

    /// Number of documents in the list (what its header says; a corrupt
    /// list may end sooner).
    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// How many times the term occurs in the current document (0 when the
    /// cursor is on none).
    pub fn term_freq(&self) -> u32 {
        self.tf
    }

    /// Appends the positions of the current document to `out`, in
    /// increasing order. They are decoded once: asking again for the same
    /// document appends nothing.
    pub fn positions(&mut self, out: &mut Vec<u32>) {
        // Each varint ends with the one byte below the continuation bit.
        while self.skipped > 0 {
            let Some(&b) = self.bytes.get(self.pos_at) else {
                break;
            };
            self.pos_at += 1;
            self.skipped -= u32::from(b < CONTINUATION_BIT);
        }
        let mut p: u32 = 0;
        for i in 0..self.unread {
            let Some(v) = read_varint(self.bytes, &mut self.pos_at) else {
                break;
            };
            p = if i == 0 { v } else { p.saturating_add(v) };
            out.push(p);
        }
        self.unread = 0;
    }

    /// Reads the next head entry into the cursor.
    fn read_entry(&mut self) -> Option<u32> {
        if self.remaining == 0 {
            return None;
        }
        let head = &self.bytes[..self.head_end];
        let v = read_varint(head, &mut self.head_at)?;
        // The low bit flags the common term frequency of 1, which then
        // takes no byte of its own.
        let tf = if v & 1 == 1 {
            1
        } else {
            read_varint(head, &mut self.head_at)?
        };
        let doc = self.next_doc.checked_add(v >> 1)?;
        self.next_doc = doc.checked_add(1)?;
        self.remaining -= 1;
        self.skipped = self.skipped.saturating_add(self.unread);
        self.unread = tf;
        self.tf = tf;
        self.doc = Some(doc);
        Some(doc)
    }

    /// Leaves the cursor past the end for good.
    fn finish(&mut self) {
        self.remaining = 0;
        self.doc = None;
        self.tf = 0;
        self.skipped = self.skipped.saturating_add(self.unread);
        self.unread = 0;
    }
}

impl DocCursor for PostingCursor<'_> {
    fn doc(&self) -> Option<u32> {
        self.doc
    }

    #[inline]
    fn advance(&mut self) -> Option<u32> {
        let next = self.read_entry();
        if next.is_none() {
            self.finish();
        }
        next
    }

    #[inline]
    fn seek(&mut self, target: u32) -> Option<u32> {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return Some(doc);
        }
        while let Some(doc) = self.advance() {
            if doc >= target {
                return Some(doc);
            }
        }
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::postings::ListBuilder;

    /// The bytes of a posting list of `(doc, positions)`, for tests here
    /// and in the readers built on the cursor.
    pub(crate) fn list(docs: &[(u32, &[u32])]) -> Vec<u8> {
        let mut b = ListBuilder::default();
        for (doc, positions) in docs {
            b.push(*doc, positions);
        }
        let mut bytes = Vec::new();
        b.write(&mut bytes);
        bytes
    }

    #[test]
    fn lists_round_trip_with_and_without_positions() {
        let bytes = list(&[(3, &[7]), (4, &[1, 2, 90]), (1000, &[5, 6])]);
        let mut c = PostingCursor::new(&bytes);
        assert_eq!(c.doc_count(), 3);
        assert_eq!(c.doc(), None);
        assert_eq!((c.advance(), c.term_freq()), (Some(3), 1));
        // Positions of doc 3 skipped.
        assert_eq!((c.advance(), c.term_freq()), (Some(4), 3));
        let mut p = Vec::new();
        c.positions(&mut p);
        assert_eq!(p, [1, 2, 90]);
        // Once only.
        c.positions(&mut p);
        assert_eq!(p, [1, 2, 90]);
        assert_eq!((c.advance(), c.term_freq()), (Some(1000), 2));
        p.clear();
        c.positions(&mut p);
        assert_eq!(p, [5, 6]);
        assert_eq!(c.advance(), None);
        assert_eq!((c.doc(), c.term_freq()), (None, 0));
        assert_eq!(c.advance(), None);
    }

    #[test]
    fn seek_lands_on_the_first_doc_at_or_after_the_target() {
        let bytes = list(&[(2, &[0, 4]), (5, &[1]), (9, &[3, 8, 9]), (12, &[2])]);
        let mut c = PostingCursor::new(&bytes);
        assert_eq!(c.seek(0), Some(2));
        assert_eq!(c.seek(2), Some(2));
        assert_eq!(c.seek(6), Some(9));
        // Never backwards.
        assert_eq!(c.seek(3), Some(9));
        let mut p = Vec::new();
        c.positions(&mut p);
        assert_eq!(p, [3, 8, 9]);
        assert_eq!(c.seek(12), Some(12));
        p.clear();
        c.positions(&mut p);
        assert_eq!(p, [2]);
        assert_eq!(c.seek(13), None);
        assert_eq!(c.doc(), None);
    }

    #[test]
    fn positions_after_many_skipped_docs() {
        let docs: Vec<(u32, Vec<u32>)> = (0..300)
            .map(|d| (d * 3, (0..d % 5 + 1).map(|k| k * 200 + d).collect()))
            .collect();
        let mut b = ListBuilder::default();
        for (doc, positions) in &docs {
            b.push(*doc, positions);
        }
        let mut bytes = Vec::new();
        b.write(&mut bytes);
        let mut c = PostingCursor::new(&bytes);
        for (doc, positions) in docs.iter().step_by(7) {
            assert_eq!(c.seek(*doc), Some(*doc));
            let mut p = Vec::new();
            c.positions(&mut p);
            assert_eq!(&p, positions);
        }
    }

    #[test]
    fn garbage_never_panics() {
        for bytes in [
            &[][..],
            &[5, 200, 1],
            &[0xff, 0xff, 0xff],
            &[3, 1, 0xff, 0xff],
            &[4, 3, 0, 0x80, 0x80, 7, 7],
            // A record's bytes read as a list.
            &[1, 0b101, 3, 1, 1, 2, 0, 4, 1, 5, 4],
        ] {
            let mut c = PostingCursor::new(bytes);
            let mut p = Vec::new();
            while c.advance().is_some() {
                c.positions(&mut p);
            }
            let mut c = PostingCursor::new(bytes);
            let _ = c.seek(u32::MAX);
            c.positions(&mut p);
        }
    }
}
