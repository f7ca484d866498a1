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
//! positions. Lists are read through [`super::cursor::PostingCursor`]. One
//! *record* holds all lists of a term (the index keeps one list per field):
//!
//! ```text
//! record := df:varint  field_mask:u8  (len:varint list) for each field in the mask
//! ```
//!
//! Readers never panic on truncated or corrupt bytes: they stop early.

/// Set on every byte of a varint but its last.
pub(crate) const CONTINUATION_BIT: u8 = 0x80;
/// The bits of a number each varint byte carries, lowest first.
const PAYLOAD_BITS: u32 = 7;
/// Bytes of the longest varint of a `u32` (5 × 7 bits ≥ 32).
const MAX_VARINT_BYTES: u32 = 5;

/// Appends `v` as a LEB128 varint.
pub fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= u32::from(CONTINUATION_BIT) {
        out.push((v as u8) | CONTINUATION_BIT);
        v >>= PAYLOAD_BITS;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, advancing it; `None` at the end of the bytes or
/// on an overlong encoding.
pub fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..MAX_VARINT_BYTES * PAYLOAD_BITS).step_by(PAYLOAD_BITS as usize) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & !CONTINUATION_BIT).checked_shl(shift)?;
        if b & CONTINUATION_BIT == 0 {
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

/// A term's record, parsed: document frequency and up to [`MAX_LISTS`]
/// lists, one per bit of the record's mask. What each list holds (which
/// field) is for the layer above to say: this one only knows bytes.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a, const LISTS: usize> {
    /// Documents that have the term in any list.
    pub df: u32,
    /// List `i` is empty when bit `i` of the mask is clear.
    pub lists: [&'a [u8]; LISTS],
}

/// Lists a record can hold: its mask is one byte.
pub const MAX_LISTS: usize = 8;

/// Only the document frequency of the record at the start of `bytes`.
pub fn record_df(bytes: &[u8]) -> u32 {
    read_varint(bytes, &mut 0).unwrap_or(0)
}

impl<'a, const LISTS: usize> Record<'a, LISTS> {
    /// Refuses, at compile time, more lists than the mask has bits.
    const MASK_FITS: () = assert!(LISTS <= MAX_LISTS, "a record's mask is one byte");

    /// Parses the record at the start of `bytes`.
    pub fn parse(bytes: &'a [u8]) -> Record<'a, LISTS> {
        let () = Self::MASK_FITS;
        let mut at = 0;
        let df = read_varint(bytes, &mut at).unwrap_or(0);
        let mask = bytes.get(at).copied().unwrap_or(0);
        at += 1;
        let mut lists: [&[u8]; LISTS] = [&[]; LISTS];
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

    /// Writes a record from its lists, each with its number (its bit in
    /// the mask, below `LISTS`), in any order; empty lists are left out.
    pub fn write(df: u32, lists: &mut [(u8, ListBuilder)], out: &mut Vec<u8>) {
        let () = Self::MASK_FITS;
        lists.sort_unstable_by_key(|(i, _)| *i);
        write_varint(out, df);
        let lists = lists
            .iter()
            .filter(|(i, l)| usize::from(*i) < LISTS && !l.is_empty());
        let mask = lists.clone().fold(0u8, |m, (i, _)| m | (1 << i));
        out.push(mask);
        let mut buf = Vec::new();
        for (_, list) in lists {
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
    use crate::search::cursor::{DocCursor, PostingCursor};

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
    fn records_keep_lists_per_field() {
        let mut title = ListBuilder::default();
        title.push(2, &[0]);
        let mut body = ListBuilder::default();
        body.push(2, &[4, 9]);
        let mut lists = [(2, body), (0, title), (1, ListBuilder::default())];
        let mut bytes = Vec::new();
        Record::<7>::write(1, &mut lists, &mut bytes);
        let r = Record::<7>::parse(&bytes);
        assert_eq!(r.df, 1);
        assert_eq!(record_df(&bytes), 1);
        assert!(!r.lists[0].is_empty() && r.lists[1].is_empty() && !r.lists[2].is_empty());
        let mut c = PostingCursor::new(r.lists[2]);
        assert_eq!((c.advance(), c.term_freq()), (Some(2), 2));
    }

    #[test]
    fn garbage_never_panics() {
        for bytes in [
            &[][..],
            &[5, 200, 1],
            &[0xff, 0xff, 0xff],
            &[3, 1, 0xff, 0xff],
        ] {
            // Lists walked over garbage: see the cursor's tests.
            let _ = Record::<7>::parse(bytes);
            let _ = Record::<{ MAX_LISTS }>::parse(bytes);
            let _ = record_df(bytes);
        }
    }
}
