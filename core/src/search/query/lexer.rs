//! From the characters of a query to a list of clauses and `OR`s, left to
//! right: an optional `-`, an optional `name:` prefix, then a quoted phrase
//! or a word. Whatever is not syntax is a word; nothing fails.

use super::{Clause, ClauseKind, FilterField, Term, LONGEST_FIELD_NAME};

/// One unit of a query: a clause, or an `OR` between two.
pub(super) enum Lexeme {
    Or,
    Clause(Clause),
}

/// The lexemes of a query and what was noticed on the way.
#[derive(Default)]
pub(super) struct Lexed {
    pub lexemes: Vec<Lexeme>,
    /// A quote was opened and not closed.
    pub unclosed_quote: bool,
    /// The last clause is a word that runs to the end of the text.
    pub ends_in_word: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '−')
}

/// Splits `chars` into lexemes. `truncated` says the text was cut, so a
/// word at its end is not known to end there.
pub(super) fn lex(chars: &[char], truncated: bool) -> Lexed {
    let mut lexer = Lexer { chars, at: 0 };
    let mut out = Lexed::default();
    while lexer.skip_spaces() {
        let Some(exclude) = lexer.exclusion() else {
            continue;
        };
        let field = lexer.field_prefix();
        let term = if lexer.at_quote() {
            let (phrase, closed) = lexer.phrase();
            out.unclosed_quote |= !closed;
            let Some(phrase) = phrase else {
                continue;
            };
            out.ends_in_word = false;
            phrase
        } else {
            let word = lexer.word();
            if word == "OR" && !exclude && field.is_none() {
                out.lexemes.push(Lexeme::Or);
                continue;
            }
            out.ends_in_word = lexer.at_end() && !truncated;
            Term::Word(word)
        };
        let kind = match field {
            Some(f) => ClauseKind::Filter(f, term),
            None => ClauseKind::Term(term),
        };
        out.lexemes.push(Lexeme::Clause(Clause { exclude, kind }));
    }
    if matches!(out.lexemes.last(), Some(Lexeme::Or)) {
        out.ends_in_word = false;
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

    /// Reads a leading `-`: whether the clause that follows is excluded,
    /// or `None` for a lone or doubled dash, which excludes nothing and is
    /// skipped (one dash at a time).
    fn exclusion(&mut self) -> Option<bool> {
        if !self.chars.get(self.at).is_some_and(|&c| is_dash(c)) {
            return Some(false);
        }
        self.at += 1;
        match self.chars.get(self.at) {
            Some(&c) if !is_space(c) && !is_dash(c) => Some(true),
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
        let value_starts = rest.get(colon + 1).is_some_and(|&c| !is_space(c));
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

    /// Reads a word: up to whitespace, a quote or the end.
    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|&c| !is_space(c) && !is_quote(c))
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
                Lexeme::Or => "OR".to_string(),
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
    fn ends_in_word_only_for_a_word_at_the_end() {
        let ends = |q: &str, truncated: bool| {
            let chars: Vec<char> = q.chars().collect();
            lex(&chars, truncated).ends_in_word
        };
        assert!(ends("talks mosc", false));
        assert!(!ends("talks mosc", true));
        assert!(!ends("talks ", false));
        assert!(!ends("mosc\"", false));
        assert!(!ends("a OR", false));
    }
}
