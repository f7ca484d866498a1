//! What kind of entity a candidate name is, from the words it is made of
//! and the cues around it: an organisation's last word (`Commission`,
//! `Post`), a place's (`River`, `Province`), `of` inside it, a title or role
//! before it, or only its shape (two or three plain capitalised words are a
//! person's name, an acronym is an organisation's).

use crate::article::EntityKind;
use crate::text::lexicon::{is_number_word, is_org_word, is_place_word};
use crate::text::Token;

/// What the context of a candidate says about its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cues {
    /// Words of the name, connectors not counted.
    pub words: usize,
    /// A title, role noun or party before it announces a person.
    pub person: bool,
    /// A known place is part of it (`Bank of England`).
    pub place: bool,
    /// `the` comes right before it (`the Dow Jones`).
    pub after_the: bool,
}

/// The kind of the name made of `toks[run]` (indices into `toks`), or
/// `None` when nothing says.
pub fn kind_of(toks: &[Token], run: &[usize], cues: Cues) -> Option<EntityKind> {
    let last = toks[*run.last()?].bare();
    // A generic word alone (`Party`, `Office`, `City`) names nothing.
    if cues.words == 1 && (is_org_word(last) || is_place_word(last)) {
        return None;
    }
    if run.iter().any(|&r| is_org_word(toks[r].bare())) {
        return Some(EntityKind::Organization);
    }
    if is_place_word(last) {
        return Some(EntityKind::Place);
    }
    if cues.place {
        return Some(EntityKind::Organization);
    }
    let has_of = run.iter().any(|&r| toks[r].text == "of");
    if has_of {
        return Some(EntityKind::Organization);
    }
    if cues.person {
        return Some(EntityKind::Person);
    }
    let plain = run.iter().all(|&r| {
        let t = toks[r].text;
        if is_number_word(&t.to_lowercase()) {
            return false;
        }
        // Words with lower case, or initials (`W`, `J.`); not
        // acronyms (`Windows XP`, `Nintendo DS`).
        let lowers = t.chars().filter(|c| c.is_lowercase()).count();
        let initial = t.chars().count() == 1 || (t.chars().count() == 2 && t.ends_with('.'));
        t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.'))
            && (lowers > 0 || initial)
    });
    // `the` before two or three plain words names a thing or a place
    // (`the Dow Jones`, `the Nou Camp`), seldom a person.
    if (2..=3).contains(&cues.words) && plain && !cues.after_the {
        return Some(EntityKind::Person);
    }
    if cues.words == 1 {
        let w = toks[run[0]].text;
        let acronym = (2..=6).contains(&w.chars().count())
            && w.chars().all(|c| c.is_ascii_uppercase() || c == '&');
        if acronym {
            return Some(EntityKind::Organization);
        }
        return None;
    }
    (cues.words >= 4).then_some(EntityKind::Organization)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::reading::words;

    fn kind(text: &str, person: bool, after_the: bool) -> Option<EntityKind> {
        let toks = words(text);
        let run: Vec<usize> = (0..toks.len()).collect();
        let cues = Cues {
            words: toks.len(),
            person,
            place: false,
            after_the,
        };
        kind_of(&toks, &run, cues)
    }

    #[test]
    fn last_words_shape_and_cues() {
        assert_eq!(
            kind("European Commission", false, false),
            Some(EntityKind::Organization)
        );
        assert_eq!(kind("Yangtze River", false, false), Some(EntityKind::Place));
        assert_eq!(
            kind("Sarah Teather", false, false),
            Some(EntityKind::Person)
        );
        assert_eq!(kind("Dow Jones", false, true), None);
        assert_eq!(kind("Blair", true, false), Some(EntityKind::Person));
        assert_eq!(kind("BBC", false, false), Some(EntityKind::Organization));
        assert_eq!(kind("Party", false, false), None);
    }
}
