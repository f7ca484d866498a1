//! Words as the extractors read them: the tokenizer's words, regrouped for
//! reading names, numbers and speakers.
//!
//! The tokenizer holds every letter and digit of a text in some word (what
//! it leaves out is punctuation and space), so regrouping its words finds
//! every word a reader would point at. Reading words differ from the
//! tokenizer's in four ways:
//!
//! 1. **Only letters and digits, and joiners between them.** A single `.`,
//!    `'`, `’` or `&` between two letters or digits keeps them one word
//!    (`U.S`, `O’Brien`, `AT&T`, `B&Q`, `1.13bn`); anything else splits,
//!    even inside a tokenizer word: `1,000` is `1` and `000` (the quantity
//!    reader joins thousands itself, and a comma between names is a list),
//!    `snake_case` and `re:Invent` are two words. Letters the tokenizer
//!    gives one by one (`日本`) are one word.
//! 2. **Abbreviation dots.** The dot after an abbreviation (`Mr.`, `Jan.`),
//!    an initial (`J.`) or a dotted abbreviation (`U.S.`, `a.m.`) belongs
//!    to the word: a name reads `Hank Williams Jr.`, the gazetteer knows
//!    `U.S.`.
//! 3. **Possessives.** A trailing `’s` or `'s` is cut and flagged
//!    ([`Token::possessive`]): `Putin’s spokesman` names Putin, and a
//!    possessive ends a name.
//! 4. **What lies between.** [`gap`] gives the text between two words, which
//!    the extractors read for hyphens, commas and quotation marks.

use super::lexicon::is_abbreviation;
use super::tokenizer::{tokenize, Token};

/// The possessive endings reading words cut. The modifier letter apostrophe
/// `ʼ` is a letter to Unicode and stays inside a reading word (unlike in
/// search terms, see [`super::analyzer::POSSESSIVE_ENDINGS`]).
pub const POSSESSIVE_ENDINGS: &[&str] = &["’s", "'s", "’S", "'S"];

/// Characters that keep two letters or digits one word when alone between
/// them.
pub fn is_word_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '&')
}

/// The reading words of `text`, in order. Linear in its length.
pub fn words(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    // The word being read: from its first letter or digit to after its last.
    let mut word: Option<(usize, usize)> = None;
    let mut read = |at: usize, after: usize| {
        word = match word {
            Some((start, end)) if joined(text, end, at) => Some((start, after)),
            Some((start, end)) => {
                out.push(finish(text, start, end));
                Some((at, after))
            }
            None => Some((at, after)),
        };
    };
    for token in tokenize(text) {
        if is_plain(token.text) {
            read(token.start, token.end);
            continue;
        }
        for (i, c) in token.text.char_indices() {
            if c.is_alphanumeric() {
                read(token.start + i, token.start + i + c.len_utf8());
            }
        }
    }
    if let Some((start, end)) = word {
        out.push(finish(text, start, end));
    }
    out
}

/// True for a tokenizer word of ASCII letters and digits, dots and
/// apostrophes (`U.S`, `O'Brien`, `1.5`): the usual case, one reading word as
/// it is. The tokenizer puts an ASCII dot or apostrophe only between two
/// letters or two digits, so only the characters that split (`_`, `:`, `,`,
/// `;`) and characters beyond ASCII need a closer look.
fn is_plain(word: &str) -> bool {
    !word
        .bytes()
        .any(|b| matches!(b, b'_' | b':' | b',' | b';') || !b.is_ascii())
}

/// True when a letter or digit ending at `end` and the next one, at `at`,
/// are one word: nothing or a single joiner lies between.
fn joined(text: &str, end: usize, at: usize) -> bool {
    match at - end {
        0 => true,
        1 => is_word_joiner(char::from(text.as_bytes()[end])),
        // `’` is the only joiner longer than a byte.
        3 => text.get(end..at) == Some("’"),
        _ => false,
    }
}

/// The word `text[start..end]` with a possessive cut off, or else with the
/// abbreviation dot after it taken in.
fn finish(text: &str, start: usize, end: usize) -> Token<'_> {
    let token = Token::new(&text[start..end], start);
    let bytes = text.as_bytes();
    if matches!(bytes[end - 1], b's' | b'S') {
        let cut = token.cut_possessive(POSSESSIVE_ENDINGS);
        if cut.possessive {
            return cut;
        }
    }
    if bytes.get(end) != Some(&b'.') {
        return token;
    }
    let word = token.text;
    let dotted = word.contains('.')
        && word.split('.').all(|part| {
            (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        });
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if dotted || initial || is_abbreviation(word) {
        Token::new(&text[start..end + 1], start)
    } else {
        token
    }
}

/// The text between two words of the same string (a possessive suffix
/// belongs to it).
pub fn gap<'a>(s: &'a str, a: &Token, b: &Token) -> &'a str {
    s.get(a.end..b.start).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_abbreviations_and_decimals_whole() {
        assert_eq!(
            texts("U.S.-drafted plan, Mr. Smith at 9 a.m. paid $1.13bn."),
            ["U.S.", "drafted", "plan", "Mr.", "Smith", "at", "9", "a.m.", "paid", "1.13bn"]
        );
    }

    #[test]
    fn cuts_possessives_and_hyphens() {
        let t = words("Putin’s Russia-Ukraine talks");
        assert_eq!(t[0].text, "Putin");
        assert!(t[0].possessive);
        assert_eq!(t[1].text, "Russia");
        assert_eq!(t[2].text, "Ukraine");
        assert_eq!(gap("Putin’s Russia-Ukraine talks", &t[1], &t[2]), "-");
    }

    #[test]
    fn offsets_slice_the_input() {
        let s = "«Zoë» said: Kyiv’s 1,000";
        for t in words(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    #[test]
    fn possessive_endings_end_in_s() {
        // Token::cut_possessive passes over words not ending in `s` or `S`.
        for ending in POSSESSIVE_ENDINGS
            .iter()
            .chain(super::super::analyzer::POSSESSIVE_ENDINGS)
        {
            assert!(ending.ends_with(['s', 'S']), "{ending}");
        }
    }

    #[test]
    fn regroups_the_tokenizer_words() {
        assert_eq!(
            texts("AT&T paid 1,000 to snake_case re:Invent 日本 a.1"),
            ["AT&T", "paid", "1", "000", "to", "snake", "case", "re", "Invent", "日本", "a.1"]
        );
    }

    /// The rule the layer implements, as a plain scan over characters: a
    /// word is a run of letters and digits where a single joiner followed
    /// by a letter or digit does not end it.
    fn scanned(s: &str) -> Vec<(usize, usize)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].1.is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            i += 1;
            loop {
                if i < chars.len() && chars[i].1.is_alphanumeric() {
                    i += 1;
                } else if i + 1 < chars.len()
                    && is_word_joiner(chars[i].1)
                    && chars[i + 1].1.is_alphanumeric()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            out.push((start, chars.get(i).map_or(s.len(), |c| c.0)));
        }
        out
    }

    const ALPHABET: &[&str] = &[
        "a", "Z", "s", "1", "_", ".", ",", ":", "'", "’", "&", " ", "-", "é", "e\u{301}",
        "\u{93E}", "\u{AD}", "日", "カ", "²", "ʼ", "👍", "’s", "'S", "Mr", "U.S", "J",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// Regrouped tokenizer words are exactly the scanned runs, before
        /// possessives and abbreviation dots.
        #[test]
        fn same_runs_as_a_plain_scan(
            pieces in proptest::collection::vec(0..ALPHABET.len(), 0..20)
        ) {
            let s: String = pieces.iter().map(|&i| ALPHABET[i]).collect();
            let runs: Vec<(usize, usize)> = scanned(&s);
            let read: Vec<Token> = words(&s);
            prop_assert_eq!(read.len(), runs.len());
            for (t, &(start, end)) in read.iter().zip(&runs) {
                prop_assert_eq!(t.start, start);
                let expected = finish(&s, start, end);
                prop_assert_eq!(*t, expected);
            }
        }
    }
}
