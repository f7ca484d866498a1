//! Facet counts: how many of the matching articles name each person, place
//! and organisation, or come from each outlet — over the whole result set,
//! not just the page shown, so the chips tell the reader how a filter would
//! narrow the results.

use serde::Serialize;

use super::index::{FacetKind, SearchIndex};

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
        for doc in docs {
            let Some(entry) = index.docs.get(doc as usize) else {
                continue;
            };
            for &f in &entry.facets {
                if let Some(c) = counts.get_mut(f as usize) {
                    *c += 1;
                }
            }
        }
        let mut facets = Facets::default();
        for (name, &count) in index.facet_names.iter().zip(&counts) {
            if count == 0 {
                continue;
            }
            let list = match name.kind {
                FacetKind::Person => &mut facets.people,
                FacetKind::Place => &mut facets.places,
                FacetKind::Organization => &mut facets.organizations,
                FacetKind::Source => &mut facets.sources,
            };
            list.push(FacetCount {
                name: name.name.clone(),
                count,
            });
        }
        for list in [
            &mut facets.people,
            &mut facets.places,
            &mut facets.organizations,
            &mut facets.sources,
        ] {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            list.truncate(limit);
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
