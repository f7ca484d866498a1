//! Character classes the layers above agree on: which marks open and close
//! a quotation, which end a sentence, which join a compound word.

/// Opening quotation marks (a straight `"` both opens and closes).
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '«' | '„')
}

/// Closing quotation marks (a straight `"` both opens and closes).
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '"' | '»')
}

/// Marks that end a sentence.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Hyphens that join the parts of a compound word (`five-hour`): the
/// hyphen-minus, the hyphen and the non-breaking hyphen (not dashes).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_quotes_open_and_close() {
        assert!(is_open_quote('"') && is_close_quote('"'));
        assert!(is_open_quote('“') && !is_close_quote('“'));
        assert!(is_close_quote('»') && !is_open_quote('»'));
        assert!(is_terminal('…') && !is_terminal(','));
        assert!(is_hyphen('-') && !is_hyphen('–'));
    }
}
