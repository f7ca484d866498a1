//! People, places and organisations, found without a model.
//!
//! 1. **Chunking.** Runs of capitalised words (joined by `of`, `the`, `de`,
//!    …) are candidate names. Hyphens, commas and possessives end a run.
//! 2. **Position.** A capitalised word that opens a sentence is a name only
//!    when the corpus also capitalises it mid-sentence (`Putin received …`)
//!    and never writes it in lower case (`Despite …`, `Officials …`).
//!    Headings are title case, so their words count only when they are
//!    known names already.
//! 3. **Gazetteer.** Countries, capitals and international bodies are looked
//!    up (longest match first) and take their canonical name (`U.S.` →
//!    `United States`).
//! 4. **Cues.** Titles before a name (`President`, `Mr`), role nouns
//!    (`envoy Steve Witkoff`) and parties (`Liberal Democrat Sarah Teather`)
//!    mark people; post-nominals (`MP`, `QC`) end a name; last words such as
//!    `Commission` or `Post` mark organisations; `River` or `Province` mark
//!    places. Two or three plain capitalised words with no other cue are
//!    taken as a person, unless `the` precedes them (`the Dow Jones`).
//! 5. **Corpus consistency.** [`Knowledge`] pools every article's confident
//!    decisions: a name gets the kind most articles give it, and a surname
//!    alone (`Putin`, `Witkoff`) resolves to the one full name that ends
//!    with it in the article, else in the corpus, else to the full name the
//!    corpus writes far more often than any other with that surname.
//!
//! Aliases are the other forms an entity is written in (`Putin`,
//! `President Vladimir Putin`, `U.S.`, `EU`).
//!
//! [`candidates`] finds the names and their cues (steps 1 to 4, with the
//! corpus's [`WordStats`] for step 2 and the kind itself in `kinds`),
//! `knowledge` pools what the corpus says (step 5), and this module
//! resolves each article's candidates against it.

mod candidates;
mod kinds;
mod knowledge;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::article::{Article, Entity, EntityKind, Span};

use super::words::article_words;
pub use candidates::{candidates, Candidate, WordStats};
pub use knowledge::Knowledge;

/// The entities of every article, with names and kinds consistent across
/// the corpus, each list in order of first mention.
pub fn find_in_corpus(articles: &[Article]) -> Vec<Vec<Entity>> {
    let stats = WordStats::of(articles);
    let all: Vec<Vec<Candidate>> = articles
        .iter()
        .map(|a| candidates(&article_words(a), &stats))
        .collect();
    resolve(articles, all)
}

/// Each article's entities from its candidates (`all[i]` are the candidates
/// of `articles[i]`), resolved against what all of them say.
pub fn resolve(articles: &[Article], all: Vec<Vec<Candidate>>) -> Vec<Vec<Entity>> {
    let knowledge = Knowledge::build(&all);
    articles
        .iter()
        .zip(all)
        .map(|(a, c)| resolve_all(a, c, &knowledge))
        .collect()
}

fn resolve_all(
    article: &Article,
    candidates: Vec<Candidate>,
    knowledge: &Knowledge,
) -> Vec<Entity> {
    // Within one article any full person name may claim its surname.
    let mut local_names: HashMap<String, BTreeSet<String>> = HashMap::new();
    for c in &candidates {
        if c.kind == Some(EntityKind::Person) && c.known.is_none() && c.words >= 2 && !c.uncertain {
            if let Some(last) = c.name.split_whitespace().last() {
                local_names
                    .entry(last.to_owned())
                    .or_default()
                    .insert(c.name.clone());
            }
        }
    }
    let local = knowledge::surname_map(local_names);
    let mut found: BTreeMap<String, (EntityKind, BTreeSet<String>, Vec<Span>)> = BTreeMap::new();
    for c in candidates {
        let Some((name, kind)) = knowledge.resolve(&c, &local) else {
            continue;
        };
        let entry = found
            .entry(name.clone())
            .or_insert_with(|| (kind, BTreeSet::new(), Vec::new()));
        entry.2.push(c.span);
        let surface = article.text(c.span);
        if surface != name {
            entry.1.insert(surface.to_owned());
        }
        if let Some(form) = c.titled_form {
            entry.1.insert(form);
        }
    }
    let mut entities: Vec<Entity> = found
        .into_iter()
        .map(|(name, (kind, aliases, mut mentions))| {
            mentions.sort_unstable();
            mentions.dedup();
            Entity {
                name,
                kind,
                aliases: aliases.into_iter().collect(),
                mentions,
            }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions.first().copied());
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::from_text;

    fn entities(text: &str) -> Vec<Entity> {
        let a = from_text("t", "t.txt", text);
        find_in_corpus(&[a]).remove(0)
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        entities(text)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    use EntityKind::*;

    #[test]
    fn titles_and_surnames_merge() {
        let e = entities(
            "Headline\nPresident Vladimir Putin met envoys. Later Putin spoke. Vladimir Putin left.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Vladimir Putin");
        assert_eq!(e[0].kind, Person);
        assert_eq!(e[0].mentions.len(), 3);
        assert_eq!(e[0].aliases, ["President Vladimir Putin", "Putin"]);
    }

    #[test]
    fn gazetteer_variants_merge() {
        let e = entities("Headline\nThe U.S. and the US agreed. The United States and the EU met the European Union.");
        let n: Vec<(&str, usize)> = e
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(n, [("United States", 3), ("European Union", 2)]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let n = names(
            "Headline\nDespite talks, nothing moved. Officials met in Moscow. The officials left.",
        );
        assert_eq!(n, [("Moscow".to_owned(), Place)]);
    }

    #[test]
    fn role_nouns_and_demonyms() {
        let n = names("Headline\nThe senior Kremlin adviser Yuri Ushakov and US special envoy Steve Witkoff met Russian officials.");
        assert_eq!(
            n,
            [
                ("Kremlin".to_owned(), Organization),
                ("Yuri Ushakov".to_owned(), Person),
                ("United States".to_owned(), Place),
                ("Steve Witkoff".to_owned(), Person),
            ]
        );
    }

    #[test]
    fn hyphens_split_and_org_words_classify() {
        let n = names("Headline\nThe Russia-Ukraine war was covered by the New York Post and the Independent International Commission of Inquiry.");
        assert_eq!(
            n,
            [
                ("Russia".to_owned(), Place),
                ("Ukraine".to_owned(), Place),
                ("New York Post".to_owned(), Organization),
                (
                    "Independent International Commission of Inquiry".to_owned(),
                    Organization
                ),
            ]
        );
    }

    #[test]
    fn headings_only_name_known_things() {
        let n = names("Headline\nFirst paragraph about Kyiv.\nDivergent Paths to Peace in Kyiv\nSecond paragraph.");
        assert_eq!(n, [("Kyiv".to_owned(), Place)]);
    }

    #[test]
    fn quotes_open_sentences_and_pronouns_are_not_names() {
        let n = names(
            "Headline\nHank Williams Jr. He said: \"It is late. We know.\" I'm sure MPs agree.",
        );
        assert_eq!(n, [("Hank Williams Jr.".to_owned(), Person)]);
    }

    #[test]
    fn parties_post_nominals_and_titles_of_places() {
        let n = names(
            "Headline\nLiberal Democrat Sarah Teather spoke. Labour MP Jackie Ballard and \
             Margaret Moran MP agreed with the Archbishop of Westminster, the Office for \
             National Statistics said.",
        );
        assert_eq!(
            n,
            [
                ("Liberal Democrats".to_owned(), Organization),
                ("Sarah Teather".to_owned(), Person),
                ("Labour Party".to_owned(), Organization),
                ("Jackie Ballard".to_owned(), Person),
                ("Margaret Moran".to_owned(), Person),
                ("Westminster".to_owned(), Place),
                ("Office for National Statistics".to_owned(), Organization),
            ]
        );
        // Two plain words after `the` are not taken for a person.
        assert!(names("Headline\nShares fell on the Dow Jones again.").is_empty());
    }

    #[test]
    fn initials_are_names_and_acronyms_and_trade_words_are_not() {
        let n = names(
            "Headline\nPresident George W Bush met analysts at Jupiter Research who \
             played Nintendo DS games.",
        );
        assert_eq!(
            n,
            [
                ("George W Bush".to_owned(), Person),
                ("Jupiter Research".to_owned(), Organization),
            ]
        );
    }

    #[test]
    fn a_dominant_full_name_claims_a_bare_surname_corpus_wide() {
        let mut texts: Vec<String> = (0..3)
            .map(|i| format!("Headline {i}\nPrime Minister Tony Blair spoke."))
            .collect();
        texts.push("Headline\nHis wife, Mrs Cherie Blair, agreed.".into());
        texts.push("Headline\nLater, Mr Blair left.".into());
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_text(&i.to_string(), "x.txt", t))
            .collect();
        let found = find_in_corpus(&articles);
        assert_eq!(found[4][0].name, "Tony Blair");
        // Named in full in the article, the other person keeps her surname.
        assert_eq!(found[3][0].name, "Cherie Blair");
        // With no clear favourite the surname stays alone.
        let even: Vec<Article> = ["Mr Tony Blair", "Mrs Cherie Blair", "Mr Blair"]
            .iter()
            .enumerate()
            .map(|(i, t)| from_text(&i.to_string(), "x.txt", &format!("Headline\n{t} spoke.")))
            .collect();
        assert_eq!(find_in_corpus(&even)[2][0].name, "Blair");
    }

    #[test]
    fn corpus_knowledge_resolves_a_bare_surname() {
        let a = from_text("a", "a.txt", "Headline\nEnvoy Steve Witkoff arrived.");
        let b = from_text("b", "b.txt", "Headline\nThe talks with Witkoff ran late.");
        let e = find_in_corpus(&[a, b]).remove(1);
        assert_eq!(e[0].name, "Steve Witkoff");
        assert_eq!(e[0].aliases, ["Witkoff"]);
    }
}
