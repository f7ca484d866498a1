//! The compact byte form of posting lists.
//!
//! Everything is LEB128 varints, delta-coded, because the index ships inside
//! the WebAssembly and most numbers in it (gaps between document ids, term
//! frequencies, gaps between positions) fit in one byte.
//!
//! One *list* holds one term's postings in one field:
//!
//! ```text
//! list   := docs:varint  head_len:varint  head  positions
//! head   := for each doc: varint(doc_gap << 1 | (tf == 1)) [tf:varint if tf != 1]
//! positions := for each doc, tf varints: the first position, then gaps
//! ```
//!
//! Scoring only walks the head; phrases, proximity and highlighting read the
//! positions. One *record* holds all lists of a term:
//!
//! ```text
//! record := df:varint  field_mask:u8  (len:varint list) for each field in the mask
//! ```
//!
//! Readers never panic on truncated or corrupt bytes: they stop early.

/// Appends `v` as a LEB128 varint.
pub fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, advancing it; `None` at the end of the bytes or
/// on an overlong encoding.
pub fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= ((b & 0x7f) as u32).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Builds one list; documents must be pushed in increasing order.
#[derive(Debug, Default, Clone)]
pub struct ListBuilder {
    docs: u32,
    last_doc: Option<u32>,
    head: Vec<u8>,
    positions: Vec<u8>,
}

impl ListBuilder {
    /// Adds a document with its sorted, non-empty word positions.
    pub fn push(&mut self, doc: u32, positions: &[u32]) {
        debug_assert!(self.last_doc.is_none_or(|d| d < doc));
        debug_assert!(!positions.is_empty());
        let gap = doc - self.last_doc.map_or(0, |d| d + 1);
        let tf = positions.len() as u32;
        write_varint(&mut self.head, (gap << 1) | u32::from(tf == 1));
        if tf != 1 {
            write_varint(&mut self.head, tf);
        }
        let mut prev = 0;
        for (i, &p) in positions.iter().enumerate() {
            write_varint(&mut self.positions, if i == 0 { p } else { p - prev });
            prev = p;
        }
        self.docs += 1;
        self.last_doc = Some(doc);
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Appends the finished list to `out`.
    pub fn write(&self, out: &mut Vec<u8>) {
        write_varint(out, self.docs);
        write_varint(out, self.head.len() as u32);
        out.extend_from_slice(&self.head);
        out.extend_from_slice(&self.positions);
    }
}

/// Walks a list: [`ListIter::next_doc`] yields `(doc, tf)`; the positions of
/// the current document can then be read with [`ListIter::positions`].
#[derive(Debug, Clone)]
pub struct ListIter<'a> {
    bytes: &'a [u8],
    head_at: usize,
    head_end: usize,
    pos_at: usize,
    remaining: u32,
    next_doc: u32,
    /// Positions of the current document not read yet.
    unread: u32,
    /// Positions of earlier documents not read yet: skipped only when
    /// positions are next asked for, so walking the head to score never
    /// touches them.
    skipped: u32,
}

impl<'a> ListIter<'a> {
    pub fn new(bytes: &'a [u8]) -> ListIter<'a> {
        let mut at = 0;
        let docs = read_varint(bytes, &mut at).unwrap_or(0);
        let head_len = read_varint(bytes, &mut at).unwrap_or(0) as usize;
        let head_end = at.saturating_add(head_len).min(bytes.len());
        ListIter {
            bytes,
            head_at: at,
            head_end,
            pos_at: head_end,
            remaining: docs,
            next_doc: 0,
            unread: 0,
            skipped: 0,
        }
    }

    /// Number of documents in the list.
    pub fn doc_count(bytes: &[u8]) -> u32 {
        read_varint(bytes, &mut 0).unwrap_or(0)
    }

    /// The next document and its term frequency.
    pub fn next_doc(&mut self) -> Option<(u32, u32)> {
        if self.remaining == 0 {
            return None;
        }
        let head = &self.bytes[..self.head_end];
        let v = read_varint(head, &mut self.head_at)?;
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
        Some((doc, tf))
    }

    /// Appends the positions of the current document to `out` (once).
    pub fn positions(&mut self, out: &mut Vec<u32>) {
        // Each varint ends with the one byte below 0x80.
        while self.skipped > 0 {
            let Some(&b) = self.bytes.get(self.pos_at) else {
                break;
            };
            self.pos_at += 1;
            self.skipped -= u32::from(b < 0x80);
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
}

/// A term's record, parsed: document frequency and one list per field.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Documents that have the term in any field.
    pub df: u32,
    pub lists: [&'a [u8]; super::index::FIELD_COUNT],
}

impl<'a> Record<'a> {
    /// Only the document frequency of the record at the start of `bytes`.
    pub fn df(bytes: &[u8]) -> u32 {
        read_varint(bytes, &mut 0).unwrap_or(0)
    }

    /// Parses the record at the start of `bytes`.
    pub fn parse(bytes: &'a [u8]) -> Record<'a> {
        let mut at = 0;
        let df = read_varint(bytes, &mut at).unwrap_or(0);
        let mask = bytes.get(at).copied().unwrap_or(0);
        at += 1;
        let mut lists: [&[u8]; super::index::FIELD_COUNT] = [&[]; super::index::FIELD_COUNT];
        for (f, list) in lists.iter_mut().enumerate() {
            if mask & (1 << f) == 0 {
                continue;
            }
            let len = read_varint(bytes, &mut at).unwrap_or(0) as usize;
            let end = at.saturating_add(len).min(bytes.len());
            *list = bytes.get(at..end).unwrap_or(&[]);
            at = end;
        }
        Record { df, lists }
    }

    /// Writes a record from per-field lists.
    pub fn write(df: u32, lists: &[ListBuilder], out: &mut Vec<u8>) {
        write_varint(out, df);
        let mask = lists
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .fold(0u8, |m, (f, _)| m | (1 << f));
        out.push(mask);
        let mut buf = Vec::new();
        for list in lists.iter().filter(|l| !l.is_empty()) {
            buf.clear();
            list.write(&mut buf);
            write_varint(out, buf.len() as u32);
            out.extend_from_slice(&buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            write_varint(&mut out, v);
        }
        let mut at = 0;
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            assert_eq!(read_varint(&out, &mut at), Some(v));
        }
        assert_eq!(read_varint(&out, &mut at), None);
        assert_eq!(read_varint(&[0xff; 9], &mut 0), None);
    }

    #[test]
    fn lists_round_trip_with_and_without_positions() {
        let mut b = ListBuilder::default();
        b.push(3, &[7]);
        b.push(4, &[1, 2, 90]);
        b.push(1000, &[5, 6]);
        let mut bytes = Vec::new();
        b.write(&mut bytes);
        assert_eq!(ListIter::doc_count(&bytes), 3);

        let mut it = ListIter::new(&bytes);
        assert_eq!(it.next_doc(), Some((3, 1)));
        // Positions of doc 3 skipped.
        assert_eq!(it.next_doc(), Some((4, 3)));
        let mut p = Vec::new();
        it.positions(&mut p);
        assert_eq!(p, [1, 2, 90]);
        assert_eq!(it.next_doc(), Some((1000, 2)));
        p.clear();
        it.positions(&mut p);
        assert_eq!(p, [5, 6]);
        assert_eq!(it.next_doc(), None);
    }

    #[test]
    fn records_keep_lists_per_field() {
        let mut lists = vec![ListBuilder::default(); crate::search::index::FIELD_COUNT];
        lists[0].push(2, &[0]);
        lists[2].push(2, &[4, 9]);
        let mut bytes = Vec::new();
        Record::write(1, &lists, &mut bytes);
        let r = Record::parse(&bytes);
        assert_eq!(r.df, 1);
        assert!(!r.lists[0].is_empty() && r.lists[1].is_empty() && !r.lists[2].is_empty());
        let mut it = ListIter::new(r.lists[2]);
        assert_eq!(it.next_doc(), Some((2, 2)));
    }

    #[test]
    fn garbage_never_panics() {
        for bytes in [
            &[][..],
            &[5, 200, 1],
            &[0xff, 0xff, 0xff],
            &[3, 1, 0xff, 0xff],
        ] {
            let mut it = ListIter::new(bytes);
            let mut p = Vec::new();
            while it.next_doc().is_some() {
                it.positions(&mut p);
            }
            let _ = Record::parse(bytes);
        }
    }
}
