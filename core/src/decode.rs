//! Bytes to text. Articles arrive as UTF-8 (with or without a byte-order
//! mark), as UTF-16 with a byte-order mark (what Windows editors save as
//! "Unicode"), or, from older sources, as Windows-1252; line ends may be CRLF
//! or CR. Decoding normalises all of that to a `String` with `\n` line ends
//! so every later stage can rely on one representation.
//!
//! UTF-16 is only recognised by its byte-order mark: without one, its NUL
//! bytes make it look binary, and guessing would risk reading some other
//! binary file as text.

use std::fmt;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The input holds no bytes at all, or only whitespace.
    Empty,
    /// The input looks like binary data (NUL bytes or mostly control bytes).
    Binary,
    /// The input starts with a UTF-16 byte-order mark but is not UTF-16: an
    /// odd number of bytes or a lone surrogate.
    BadUtf16,
    /// The input starts with a UTF-32 byte-order mark, an encoding articles
    /// are not read in.
    Utf32,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("the file is empty"),
            DecodeError::Binary => f.write_str(
                "the file looks binary (NUL or control bytes), not text; \
                 text files are read as UTF-8, UTF-16 with a byte-order mark, or Windows-1252",
            ),
            DecodeError::BadUtf16 => f.write_str(
                "the file starts with a UTF-16 byte-order mark but is not valid UTF-16 \
                 (an odd number of bytes or a lone surrogate)",
            ),
            DecodeError::Utf32 => {
                f.write_str("the file is UTF-32, which is not read; save it as UTF-8")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// How the bytes were interpreted, kept so tools can report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Decodes article bytes to text with `\n` line ends.
///
/// Valid UTF-8 is taken as is (a leading BOM is dropped); UTF-16 with a
/// byte-order mark is decoded in the order the mark says, and refused when
/// it is not valid UTF-16 rather than patched with replacement characters;
/// anything else is read as Windows-1252, which maps every byte to a
/// character, so no text is ever dropped. Binary input is refused rather
/// than shown as mojibake.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    // UTF-32 LE's mark begins with UTF-16 LE's, so it is looked for first.
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(DecodeError::Utf32);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes, Encoding::Utf16Be);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (normalize_line_ends(s), Encoding::Utf8),
        Err(_) => {
            let (cow, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (normalize_line_ends(&cow), Encoding::Windows1252)
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, encoding))
}

/// Decodes UTF-16 code units (after the byte-order mark), then applies the
/// same binary and emptiness checks as to UTF-8, on the decoded text.
fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: Encoding,
) -> Result<(String, Encoding), DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::BadUtf16);
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| DecodeError::BadUtf16)?;
    if looks_binary(text.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    let text = normalize_line_ends(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, encoding))
}

/// NUL anywhere, or more than one control byte in ten among the first 8 KiB,
/// marks a file as binary. Tabs, line feeds, carriage returns and form feeds
/// are ordinary text.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    control * 10 > head.len()
}

fn normalize_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let (text, enc) = decode(b"\xEF\xBB\xBFTitle\r\nBody\rMore").unwrap();
        assert_eq!(text, "Title\nBody\nMore");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn windows_1252_fallback_keeps_every_byte() {
        // 0x93/0x94 are curly quotes and 0xA3 is the pound sign in Windows-1252.
        let (text, enc) = decode(b"\x93Hello\x94 costs \xA35").unwrap();
        assert_eq!(text, "\u{201C}Hello\u{201D} costs \u{A3}5");
        assert_eq!(enc, Encoding::Windows1252);
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            let pair = if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            out.extend_from_slice(&pair);
        }
        out
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "Kýiv talks\r\n\r\nThe EU agreed a €90bn loan 🙂.";
        let want = "Kýiv talks\n\nThe EU agreed a €90bn loan 🙂.";
        assert_eq!(
            decode(&utf16(text, false)),
            Ok((want.to_string(), Encoding::Utf16Le))
        );
        assert_eq!(
            decode(&utf16(text, true)),
            Ok((want.to_string(), Encoding::Utf16Be))
        );
    }

    #[test]
    fn broken_utf16_and_utf32_are_clear_errors() {
        let mut odd = utf16("Title\nBody", false);
        odd.pop();
        assert_eq!(decode(&odd), Err(DecodeError::BadUtf16));
        // A high surrogate with nothing after it.
        assert_eq!(decode(b"\xFF\xFEa\0\x3D\xD8"), Err(DecodeError::BadUtf16));
        assert_eq!(decode(b"\xFF\xFE"), Err(DecodeError::Empty));
        assert_eq!(decode(&utf16("a\0b", true)), Err(DecodeError::Binary));
        assert_eq!(decode(b"\xFF\xFE\0\0T\0\0\0"), Err(DecodeError::Utf32));
        assert_eq!(decode(b"\0\0\xFE\xFF\0\0\0T"), Err(DecodeError::Utf32));
        // UTF-16 without a mark stays refused, with the encodings named.
        let unmarked = &utf16("Title", false)[2..];
        assert_eq!(decode(unmarked), Err(DecodeError::Binary));
        assert!(DecodeError::Binary.to_string().contains("UTF-16"));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary));
        assert_eq!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8]),
            Err(DecodeError::Binary)
        );
    }
}
