//! What surrounds a quantity: the noun it describes (`a five-hour
//! *meeting*`, `two senior U.S. *envoys*`, `€90 billion *loan*`) and the
//! hedge before it (`*nearly* four hours`, `*more than* 1,000`).

use crate::article::{Qualifier, QuantityKind};
use crate::text::lexicon::is_function_word;

use super::number::Number;
use super::unit::Measure;
use super::Words;

/// How far before a quantity a hedge is looked for, in bytes: the longest
/// hedge (`approximately`, `as many as`) and the space after it fit.
const HEDGE_WINDOW_BYTES: usize = 24;

/// The noun the quantity describes, when it names one: after money, after a
/// duration used as an adjective, and for a count the first plural within
/// three words or else the next word. `None` when the quantity is no
/// quantity after all: a count written in words with no noun (`two of
/// them`).
pub(super) fn subject(
    words: &Words,
    kind: QuantityKind,
    number: &Number,
    measure: &Measure,
) -> Option<Option<String>> {
    let (toks, lower) = (words.toks, &words.lower);
    let j = measure.next;
    let next_word = |k: usize| -> Option<&str> {
        let w = lower.get(k)?;
        let joined = k > 0 && (words.space(k - 1) || (measure.adjective && words.hyphen(k - 1)));
        let noun_like = joined
            && w.chars().all(char::is_alphabetic)
            && !is_function_word(w)
            && !toks[k].is_capitalized()
            && !words.hyphen(k);
        noun_like.then_some(&**w)
    };
    Some(match kind {
        QuantityKind::Duration if measure.adjective => next_word(j).map(str::to_owned),
        QuantityKind::Money => next_word(j).map(str::to_owned),
        QuantityKind::Count => {
            // The noun: the first plural within three words, else the next word.
            let look = (j..(j + 3).min(toks.len()))
                .take_while(|&k| k == j || words.space(k - 1))
                .find(|&k| {
                    let w = &lower[k];
                    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && next_word(k).is_some()
                });
            let subject = look.or(Some(j)).and_then(next_word).map(str::to_owned);
            if subject.is_none() && !number.digits {
                return None;
            }
            subject
        }
        _ => None,
    })
}

/// The hedge right before byte `start` of `text`, if there is one: the
/// first of [`Qualifier::ALL`] that the text before it ends with as whole
/// words.
pub(super) fn qualifier(text: &str, start: usize) -> Option<Qualifier> {
    let mut from = start.saturating_sub(HEDGE_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let prefix = text[from..start].trim_end().to_lowercase();
    Qualifier::ALL.iter().copied().find(|q| {
        prefix
            .strip_suffix(q.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_are_whole_words_and_phrases_win() {
        assert_eq!(qualifier("for more than ", 14), Some(Qualifier::MoreThan));
        assert_eq!(
            qualifier("stretched for nearly ", 21),
            Some(Qualifier::Nearly)
        );
        assert_eq!(qualifier("a handsome ", 11), None);
        assert_eq!(qualifier("", 0), None);
    }
}
