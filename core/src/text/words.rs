//! Words as the extractors read them, with byte offsets.

use super::lexicon::is_abbreviation;
use super::tokenizer::Token;

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn is_word_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '&')
}

/// The char at byte `i` and its length; ASCII without decoding.
#[inline]
fn next_char(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        char_at(s, i)
    }
}

/// Splits `s` into word tokens. Linear in the length of `s`.
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut i = 0;
    while let Some(c) = next_char(s, i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(c) = next_char(s, end) {
            let joins = c.is_alphanumeric()
                || (is_word_joiner(c)
                    && next_char(s, end + c.len_utf8()).is_some_and(char::is_alphanumeric));
            if !joins {
                break;
            }
            end += c.len_utf8();
        }
        let mut possessive = false;
        let mut next = end;
        let word = &s.as_bytes()[start..end];
        if word.len() > 2 && matches!(word[word.len() - 1], b's' | b'S') {
            for suffix in ["’s", "'s", "’S", "'S"] {
                if s[start..end].ends_with(suffix) && end - suffix.len() > start {
                    end -= suffix.len();
                    possessive = true;
                    break;
                }
            }
        }
        if !possessive && next_char(s, end) == Some('.') {
            let word = &s[start..end];
            let dotted = word.contains('.')
                && word.split('.').all(|part| {
                    (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
                });
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if dotted || initial || is_abbreviation(word) {
                end += 1;
                next = end;
            }
        }
        out.push(Token {
            text: &s[start..end],
            start,
            end,
            possessive,
        });
        i = next;
    }
    out
}

/// The text between two tokens of the same string.
pub fn gap<'a>(s: &'a str, a: &Token, b: &Token) -> &'a str {
    // A possessive suffix belongs to the gap.
    s.get(a.end..b.start).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_abbreviations_and_decimals_whole() {
        assert_eq!(
            words("U.S.-drafted plan, Mr. Smith at 9 a.m. paid $1.13bn."),
            ["U.S.", "drafted", "plan", "Mr.", "Smith", "at", "9", "a.m.", "paid", "1.13bn"]
        );
    }

    #[test]
    fn cuts_possessives_and_hyphens() {
        let t = tokens("Putin’s Russia-Ukraine talks");
        assert_eq!(t[0].text, "Putin");
        assert!(t[0].possessive);
        assert_eq!(t[1].text, "Russia");
        assert_eq!(t[2].text, "Ukraine");
        assert_eq!(gap("Putin’s Russia-Ukraine talks", &t[1], &t[2]), "-");
    }

    #[test]
    fn offsets_slice_the_input() {
        let s = "«Zoë» said: Kyiv’s 1,000";
        for t in tokens(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
