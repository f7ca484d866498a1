//! Fuzzes the parser with arbitrary bytes: it must never panic, and when the
//! bytes decode, nothing may be lost (every non-whitespace character of the
//! decoded text is in exactly one kept piece of the article).
//!
//! Bounded run on the stable toolchain (see `scripts/fuzz.sh`):
//!
//! ```text
//! cd core && cargo fuzz run parse --sanitizer none fuzz/corpus/parse fuzz/seeds/parse -- -max_total_time=60
//! ```
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;

fn visible(pieces: &[&str]) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for c in pieces
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
    {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

fuzz_target!(|data: &[u8]| {
    let Ok(article) = crosscheck_core::parse_article("fuzz", "fuzz.txt", data) else {
        return;
    };
    let (text, _) = crosscheck_core::decode(data).expect("parsed input decodes");
    let kept: Vec<&str> = article.kept_text().collect();
    assert_eq!(visible(&[&text]), visible(&kept));
    // Every span the article holds lies in its body, on char boundaries.
    article
        .check()
        .expect("a parsed article's spans are usable");
});
