//! People, places and organisations named by both articles or by one.
//!
//! Entities are matched on their canonical name and kind, which the
//! corpus-level entity pass makes consistent across articles: `Putin` in
//! one report and `Vladimir Putin` in another are the same person.

use serde::{Deserialize, Serialize};

use crate::article::{Article, EntityKind};

/// An entity and how often each article mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    pub name: String,
    pub kind: EntityKind,
    /// Mentions in A (0 when only B names it).
    pub a_mentions: u32,
    /// Mentions in B (0 when only A names it).
    pub b_mentions: u32,
}

/// The entities of two articles, split three ways. Each list is sorted by
/// total mentions, most first, then by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EntityComparison {
    pub both: Vec<EntityCount>,
    pub only_a: Vec<EntityCount>,
    pub only_b: Vec<EntityCount>,
}

/// Splits the entities of `a` and `b`.
pub fn compare_entities(a: &Article, b: &Article) -> EntityComparison {
    let mut out = EntityComparison::default();
    for ea in &a.entities {
        let count = |art: &Article| {
            art.entities
                .iter()
                .find(|e| e.name == ea.name && e.kind == ea.kind)
                .map_or(0, |e| e.mentions.len() as u32)
        };
        let c = EntityCount {
            name: ea.name.clone(),
            kind: ea.kind,
            a_mentions: ea.mentions.len() as u32,
            b_mentions: count(b),
        };
        if c.b_mentions > 0 {
            out.both.push(c);
        } else {
            out.only_a.push(c);
        }
    }
    for eb in &b.entities {
        if !a
            .entities
            .iter()
            .any(|e| e.name == eb.name && e.kind == eb.kind)
        {
            out.only_b.push(EntityCount {
                name: eb.name.clone(),
                kind: eb.kind,
                a_mentions: 0,
                b_mentions: eb.mentions.len() as u32,
            });
        }
    }
    for list in [&mut out.both, &mut out.only_a, &mut out.only_b] {
        list.sort_by(|x, y| {
            (y.a_mentions + y.b_mentions)
                .cmp(&(x.a_mentions + x.b_mentions))
                .then_with(|| x.name.cmp(&y.name))
        });
    }
    out
}
