//! From lexemes to a [`Query`]: `NOT`s applied, groups resolved, `OR`ed
//! terms joined into one clause, and the limits on characters and terms
//! applied. Whatever cannot be read as written gets a [`SyntaxNote`].

use super::lexer::{lex, Lexeme};
use super::{Clause, ClauseKind, Occur, Query, SyntaxNote, Term, MAX_CLAUSES, MAX_QUERY_CHARS};

/// Parses a query. Never fails, never panics, and takes time linear in the
/// first [`MAX_QUERY_CHARS`] characters (groups are resolved with a stack,
/// not recursion, so deep nesting cannot overflow it).
///
/// ```
/// use crosscheck_core::search::query::{parse, ClauseKind, Occur, Term};
/// let q = parse(r#"witkoff NOT "four hours" (moscow OR kremlin)"#);
/// assert_eq!(q.clauses[0].kind, ClauseKind::Term(Term::Word("witkoff".into())));
/// assert_eq!(q.clauses[1].occur, Occur::Excluded);
/// assert_eq!(q.clauses[2].to_string(), "moscow OR kremlin");
/// ```
pub fn parse(input: &str) -> Query {
    let (chars, truncated) = read_chars(input);
    let lexed = lex(&chars, truncated);
    let mut syntax = Vec::new();
    let clauses = read(lexed.lexemes, &mut syntax);
    syntax.dedup();
    let mut query = Query {
        clauses,
        unclosed_quote: lexed.unclosed_quote,
        ends_in_word: lexed.ends_in_word,
        truncated,
        syntax,
    };
    if limit_terms(&mut query.clauses) {
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

/// Keeps the first [`MAX_CLAUSES`] terms, counting every alternative of an
/// `OR`; true when some were dropped.
fn limit_terms(clauses: &mut Vec<Clause>) -> bool {
    let mut left = MAX_CLAUSES;
    let mut cut = false;
    clauses.retain_mut(|c| {
        if left == 0 {
            cut = true;
            return false;
        }
        if let ClauseKind::AnyOf(ts) = &mut c.kind {
            if ts.len() > left {
                ts.truncate(left);
                cut = true;
            }
            left -= ts.len();
            if let [one] = ts.as_slice() {
                c.kind = ClauseKind::Term(one.clone());
            }
        } else {
            left -= 1;
        }
        true
    });
    cut
}

/// One element of a level (the whole query, or the inside of a group).
enum Item {
    Or,
    Not,
    /// A clause as written, or a resolved group with its sign.
    Clause(Clause),
    Group(Occur, Vec<Clause>),
}

/// Resolves the lexemes level by level: a `(` starts a level, its `)`
/// resolves it into one [`Item::Group`] of the level around it.
fn read(lexemes: Vec<Lexeme>, notes: &mut Vec<SyntaxNote>) -> Vec<Clause> {
    let mut levels: Vec<(Occur, Vec<Item>)> = vec![(Occur::Plain, Vec::new())];
    for lexeme in lexemes {
        let items = &mut levels.last_mut().expect("the query's level").1;
        match lexeme {
            // AND is what plain clauses do already.
            Lexeme::And => {}
            Lexeme::Or => items.push(Item::Or),
            Lexeme::Not => items.push(Item::Not),
            Lexeme::Clause(c) => items.push(Item::Clause(c)),
            Lexeme::Open(occur) => levels.push((occur, Vec::new())),
            Lexeme::Close if levels.len() == 1 => notes.push(SyntaxNote::UnopenedParenthesis),
            Lexeme::Close => close(&mut levels, notes),
        }
    }
    if levels.len() > 1 {
        notes.push(SyntaxNote::UnclosedParenthesis);
        while levels.len() > 1 {
            close(&mut levels, notes);
        }
    }
    let (_, items) = levels.pop().expect("the query's level");
    resolve(items, notes)
}

/// Resolves the innermost level into a group of the level around it.
fn close(levels: &mut Vec<(Occur, Vec<Item>)>, notes: &mut Vec<SyntaxNote>) {
    let (occur, items) = levels.pop().expect("a group's level");
    let clauses = resolve(items, notes);
    let outer = &mut levels.last_mut().expect("the level around a group").1;
    outer.push(Item::Group(occur, clauses));
}

/// The clauses of one level: `NOT`s applied to what follows them, groups
/// given their sign, then `OR`s joined.
fn resolve(items: Vec<Item>, notes: &mut Vec<SyntaxNote>) -> Vec<Clause> {
    // Each operand as the clauses it stands for; `None` is an `OR`.
    let mut operands: Vec<Option<Vec<Clause>>> = Vec::new();
    let mut nots = 0;
    let mut after_lowercase_not = false;
    for item in items {
        let negate = |o: Occur| (0..nots).fold(o, |o, _| Occur::Excluded.then(o));
        let clauses = match item {
            Item::Not => {
                nots += 1;
                continue;
            }
            Item::Or => {
                if nots > 0 {
                    notes.push(SyntaxNote::LoneNot);
                    nots = 0;
                }
                after_lowercase_not = false;
                operands.push(None);
                continue;
            }
            Item::Clause(mut c) => {
                c.occur = negate(c.occur);
                vec![c]
            }
            Item::Group(occur, clauses) => group(negate(occur), clauses, notes),
        };
        if after_lowercase_not {
            notes.push(SyntaxNote::LowercaseNot);
        }
        after_lowercase_not = matches!(clauses.as_slice(), [Clause {
            occur: Occur::Plain,
            kind: ClauseKind::Term(Term::Word(w)),
        }] if w.eq_ignore_ascii_case("not"));
        nots = 0;
        operands.push(Some(clauses));
    }
    if nots > 0 {
        notes.push(SyntaxNote::LoneNot);
    }
    join_or(operands, notes)
}

/// A group's clauses with the group's sign applied: one clause takes the
/// sign (`-(a OR b)`), several are read as if unparenthesised (`(a b)`, and
/// `+(a b)` requires each); several cannot be left out as a whole, so
/// `-(a b)` is left out of the search, with a note.
fn group(occur: Occur, mut clauses: Vec<Clause>, notes: &mut Vec<SyntaxNote>) -> Vec<Clause> {
    match (occur, clauses.len()) {
        (_, 0) | (Occur::Plain, _) => clauses,
        (_, 1) | (Occur::Required, _) => {
            for c in &mut clauses {
                c.occur = occur.then(c.occur);
            }
            clauses
        }
        (Occur::Excluded, _) => {
            let inside: Vec<String> = clauses.iter().map(Clause::to_string).collect();
            notes.push(SyntaxNote::GroupLeftOut(format!("-({})", inside.join(" "))));
            Vec::new()
        }
    }
}

/// The clauses of a level's operands, with each operand after an `OR`
/// joined to the one before it when both are single clauses that can be
/// alternatives; otherwise both are kept, with a note.
fn join_or(operands: Vec<Option<Vec<Clause>>>, notes: &mut Vec<SyntaxNote>) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    // The clauses the previous operand added, when it added any.
    let mut previous: Option<usize> = None;
    let mut pending_or = false;
    for operand in operands {
        let Some(operand) = operand else {
            if previous.is_none() || pending_or {
                notes.push(SyntaxNote::LoneOr);
            }
            pending_or = previous.is_some();
            continue;
        };
        if operand.is_empty() {
            pending_or = false;
            previous = None;
            continue;
        }
        if pending_or {
            pending_or = false;
            let before = clauses.len() - previous.unwrap_or(0);
            if let ([prev], [next]) = (&mut clauses[before..], operand.as_slice()) {
                if join(prev, next) {
                    previous = Some(1);
                    continue;
                }
            }
            let written = |cs: &[Clause]| {
                let parts: Vec<String> = cs.iter().map(Clause::to_string).collect();
                parts.join(" ")
            };
            notes.push(SyntaxNote::OrNotJoined(format!(
                "{} OR {}",
                written(&clauses[before..]),
                written(&operand)
            )));
        }
        previous = Some(operand.len());
        clauses.extend(operand);
    }
    if pending_or {
        notes.push(SyntaxNote::LoneOr);
    }
    clauses
}

/// Makes `prev` into `prev OR next` when both are terms or `OR` groups with
/// the same sign, and that sign is not `-` (`-a OR -b` would ask for the
/// articles that lack either word, which a flat query cannot say); false,
/// and `prev` unchanged, otherwise.
fn join(prev: &mut Clause, next: &Clause) -> bool {
    if prev.occur != next.occur || prev.occur == Occur::Excluded {
        return false;
    }
    let next_terms = match &next.kind {
        ClauseKind::Term(t) => std::slice::from_ref(t),
        ClauseKind::AnyOf(ts) => ts.as_slice(),
        ClauseKind::Filter(..) => return false,
    };
    // `+OR` is the word OR only because of its sign; inside `+(… OR …)` it
    // would be read as the operator, so it stays a clause of its own.
    let operator_word =
        |t: &Term| matches!(t, Term::Word(w) if matches!(w.as_str(), "AND" | "OR" | "NOT"));
    let prev_terms = match &prev.kind {
        ClauseKind::Term(t) => std::slice::from_ref(t),
        ClauseKind::AnyOf(ts) => ts.as_slice(),
        ClauseKind::Filter(..) => return false,
    };
    if prev_terms.iter().chain(next_terms).any(operator_word) {
        return false;
    }
    match &mut prev.kind {
        ClauseKind::Term(t) => {
            let mut all = vec![t.clone()];
            all.extend_from_slice(next_terms);
            prev.kind = ClauseKind::AnyOf(all);
        }
        ClauseKind::AnyOf(ts) => ts.extend_from_slice(next_terms),
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
            occur: Occur::Plain,
            kind: ClauseKind::Term(t),
        }
    }

    fn excluded(t: Term) -> Clause {
        Clause {
            occur: Occur::Excluded,
            kind: ClauseKind::Term(t),
        }
    }

    fn required(t: Term) -> Clause {
        Clause {
            occur: Occur::Required,
            kind: ClauseKind::Term(t),
        }
    }

    fn any_of(occur: Occur, ts: &[&str]) -> Clause {
        Clause {
            occur,
            kind: ClauseKind::AnyOf(ts.iter().map(|&t| word(t)).collect()),
        }
    }

    /// The clauses written back, and the notes.
    fn read(q: &str) -> (String, Vec<SyntaxNote>) {
        let q = parse(q);
        let written: Vec<String> = q.clauses.iter().map(Clause::to_string).collect();
        (written.join(" "), q.syntax)
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
                    occur: Occur::Plain,
                    kind: ClauseKind::AnyOf(vec![
                        word("moscow"),
                        word("kremlin"),
                        phrase("red square")
                    ])
                },
                plain(word("talks"))
            ]
        );
        // Dangling or misplaced ORs are ignored, and said so; lower-case or
        // is a word.
        let q = parse("OR a OR");
        assert_eq!(q.clauses, [plain(word("a"))]);
        assert_eq!(q.syntax, [SyntaxNote::LoneOr]);
        let q = parse("a OR -b");
        assert_eq!(q.clauses, [plain(word("a")), excluded(word("b"))]);
        assert_eq!(q.syntax, [SyntaxNote::OrNotJoined("a OR -b".into())]);
        assert_eq!(parse("a or b").clauses.len(), 3);
        assert!(parse("a or b").syntax.is_empty());
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
        assert!(q.clauses[2].is_excluded());
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
        // Alternatives count towards the limit too.
        let ors = vec!["w"; 100].join(" OR ");
        let q = parse(&ors);
        assert!(q.truncated);
        assert!(matches!(&q.clauses[0].kind, ClauseKind::AnyOf(ts) if ts.len() == MAX_CLAUSES));
        let q = parse(&format!("a b {ors}"));
        assert!(matches!(&q.clauses[2].kind, ClauseKind::AnyOf(ts) if ts.len() == MAX_CLAUSES - 2));
        // Deep nesting is read without recursion.
        let deep = format!("{}a{}", "(".repeat(900), ")".repeat(90));
        let q = parse(&deep);
        assert_eq!(q.clauses, [plain(word("a"))]);
        assert_eq!(q.syntax, [SyntaxNote::UnclosedParenthesis]);
        let q = parse("🙂 \u{0}\u{7}\t!");
        assert_eq!(q.clauses, [plain(word("🙂")), plain(word("!"))]);
    }

    #[test]
    fn not_and_a_leading_minus_mean_the_same() {
        for q in ["talks NOT witkoff", "talks -witkoff", "NOT witkoff talks"] {
            let mut clauses = parse(q).clauses;
            clauses.sort_by_key(|c| c.is_excluded());
            assert_eq!(
                clauses,
                [plain(word("talks")), excluded(word("witkoff"))],
                "{q}"
            );
        }
        assert_eq!(
            read(r#"NOT "four hours" NOT title:talks"#).0,
            r#"-"four hours" -title:talks"#
        );
        // NOT of a sign composes: leaving out a word left out requires it.
        assert_eq!(read("NOT +a NOT -b NOT NOT c").0, "-a +b +c");
        // Lower case is an ordinary word, with a hint when a word follows.
        let q = parse("not witkoff");
        assert_eq!(q.clauses, [plain(word("not")), plain(word("witkoff"))]);
        assert_eq!(q.syntax, [SyntaxNote::LowercaseNot]);
        assert!(parse("witkoff not").syntax.is_empty());
    }

    #[test]
    fn a_lone_not_is_ignored_and_said_so() {
        for q in ["NOT", "witkoff NOT", "NOT OR talks", "(a NOT)"] {
            let q = parse(q);
            assert!(q.clauses.iter().all(|c| !c.is_excluded()), "{q:?}");
            assert!(q.syntax.contains(&SyntaxNote::LoneNot), "{q:?}");
        }
        assert!(SyntaxNote::LoneNot.to_string().contains("talks NOT berlin"));
    }

    #[test]
    fn and_is_the_default() {
        assert_eq!(parse("witkoff AND talks"), parse("witkoff talks"));
        assert_eq!(parse("AND witkoff AND ").clauses, parse("witkoff").clauses);
        assert_eq!(read("a AND b OR c").0, "a b OR c");
    }

    #[test]
    fn plus_requires_a_word() {
        assert_eq!(
            parse("+witkoff talks +\"four hours\"").clauses,
            [
                required(word("witkoff")),
                plain(word("talks")),
                required(phrase("four hours"))
            ]
        );
        assert_eq!(read("+a OR +b").0, "+(a OR b)");
        assert_eq!(read("+(a b)").0, "+a +b");
    }

    #[test]
    fn parentheses_group_alternatives() {
        let q = parse("(moscow OR kremlin) talks");
        assert_eq!(
            q.clauses,
            [
                any_of(Occur::Plain, &["moscow", "kremlin"]),
                plain(word("talks"))
            ]
        );
        assert!(q.syntax.is_empty());
        assert_eq!(
            parse("-(moscow OR kremlin) NOT (a OR b) +(c OR d)").clauses,
            [
                any_of(Occur::Excluded, &["moscow", "kremlin"]),
                any_of(Occur::Excluded, &["a", "b"]),
                any_of(Occur::Required, &["c", "d"])
            ]
        );
        // Groups join other alternatives, nested or not.
        assert_eq!(read("((a OR b) OR c) OR (d)").0, "a OR b OR c OR d");
        // A group of several clauses reads as its clauses.
        assert_eq!(read("(a b) c"), ("a b c".into(), vec![]));
    }

    #[test]
    fn what_cannot_be_searched_as_written_is_said() {
        // Unbalanced parentheses.
        assert_eq!(
            read("(a OR b"),
            ("a OR b".into(), vec![SyntaxNote::UnclosedParenthesis])
        );
        assert_eq!(
            read("a) b"),
            ("a b".into(), vec![SyntaxNote::UnopenedParenthesis])
        );
        // A group of several clauses cannot be left out as a whole: it is
        // left out of the search rather than read as something else.
        assert_eq!(
            read("talks -(a b)"),
            (
                "talks".into(),
                vec![SyntaxNote::GroupLeftOut("-(a b)".into())]
            )
        );
        assert_eq!(
            read("talks NOT (a b)").1,
            [SyntaxNote::GroupLeftOut("-(a b)".into())]
        );
        // An OR that cannot join keeps both sides, and says so.
        assert_eq!(
            read("witkoff OR person:putin"),
            (
                "witkoff person:putin".into(),
                vec![SyntaxNote::OrNotJoined("witkoff OR person:putin".into())]
            )
        );
        assert_eq!(
            read("(a b) OR c").1,
            [SyntaxNote::OrNotJoined("a b OR c".into())]
        );
        assert_eq!(read("-a OR -b").0, "-a -b");
        // Words spelled like operators join nothing: they would be read back
        // as operators.
        assert_eq!(read("+a OR +OR").0, "+a +OR");
    }

    #[test]
    fn clauses_written_back_read_the_same() {
        for q in [
            "(moscow OR kremlin) talks -(a OR b) +(c OR \"d e\") x OR y +z",
            "NOT (a OR b) (c d) -NOT title:NOT person:(x",
            "a OR person:x OR b",
        ] {
            let parsed = parse(q);
            let written: Vec<String> = parsed.clauses.iter().map(Clause::to_string).collect();
            assert_eq!(parse(&written.join(" ")).clauses, parsed.clauses, "{q}");
        }
    }
}
