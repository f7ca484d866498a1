//! The index's schema: the fields an article is searched in and the names
//! its facets count.

use serde::{Deserialize, Serialize};

use crate::article::{BlockKind, EntityKind};
use crate::search::postings::Record;

/// The searchable fields of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Heading,
    Body,
    Person,
    Place,
    Organization,
    Source,
}

/// Number of [`Field`]s.
pub const FIELD_COUNT: usize = 7;

/// A term's record in the index: one posting list per [`Field`], in
/// [`Field::ALL`] order.
pub(crate) type TermRecord<'a> = Record<'a, FIELD_COUNT>;

impl Field {
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::Title,
        Field::Heading,
        Field::Body,
        Field::Person,
        Field::Place,
        Field::Organization,
        Field::Source,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Heading => "heading",
            Field::Body => "body",
            Field::Person => "person",
            Field::Place => "place",
            Field::Organization => "organization",
            Field::Source => "source",
        }
    }

    /// The field a block of the article's text is indexed in.
    pub fn of_block(kind: BlockKind) -> Field {
        match kind {
            BlockKind::Heading => Field::Heading,
            BlockKind::Paragraph => Field::Body,
        }
    }

    /// The fields that hold the article's own text (what phrases and plain
    /// words look in, besides entity names).
    pub const TEXT: [Field; 3] = [Field::Title, Field::Heading, Field::Body];
}

/// What a facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    Person,
    Place,
    Organization,
    Source,
}

impl From<EntityKind> for FacetKind {
    fn from(k: EntityKind) -> FacetKind {
        match k {
            EntityKind::Person => FacetKind::Person,
            EntityKind::Place => FacetKind::Place,
            EntityKind::Organization => FacetKind::Organization,
        }
    }
}

/// Number of [`FacetKind`]s.
pub const FACET_KIND_COUNT: usize = 4;

/// A name a facet counts: an entity's canonical name or an outlet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FacetName {
    pub kind: FacetKind,
    pub name: String,
}
