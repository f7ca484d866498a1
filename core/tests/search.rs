//! The search engine on the seed articles in `corpus/`: the questions a
//! journalist asks of them, with typos, phrases, exclusions, filters and
//! as-you-type prefixes, and exact highlights.

mod common;

use std::collections::BTreeSet;

use crosscheck_core::search::analyze::fold;
use crosscheck_core::{Bundle, EntityKind, SearchOptions, SearchResults};

fn bundle() -> Bundle {
    Bundle::build(common::read_txt_files(&common::corpus_dir())).unwrap()
}

fn search(b: &Bundle, q: &str) -> SearchResults {
    b.search(q, &SearchOptions::default())
}

fn typing(b: &Bundle, q: &str) -> SearchResults {
    let opts = SearchOptions {
        typing: true,
        ..SearchOptions::default()
    };
    b.search(q, &opts)
}

fn ids(r: &SearchResults) -> BTreeSet<String> {
    r.hits.iter().map(|h| h.id.clone()).collect()
}

/// Ids of the articles whose body contains `needle` (any case).
fn containing(b: &Bundle, needle: &str) -> BTreeSet<String> {
    b.articles
        .iter()
        .filter(|a| a.body.to_lowercase().contains(&needle.to_lowercase()))
        .map(|a| a.id.clone())
        .collect()
}

/// The highlighted words of every snippet of every hit.
fn highlighted(r: &SearchResults) -> Vec<String> {
    let mut out = Vec::new();
    for h in &r.hits {
        for s in &h.snippets {
            let chars: Vec<char> = s.text.chars().collect();
            for &(a, z) in &s.highlights {
                out.push(chars[a as usize..z as usize].iter().collect());
            }
        }
    }
    out
}

#[test]
fn witkoff_finds_the_articles_naming_him() {
    let b = bundle();
    let want = containing(&b, "witkoff");
    assert_eq!(want.len(), 2);
    let r = search(&b, "witkoff");
    assert_eq!(ids(&r), want);
    assert_eq!(r.total, 2);
    assert!(
        highlighted(&r).iter().all(|w| w == "Witkoff"),
        "{:?}",
        highlighted(&r)
    );
    assert!(r.facets.people.iter().any(|f| f.name == "Steve Witkoff"));
}

#[test]
fn typos_still_find_him() {
    let b = bundle();
    let want = containing(&b, "witkoff");
    for q in ["witkof", "Witkopf", "wiktoff", "WITKOFF"] {
        let r = search(&b, q);
        assert_eq!(ids(&r), want, "{q}");
        assert!(highlighted(&r).iter().all(|w| w == "Witkoff"), "{q}");
    }
}

#[test]
fn exact_phrase() {
    let b = bundle();
    let r = search(&b, "\"nearly four hours\"");
    assert_eq!(ids(&r), containing(&b, "nearly four hours"));
    assert_eq!(r.total, 1);
    assert_eq!(highlighted(&r), ["nearly four hours"]);
    assert_eq!(search(&b, "\"four nearly hours\"").total, 0);
    // The hyphenated report is found by its parts, as a phrase or a word.
    let five = containing(&b, "five-hour");
    assert_eq!(ids(&search(&b, "\"five-hour meeting\"")), five);
    assert_eq!(ids(&search(&b, "five-hour")), five);
    assert_eq!(ids(&search(&b, "\"five hour\"")), five);
}

#[test]
fn exclusion() {
    let b = bundle();
    let with = containing(&b, "witkoff");
    let r = search(&b, "-Witkoff");
    assert_eq!(r.total, b.articles.len() - with.len());
    assert!(ids(&r).is_disjoint(&with));
    let r = search(&b, "putin -witkoff");
    assert!(ids(&r).is_disjoint(&with) && r.total > 0);
    let r = search(&b, "putin -\"nearly four hours\"");
    assert!(!ids(&r).contains(&containing(&b, "nearly four hours").pop_first().unwrap()));
}

#[test]
fn person_filter_matches_names_and_aliases() {
    let b = bundle();
    let want: BTreeSet<String> = b
        .articles
        .iter()
        .filter(|a| {
            a.entities_of(EntityKind::Person).any(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| n.to_lowercase().contains("putin"))
            })
        })
        .map(|a| a.id.clone())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&search(&b, "person:Putin")), want);
    assert_eq!(ids(&search(&b, "person:\"vladimir putin\"")), want);
    assert_eq!(search(&b, "place:Putin").total, 0);
    let r = search(&b, "talks person:witkoff");
    assert_eq!(ids(&r), containing(&b, "witkoff"));
}

#[test]
fn diacritics_fold() {
    let b = bundle();
    let plain = search(&b, "Kyiv");
    let accented = search(&b, "Kýiv");
    assert!(plain.total > 0);
    assert_eq!(ids(&plain), ids(&accented));
    assert_eq!(plain.hits[0].score, accented.hits[0].score);
    assert_eq!(ids(&plain), containing(&b, "kyiv"));
}

#[test]
fn as_you_type_prefix() {
    let b = bundle();
    let r = typing(&b, "negot");
    assert_eq!(ids(&r), containing(&b, "negot"));
    for w in highlighted(&r) {
        assert!(fold(&w).unwrap().starts_with("negot"), "{w}");
    }
    // Without the typing flag a fragment is a (misspelt) word.
    assert!(search(&b, "negot").total < r.total);
    // A finished word followed by a space is not a prefix any more.
    assert_eq!(typing(&b, "witk").total, 2);
    assert_eq!(typing(&b, "witk ").total, 0);
    // A typo in the word being typed.
    assert_eq!(ids(&typing(&b, "witkpf")), containing(&b, "witkoff"));
}

#[test]
fn all_words_rank_above_some_and_long_queries_find_something() {
    let b = bundle();
    let r = search(&b, "witkoff midnight");
    assert!(r.hits[0].complete);
    assert!(r
        .hits
        .iter()
        .skip_while(|h| h.complete)
        .all(|h| !h.complete));
    let long = "what did the envoy witkoff say about the length of the meeting with putin in moscow zzzzqqq";
    let r = search(&b, long);
    assert!(r.total > 0);
    assert!(containing(&b, "witkoff").contains(&r.hits[0].id));
}

#[test]
fn amounts_and_years() {
    let b = bundle();
    for q in ["90", "€90", "€90 billion"] {
        let r = search(&b, q);
        assert!(r.total > 0, "{q}");
        assert!(containing(&b, "€90").contains(&r.hits[0].id), "{q}");
    }
}

#[test]
fn snippets_point_into_the_article() {
    let b = bundle();
    let r = search(&b, "kremlin talks");
    for h in &r.hits {
        let a = b.article(&h.id).unwrap();
        for s in &h.snippets {
            assert_eq!(&a.body[s.span.range()], s.text);
            let block = a.blocks[s.block as usize].span;
            assert!(block.start <= s.span.start && s.span.end <= block.end);
            assert!(s.text.split_whitespace().count() <= 40);
            for (span, &(x, y)) in s.body_highlights.iter().zip(&s.highlights) {
                let chars: String = s
                    .text
                    .chars()
                    .skip(x as usize)
                    .take((y - x) as usize)
                    .collect();
                assert_eq!(&a.body[span.range()], chars);
            }
        }
    }
}

#[test]
fn malformed_queries_are_answered() {
    let b = bundle();
    let long = "witkoff ".repeat(1_300);
    for q in [
        "\"witkoff",
        "-",
        "- -- ---",
        "🙂🙂",
        "\u{0}\u{1b}[31m witkoff",
        "the of and",
        "OR OR",
        "person:",
        "title:\"\"",
        long.as_str(),
    ] {
        let r = search(&b, q);
        assert!(
            r.total > 0 || !r.notices.is_empty(),
            "{q:?}: no result and no reason"
        );
    }
    assert!(search(&b, "the of and").total > 0);
    assert_eq!(ids(&search(&b, "\"witkoff")), containing(&b, "witkoff"));
}

#[test]
fn did_you_mean() {
    let b = bundle();
    let r = search(&b, "kremlni talsk");
    // Six letters allow one typo: both words are found anyway.
    assert!(r.total > 0);
    let r = search(&b, "krmlin");
    assert!(r.total > 0);
    // Two typos in a seven-letter word: too many to match, enough to suggest.
    let r = search(&b, "wutkopf");
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestions, ["witkoff"]);
}

#[test]
fn decoded_bundle_searches_the_same() {
    let b = bundle();
    let back = Bundle::from_bytes(&b.to_bytes()).unwrap();
    for q in [
        "witkoff",
        "negot",
        "\"nearly four hours\"",
        "person:putin moscow",
    ] {
        assert_eq!(search(&b, q), search(&back, q));
    }
}

#[test]
fn importing_an_article_then_removing_it_changes_nothing() {
    let b = bundle();
    let mut all = b.clone();
    let removed = all.articles[2].clone();
    assert!(all.remove_article(&removed.id));
    let before: Vec<SearchResults> = ["witkoff", "kyiv talks", "negot"]
        .iter()
        .map(|q| typing(&all, q))
        .collect();
    let mut grown = all.clone();
    grown.add_article(removed);
    assert_ne!(grown, all);
    assert!(grown.remove_article(&b.articles[2].id));
    assert_eq!(grown, all);
    let after: Vec<SearchResults> = ["witkoff", "kyiv talks", "negot"]
        .iter()
        .map(|q| typing(&grown, q))
        .collect();
    assert_eq!(before, after);
}
