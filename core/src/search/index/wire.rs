//! The index's serialized form: the vocabulary's FST bytes, the postings
//! bytes and the per-document entries. What can be derived is not stored.

use fst::{Map, Streamer};
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
        index.check_postings().map_err(serde::de::Error::custom)?;
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
    fn check_postings(&self) -> Result<(), String> {
        let docs = self.docs.len();
        let mut stream = self.terms.stream();
        let mut positions = Vec::new();
        while let Some((term, offset)) = stream.next() {
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
        Ok(())
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
}
