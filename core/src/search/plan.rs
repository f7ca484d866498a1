//! From a parsed [`Query`] to what the scorer runs: each clause becomes a
//! group of matchers (a word with its vocabulary expansions, or a phrase of
//! exact terms) with the fields it looks in and the role it plays.

use super::analyze::{is_stop_word, query_terms};
use super::fuzzy::{expand, suggest, Expansion};
use super::index::{Field, SearchIndex, FIELD_COUNT};
use super::query::Notice;
use super::query::{ClauseKind, FilterField, Occur, Query, Term};

/// A set of [`Field`]s as a bit mask: bit `f` for `Field` number `f`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fields(pub u8);

const _: () = assert!(FIELD_COUNT <= 8, "a set of fields is one byte");

impl Fields {
    pub const ALL: Fields = Fields(((1u16 << FIELD_COUNT) - 1) as u8);

    pub fn one(f: Field) -> Fields {
        Fields(1 << f as u8)
    }

    pub fn has(self, f: Field) -> bool {
        self.0 & (1 << f as u8) != 0
    }
}

/// What a query word or phrase is matched with.
#[derive(Debug, Clone)]
pub(crate) enum Matcher {
    /// One word and the vocabulary terms it matches.
    Word {
        word: String,
        expansions: Vec<Expansion>,
    },
    /// Consecutive exact terms.
    Phrase { terms: Vec<String> },
}

/// How a group takes part in the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Plain words and OR groups: scored, optional, counted for "has every
    /// word".
    Ranked,
    /// Quoted phrases, `title:` and `+` clauses: scored and required.
    Required,
    /// `person:`, `place:`, `org:`, `source:`: required, scored only when
    /// nothing else is.
    Filter,
    /// `-word`, `NOT "phrase"`, `-field:value`, `-(a OR b)`.
    Exclude,
}

/// One clause, ready to score.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// The clause as written, for explanations.
    pub label: String,
    /// Alternatives: one, or several for `OR`.
    pub matchers: Vec<Matcher>,
    pub fields: Fields,
    pub role: Role,
    /// The word is the one being typed (matched as a prefix too).
    pub typing: bool,
}

/// The groups of a query and what was noticed while planning.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub groups: Vec<Group>,
    pub notices: Vec<Notice>,
    /// Did-you-mean replacements `(as written, suggestion)` for words that
    /// matched nothing.
    pub corrections: Vec<(String, String)>,
}

/// Turns a term into a matcher: a word that analyzes to one term is a word;
/// several terms (a phrase, or a hyphenated word) are a phrase. `None` when
/// nothing in it is searchable.
fn matcher(index: &SearchIndex, term: &Term, prefix: bool) -> Option<Matcher> {
    let terms = query_terms(term.text());
    match (term, terms.len()) {
        (_, 0) => None,
        (Term::Word(_), 1) | (Term::Phrase(_), 1) => {
            let word = terms.into_iter().next()?;
            let prefix = prefix && matches!(term, Term::Word(_));
            let expansions = if matches!(term, Term::Phrase(_)) {
                // A quoted single word is matched exactly.
                expand(index, &word, false)
                    .into_iter()
                    .filter(|e| e.kind == super::fuzzy::MatchKind::Exact)
                    .collect()
            } else {
                expand(index, &word, prefix)
            };
            Some(Matcher::Word { word, expansions })
        }
        _ => Some(Matcher::Phrase { terms }),
    }
}

/// Plans a query; `typing` says the user is still typing its last word.
pub(crate) fn plan(index: &SearchIndex, query: &Query, typing: bool) -> Plan {
    let mut plan = Plan::default();
    if query.truncated {
        plan.notices.push(Notice::Truncated);
    }
    let last = query.clauses.len().saturating_sub(1);
    let mut unsearchable = Vec::new();
    for (i, clause) in query.clauses.iter().enumerate() {
        let is_typed = typing && query.ends_in_word && i == last && !clause.is_excluded();
        let (terms, fields, role) = match &clause.kind {
            ClauseKind::Term(t @ Term::Word(_)) => (vec![t], Fields::ALL, Role::Ranked),
            ClauseKind::Term(t @ Term::Phrase(_)) => (vec![t], Fields::ALL, Role::Required),
            ClauseKind::AnyOf(ts) => (ts.iter().collect(), Fields::ALL, Role::Ranked),
            ClauseKind::Filter(f, t) => {
                let (field, role) = match f {
                    FilterField::Title => (Field::Title, Role::Required),
                    FilterField::Person => (Field::Person, Role::Filter),
                    FilterField::Place => (Field::Place, Role::Filter),
                    FilterField::Organization => (Field::Organization, Role::Filter),
                    FilterField::Source => (Field::Source, Role::Filter),
                };
                (vec![t], Fields::one(field), role)
            }
        };
        let role = match clause.occur {
            Occur::Plain => role,
            // `+` makes a ranked word required; the rest are already.
            Occur::Required if role == Role::Ranked => Role::Required,
            Occur::Required => role,
            Occur::Excluded => Role::Exclude,
        };
        let matchers: Vec<Matcher> = terms
            .iter()
            .filter_map(|t| matcher(index, t, is_typed))
            .collect();
        if matchers.is_empty() {
            unsearchable.push(clause.to_string());
            continue;
        }
        plan.groups.push(Group {
            label: clause.to_string(),
            matchers,
            fields,
            role,
            typing: is_typed,
        });
    }
    if !unsearchable.is_empty() {
        plan.notices.push(Notice::Unsearchable(unsearchable));
    }

    // Plain stop words do not rank when the query has other words to go on
    // (the word being typed is kept: it may be the start of a longer one).
    let is_stop = |g: &Group| {
        g.role == Role::Ranked
            && !g.typing
            && g.matchers.len() == 1
            && matches!(&g.matchers[0], Matcher::Word { word, .. } if is_stop_word(word))
    };
    let has_other = plan
        .groups
        .iter()
        .any(|g| g.role != Role::Exclude && !is_stop(g));
    if has_other {
        let dropped: Vec<String> = plan
            .groups
            .iter()
            .filter(|g| is_stop(g))
            .map(|g| g.label.clone())
            .collect();
        if !dropped.is_empty() {
            plan.groups.retain(|g| !is_stop(g));
            plan.notices.push(Notice::StopWordsIgnored(dropped));
        }
    }

    // Words that match nothing at all: say so, and look for a likely word.
    for g in &plan.groups {
        if g.role == Role::Exclude {
            continue;
        }
        for m in &g.matchers {
            if let Matcher::Word { word, expansions } = m {
                if expansions.is_empty() {
                    if let Some(s) = suggest(index, word) {
                        plan.corrections.push((word.clone(), s));
                    }
                }
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;
    use crate::search::query::parse;

    fn index() -> SearchIndex {
        SearchIndex::build(&articles(&[
            "Envoys meet\nSteve Witkoff held a five-hour meeting in Moscow.",
        ]))
    }

    #[test]
    fn roles_and_matchers() {
        let i = index();
        let p = plan(
            &i,
            &parse(r#"witkoff "five-hour meeting" -moscow person:witkoff the"#),
            false,
        );
        let roles: Vec<Role> = p.groups.iter().map(|g| g.role).collect();
        assert_eq!(
            roles,
            [Role::Ranked, Role::Required, Role::Exclude, Role::Filter]
        );
        assert!(matches!(&p.groups[1].matchers[0], Matcher::Phrase { terms } if terms.len() == 3));
        assert_eq!(p.notices, [Notice::StopWordsIgnored(vec!["the".into()])]);
    }

    #[test]
    fn only_stop_words_are_kept() {
        let p = plan(&index(), &parse("the in a"), false);
        assert_eq!(p.groups.len(), 3);
    }

    #[test]
    fn hyphenated_word_is_a_phrase_and_typed_word_a_prefix() {
        let i = index();
        let p = plan(&i, &parse("five-hour mosc"), true);
        assert!(matches!(&p.groups[0].matchers[0], Matcher::Phrase { .. }));
        assert!(p.groups[1].typing);
        let Matcher::Word { expansions, .. } = &p.groups[1].matchers[0] else {
            panic!()
        };
        assert_eq!(expansions[0].term, "moscow");
    }

    #[test]
    fn unknown_words_get_suggestions_and_junk_a_notice() {
        // Four letters get no typo while matching, but one for suggestions.
        let p = plan(&index(), &parse("helt 🙂"), false);
        assert_eq!(p.corrections, [("helt".to_string(), "held".to_string())]);
        assert_eq!(p.notices, [Notice::Unsearchable(vec!["🙂".into()])]);
    }
}
