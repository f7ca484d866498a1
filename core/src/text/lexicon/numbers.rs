//! Numbers written as words, and the scales that multiply them.

/// The value of a number word a quantity can be written with (`five`,
/// `twenty`, `dozen`); lower case.
pub fn number_word_value(word: &str) -> Option<f64> {
    let n = match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    };
    Some(n as f64)
}

/// The factor of a scale word or suffix (`million`, `bn`, `m`, `k`); lower case.
pub fn scale_value(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "m" | "mn" => 1e6,
        "billion" | "billions" | "bn" | "b" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

word_set!(
    /// Number words; a name made of them (`Six Nations`) is not a person.
    is_number_word,
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
        "million", "billion", "first", "second", "third",
    ]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_scales() {
        assert_eq!(number_word_value("twenty"), Some(20.0));
        assert_eq!(number_word_value("dozen"), Some(12.0));
        assert_eq!(scale_value("bn"), Some(1e9));
        assert_eq!(scale_value("dozen"), None);
        assert!(is_number_word("third") && !is_number_word("dozen"));
    }
}
