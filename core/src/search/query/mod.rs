//! The query language: what a person types into the search box, parsed into
//! a flat list of clauses. Parsing never fails: any string is a query, and
//! whatever cannot be read as syntax is read as words.
//!
//! ```text
//! witkoff talks             plain words, ranked; all words beat some words
//! witkoff AND talks         the same: AND is what plain words do already
//! "nearly four hours"       an exact phrase (required)
//! +witkoff                  the word is required (in any of its forms)
//! -witkoff  NOT witkoff     leave out articles with the word
//! -"four hours"  NOT title:talks  -(moscow OR kremlin)
//! moscow OR kremlin         either word
//! (moscow OR kremlin) talks parentheses group alternatives
//! title:talks  title:"peace plan"
//! person:putin  place:"abu dhabi"  org:kremlin  source:"al jazeera"
//! ```
//!
//! Operators are the upper-case words `AND`, `OR` and `NOT`; in lower case
//! they are ordinary (common) words, so a sentence pasted into the box is
//! still a sentence. Straight and curly double quotes both quote; an
//! unclosed quote runs to the end of the query, an unclosed parenthesis
//! likewise; a lone `-` or `+` is ignored. Only the first
//! [`MAX_QUERY_CHARS`] characters and [`MAX_CLAUSES`] terms are read.
//!
//! A query is a flat list of clauses, so not every nesting can be searched
//! as written. What cannot is never turned into something else silently:
//! each such place gets a [`SyntaxNote`] (shown as a [`Notice`]) saying how
//! it was read, and the reading is never the opposite of what was asked:
//! an `OR` that cannot join its sides (`witkoff OR person:putin`) searches
//! both sides, a group that cannot be left out as a whole (`-(a b)`) is left
//! out of the search, a `NOT` or `OR` with nothing to apply to is ignored.
//!
//! Reading is in two steps: the `lexer` turns characters into clauses and
//! operators, the `parser` applies `NOT`, groups and `OR`s and the limits.

use std::fmt;

use serde::Serialize;

mod lexer;
mod parser;

pub use parser::parse;

/// Characters of a query that are read; the rest is ignored (and reported).
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Terms of a query that are used, counting each alternative of an `OR`;
/// the rest are ignored (and reported). Each term costs a vocabulary walk,
/// so this bounds the work of any query.
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
    /// `a OR b OR "c d"`, `(a OR b)`.
    AnyOf(Vec<Term>),
}

/// How a clause takes part in the search: the sign written before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Occur {
    /// No sign: words rank (all words beat some), phrases and filters are
    /// required.
    Plain,
    /// `+`: articles must match.
    Required,
    /// `-` or `NOT`: articles must not match.
    Excluded,
}

impl Occur {
    /// The sign of a clause written inside a group signed `self`: `-(+a)`
    /// leaves `a` out, `-(-a)` requires it, a plain group keeps its
    /// clauses' signs.
    pub fn then(self, inner: Occur) -> Occur {
        match (self, inner) {
            (Occur::Plain, o) | (o, Occur::Plain) => o,
            (Occur::Required, o) | (o, Occur::Required) => o,
            (Occur::Excluded, Occur::Excluded) => Occur::Required,
        }
    }

    fn sign(self) -> &'static str {
        match self {
            Occur::Plain => "",
            Occur::Required => "+",
            Occur::Excluded => "-",
        }
    }
}

/// One clause of a query, with its sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    pub occur: Occur,
    pub kind: ClauseKind,
}

impl Clause {
    /// Whether the clause leaves articles out (`-`, `NOT`).
    pub fn is_excluded(&self) -> bool {
        self.occur == Occur::Excluded
    }
}

/// Written so that [`parse`] reads it back as the same clause: a signed
/// `OR` group is parenthesised, a plain one is not.
impl std::fmt::Display for Clause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.occur.sign())?;
        match &self.kind {
            ClauseKind::Term(t) => write!(f, "{t}"),
            ClauseKind::Filter(field, t) => write!(f, "{}:{t}", field.as_str()),
            ClauseKind::AnyOf(ts) => {
                let grouped = self.occur != Occur::Plain;
                if grouped {
                    f.write_str("(")?;
                }
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" OR ")?;
                    }
                    write!(f, "{t}")?;
                }
                if grouped {
                    f.write_str(")")?;
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
    /// Operators that could not be read as written, and how they were read.
    pub syntax: Vec<SyntaxNote>,
}

/// A place where the query's operators could not be read as written, and
/// what was done instead (never the opposite of what was asked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyntaxNote {
    /// `NOT` with no word, phrase or group after it: ignored.
    LoneNot,
    /// `OR` without something on both sides: ignored.
    LoneOr,
    /// `a OR b` where a side is a filter, a signed word or a group of
    /// several: both sides were searched.
    OrNotJoined(String),
    /// `-(a b)`: a group of several clauses cannot be left out as a whole
    /// (only alternatives can, `-(a OR b)`), so it was left out of the
    /// search.
    GroupLeftOut(String),
    /// A `(` was not closed: the group ran to the end.
    UnclosedParenthesis,
    /// A `)` without a `(`: ignored.
    UnopenedParenthesis,
    /// Lower-case `not` before a word is an ordinary word.
    LowercaseNot,
}

impl fmt::Display for SyntaxNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxNote::LoneNot => f.write_str(
                "NOT was ignored: it goes before a word, a phrase or a (group) to leave out, \
                 as in talks NOT berlin",
            ),
            SyntaxNote::LoneOr => f.write_str(
                "OR was ignored: it goes between two words, phrases or (groups), \
                 as in moscow OR kremlin",
            ),
            SyntaxNote::OrNotJoined(s) => write!(
                f,
                "{s} was searched as both sides: OR joins words and phrases, \
                 not field:value filters, words marked - or +, or groups of several words"
            ),
            SyntaxNote::GroupLeftOut(s) => write!(
                f,
                "{s} was left out of the search: only alternatives can be left out \
                 together, as in -(moscow OR kremlin)"
            ),
            SyntaxNote::UnclosedParenthesis => {
                f.write_str("a parenthesis was not closed; the group runs to the end")
            }
            SyntaxNote::UnopenedParenthesis => f.write_str("a ) without a ( was ignored"),
            SyntaxNote::LowercaseNot => f.write_str(
                "not in lower case is an ordinary word; write NOT or a leading - \
                 to leave out the word after it",
            ),
        }
    }
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
    /// Operators that could not be read as written (see [`SyntaxNote`]).
    Syntax(SyntaxNote),
    /// Nothing matched.
    NoMatch,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::EmptyQuery => f.write_str("nothing to search for"),
            Notice::Truncated => write!(
                f,
                "the query is too long; only its first {} characters and {} terms were used",
                MAX_QUERY_CHARS, MAX_CLAUSES
            ),
            Notice::UnclosedQuote => {
                f.write_str("a quote was not closed; the phrase runs to the end")
            }
            Notice::Unsearchable(w) => write!(f, "nothing searchable in: {}", w.join(" ")),
            Notice::StopWordsIgnored(w) => write!(f, "common words ignored: {}", w.join(" ")),
            Notice::Syntax(note) => note.fmt(f),
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
