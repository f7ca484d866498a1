//! From lexemes to a [`Query`]: `OR`ed terms joined into one clause, and
//! the limits on characters and clauses applied.

use super::lexer::{lex, Lexeme};
use super::{Clause, ClauseKind, Query, MAX_CLAUSES, MAX_QUERY_CHARS};

/// Parses a query. Never fails, never panics.
///
/// ```
/// use crosscheck_core::search::query::{parse, ClauseKind, Term};
/// let q = parse(r#"witkoff -"four hours""#);
/// assert_eq!(q.clauses[0].kind, ClauseKind::Term(Term::Word("witkoff".into())));
/// assert!(q.clauses[1].exclude);
/// ```
pub fn parse(input: &str) -> Query {
    let (chars, truncated) = read_chars(input);
    let lexed = lex(&chars, truncated);
    let mut query = Query {
        clauses: join_or(lexed.lexemes),
        unclosed_quote: lexed.unclosed_quote,
        ends_in_word: lexed.ends_in_word,
        truncated,
    };
    if query.clauses.len() > MAX_CLAUSES {
        query.clauses.truncate(MAX_CLAUSES);
        query.truncated = true;
        query.ends_in_word = false;
    }
    query
}

/// The characters that are read, and whether there were more.
fn read_chars(input: &str) -> (Vec<char>, bool) {
    let mut chars: Vec<char> = input.chars().take(MAX_QUERY_CHARS + 1).collect();
    let truncated = chars.len() > MAX_QUERY_CHARS;
    chars.truncate(MAX_QUERY_CHARS);
    (chars, truncated)
}

/// The clauses, with each term after an `OR` joined to the clause before
/// it. An `OR` with nothing to join, or before an excluded clause, is
/// ignored.
fn join_or(lexemes: Vec<Lexeme>) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    let mut pending_or = false;
    for lexeme in lexemes {
        let clause = match lexeme {
            Lexeme::Or => {
                pending_or = true;
                continue;
            }
            Lexeme::Clause(c) => c,
        };
        let joined = pending_or && !clause.exclude && join(clauses.last_mut(), &clause);
        pending_or = false;
        if !joined {
            clauses.push(clause);
        }
    }
    clauses
}

/// Adds `clause` as one more alternative of `prev`, when both are plain
/// terms or `OR` groups; false when they cannot be joined.
fn join(prev: Option<&mut Clause>, clause: &Clause) -> bool {
    let ClauseKind::Term(t) = &clause.kind else {
        return false;
    };
    let Some(Clause {
        exclude: false,
        kind,
    }) = prev
    else {
        return false;
    };
    match kind {
        ClauseKind::AnyOf(ts) => ts.push(t.clone()),
        ClauseKind::Term(p) => *kind = ClauseKind::AnyOf(vec![p.clone(), t.clone()]),
        ClauseKind::Filter(..) => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::{FilterField, Term};

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
