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

use serde::Serialize;

/// Characters of a query that are read; the rest is ignored (and reported).
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Clauses of a query that are used; the rest are ignored (and reported).
pub const MAX_CLAUSES: usize = 32;

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

impl FilterField {
    fn from_name(name: &str) -> Option<FilterField> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => FilterField::Title,
            "person" | "people" => FilterField::Person,
            "place" => FilterField::Place,
            "org" | "organization" | "organisation" => FilterField::Organization,
            "source" => FilterField::Source,
            _ => return None,
        })
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

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

enum Lexeme {
    Or,
    Clause(Clause),
}

/// Parses a query. Never fails, never panics.
///
/// ```
/// use crosscheck_core::search::query::{parse, ClauseKind, Term};
/// let q = parse(r#"witkoff -"four hours""#);
/// assert_eq!(q.clauses[0].kind, ClauseKind::Term(Term::Word("witkoff".into())));
/// assert!(q.clauses[1].exclude);
/// ```
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let chars: Vec<char> = input.chars().take(MAX_QUERY_CHARS + 1).collect();
    let chars = if chars.len() > MAX_QUERY_CHARS {
        query.truncated = true;
        &chars[..MAX_QUERY_CHARS]
    } else {
        &chars[..]
    };
    let mut lexemes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            i += 1;
            continue;
        }
        let mut exclude = false;
        if matches!(chars[i], '-' | '−') {
            i += 1;
            match chars.get(i) {
                Some(&c) if !is_space(c) && !matches!(c, '-' | '−') => exclude = true,
                // A lone or doubled dash excludes nothing.
                _ => continue,
            }
        }
        let mut field = None;
        if let Some(colon) = chars[i..].iter().take(13).position(|&c| c == ':') {
            let name: String = chars[i..i + colon].iter().collect();
            let value_starts = chars.get(i + colon + 1).is_some_and(|&c| !is_space(c));
            if let (Some(f), true) = (FilterField::from_name(&name), value_starts) {
                field = Some(f);
                i += colon + 1;
            }
        }
        let term = if is_quote(chars[i]) {
            let start = i + 1;
            let end = chars[start..]
                .iter()
                .position(|&c| is_quote(c))
                .map(|p| start + p);
            if end.is_none() {
                query.unclosed_quote = true;
            }
            let end_at = end.unwrap_or(chars.len());
            i = (end_at + 1).min(chars.len());
            let text: String = chars[start..end_at].iter().collect();
            let text = text
                .split(is_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>();
            if text.is_empty() {
                continue;
            }
            Term::Phrase(text.join(" "))
        } else {
            let start = i;
            while i < chars.len() && !is_space(chars[i]) && !is_quote(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if word == "OR" && !exclude && field.is_none() {
                lexemes.push(Lexeme::Or);
                continue;
            }
            query.ends_in_word = i == chars.len() && !query.truncated;
            Term::Word(word)
        };
        if matches!(term, Term::Phrase(_)) {
            query.ends_in_word = false;
        }
        let kind = match field {
            Some(f) => ClauseKind::Filter(f, term),
            None => ClauseKind::Term(term),
        };
        lexemes.push(Lexeme::Clause(Clause { exclude, kind }));
    }
    if matches!(lexemes.last(), Some(Lexeme::Or)) {
        query.ends_in_word = false;
    }

    let mut pending_or = false;
    for lexeme in lexemes {
        let clause = match lexeme {
            Lexeme::Or => {
                pending_or = true;
                continue;
            }
            Lexeme::Clause(c) => c,
        };
        let joined = pending_or && !clause.exclude;
        pending_or = false;
        if joined {
            if let (
                ClauseKind::Term(t),
                Some(Clause {
                    exclude: false,
                    kind: prev @ (ClauseKind::Term(_) | ClauseKind::AnyOf(_)),
                }),
            ) = (&clause.kind, query.clauses.last_mut())
            {
                match prev {
                    ClauseKind::AnyOf(ts) => ts.push(t.clone()),
                    ClauseKind::Term(p) => *prev = ClauseKind::AnyOf(vec![p.clone(), t.clone()]),
                    ClauseKind::Filter(..) => unreachable!("matched above"),
                }
                continue;
            }
        }
        query.clauses.push(clause);
    }
    if query.clauses.len() > MAX_CLAUSES {
        query.clauses.truncate(MAX_CLAUSES);
        query.truncated = true;
        query.ends_in_word = false;
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str) -> Term {
        Term::Word(s.into())
    }

    fn phrase(s: &str) -> Term {
        Term::Phrase(s.into())
    }

    fn plain(t: Term) -> Clause {
        Clause {
            exclude: false,
            kind: ClauseKind::Term(t),
        }
    }

    fn excluded(t: Term) -> Clause {
        Clause {
            exclude: true,
            kind: ClauseKind::Term(t),
        }
    }

    #[test]
    fn words_and_phrases() {
        let q = parse(r#"  witkoff  "nearly four hours" talks"#);
        assert_eq!(
            q.clauses,
            [
                plain(word("witkoff")),
                plain(phrase("nearly four hours")),
                plain(word("talks"))
            ]
        );
        assert!(q.ends_in_word && !q.unclosed_quote);
        assert!(!parse("talks ").ends_in_word);
        assert!(!parse("\"talks\"").ends_in_word);
    }

    #[test]
    fn curly_quotes_and_unclosed_quotes() {
        let q = parse("“five-hour meeting” \"four hours");
        assert_eq!(
            q.clauses,
            [
                plain(phrase("five-hour meeting")),
                plain(phrase("four hours"))
            ]
        );
        assert!(q.unclosed_quote);
        assert!(parse("\"\" \"   ").clauses.is_empty());
    }

    #[test]
    fn exclusions() {
        let q = parse(r#"-witkoff -"four hours" - -- five-hour"#);
        assert_eq!(
            q.clauses,
            [
                excluded(word("witkoff")),
                excluded(phrase("four hours")),
                plain(word("five-hour"))
            ]
        );
        assert!(parse("-").clauses.is_empty());
    }

    #[test]
    fn or_groups() {
        let q = parse(r#"moscow OR kremlin OR "red square" talks"#);
        assert_eq!(
            q.clauses,
            [
                Clause {
                    exclude: false,
                    kind: ClauseKind::AnyOf(vec![
                        word("moscow"),
                        word("kremlin"),
                        phrase("red square")
                    ])
                },
                plain(word("talks"))
            ]
        );
        // Dangling or misplaced ORs are ignored; lower-case or is a word.
        assert_eq!(parse("OR a OR").clauses, [plain(word("a"))]);
        assert_eq!(
            parse("a OR -b").clauses,
            [plain(word("a")), excluded(word("b"))]
        );
        assert_eq!(parse("a or b").clauses.len(), 3);
    }

    #[test]
    fn filters() {
        let q = parse(r#"person:Putin place:"Abu Dhabi" -org:kremlin title:talks source:RT"#);
        let kinds: Vec<&ClauseKind> = q.clauses.iter().map(|c| &c.kind).collect();
        assert_eq!(
            kinds,
            [
                &ClauseKind::Filter(FilterField::Person, word("Putin")),
                &ClauseKind::Filter(FilterField::Place, phrase("Abu Dhabi")),
                &ClauseKind::Filter(FilterField::Organization, word("kremlin")),
                &ClauseKind::Filter(FilterField::Title, word("talks")),
                &ClauseKind::Filter(FilterField::Source, word("RT")),
            ]
        );
        assert!(q.clauses[2].exclude);
        // Unknown names and empty values are plain words.
        assert_eq!(parse("color:red").clauses, [plain(word("color:red"))]);
        assert_eq!(parse("person: putin").clauses.len(), 2);
    }

    #[test]
    fn limits() {
        let long = "word ".repeat(3_000);
        let q = parse(&long);
        assert!(q.truncated);
        assert_eq!(q.clauses.len(), MAX_CLAUSES);
        assert!(!q.ends_in_word);
        let q = parse("🙂 \u{0}\u{7}\t!");
        assert_eq!(q.clauses, [plain(word("🙂")), plain(word("!"))]);
    }
}
