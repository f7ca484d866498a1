//! Character classes the layout and the extractors agree on: which marks
//! open and close a quotation, which end a sentence.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_quotes_open_and_close() {
        assert!(is_open_quote('"') && is_close_quote('"'));
        assert!(is_open_quote('“') && !is_close_quote('“'));
        assert!(is_close_quote('»') && !is_open_quote('»'));
        assert!(is_terminal('…') && !is_terminal(','));
    }
}
