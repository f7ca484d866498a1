//! The word tokenizer: the one place that decides where the words of a text
//! are. Everything that reads words reads these: the word count, the search
//! analyzer (and through it comparison), and the extractors' reading words.
//!
//! A word is a Unicode word segment ([UAX #29]) that holds a letter or a
//! digit, so punctuation and spaces are never words, and `U.S`, `1.13bn`,
//! `1,000`, `O’Brien` and `Putin’s` are each one word while `five-hour` is
//! two. The layers above reshape these words for their readers (see
//! [`super::analyzer`] and [`super::reading`]); none of them looks for words
//! anywhere else.
//!
//! News text is mostly ASCII, and for ASCII the segmentation rules are few,
//! so spans of ASCII text are segmented here directly and only the rest is
//! handed to `unicode-segmentation`. Both give the same words; the tests
//! check it against the crate on text mixing every kind of character the
//! rules treat specially.
//!
//! [UAX #29]: https://www.unicode.org/reports/tr29/#Word_Boundaries

use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

/// A word of text with its byte range in the string it came from.
///
/// The tokenizer gives whole words; the extractors' layer may cut a
/// possessive `’s` off and say so in [`Token::possessive`] (see
/// [`super::reading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The token was followed by `’s` or `'s`, which is not part of it.
    pub possessive: bool,
}

impl<'a> Token<'a> {
    /// The word `text` found at byte `start`.
    pub fn new(text: &'a str, start: usize) -> Token<'a> {
        Token {
            text,
            start,
            end: start + text.len(),
            possessive: false,
        }
    }

    /// True when the first character is an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The text without a trailing abbreviation dot (`Mr.` → `Mr`).
    pub fn bare(&self) -> &'a str {
        self.text.trim_end_matches('.')
    }

    /// The word without the first of `endings` it ends with (`Kyiv’s` →
    /// `Kyiv`), flagged [`Token::possessive`]; unchanged when it ends with
    /// none of them or is nothing but the ending.
    ///
    /// Every possessive ending ends in `s` or `S` (the lists are checked in
    /// tests), so most words are passed over at their last byte.
    pub fn cut_possessive(self, endings: &[&str]) -> Token<'a> {
        if !matches!(self.text.as_bytes().last(), Some(b's' | b'S')) {
            return self;
        }
        for ending in endings {
            if let Some(core) = self.text.strip_suffix(ending) {
                if !core.is_empty() {
                    return Token {
                        text: core,
                        end: self.start + core.len(),
                        possessive: true,
                        ..self
                    };
                }
            }
        }
        self
    }
}

/// The words of `text`, in order. Linear in its length.
pub fn tokenize(text: &str) -> Tokens<'_> {
    // All ASCII (most paragraphs of news): one chunk, read directly.
    let chunk_end = if text.is_ascii() { text.len() } else { 0 };
    Tokens {
        text,
        pos: 0,
        chunk_end,
        unicode: None,
    }
}

/// Counts words the way readers do: the words [`tokenize`] finds, so
/// punctuation and spaces are not words.
pub fn count_words(text: &str) -> usize {
    tokenize(text).count()
}

/// The iterator [`tokenize`] returns.
///
/// An ASCII text is read directly by `ascii_word`. Any other text is read
/// in chunks cut at ASCII white space: no word rule joins anything across
/// ASCII white space, so a chunk of ASCII is segmented on its own, and a run
/// of chunks holding other characters goes to `unicode-segmentation`
/// together with the white space before it (a combining mark after a space
/// belongs to the space's segment).
#[derive(Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    /// Where to read next: inside the current ASCII chunk, or where the
    /// white space before the next chunk starts.
    pos: usize,
    /// End of the current ASCII chunk.
    chunk_end: usize,
    /// The run of non-ASCII chunks being segmented, and where it starts.
    unicode: Option<(usize, UnicodeWordIndices<'a>)>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.pos < self.chunk_end {
                let (word, next) = ascii_word(self.text, self.pos, self.chunk_end);
                self.pos = next;
                if let Some(start) = word {
                    return Some(Token::new(&self.text[start..next], start));
                }
                continue;
            }
            if let Some((base, words)) = &mut self.unicode {
                if let Some((i, word)) = words.next() {
                    return Some(Token::new(word, *base + i));
                }
                self.unicode = None;
            }
            self.next_chunk()?;
        }
    }
}

impl Tokens<'_> {
    /// Moves to the next chunk: an ASCII one to read word by word, or a run
    /// of chunks for `unicode-segmentation`. `None` at the end of the text.
    fn next_chunk(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        let space_start = self.pos;
        let start = skip_space(bytes, space_start);
        if start == bytes.len() {
            self.pos = start;
            return None;
        }
        let (end, ascii) = chunk(bytes, start);
        if ascii {
            self.pos = start;
            self.chunk_end = end;
            return Some(());
        }
        // Take the non-ASCII chunks that follow too: a space between two of
        // them may join a segment with what is around it (an ideographic
        // space followed by a space is one segment).
        let mut run_end = end;
        loop {
            let next = skip_space(bytes, run_end);
            if next == bytes.len() {
                break;
            }
            let (end, ascii) = chunk(bytes, next);
            if ascii {
                break;
            }
            run_end = end;
        }
        let run = &self.text[space_start..run_end];
        self.unicode = Some((space_start, run.unicode_word_indices()));
        self.pos = run_end;
        self.chunk_end = run_end;
        Some(())
    }
}

/// The white space chunks are cut at: ASCII space, tab and line ends.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C')
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_space(bytes[i]) {
        i += 1;
    }
    i
}

/// The end of the chunk starting at `start`, and whether it is all ASCII.
fn chunk(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut end = start;
    let mut ascii = true;
    while end < bytes.len() && !is_space(bytes[end]) {
        ascii &= bytes[end].is_ascii();
        end += 1;
    }
    (end, ascii)
}

/// What an ASCII character is to the word rules of UAX #29.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Class {
    Letter,
    Digit,
    /// `_` joins letters, digits and itself (`snake_case`).
    Underscore,
    /// `:` joins two letters.
    MidLetter,
    /// `.` and `'` join two letters or two digits (`U.S`, `1.5`, `O'Brien`).
    MidNumLet,
    /// `,` and `;` join two digits (`1,000`).
    MidNum,
    Other,
}

/// The class of every byte, looked up once per byte (bytes of other
/// characters are never looked up: they go to `unicode-segmentation`).
static CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[b as usize]
}

/// Reads the next word of the ASCII text `text[from..end]` (white space or
/// nothing around it): returns its start, if a word was found, and where
/// reading stopped.
fn ascii_word(text: &str, from: usize, end: usize) -> (Option<usize>, usize) {
    use Class::*;
    let bytes = &text.as_bytes()[..end];
    let is_word_byte = |b: u8| matches!(class(b), Letter | Digit | Underscore);
    let mut i = from;
    while i < end {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < end && is_word_byte(bytes[i]) {
                i += 1;
            }
            // One middle character between two letters or two digits.
            let (Some(&mid), Some(&next)) = (bytes.get(i), bytes.get(i + 1)) else {
                break;
            };
            let (prev, next) = (class(bytes[i - 1]), class(next));
            let joins = match class(mid) {
                MidLetter => prev == Letter && next == Letter,
                MidNumLet => prev == next && matches!(prev, Letter | Digit),
                MidNum => prev == Digit && next == Digit,
                _ => false,
            };
            if !joins {
                break;
            }
            i += 2;
        }
        // A run of underscores alone is a segment but not a word.
        if bytes[start] != b'_' || bytes[start..i].iter().any(u8::is_ascii_alphanumeric) {
            return (Some(start), i);
        }
    }
    (None, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).map(|t| t.text).collect()
    }

    #[test]
    fn words_hold_a_letter_or_digit() {
        assert_eq!(
            words("U.S.-drafted plan: Mr. O'Brien paid $1.13bn, 1,000 times (snake_case)."),
            [
                "U.S",
                "drafted",
                "plan",
                "Mr",
                "O'Brien",
                "paid",
                "1.13bn",
                "1,000",
                "times",
                "snake_case"
            ]
        );
        assert_eq!(
            words("Kyiv’s «Zoë» 日本 🙂 -- ?!"),
            ["Kyiv’s", "Zoë", "日", "本"]
        );
        assert_eq!(count_words("  Two words. "), 2);
    }

    #[test]
    fn offsets_slice_the_input() {
        let s = "«Zoë» said: Kyiv’s 1,000 a.m. ab:cd 1:2";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    /// Characters each word rule treats in its own way, ASCII and not.
    const ALPHABET: &[&str] = &[
        "a",
        "Z",
        "1",
        "0",
        "_",
        ".",
        ",",
        ";",
        ":",
        "'",
        "\"",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "-",
        "&",
        "$",
        "é",
        "e\u{301}",
        "\u{93E}",
        "\u{AD}",
        "\u{200D}",
        "\u{200B}",
        "’",
        "‘",
        "\u{3000}",
        "\u{A0}",
        "\u{2028}",
        "£",
        "²",
        "①",
        "日",
        "カ",
        "א",
        "ก",
        "🇬",
        "🇧",
        "👍",
        "\u{1F3FB}",
        "٣",
        "ǅ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The ASCII path and the chunking give exactly the words of
        /// `unicode-segmentation` over the whole text.
        #[test]
        fn same_words_as_unicode_segmentation(
            pieces in proptest::collection::vec(0..ALPHABET.len(), 0..24)
        ) {
            let s: String = pieces.iter().map(|&i| ALPHABET[i]).collect();
            let ours: Vec<(usize, &str)> = tokenize(&s).map(|t| (t.start, t.text)).collect();
            let theirs: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn same_words_on_ascii(s in "[a-c0-2_.,;:' \"&-]{0,24}") {
            let ours: Vec<(usize, &str)> = tokenize(&s).map(|t| (t.start, t.text)).collect();
            let theirs: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            prop_assert_eq!(ours, theirs);
        }
    }
}
