//! Fuzzes reading saved web pages: any bytes named `.html` must give an
//! article or a decoding error, never a panic; the article's spans are
//! usable; and every word of the page's visible text (outside scripts and
//! styles) is kept, in the article or its debris.
//!
//! ```text
//! cd core && cargo fuzz run html --sanitizer none fuzz/corpus/html fuzz/seeds/html -- -max_total_time=60
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = crosscheck_core::parse_article("fuzz", "fuzz.html", data) else {
        return;
    };
    article
        .check()
        .expect("a parsed page's spans are usable");
    let page = crosscheck_core::parse::html::extract(
        &crosscheck_core::decode(data).expect("parsed input decodes").0,
    );
    let kept: String = article.kept_text().collect::<Vec<_>>().join(" ");
    let shown = page.blocks.iter().map(|b| match b {
        crosscheck_core::parse::html::PageBlock::Heading(t)
        | crosscheck_core::parse::html::PageBlock::Paragraph(t) => t.as_str(),
    });
    for piece in shown.chain(page.debris.iter().map(String::as_str)) {
        for word in piece.split_whitespace() {
            assert!(kept.contains(word), "{word:?} lost");
        }
    }
});
