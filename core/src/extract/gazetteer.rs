//! The entity extractor's view of the gazetteer: each known name, as
//! written, to its canonical name and kind, so `U.S.`, `US` and `America`
//! all become the place `United States` and `EU` the organisation
//! `European Union`.
//!
//! The names themselves are word lists in [`crate::text::lexicon::gazetteer`];
//! this module only decides what kind of entity each list holds, and finds
//! names by exact, longest match in [`super::entities`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::article::EntityKind;
use crate::text::lexicon::gazetteer::{names, COUNTRIES, ORGANIZATIONS, PARTIES, PLACES};

/// One gazetteer entry: the canonical name and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub canonical: &'static str,
    pub kind: EntityKind,
    /// A party: a name written right after it is one of its members, not
    /// part of the party's name.
    pub affiliation: bool,
}

struct Tables {
    exact: HashMap<&'static str, Known>,
    /// The longest entry in words, to bound the longest-match search.
    max_words: usize,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut exact = HashMap::new();
        let mut max_words = 1;
        let lists = [
            (COUNTRIES, EntityKind::Place, false),
            (PLACES, EntityKind::Place, false),
            (ORGANIZATIONS, EntityKind::Organization, false),
            (PARTIES, EntityKind::Organization, true),
        ];
        for (list, kind, affiliation) in lists {
            for &entry in list {
                let canonical = names(entry).next().unwrap_or(entry);
                for name in names(entry) {
                    exact.entry(name).or_insert(Known {
                        canonical,
                        kind,
                        affiliation,
                    });
                    max_words = max_words.max(name.split_whitespace().count());
                }
            }
        }
        Tables { exact, max_words }
    })
}

/// Looks a name up exactly as written (`EU`, `U.S.`, `Abu Dhabi`).
pub fn lookup(name: &str) -> Option<Known> {
    tables().exact.get(name).copied()
}

/// The most words any entry has.
pub fn max_words() -> usize {
    tables().max_words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_canonical_name() {
        for v in ["US", "U.S.", "United States", "America"] {
            assert_eq!(lookup(v).unwrap().canonical, "United States");
        }
        assert_eq!(lookup("EU").unwrap().canonical, "European Union");
        assert_eq!(lookup("Kremlin").unwrap().kind, EntityKind::Organization);
        assert_eq!(lookup("Abu Dhabi").unwrap().kind, EntityKind::Place);
        assert_eq!(lookup("us"), None);
    }
}
