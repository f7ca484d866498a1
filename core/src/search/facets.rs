//! Facet counts: how many of the matching articles name each person, place
//! and organisation, or come from each outlet — over the whole result set,
//! not just the page shown, so the chips tell the reader how a filter would
//! narrow the results.

use serde::Serialize;

use super::index::{SearchIndex, FACET_KIND_COUNT};

/// A name and the number of matching articles that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub name: String,
    pub count: u32,
}

/// The most frequent names of each kind, most frequent first (ties by name).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Facets {
    pub people: Vec<FacetCount>,
    pub places: Vec<FacetCount>,
    pub organizations: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
}

impl Facets {
    /// Counts over the documents `docs`, keeping `limit` names per kind.
    pub(crate) fn count(
        index: &SearchIndex,
        docs: impl Iterator<Item = u32>,
        limit: usize,
    ) -> Facets {
        let mut counts = vec![0u32; index.facet_names.len()];
        // Names seen, per kind; facet names are sorted by kind then name,
        // so an id order is a name order.
        let mut seen: [Vec<u32>; FACET_KIND_COUNT] = Default::default();
        for doc in docs {
            // The names (a large array) are looked at only on a name's
            // first sight: touching them for every occurrence made this
            // loop the costliest part of a broad query.
            for &f in index.facets_of(doc) {
                let Some(c) = counts.get_mut(f as usize) else {
                    continue;
                };
                if *c == 0 {
                    let Some(name) = index.facet_names.get(f as usize) else {
                        continue;
                    };
                    seen[name.kind as usize].push(f);
                }
                *c += 1;
            }
        }
        let mut facets = Facets::default();
        let lists = [
            &mut facets.people,
            &mut facets.places,
            &mut facets.organizations,
            &mut facets.sources,
        ];
        for (ids, list) in seen.iter_mut().zip(lists) {
            let key = |&f: &u32| (std::cmp::Reverse(counts[f as usize]), f);
            if ids.len() > limit && limit > 0 {
                ids.select_nth_unstable_by_key(limit - 1, key);
            }
            ids.truncate(limit);
            ids.sort_unstable_by_key(key);
            list.extend(ids.iter().map(|&f| FacetCount {
                name: index.facet_names[f as usize].name.clone(),
                count: counts[f as usize],
            }));
        }
        facets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;

    #[test]
    fn counts_names_over_the_given_documents() {
        let index = SearchIndex::build(&articles(&[
            "One\nPresident Vladimir Putin met Steve Witkoff in Moscow.",
            "Two\nVladimir Putin spoke in Moscow.\nSources: RT | Al Jazeera",
            "Three\nNothing here.",
        ]));
        let f = Facets::count(&index, [0, 1, 2].into_iter(), 10);
        assert_eq!(
            f.people[0],
            FacetCount {
                name: "Vladimir Putin".into(),
                count: 2
            }
        );
        assert_eq!(f.places[0].name, "Moscow");
        assert_eq!(f.sources.len(), 2);
        let f = Facets::count(&index, [0].into_iter(), 1);
        assert_eq!(f.people.len(), 1);
        assert!(f.sources.is_empty());
    }
}
