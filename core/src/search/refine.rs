//! Refining a query with filters: does a query ask for `field:value`, leave
//! it out, or not mention it, and what is the query with that filter added
//! or taken out. Facet chips ask exactly this.
//!
//! Everything here works on the parsed [`Query`], never on the text:
//! `-person:Putin` is an exclusion, not a `person:Putin` behind a stray
//! dash; `place:"abu dhabi"` is one value; `Person:PUTIN`, `person:"putin"`
//! and `people:Putin` are one filter. A refined query is written back from
//! its clauses, so it reads the same to [`parse`] as the original did, minus
//! or plus the one filter: words, phrases, `OR` groups and exclusions keep
//! their meaning (an unclosed quote is closed, curly quotes become straight
//! ones, and whatever the parser did not read, past its limits, is gone).
//!
//! ```
//! use crosscheck_core::search::query::FilterField;
//! use crosscheck_core::search::refine::{Filter, FilterState};
//! let putin = Filter::new(FilterField::Person, "Putin");
//! assert_eq!(putin.state_in("talks -person:putin"), FilterState::Excluded);
//! assert_eq!(putin.toggled_in("talks -person:putin"), "talks person:Putin");
//! let abu_dhabi = Filter::new(FilterField::Place, "Abu Dhabi");
//! assert_eq!(abu_dhabi.toggled_in(r#"talks place:"abu dhabi""#), "talks");
//! ```

use std::fmt;

use super::query::{parse, Clause, ClauseKind, FilterField, Occur, Query, Term};

/// How a query treats one filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterState {
    /// The query asks for it (`person:Putin`).
    Required,
    /// The query leaves it out (`-person:Putin`).
    Excluded,
    /// The query does not mention it.
    Absent,
}

/// One `field:value` filter, as a facet chip offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    field: FilterField,
    /// The value with quote marks taken out and spaces collapsed, so it can
    /// always be written as one word or one phrase.
    value: String,
}

/// What the query parser reads as a quote mark; a value cannot hold one.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Two values name the same thing when their words match regardless of
/// case (`Abu Dhabi`, `abu  dhabi`).
fn same_value(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| c.is_whitespace() || is_quote(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

impl Filter {
    /// A filter on `field` for `value` (a name as the index reports it,
    /// such as a facet's).
    pub fn new(field: FilterField, value: &str) -> Filter {
        let value = value
            .split(|c: char| c.is_whitespace() || c.is_control() || is_quote(c))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Filter { field, value }
    }

    pub fn field(&self) -> FilterField {
        self.field
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// The clause that asks for this filter: a phrase when the value has
    /// spaces, so it stays one value.
    fn clause(&self) -> Clause {
        let term = if self.value.contains(' ') {
            Term::Phrase(self.value.clone())
        } else {
            Term::Word(self.value.clone())
        };
        Clause {
            occur: Occur::Plain,
            kind: ClauseKind::Filter(self.field, term),
        }
    }

    fn matches(&self, clause: &Clause) -> bool {
        match &clause.kind {
            ClauseKind::Filter(field, term) => {
                *field == self.field && same_value(term.text(), &self.value)
            }
            _ => false,
        }
    }

    /// Whether `query` asks for this filter, leaves it out or does not
    /// mention it. A query that does both (a contradiction) asks for it.
    pub fn state_in(&self, query: &str) -> FilterState {
        self.state_of(&parse(query))
    }

    fn state_of(&self, query: &Query) -> FilterState {
        let mut state = FilterState::Absent;
        for clause in query.clauses.iter().filter(|c| self.matches(c)) {
            if !clause.is_excluded() {
                return FilterState::Required;
            }
            state = FilterState::Excluded;
        }
        state
    }

    /// `query` asking for this filter: an exclusion of it is dropped, and a
    /// filter already asked for stays where it is; otherwise it is added at
    /// the end. An empty value adds nothing.
    pub fn added_to(&self, query: &str) -> String {
        let mut parsed = parse(query);
        let required = self.state_of(&parsed) == FilterState::Required;
        let mut kept_one = false;
        parsed.clauses.retain(|c| {
            if !self.matches(c) {
                return true;
            }
            // Keep the first request for it, drop repeats and exclusions.
            let keep = required && !c.is_excluded() && !kept_one;
            kept_one |= keep;
            keep
        });
        if !required && !self.value.is_empty() {
            parsed.clauses.push(self.clause());
        }
        write(&parsed)
    }

    /// `query` without this filter, whether it was asked for or left out.
    pub fn removed_from(&self, query: &str) -> String {
        let mut parsed = parse(query);
        parsed.clauses.retain(|c| !self.matches(c));
        write(&parsed)
    }

    /// What choosing a facet chip does: takes the filter out when the query
    /// asks for it, otherwise asks for it (turning an exclusion around).
    pub fn toggled_in(&self, query: &str) -> String {
        match self.state_in(query) {
            FilterState::Required => self.removed_from(query),
            FilterState::Excluded | FilterState::Absent => self.added_to(query),
        }
    }
}

/// `person:Putin`, `place:"Abu Dhabi"`: the filter as a query clause.
impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.clause().fmt(f)
    }
}

/// The clauses written back as query text, one space between them.
fn write(query: &Query) -> String {
    query
        .clauses
        .iter()
        .map(Clause::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn person(v: &str) -> Filter {
        Filter::new(FilterField::Person, v)
    }

    fn place(v: &str) -> Filter {
        Filter::new(FilterField::Place, v)
    }

    #[test]
    fn an_exclusion_is_not_a_request() {
        let q = "talks -person:Putin";
        assert_eq!(person("Putin").state_in(q), FilterState::Excluded);
        // Choosing the chip asks for the person instead: no stray dash.
        assert_eq!(person("Putin").toggled_in(q), "talks person:Putin");
        assert_eq!(person("Putin").removed_from(q), "talks");
        assert_eq!(person("Putin").state_in("talks"), FilterState::Absent);
        assert_eq!(
            person("Putin").state_in("person:Putin"),
            FilterState::Required
        );
    }

    #[test]
    fn values_with_spaces_are_one_quoted_value() {
        let f = place("Abu Dhabi");
        assert_eq!(f.to_string(), r#"place:"Abu Dhabi""#);
        assert_eq!(f.added_to("talks"), r#"talks place:"Abu Dhabi""#);
        assert_eq!(
            f.state_in(r#"talks place:"abu dhabi""#),
            FilterState::Required
        );
        assert_eq!(f.toggled_in(r#"talks place:"abu dhabi""#), "talks");
        // `place:abu` is another filter, even though the text contains it.
        assert_eq!(
            place("abu").state_in(r#"place:"abu dhabi""#),
            FilterState::Absent
        );
        assert_eq!(f.state_in("place:abu dhabi"), FilterState::Absent);
        // A name with quote marks in it still makes one clause.
        let odd = person("Ali \"the Lion\"  Khan");
        assert_eq!(odd.value(), "Ali the Lion Khan");
        assert_eq!(
            parse(&odd.added_to("")).clauses,
            [Clause {
                occur: Occur::Plain,
                kind: ClauseKind::Filter(FilterField::Person, Term::Phrase(odd.value().into()))
            }]
        );
    }

    #[test]
    fn case_spelling_and_field_names_do_not_matter() {
        let f = person("Vladimir Putin");
        for q in [
            r#"person:"vladimir putin""#,
            r#"Person:"VLADIMIR PUTIN""#,
            r#"people:“Vladimir  Putin”"#,
        ] {
            assert_eq!(f.state_in(q), FilterState::Required, "{q}");
            assert_eq!(f.removed_from(q), "", "{q}");
        }
        assert_eq!(
            person("putin").state_in("person:Putin"),
            FilterState::Required
        );
        // The same value in another field is another filter.
        assert_eq!(person("Kyiv").state_in("place:Kyiv"), FilterState::Absent);
        assert_eq!(
            person("Kyiv").added_to("place:Kyiv"),
            "place:Kyiv person:Kyiv"
        );
    }

    #[test]
    fn adding_keeps_the_rest_of_the_query() {
        let q = r#"moscow OR "red square" -"four hours" title:talks person:putin"#;
        let f = Filter::new(FilterField::Organization, "Kremlin");
        let added = f.added_to(q);
        assert_eq!(
            added,
            r#"moscow OR "red square" -"four hours" title:talks person:putin org:Kremlin"#
        );
        assert_eq!(f.removed_from(&added), q);
        // Asking again changes nothing; repeats and exclusions are dropped.
        assert_eq!(person("Putin").added_to(q), q);
        assert_eq!(
            person("Putin").added_to("person:putin -person:putin person:PUTIN x"),
            "person:putin x"
        );
        // An unclosed quote is closed, so the filter stays out of the phrase.
        assert_eq!(
            person("Putin").added_to("\"four hours"),
            "\"four hours\" person:Putin"
        );
        // An empty value adds nothing.
        assert_eq!(person(" \" ").added_to("a  b"), "a b");
    }

    proptest! {
        /// Refining any query changes only the one filter: every other
        /// clause reads the same to the parser, in the same order.
        #[test]
        fn refining_changes_only_the_filter(q in "([a-zA-Z :\"“”()+-]|OR |AND |NOT ){0,40}", v in "[a-zA-Z \"]{0,12}") {
            let f = person(&v);
            let others: Vec<Clause> = parse(&q).clauses.into_iter().filter(|c| !f.matches(c)).collect();
            let removed = parse(&f.removed_from(&q)).clauses;
            prop_assert_eq!(&removed, &others);
            prop_assert!(f.state_in(&f.removed_from(&q)) == FilterState::Absent);
            let added = f.added_to(&q);
            let expected = if f.value().is_empty() { FilterState::Absent } else { FilterState::Required };
            prop_assert_eq!(f.state_in(&added), expected);
            let rest: Vec<Clause> = parse(&added).clauses.into_iter().filter(|c| !f.matches(c)).collect();
            prop_assert_eq!(rest, others);
        }
    }
}
