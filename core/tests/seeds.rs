//! The five seed articles in `../corpus`, parsed as one corpus: title and
//! whether it was inferred, dateline, headings, credits, debris, and the
//! people, places and organisations each names.

mod common;

use crosscheck_core::{parse_corpus, Article, EntityKind, QuantityKind};

fn seeds() -> Vec<Article> {
    let files = common::read_txt_files(&common::corpus_dir());
    assert_eq!(files.len(), 5, "the seed corpus has five articles");
    parse_corpus(&files)
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn names(a: &Article, kind: EntityKind) -> Vec<&str> {
    a.entities_of(kind).map(|e| e.name.as_str()).collect()
}

fn has_all(a: &Article, kind: EntityKind, expected: &[&str]) {
    let got = names(a, kind);
    for e in expected {
        assert!(
            got.contains(e),
            "{}: {e} missing from {kind:?} {got:?}",
            a.id
        );
    }
}

fn has_none(a: &Article, kind: EntityKind, unexpected: &[&str]) {
    let got = names(a, kind);
    for e in unexpected {
        assert!(!got.contains(e), "{}: {e} should not be a {kind:?}", a.id);
    }
}

#[test]
fn ids_are_the_file_stems() {
    let ids: Vec<String> = seeds().into_iter().map(|a| a.id).collect();
    assert_eq!(ids[0], "000_33c2e98580f1a62a");
    assert_eq!(ids[4], "004_018813ca5c6e4e99");
}

#[test]
fn seed_000() {
    let a = &seeds()[0];
    assert_eq!(
        a.title,
        "Russia Signals Openness to Continued Dialogue on Future of Donbas Amid Global Diplomatic Push"
    );
    assert!(!a.title_inferred);
    assert_eq!(a.dateline.as_deref(), Some("Moscow –"));
    assert!(a
        .paragraphs()
        .next()
        .unwrap()
        .starts_with("Russia has reiterated"));
    assert_eq!(a.headings().count(), 0);
    assert!(a.sources.is_empty() && a.boilerplate.is_empty() && a.byline.is_none());
    has_all(
        a,
        EntityKind::Person,
        &["Vladimir Putin", "Steve Witkoff", "Jared Kushner"],
    );
    has_all(
        a,
        EntityKind::Place,
        &[
            "Moscow",
            "New Delhi",
            "Donbas",
            "Donetsk",
            "Luhansk",
            "Kyiv",
            "United States",
        ],
    );
    let putin = a
        .entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .unwrap();
    assert!(putin.aliases.contains(&"Putin".to_owned()));
    assert!(putin
        .aliases
        .contains(&"President Vladimir Putin".to_owned()));
    let us = a
        .entities
        .iter()
        .find(|e| e.name == "United States")
        .unwrap();
    assert!(us.aliases.contains(&"U.S.".to_owned()));
}

#[test]
fn seed_001() {
    let a = &seeds()[1];
    assert!(a.title.starts_with("Moscow Welcomes Constructive Dialogue"));
    assert!(!a.title_inferred);
    assert_eq!(a.dateline.as_deref(), Some("Moscow –"));
    has_all(
        a,
        EntityKind::Person,
        &["Vladimir Putin", "Yuri Ushakov", "Donald Trump"],
    );
    has_all(
        a,
        EntityKind::Place,
        &["Moscow", "Washington", "Kyiv", "United States"],
    );
    has_all(a, EntityKind::Organization, &["Kremlin"]);
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("reasonably good"))
        .unwrap();
    assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
    let m = a.quantities.iter().find(|q| q.text == "five-hour").unwrap();
    assert_eq!(
        (m.kind, m.value, m.unit.as_str()),
        (QuantityKind::Duration, 5.0, "h")
    );
    assert_eq!(m.subject.as_deref(), Some("meeting"));
}

#[test]
fn seed_002() {
    let a = &seeds()[2];
    assert!(a.title_inferred, "002 has no headline");
    assert!(a.title.starts_with("Recent diplomatic activity"));
    assert!(a
        .paragraphs()
        .next()
        .unwrap()
        .starts_with("Recent diplomatic activity"));
    assert_eq!(a.dateline, None);
    assert_eq!(
        a.sources,
        ["France 24", "RT", "Al Jazeera", "ABC News", "New York Post"]
    );
    assert_eq!(a.byline, None, "“Written by:” names nobody");
    assert!(a.raw.credits.contains(&"Written by:".to_owned()));
    assert_eq!(a.boilerplate.len(), 3);
    assert_eq!(a.boilerplate[0], "Leave a Comment");
    assert!(a.boilerplate[1].starts_with("Your email address will not be published"));
    assert!(a.boilerplate[2].contains("https://s8.yesstreaming.net:7021"));
    assert!(!a.body.contains("Leave a Comment") && !a.body.contains("Sources:"));
    has_all(
        a,
        EntityKind::Person,
        &["Kirill Dmitriev", "Vladimir Putin", "Emmanuel Macron"],
    );
    has_all(
        a,
        EntityKind::Place,
        &["Miami", "Berlin", "Moscow", "Paris", "United States"],
    );
    has_all(a, EntityKind::Organization, &["European Union"]);
    let eu = a
        .entities
        .iter()
        .find(|e| e.name == "European Union")
        .unwrap();
    assert!(eu.aliases.contains(&"EU".to_owned()));
    let loan = a
        .quantities
        .iter()
        .find(|q| q.kind == QuantityKind::Money)
        .unwrap();
    assert_eq!((loan.value, loan.unit.as_str()), (9e10, "EUR"));
    assert_eq!(loan.subject.as_deref(), Some("loan"));
    assert!(a
        .quantities
        .iter()
        .any(|q| q.kind == QuantityKind::Duration && q.value == 2.0 && q.unit == "years"));
    let speakers: Vec<Option<&str>> = a.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert!(speakers.contains(&Some("Vladimir Putin’s spokesman")));
}

#[test]
fn seed_003() {
    let a = &seeds()[3];
    assert!(a.title_inferred, "003 has no headline");
    assert_eq!(a.dateline, None);
    let headings: Vec<&str> = a.headings().collect();
    assert_eq!(
        headings,
        [
            "Divergent Paths to Peace and Security",
            "The Impact of Military Escalation on Negotiations",
            "Looking Ahead: The Diplomatic Horizon",
        ]
    );
    assert!(a.sources.is_empty() && a.boilerplate.is_empty());
    has_all(a, EntityKind::Person, &["Vladimir Putin"]);
    has_all(a, EntityKind::Place, &["Ukraine", "Moscow", "Kyiv"]);
    has_all(a, EntityKind::Organization, &["European Union", "Kremlin"]);
    // Heading words are not entities by themselves.
    for kind in [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
    ] {
        has_none(
            a,
            kind,
            &[
                "Divergent Paths",
                "Peace",
                "Security",
                "Looking Ahead",
                "Diplomatic Horizon",
            ],
        );
    }
    assert!(a
        .quantities
        .iter()
        .any(|q| q.kind == QuantityKind::Year && q.value == 2022.0));
}

#[test]
fn seed_004() {
    let a = &seeds()[4];
    assert_eq!(a.dateline.as_deref(), Some("Moscow:"));
    // The file opens with its dateline lede, so it has no headline either.
    assert!(a.title_inferred);
    assert!(a
        .paragraphs()
        .next()
        .unwrap()
        .starts_with("Russian President Vladimir Putin"));
    has_all(a, EntityKind::Person, &["Vladimir Putin", "Steve Witkoff"]);
    has_all(
        a,
        EntityKind::Place,
        &["Moscow", "Abu Dhabi", "Washington", "Kyiv", "United States"],
    );
    has_all(a, EntityKind::Organization, &["Kremlin"]);
    let h = a
        .quantities
        .iter()
        .find(|q| q.text == "four hours")
        .unwrap();
    assert_eq!((h.value, h.unit.as_str()), (4.0, "h"));
    assert_eq!(h.qualifier.map(|q| q.as_str()), Some("nearly"));
}

#[test]
fn common_words_and_demonyms_are_not_entities() {
    for a in seeds() {
        for kind in [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organization,
        ] {
            has_none(
                &a,
                kind,
                &[
                    "Despite",
                    "Officials",
                    "Russian",
                    "Ukrainian",
                    "Still",
                    "Diplomats",
                    "The",
                    "International",
                ],
            );
        }
    }
}

#[test]
fn every_seed_keeps_every_character() {
    for (name, bytes) in common::read_txt_files(&common::corpus_dir()) {
        let (text, _) = crosscheck_core::decode(&bytes).unwrap();
        let a = crosscheck_core::parse_article("x", &name, &bytes).unwrap();
        common::assert_nothing_lost(&text, &a);
    }
}
