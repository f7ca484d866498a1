//! The query language: what a person types into the search box, parsed into
//! a small syntax tree. Parsing never fails: any string is a query, and
//! whatever cannot be read as syntax is read as words.
//!
//! ```text
//! witkoff talks           plain words, ranked; all words beat some words
//! "nearly four hours"     an exact phrase (required)
//! -witkoff  -"four hours" leave out articles with the word or phrase
//! moscow OR kremlin       either word
//! title:talks  title:"peace plan"
//! person:putin  place:"abu dhabi"  org:kremlin  source:"al jazeera"
//! ```
//!
//! Straight and curly double quotes both quote; an unclosed quote runs to
//! the end of the query; a lone `-` and an `OR` with nothing to join are
//! ignored; `or` in lower case is an ordinary (stop) word. Only the first
//! [`MAX_QUERY_CHARS`] characters and [`MAX_CLAUSES`] clauses are read.
//!
//! Reading is in two steps: the `lexer` turns characters into clauses and
//! `OR`s, the `parser` joins `OR`ed terms and applies the limits.

use std::fmt;

use serde::Serialize;

mod lexer;
mod parser;

pub use parser::parse;

/// Characters of a query that are read; the rest is ignored (and reported).
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Clauses of a query that are used; the rest are ignored (and reported).
pub const MAX_CLAUSES: usize = 64;

/// A word or a quoted phrase, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Term {
    Word(String),
    Phrase(String),
}

impl Term {
    pub fn text(&self) -> &str {
        match self {
            Term::Word(s) | Term::Phrase(s) => s,
        }
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Term::Word(w) => f.write_str(w),
            Term::Phrase(p) => write!(f, "\"{p}\""),
        }
    }
}

/// The field a `name:` prefix restricts a term to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FilterField {
    Title,
    Person,
    Place,
    Organization,
    Source,
}

/// The names a `name:` prefix may use, in any case.
const FIELD_NAMES: [(&str, FilterField); 8] = [
    ("title", FilterField::Title),
    ("person", FilterField::Person),
    ("people", FilterField::Person),
    ("place", FilterField::Place),
    ("org", FilterField::Organization),
    ("organization", FilterField::Organization),
    ("organisation", FilterField::Organization),
    ("source", FilterField::Source),
];

/// Characters of the longest name in [`FIELD_NAMES`]: the lexer looks no
/// further than this for the colon of a `name:` prefix.
const LONGEST_FIELD_NAME: usize = 12;

impl FilterField {
    fn from_name(name: &str) -> Option<FilterField> {
        FIELD_NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, f)| f)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FilterField::Title => "title",
            FilterField::Person => "person",
            FilterField::Place => "place",
            FilterField::Organization => "org",
            FilterField::Source => "source",
        }
    }
}

/// What one clause asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClauseKind {
    Term(Term),
    /// `field:value`.
    Filter(FilterField, Term),
    /// `a OR b OR "c d"`.
    AnyOf(Vec<Term>),
}

/// One clause of a query, possibly negated with `-`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    pub exclude: bool,
    pub kind: ClauseKind,
}

impl std::fmt::Display for Clause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.exclude {
            f.write_str("-")?;
        }
        match &self.kind {
            ClauseKind::Term(t) => write!(f, "{t}"),
            ClauseKind::Filter(field, t) => write!(f, "{}:{t}", field.as_str()),
            ClauseKind::AnyOf(ts) => {
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" OR ")?;
                    }
                    write!(f, "{t}")?;
                }
                Ok(())
            }
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// A quote was opened and not closed; its phrase ran to the end.
    pub unclosed_quote: bool,
    /// The text ends inside a plain word (no space after it): while the
    /// user types, that word may be incomplete.
    pub ends_in_word: bool,
    /// Characters or clauses past the limits were ignored.
    pub truncated: bool,
}

/// Something the user should know about how the query was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "notice", content = "words", rename_all = "snake_case")]
pub enum Notice {
    /// Nothing to search for.
    EmptyQuery,
    /// The query was longer than the parser reads.
    Truncated,
    /// A quote was not closed; the phrase ran to the end.
    UnclosedQuote,
    /// Clauses with nothing searchable in them (emoji, punctuation).
    Unsearchable(Vec<String>),
    /// Common words left out of ranking.
    StopWordsIgnored(Vec<String>),
    /// Nothing matched.
    NoMatch,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::EmptyQuery => f.write_str("nothing to search for"),
            Notice::Truncated => write!(
                f,
                "the query is too long; only its first {} characters and {} clauses were used",
                MAX_QUERY_CHARS, MAX_CLAUSES
            ),
            Notice::UnclosedQuote => {
                f.write_str("a quote was not closed; the phrase runs to the end")
            }
            Notice::Unsearchable(w) => write!(f, "nothing searchable in: {}", w.join(" ")),
            Notice::StopWordsIgnored(w) => write!(f, "common words ignored: {}", w.join(" ")),
            Notice::NoMatch => f.write_str("no article matches"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_fit_the_lookahead() {
        let longest = FIELD_NAMES.iter().map(|(n, _)| n.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_FIELD_NAME));
        assert_eq!(
            FilterField::from_name("ORG"),
            Some(FilterField::Organization)
        );
        assert_eq!(FilterField::from_name("colour"), None);
    }
}
