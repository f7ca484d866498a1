//! Phrase matching: the documents where some terms stand at consecutive
//! positions, and where in each the phrase starts.
//!
//! [`follows`] is the one definition of "consecutive", shared by the
//! postings ([`PhraseCursor`], which scoring and passage spotting read) and
//! by the marking of analysed text in snippets, so a phrase is found in the
//! same places by both.
//!
//! [`PhraseCursor`] intersects one [`PostingCursor`] per term, led by the
//! rarest list: the others only seek to the documents it proposes, and
//! positions are decoded only for documents that have every term.

use super::cursor::{DocCursor, PostingCursor};

/// Whether a phrase of `len` terms whose first term is at `start` goes on
/// to the end: each later term `i` (from 1) stands at `start + i`, as
/// `at(i, position)` tells.
pub fn follows(start: u32, len: usize, mut at: impl FnMut(usize, u32) -> bool) -> bool {
    (1..len).all(|i| {
        u32::try_from(i)
            .ok()
            .and_then(|i| start.checked_add(i))
            .is_some_and(|p| at(i, p))
    })
}

/// A cursor over the documents where a phrase occurs (see [`DocCursor`]),
/// with the positions where it starts in each.
#[derive(Debug, Clone)]
pub struct PhraseCursor<'a> {
    /// One cursor per term, in phrase order.
    terms: Vec<PostingCursor<'a>>,
    /// Term indexes by increasing list length: the first leads.
    order: Vec<usize>,
    doc: Option<u32>,
    /// Positions of each term in the current candidate document.
    positions: Vec<Vec<u32>>,
    /// Where the phrase starts in the current document.
    starts: Vec<u32>,
    /// Set once any list ends: no document can follow.
    done: bool,
}

impl<'a> PhraseCursor<'a> {
    /// A cursor over the phrase whose terms have the posting lists
    /// `lists`, in phrase order, before its first document. With no terms
    /// it matches nothing.
    pub fn new(lists: &[&'a [u8]]) -> PhraseCursor<'a> {
        let terms: Vec<PostingCursor<'a>> = lists.iter().map(|l| PostingCursor::new(l)).collect();
        let mut order: Vec<usize> = (0..terms.len()).collect();
        order.sort_by_key(|&i| terms[i].doc_count());
        PhraseCursor {
            positions: vec![Vec::new(); terms.len()],
            done: terms.is_empty(),
            terms,
            order,
            doc: None,
            starts: Vec::new(),
        }
    }

    /// Where the phrase starts in the current document: positions of its
    /// first term, increasing.
    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// Puts the cursor on `doc`, or past the end for good when `None`.
    fn land(&mut self, doc: Option<u32>) -> Option<u32> {
        if doc.is_none() {
            self.done = true;
            self.starts.clear();
        }
        self.doc = doc;
        doc
    }

    /// From the leading cursor on `target`, the first document at or after
    /// it where every term is and the phrase occurs.
    fn settle(&mut self, mut target: u32) -> Option<u32> {
        loop {
            target = self.align(target)?;
            if self.find_starts() {
                return Some(target);
            }
            target = self.terms[self.order[0]].advance()?;
        }
    }

    /// Brings every cursor to the first document at or after `target` that
    /// they all have (the leading one is on `target`).
    fn align(&mut self, mut target: u32) -> Option<u32> {
        'candidate: loop {
            for k in 1..self.order.len() {
                let doc = self.terms[self.order[k]].seek(target)?;
                if doc > target {
                    target = self.terms[self.order[0]].seek(doc)?;
                    continue 'candidate;
                }
            }
            return Some(target);
        }
    }

    /// Reads every term's positions in the document all cursors are on and
    /// keeps where the phrase starts; false when it starts nowhere.
    fn find_starts(&mut self) -> bool {
        for (cursor, positions) in self.terms.iter_mut().zip(&mut self.positions) {
            positions.clear();
            cursor.positions(positions);
        }
        let positions = &self.positions;
        self.starts.clear();
        self.starts
            .extend(positions[0].iter().copied().filter(|&p| {
                follows(p, positions.len(), |i, want| {
                    positions[i].binary_search(&want).is_ok()
                })
            }));
        !self.starts.is_empty()
    }
}

impl DocCursor for PhraseCursor<'_> {
    fn doc(&self) -> Option<u32> {
        self.doc
    }

    /// Moves to the next document with the phrase.
    fn advance(&mut self) -> Option<u32> {
        if self.done {
            return None;
        }
        let next = self.terms[self.order[0]]
            .advance()
            .and_then(|target| self.settle(target));
        self.land(next)
    }

    /// Moves to the first document at or after `target` with the phrase;
    /// stays when already there.
    fn seek(&mut self, target: u32) -> Option<u32> {
        if let Some(doc) = self.doc.filter(|&d| d >= target) {
            return Some(doc);
        }
        if self.done {
            return None;
        }
        let next = self.terms[self.order[0]]
            .seek(target)
            .and_then(|target| self.settle(target));
        self.land(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::cursor::tests::list;

    fn all(lists: &[&[u8]]) -> Vec<(u32, Vec<u32>)> {
        let mut c = PhraseCursor::new(lists);
        let mut out = Vec::new();
        while let Some(doc) = c.advance() {
            out.push((doc, c.starts().to_vec()));
        }
        out
    }

    #[test]
    fn adjacency() {
        let at = [vec![3, 9], vec![4, 11], vec![5]];
        let has = |i: usize, p: u32| at[i].contains(&p);
        assert!(follows(3, 3, has));
        assert!(!follows(9, 3, has));
        assert!(follows(9, 1, has));
        assert!(!follows(u32::MAX, 2, |_, _| true));
    }

    #[test]
    fn documents_and_starts_of_a_phrase() {
        let nearly = list(&[(0, &[1, 8]), (2, &[4]), (5, &[0, 6]), (7, &[3])]);
        let four = list(&[(0, &[2, 20]), (1, &[5]), (2, &[6]), (5, &[1, 7]), (7, &[4])]);
        let hours = list(&[(0, &[3]), (2, &[7]), (5, &[2, 8]), (6, &[0])]);
        assert_eq!(
            all(&[&nearly, &four, &hours]),
            [(0, vec![1]), (5, vec![0, 6])]
        );
        // Order matters; a repeated term needs consecutive occurrences.
        assert!(all(&[&four, &nearly]).is_empty());
        assert_eq!(all(&[&four, &four]), []);
        assert_eq!(all(&[&nearly]).len(), 4);
        assert!(all(&[]).is_empty());
        assert!(all(&[&nearly[..], &[]]).is_empty());
    }

    #[test]
    fn seek_skips_to_wanted_documents() {
        let a = list(&[(1, &[0]), (4, &[2]), (6, &[5]), (9, &[1])]);
        let b = list(&[(1, &[1]), (4, &[9]), (6, &[6]), (9, &[2])]);
        let mut c = PhraseCursor::new(&[&a, &b]);
        assert_eq!(c.seek(2), Some(6));
        assert_eq!(c.starts(), [5]);
        assert_eq!(c.seek(6), Some(6));
        assert_eq!(c.seek(7), Some(9));
        assert_eq!(c.seek(10), None);
        assert_eq!(c.advance(), None);
    }

    #[test]
    fn garbage_never_panics() {
        let good = list(&[(1, &[0]), (4, &[2])]);
        for bytes in [&[][..], &[5, 200, 1], &[3, 1, 0xff, 0xff], &[2, 2, 3, 0, 9]] {
            let _ = all(&[bytes, &good]);
            let _ = all(&[&good, bytes, bytes]);
        }
    }
}
