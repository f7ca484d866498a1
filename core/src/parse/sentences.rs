//! Sentence boundaries in a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it) when whitespace and then an upper-case letter, a digit
//! or an opening quote follow. The rules that keep a sentence whole:
//! - a dot after an abbreviation (`Mr.`, `Dr.`, `Jan.`), an initial (`J.`) or
//!   a dotted abbreviation (`U.S.`, `a.m.`) does not end it;
//! - decimals and amounts (`1.5`, `€90 billion`) have no space after the dot;
//! - nothing inside a quotation ends it, so a quoted speech of several
//!   sentences stays with the sentence that introduces it. Quotation marks
//!   are paired first ([`crate::text::quotes`]); an unpaired mark does not
//!   open a quotation.

use crate::text::chars::{is_close_quote, is_open_quote, is_terminal};
use crate::text::lexicon::is_abbreviation;
use crate::text::quotes::Quotations;

/// Byte ranges of the sentences of `text`, trimmed, in order. Every
/// non-whitespace character of `text` is in exactly one range.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let quotes = Quotations::of(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if start.is_none() && !c.is_whitespace() {
            start = Some(pos);
        }
        if !is_terminal(c)
            || quotes.around(pos).is_some() && !closes_right_after(&chars, i, &quotes)
        {
            i += 1;
            continue;
        }
        // Take the run of terminals and closing marks.
        let mut j = i + 1;
        while j < chars.len() && (is_terminal(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        let boundary = j == chars.len() || ends_here(text, &chars, i, j);
        if boundary {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        }
        i = j;
    }
    if let Some(s) = start {
        let e = s + text[s..].trim_end().len();
        if e > s {
            out.push((s, e));
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    is_close_quote(c) || matches!(c, ')' | ']' | '’' | '\'')
}

/// Whether the terminal at `chars[i]` (run ending before `chars[j]`) ends a
/// sentence, judged by what follows and the word before it.
fn ends_here(text: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    if !chars[j].1.is_whitespace() {
        return false;
    }
    let Some(&(_, next)) = chars[j..].iter().find(|(_, c)| !c.is_whitespace()) else {
        return true;
    };
    let starts_sentence = next.is_uppercase()
        || next.is_ascii_digit()
        || is_open_quote(next)
        || matches!(next, '(' | '[' | '‘' | '\'');
    if !starts_sentence {
        return false;
    }
    if chars[i].1 != '.' {
        return true;
    }
    // Look back a bounded distance so a long run without spaces stays linear.
    let dot = chars[i].0;
    let mut from = dot.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word_start = text[from..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(' || is_open_quote(c))
        .map_or(from, |p| {
            from + p + text[from + p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[word_start..dot];
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    !(initial || dotted || is_abbreviation(word))
}

/// True when only terminals and closing marks stand between `chars[i]` and
/// the end of the quotation it is in: `… “reasonably good.”` ends there.
fn closes_right_after(chars: &[(usize, char)], i: usize, quotes: &Quotations) -> bool {
    let Some((_, close)) = quotes.around(chars[i].0) else {
        return false;
    };
    chars[i + 1..]
        .iter()
        .take_while(|&&(p, _)| p <= close)
        .all(|&(_, c)| is_terminal(c) || is_closer(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sents("One. Two! Three? Four"),
            ["One.", "Two!", "Three?", "Four"]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sents("Mr. Smith met Dr. Jones at 9 a.m. Friday. U.S. envoys came. J. R. Smith left."),
            [
                "Mr. Smith met Dr. Jones at 9 a.m. Friday.",
                "U.S. envoys came.",
                "J. R. Smith left."
            ]
        );
    }

    #[test]
    fn decimals_and_amounts() {
        assert_eq!(
            sents("It grew 1.5% to €90 billion. Then it fell."),
            ["It grew 1.5% to €90 billion.", "Then it fell."]
        );
    }

    #[test]
    fn never_inside_quotes() {
        assert_eq!(
            sents("He said “We are ready. We will talk.” Then he left."),
            ["He said “We are ready. We will talk.”", "Then he left."]
        );
        assert_eq!(
            sents("Trump called it \"reasonably good.\" Talks go on."),
            ["Trump called it \"reasonably good.\"", "Talks go on."]
        );
    }

    #[test]
    fn an_unpaired_quote_does_not_swallow_the_rest() {
        assert_eq!(
            sents("He said “yes. No more."),
            ["He said “yes.", "No more."]
        );
    }

    #[test]
    fn lower_case_after_a_dot_continues() {
        assert_eq!(
            sents("The U.S. officials met. e.g. this."),
            ["The U.S. officials met. e.g. this."]
        );
    }
}
