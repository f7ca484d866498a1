//! The index's serialized form: the vocabulary's FST bytes, the postings
//! bytes and the per-document entries. What can be derived is not stored.

use fst::Map;
use serde::{Deserialize, Serialize};

use super::{Derived, DocEntry, FacetName, SearchIndex};

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
        Ok(index)
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
