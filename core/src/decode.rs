//! Bytes to text. Articles arrive as UTF-8 (with or without a byte-order
//! mark) or, from older sources, as Windows-1252; line ends may be CRLF or CR.
//! Decoding normalises all of that to a `String` with `\n` line ends so every
//! later stage can rely on one representation.

use std::fmt;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The input holds no bytes at all, or only whitespace.
    Empty,
    /// The input looks like binary data (NUL bytes or mostly control bytes).
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("the file is empty"),
            DecodeError::Binary => {
                f.write_str("the file looks binary (NUL or control bytes), not text")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// How the bytes were interpreted, kept so tools can report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

/// Decodes article bytes to text with `\n` line ends.
///
/// Valid UTF-8 is taken as is (a leading BOM is dropped); anything else is
/// read as Windows-1252, which maps every byte to a character, so no text is
/// ever dropped. Binary input is refused rather than shown as mojibake.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
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
