//! What fuzzing found (`core/fuzz`, run by `scripts/fuzz.sh`), kept as
//! tests so it stays fixed. Each test names the finding it guards.

use crosscheck_core::{Bundle, BundleError, SearchOptions};

/// The fuzz target's real bundle: two small articles.
fn small_bundle() -> Bundle {
    Bundle::build(vec![
        (
            "a.txt".into(),
            b"Envoys meet\nSteve Witkoff met officials in Moscow for nearly four hours, \
              the Kremlin said. \"It was useful,\" Putin said.\nSources: RT"
                .to_vec(),
        ),
        (
            "b.txt".into(),
            "Loan agreed\nThe EU agreed a €90 billion loan for Kyiv in 2022."
                .as_bytes()
                .to_vec(),
        ),
    ])
    .unwrap()
}

/// Uses a decoded bundle the way the app does: every search, lookup and
/// comparison must work.
fn exercise(bundle: &Bundle) {
    let options = SearchOptions {
        typing: true,
        explain: true,
        ..SearchOptions::default()
    };
    for query in [
        "witkoff",
        "loan OR \"four hours\"",
        "person:putin -kyiv",
        "mos",
    ] {
        for hit in bundle.search(query, &options).hits {
            let article = bundle.article(&hit.id).unwrap();
            for span in bundle.index.highlights(article, query, &options) {
                assert!(article.body.get(span.range()).is_some());
            }
        }
        bundle.focus(query);
    }
    for (i, a) in bundle.articles.iter().enumerate() {
        assert_eq!(a.sentence_texts().count(), a.sentences.len());
        bundle.unique_coverage(&a.id).unwrap();
        if let Some(b) = bundle.articles.get(i + 1) {
            bundle.compare(&a.id, &b.id).unwrap();
            bundle.similarity(&a.id, &b.id).unwrap();
        }
    }
}

/// Findings 1 and 2 (`bundle` target): a bundle with one damaged byte
/// decoded, then panicked when used. In the vocabulary FST, an
/// overflow deep in the fst crate on the first search (now its checksum is
/// verified on load); in the similarity matrix, an index past the table
/// on the first comparison (now every table is checked against the
/// articles on load). Every single-byte change of a real bundle must be
/// refused or give a bundle that works.
#[test]
fn a_bundle_with_any_byte_changed_is_refused_or_works() {
    let bytes = small_bundle().to_bytes();
    let mut decoded = 0;
    for at in 0..bytes.len() {
        for value in [0x00, 0x01, 0x7F, 0x80, 0xFF, bytes[at] ^ 0x01] {
            let mut damaged = bytes.clone();
            damaged[at] = value;
            if let Ok(bundle) = Bundle::from_bytes(&damaged) {
                exercise(&bundle);
                decoded += 1;
            }
        }
    }
    // Changes to text and numbers are still read: the checks refuse only
    // what cannot be used.
    assert!(
        decoded > bytes.len(),
        "{decoded} of {} decoded",
        bytes.len()
    );
}

/// Finding 2 in its smallest form: tables that do not fit the articles.
#[test]
fn comparison_tables_must_fit_the_articles() {
    let mut bundle = small_bundle();
    let one = Bundle::from_articles(vec![bundle.articles[0].clone()]);
    bundle.comparison = one.comparison;
    let Err(BundleError::Corrupt(why)) = Bundle::from_bytes(&bundle.to_bytes()) else {
        panic!("a one-article similarity graph for two articles was read");
    };
    assert!(why.contains("similarity graph"), "{why}");
}

/// Spans outside an article's body would panic the first view that shows
/// them; a decoded bundle is refused instead.
#[test]
fn spans_must_lie_in_the_body() {
    let mut bundle = small_bundle();
    bundle.articles[1].quantities[0].span.end = 10_000;
    let Err(BundleError::Corrupt(why)) = Bundle::from_bytes(&bundle.to_bytes()) else {
        panic!("a quantity past the body was read");
    };
    assert!(why.contains("quantity"), "{why}");
    let mut bundle = small_bundle();
    // Inside the two bytes of "€": not a char boundary.
    let euro = bundle.articles[1].body.find('€').unwrap() as u32;
    bundle.articles[1].entities[0].mentions[0].start = euro + 1;
    bundle.articles[1].entities[0].mentions[0].end = euro + 2;
    assert!(Bundle::from_bytes(&bundle.to_bytes()).is_err());
}

/// The comparison must fit the articles it comes with: here, swapped, the
/// first article's unique coverage names sentences the second lacks. (A
/// swap whose tables happen to fit reads as a file of that order: the
/// file names its articles only in them.)
#[test]
fn the_comparison_must_fit_the_articles() {
    let mut bundle = small_bundle();
    bundle.articles.swap(0, 1);
    assert!(Bundle::from_bytes(&bundle.to_bytes()).is_err());
}

/// Finding 3 (`parse` target, with AddressSanitizer): a quotation followed
/// by `by` and a name after two spaces, `“o”by  OO˜` in Windows-1252. The
/// speaker's phrase was trimmed of its leading spaces but its offset in the
/// body was not moved, so its end fell inside the two-byte `˜` and slicing
/// the body there panicked.
#[test]
fn a_speaker_after_two_spaces_is_sliced_on_char_boundaries() {
    let bytes = b"\x93o\x94by  OO\x98";
    let article = crosscheck_core::parse_article("a", "a.txt", bytes).unwrap();
    let (text, _) = crosscheck_core::decode(bytes).unwrap();
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(
        article.kept_text().map(visible).sum::<usize>(),
        visible(&text)
    );
    article.check().unwrap();
    // The same with the speaker's name in the middle of longer text.
    let text = "Talks\n\n“We will see,”said  Putin’s spokesman Dmitry Peskov.";
    let article = crosscheck_core::parse_article("b", "b.txt", text.as_bytes()).unwrap();
    article.check().unwrap();
}
