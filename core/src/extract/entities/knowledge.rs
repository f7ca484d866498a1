//! What a corpus knows about names, pooled from every article's confident
//! decisions: the kind each name usually is and the full name a bare
//! surname stands for.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::article::EntityKind;

use super::candidates::Candidate;

/// What a corpus knows about names, pooled from all its articles.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// The kind most articles give a name.
    kinds: HashMap<String, EntityKind>,
    /// Last word of a person's name → the one full name ending with it, or
    /// the one that dominates (see [`dominant_name`]); `None` when the
    /// surname is ambiguous.
    surnames: HashMap<String, Option<String>>,
}

impl Knowledge {
    /// Pools what the candidate names of every article say.
    pub(super) fn build(all: &[Vec<Candidate>]) -> Knowledge {
        let mut votes: HashMap<String, [u32; 3]> = HashMap::new();
        // Last word → full names ending with it → how often each is cued.
        let mut full_names: HashMap<String, BTreeMap<String, u32>> = HashMap::new();
        for c in all.iter().flatten() {
            let (Some(kind), None, false) = (c.kind, c.known, c.uncertain) else {
                continue;
            };
            votes.entry(c.name.clone()).or_default()[kind as usize] += 1;
            // Only names a title or role announces may claim a surname
            // corpus-wide; a guess from shape alone could be `Las Vegas Microsoft`.
            if kind == EntityKind::Person && c.words >= 2 && c.cued {
                if let Some(last) = c.name.split_whitespace().last() {
                    *full_names
                        .entry(last.to_owned())
                        .or_default()
                        .entry(c.name.clone())
                        .or_default() += 1;
                }
            }
        }
        let kinds = votes
            .into_iter()
            .map(|(name, v)| {
                let kind = [
                    EntityKind::Person,
                    EntityKind::Place,
                    EntityKind::Organization,
                ]
                .into_iter()
                .max_by_key(|k| (v[*k as usize], std::cmp::Reverse(*k as usize)))
                .unwrap_or(EntityKind::Person);
                (name, kind)
            })
            .collect();
        let surnames = full_names
            .into_iter()
            .map(|(last, counts)| {
                let dominant = dominant_name(&counts);
                let names: BTreeSet<String> = counts.into_keys().collect();
                let one = one_name(&names).or(dominant);
                (last, one)
            })
            .collect();
        Knowledge { kinds, surnames }
    }

    /// Resolves a candidate: gazetteer first, then a full name ending with it
    /// in the same article (`local`), then in the corpus, then the corpus's
    /// vote on its kind, then the local cues.
    pub(super) fn resolve(
        &self,
        c: &Candidate,
        local: &HashMap<String, Option<String>>,
    ) -> Option<(String, EntityKind)> {
        if let Some(known) = c.known {
            return Some((known.canonical.to_owned(), known.kind));
        }
        let last = c.name.split_whitespace().last().unwrap_or("");
        for surnames in [local, &self.surnames] {
            if let Some(Some(full)) = surnames.get(last) {
                if *full == c.name || full.ends_with(&format!(" {}", c.name)) {
                    return Some((full.clone(), EntityKind::Person));
                }
            }
        }
        if let Some(&kind) = self.kinds.get(&c.name) {
            return Some((c.name.clone(), kind));
        }
        if c.uncertain {
            return None;
        }
        c.kind.map(|k| (c.name.clone(), k))
    }
}

/// Last word → the one full name ending with it (`None` when ambiguous).
pub(super) fn surname_map(
    full_names: HashMap<String, BTreeSet<String>>,
) -> HashMap<String, Option<String>> {
    full_names
        .into_iter()
        .map(|(last, names)| {
            let one = one_name(&names);
            (last, one)
        })
        .collect()
}

/// The one person that names sharing a last word are: `Vladimir Putin`
/// and `Vladimir V. Putin` are one only if every name is a suffix of the
/// longest.
fn one_name(names: &BTreeSet<String>) -> Option<String> {
    let longest = names.iter().max_by_key(|n| n.len())?;
    names
        .iter()
        .all(|n| longest == n || longest.ends_with(&format!(" {n}")))
        .then(|| longest.clone())
}

/// Across a corpus, a surname alone usually means the person most written
/// about under it (`Blair` is `Tony Blair` in a year of British politics,
/// not `Cherie Blair`): the name cued at least three times and three times
/// as often as any other, if there is one. An article that names someone
/// else with that surname resolves it locally first.
fn dominant_name(counts: &BTreeMap<String, u32>) -> Option<String> {
    let mut by_count: Vec<(&String, u32)> = counts.iter().map(|(n, &c)| (n, c)).collect();
    by_count.sort_by_key(|&(n, c)| (std::cmp::Reverse(c), n));
    let (top, first) = *by_count.first()?;
    let second = by_count.get(1).map_or(0, |&(_, c)| c);
    (first >= 3 && first >= second.saturating_mul(3)).then(|| top.clone())
}
