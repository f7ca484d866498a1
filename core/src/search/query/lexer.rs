//! From the characters of a query to clauses and operators, left to right:
//! a `)`, or an optional sign (`-`, `+`) then a `(`, or an optional sign, an
//! optional `name:` prefix and a quoted phrase or a word; a word that is
//! exactly `AND`, `OR` or `NOT` (upper case, no sign, no prefix) is an
//! operator. Whatever is not syntax is a word; nothing fails.

use super::{Clause, ClauseKind, FilterField, Occur, Term, LONGEST_FIELD_NAME};

/// One unit of a query.
#[derive(Debug, PartialEq)]
pub(super) enum Lexeme {
    And,
    Or,
    Not,
    /// `(`, `-(` or `+(`.
    Open(Occur),
    Close,
    Clause(Clause),
}

/// The lexemes of a query and what was noticed on the way.
#[derive(Default)]
pub(super) struct Lexed {
    pub lexemes: Vec<Lexeme>,
    /// A quote was opened and not closed.
    pub unclosed_quote: bool,
    /// The last lexeme is a word that runs to the end of the text.
    pub ends_in_word: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn is_sign(c: char) -> bool {
    matches!(c, '-' | '−' | '+')
}

/// Splits `chars` into lexemes. `truncated` says the text was cut, so a
/// word at its end is not known to end there.
pub(super) fn lex(chars: &[char], truncated: bool) -> Lexed {
    let mut lexer = Lexer { chars, at: 0 };
    let mut out = Lexed::default();
    while lexer.skip_spaces() {
        out.ends_in_word = false;
        if lexer.eat(')') {
            out.lexemes.push(Lexeme::Close);
            continue;
        }
        let Some(occur) = lexer.sign() else {
            continue;
        };
        if lexer.eat('(') {
            out.lexemes.push(Lexeme::Open(occur));
            continue;
        }
        let field = lexer.field_prefix();
        let term = if lexer.at_quote() {
            let (phrase, closed) = lexer.phrase();
            out.unclosed_quote |= !closed;
            let Some(phrase) = phrase else {
                continue;
            };
            phrase
        } else {
            let word = lexer.word();
            if occur == Occur::Plain && field.is_none() {
                let operator = match word.as_str() {
                    "AND" => Some(Lexeme::And),
                    "OR" => Some(Lexeme::Or),
                    "NOT" => Some(Lexeme::Not),
                    _ => None,
                };
                if let Some(op) = operator {
                    out.lexemes.push(op);
                    continue;
                }
            }
            if word.is_empty() {
                continue;
            }
            out.ends_in_word = lexer.at_end() && !truncated;
            Term::Word(word)
        };
        let kind = match field {
            Some(f) => ClauseKind::Filter(f, term),
            None => ClauseKind::Term(term),
        };
        out.lexemes.push(Lexeme::Clause(Clause { occur, kind }));
    }
    out
}

/// A position in the characters of a query.
struct Lexer<'a> {
    chars: &'a [char],
    at: usize,
}

impl Lexer<'_> {
    /// Skips whitespace and control characters; false at the end.
    fn skip_spaces(&mut self) -> bool {
        while self.chars.get(self.at).is_some_and(|&c| is_space(c)) {
            self.at += 1;
        }
        !self.at_end()
    }

    fn at_end(&self) -> bool {
        self.at >= self.chars.len()
    }

    fn at_quote(&self) -> bool {
        self.chars.get(self.at).is_some_and(|&c| is_quote(c))
    }

    /// Reads `c` when it is next.
    fn eat(&mut self, c: char) -> bool {
        let next = self.chars.get(self.at) == Some(&c);
        self.at += usize::from(next);
        next
    }

    /// Reads a leading `-` or `+`: the sign of the clause that follows, or
    /// `None` for a sign with nothing after it, or before another sign or a
    /// `)`, which is skipped (one character at a time).
    fn sign(&mut self) -> Option<Occur> {
        let occur = match self.chars.get(self.at) {
            Some('+') => Occur::Required,
            Some(&c) if is_sign(c) => Occur::Excluded,
            _ => return Some(Occur::Plain),
        };
        self.at += 1;
        match self.chars.get(self.at) {
            Some(&c) if !is_space(c) && !is_sign(c) && c != ')' => Some(occur),
            _ => None,
        }
    }

    /// Reads a `name:` prefix when the name is a field's and a value
    /// follows the colon at once; otherwise reads nothing.
    fn field_prefix(&mut self) -> Option<FilterField> {
        let rest = self.chars.get(self.at..).unwrap_or(&[]);
        let colon = rest
            .iter()
            .take(LONGEST_FIELD_NAME + 1)
            .position(|&c| c == ':')?;
        let name: String = rest[..colon].iter().collect();
        let value_starts = rest
            .get(colon + 1)
            .is_some_and(|&c| !is_space(c) && c != ')');
        let field = FilterField::from_name(&name).filter(|_| value_starts)?;
        self.at += colon + 1;
        Some(field)
    }

    /// Reads a quoted phrase, up to the closing quote or the end: the
    /// phrase (`None` when it has no word) and whether the quote closed.
    fn phrase(&mut self) -> (Option<Term>, bool) {
        let start = self.at + 1;
        let rest = self.chars.get(start..).unwrap_or(&[]);
        let end = rest.iter().position(|&c| is_quote(c)).map(|p| start + p);
        let end_at = end.unwrap_or(self.chars.len());
        self.at = (end_at + 1).min(self.chars.len());
        let text: String = self
            .chars
            .get(start..end_at)
            .unwrap_or(&[])
            .iter()
            .collect();
        let words: Vec<&str> = text.split(is_space).filter(|w| !w.is_empty()).collect();
        let phrase = (!words.is_empty()).then(|| Term::Phrase(words.join(" ")));
        (phrase, end.is_some())
    }

    /// Reads a word: up to whitespace, a quote, a `)` or the end.
    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|&c| !is_space(c) && !is_quote(c) && c != ')')
        {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<String> {
        let chars: Vec<char> = q.chars().collect();
        lex(&chars, false)
            .lexemes
            .iter()
            .map(|l| match l {
                Lexeme::And => "AND".to_string(),
                Lexeme::Or => "OR".to_string(),
                Lexeme::Not => "NOT".to_string(),
                Lexeme::Open(o) => format!("{}(", o.sign()),
                Lexeme::Close => ")".to_string(),
                Lexeme::Clause(c) => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn lexemes_in_order() {
        assert_eq!(
            kinds("a OR -b org:\"x y\" - \"\" “c”"),
            ["a", "OR", "-b", "org:\"x y\"", "\"c\""]
        );
        assert_eq!(kinds("OR -OR title:OR"), ["OR", "-OR", "title:OR"]);
    }

    #[test]
    fn operators_signs_and_parentheses() {
        assert_eq!(
            kinds("NOT a AND +b -(c OR d) +(e) (f)"),
            ["NOT", "a", "AND", "+b", "-(", "c", "OR", "d", ")", "+(", "e", ")", "(", "f", ")"]
        );
        // Lower case is a word; a sign or prefix makes the operator a word.
        assert_eq!(kinds("not and or"), ["not", "and", "or"]);
        assert_eq!(kinds("-NOT +AND title:NOT"), ["-NOT", "+AND", "title:NOT"]);
        // Lone and doubled signs are skipped, one character at a time.
        assert_eq!(kinds("+ - ++a -) +"), ["+a", ")"]);
        // A `(` inside a word is text; a `)` always ends a word.
        assert_eq!(kinds("f(x) person:(a"), ["f(x", ")", "person:(a"]);
    }

    #[test]
    fn ends_in_word_only_for_a_word_at_the_end() {
        let ends = |q: &str, truncated: bool| {
            let chars: Vec<char> = q.chars().collect();
            lex(&chars, truncated).ends_in_word
        };
        assert!(ends("talks mosc", false));
        assert!(ends("(talks OR mosc", false));
        assert!(!ends("talks mosc", true));
        assert!(!ends("talks ", false));
        assert!(!ends("mosc\"", false));
        assert!(!ends("a OR", false));
        assert!(!ends("a NOT", false));
        assert!(!ends("(a OR b)", false));
    }
}
