//! The index's serialized form: the vocabulary's FST bytes, the postings
//! bytes and the per-document entries. What can be derived is not stored.

use fst::{IntoStreamer, Map, Streamer};
use serde::{Deserialize, Serialize};

use super::{Derived, DocEntry, FacetName, SearchIndex};
use crate::search::cursor::{DocCursor, PostingCursor};

/// The serialized shape: the vocabulary's FST bytes, the postings bytes and
/// the per-document entries; [`Derived`] is recomputed on load.
#[derive(Serialize, Deserialize)]
struct Wire {
    #[serde(with = "serde_bytes")]
    terms: Vec<u8>,
    #[serde(with = "serde_bytes")]
    postings: Vec<u8>,
    docs: Vec<DocEntry>,
    facet_names: Vec<FacetName>,
}

impl Serialize for SearchIndex {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WireRef<'a> {
            #[serde(with = "serde_bytes")]
            terms: &'a [u8],
            #[serde(with = "serde_bytes")]
            postings: &'a [u8],
            docs: &'a [DocEntry],
            facet_names: &'a [FacetName],
        }
        WireRef {
            terms: self.terms.as_fst().as_bytes(),
            postings: &self.postings,
            docs: &self.docs,
            facet_names: &self.facet_names,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for SearchIndex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SearchIndex, D::Error> {
        let w = Wire::deserialize(d)?;
        let terms = Map::new(w.terms).map_err(serde::de::Error::custom)?;
        // Reading a damaged FST can index out of bounds or overflow deep in
        // the fst crate, so its checksum is verified before any lookup.
        terms
            .as_fst()
            .verify()
            .map_err(|e| serde::de::Error::custom(format!("vocabulary: {e}")))?;
        let bad_facet = w
            .docs
            .iter()
            .flat_map(|d| &d.facets)
            .any(|&f| f as usize >= w.facet_names.len());
        if bad_facet {
            return Err(serde::de::Error::custom("facet id out of range"));
        }
        let mut index = SearchIndex {
            terms,
            postings: w.postings,
            docs: w.docs,
            facet_names: w.facet_names,
            derived: Derived::default(),
        };
        index.derived = Derived::of(&index.docs);
        // The posting lists are checked by whoever decodes a whole bundle
        // ([`SearchIndex::check_postings_after`]), a slice of the
        // vocabulary at a time, so a browser never waits on one long task
        // for it.
        Ok(index)
    }
}

impl SearchIndex {
    /// Whether every posting list can be read to its end as written: each
    /// term's record lies in the postings, each list holds the documents
    /// its header counts, in increasing order and below the number of
    /// documents, each with as many positions as its term frequency says.
    /// Scoring indexes per-document arrays by these numbers, so a decoded
    /// index is checked once, in time linear in its size, rather than at
    /// every search.
    pub fn check_postings(&self) -> Result<(), String> {
        let mut after = None;
        while let Some(last) = self.check_postings_after(after.as_deref(), usize::MAX)? {
            after = Some(last);
        }
        Ok(())
    }

    /// [`SearchIndex::check_postings`] for at most `terms` terms of the
    /// vocabulary, those after `after` (from the first when `None`).
    /// Returns the last term checked while any may remain, `None` once all
    /// are: a caller checks a large index a slice at a time.
    pub fn check_postings_after(
        &self,
        after: Option<&[u8]>,
        terms: usize,
    ) -> Result<Option<Vec<u8>>, String> {
        let docs = self.docs.len();
        let mut stream = match after {
            Some(t) => self.terms.range().gt(t).into_stream(),
            None => self.terms.stream(),
        };
        let mut positions = Vec::new();
        let mut checked = 0;
        let mut last = Vec::new();
        while let Some((term, offset)) = stream.next() {
            if checked == terms {
                return Ok(Some(last));
            }
            checked += 1;
            last.clear();
            last.extend_from_slice(term);
            let bad = |why: &str| Err(format!("term {:?}: {why}", String::from_utf8_lossy(term)));
            if offset >= self.postings.len() as u64 {
                return bad("record out of range");
            }
            for list in self.record_at(offset).lists {
                let mut cursor = PostingCursor::new(list);
                let mut read = 0u32;
                while let Some(doc) = cursor.advance() {
                    if doc as usize >= docs {
                        return bad("document out of range");
                    }
                    let tf = cursor.term_freq();
                    positions.clear();
                    cursor.positions(&mut positions);
                    if tf == 0 || positions.len() != tf as usize {
                        return bad("positions missing");
                    }
                    read += 1;
                }
                if read != cursor.doc_count() {
                    return bad("posting list cut short");
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;

    #[test]
    fn serialization_round_trips() {
        let a = articles(&["One\nAlpha beta.", "Two\nBeta gamma."]);
        let index = SearchIndex::build(&a);
        let bytes = postcard::to_allocvec(&index).unwrap();
        let back: SearchIndex = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, index);
        assert_eq!(back.derived.field_totals, index.derived.field_totals);
        assert_eq!(back.derived.facet_ids, index.derived.facet_ids);
        assert!(postcard::from_bytes::<SearchIndex>(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn posting_lists_are_checked_a_slice_at_a_time_to_the_last_term() {
        let a = articles(&["One\nAlpha beta.", "Two\nBeta gamma delta."]);
        let index = SearchIndex::build(&a);
        let terms = index.terms.len();
        assert!(terms > 3);
        let mut after: Option<Vec<u8>> = None;
        let mut slices = 0;
        while let Some(last) = index.check_postings_after(after.as_deref(), 2).unwrap() {
            assert!(
                after.as_ref().is_none_or(|a| a < &last),
                "slices move forward"
            );
            after = Some(last);
            slices += 1;
        }
        // Every call but the last returns where it stopped.
        assert_eq!(slices + 1, terms.div_ceil(2));
        assert_eq!(index.check_postings(), Ok(()));
        // A list cut short is found in whichever slice holds its term.
        let mut damaged = index.clone();
        let last = damaged.postings.len() - 1;
        damaged.postings.truncate(last);
        let mut after: Option<Vec<u8>> = None;
        let found = loop {
            match damaged.check_postings_after(after.as_deref(), 2) {
                Err(why) => break why,
                Ok(Some(last)) => after = Some(last),
                Ok(None) => panic!("a cut posting list was not found"),
            }
        };
        assert!(found.starts_with("term"), "{found}");
    }
}
