//! The nothing-lost invariant on generated input: every non-whitespace
//! character of the decoded text lies in exactly one kept piece of the
//! article (see `Article::kept_text`), and parsing never panics, whatever
//! the bytes.

mod common;

use proptest::prelude::*;

/// Fragments that exercise every rule: headlines, datelines, headings,
/// quotes, abbreviations, amounts, credits, debris, front matter, markup.
const FRAGMENTS: &[&str] = &[
    "Moscow – ",
    "MOSCOW (Reuters) - ",
    "Moscow: ",
    "President Vladimir Putin",
    "Putin’s",
    "U.S.",
    "EU",
    "the European Union",
    "Mr. Smith",
    "a.m.",
    "€90 billion",
    "$1.13bn",
    "76%",
    "a five-hour meeting",
    "nearly four hours",
    "two years",
    "2022",
    "“ready to talk,”",
    "\"constructive\"",
    " said ",
    ". ",
    "? ",
    "! ",
    ", ",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "---\n",
    "title: X\n",
    "Sources: A | B | C",
    "Written by:",
    "By Jane Doe",
    "Leave a Comment",
    "Your email address will not be published.",
    "• https://x.example:70",
    "# ",
    "## Heading",
    "Divergent Paths to Peace",
    "envoy Steve Witkoff",
    "Kyiv",
    "Abu Dhabi",
    "(",
    ")",
    "-",
    "–",
    "…",
    "...",
    "|",
    ":",
    "*",
    "\u{a0}",
    "\t",
    "\u{feff}",
    "é",
    "😀",
    "twenty-two",
    "1,000",
    "1.5",
    "per cent",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => "[A-Za-z]{1,8}",
        1 => "[ A-Za-z0-9.,;:!?\"'()\\-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        proptest::option::of(
            "---\n(title|source|author|date|url|language|topic): [a-z0-9 -]{0,10}\n---\n",
        ),
        proptest::collection::vec(fragment(), 0..60),
    )
        .prop_map(|(front, parts)| {
            let mut s = front.unwrap_or_default();
            s.push_str(&parts.concat());
            s
        })
}

fn check(bytes: &[u8]) {
    match crosscheck_core::parse_article("x", "x.txt", bytes) {
        Ok(a) => {
            let (text, _) = crosscheck_core::decode(bytes).expect("parsed, so it decodes");
            common::assert_nothing_lost(&text, &a);
        }
        Err(e) => assert!(crosscheck_core::decode(bytes).is_err(), "{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn structured_text_loses_nothing(doc in document()) {
        check(doc.as_bytes());
    }

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes);
    }

    #[test]
    fn any_text_loses_nothing(text in any::<String>()) {
        check(text.as_bytes());
    }

    #[test]
    fn a_corpus_of_documents_loses_nothing(docs in proptest::collection::vec(document(), 1..5)) {
        let files: Vec<(String, Vec<u8>)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("{i}.txt"), d.clone().into_bytes()))
            .collect();
        for ((_, bytes), r) in files.iter().zip(crosscheck_core::parse_corpus(&files)) {
            if let Ok(a) = r {
                let (text, _) = crosscheck_core::decode(bytes).unwrap();
                common::assert_nothing_lost(&text, &a);
            }
        }
    }
}

#[test]
fn a_giant_line_is_fine() {
    let mut s = String::from("Headline\n");
    for i in 0..20_000 {
        s.push_str(&format!("Mr. X{i} said “a.b.c. {i}.” "));
    }
    check(s.as_bytes());
}
