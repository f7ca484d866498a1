//! The snippet tests: choosing from the postings must pick exactly what
//! analysing every block would, and the passages built from the nearest
//! sentence checkpoint must equal those built from the whole block.

use super::passage::passage;
use super::window::{best_window, choose, extent, keep_best, Window};
use super::*;
use crate::article::Article;
use crate::search::index::tests::articles;
use crate::search::index::SearchIndex;
use crate::search::plan::plan;
use crate::search::query::parse;
use proptest::prelude::*;

fn setup(text: &str, q: &str, typing: bool) -> (Article, SearchIndex, Highlighter) {
    let a = articles(&[text]).remove(0);
    let index = SearchIndex::build(std::slice::from_ref(&a));
    let p = plan(&index, &parse(q), typing);
    (a, index, Highlighter::new(&p))
}

/// Snippets of document `doc`, chosen from the postings.
fn run(
    index: &SearchIndex,
    a: &Article,
    doc: u32,
    h: &Highlighter,
    count: usize,
    words: usize,
) -> Vec<Snippet> {
    let spots = h.page_spots(index, &[doc]);
    snippets(a, &index.docs[doc as usize], &spots[0], h, count, words)
}

/// The passages of the windows analysis chooses, each from its whole
/// block analysed from the start: what the postings, block lengths,
/// sentence checkpoints and early stop must reproduce.
fn analysed_snippets(a: &Article, h: &Highlighter, count: usize, words: usize) -> Vec<Snippet> {
    analysed(a, h, count, words)
        .into_iter()
        .filter_map(|w| {
            let (marks, spans) = h.marks(a.text(a.blocks[w.block].span));
            let n = spans.len() as u32;
            let (first, last) = extent(&w, words as u32, n)?;
            passage(a, w.block, (first, last), last + 1 >= n, &marks, &spans, 0)
        })
        .collect()
}

/// What choosing by analysing every block gives: the definition the
/// postings must reproduce.
fn analysed(a: &Article, h: &Highlighter, count: usize, words: usize) -> Vec<Window> {
    let words = words.clamp(1, MAX_SNIPPET_WORDS) as u32;
    let mut windows: Vec<Window> = a
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(b, block)| {
            let (marks, _) = h.marks(a.text(block.span));
            let spots: Vec<Spot> = marks.iter().map(|m| m.spot).collect();
            best_window(b, &spots, words)
        })
        .collect();
    keep_best(&mut windows, count);
    windows
}

fn chosen(
    index: &SearchIndex,
    a: &Article,
    doc: u32,
    h: &Highlighter,
    count: usize,
    words: usize,
) -> Vec<Window> {
    let spots = h.page_spots(index, &[doc]);
    let starts = &index.docs[doc as usize].block_starts;
    choose(
        a,
        starts,
        &spots[0],
        count,
        words.clamp(1, MAX_SNIPPET_WORDS) as u32,
    )
}

fn marked(s: &Snippet) -> Vec<String> {
    let chars: Vec<char> = s.text.chars().collect();
    s.highlights
        .iter()
        .map(|&(a, b)| chars[a as usize..b as usize].iter().collect())
        .collect()
}

#[test]
fn marks_exact_words_typos_and_prefixes() {
    let (a, i, h) = setup(
        "Title\nIn Kýiv’s talks, Witkoff spent nearly four hours negotiating.",
        "kyiv witkof negot",
        true,
    );
    let s = run(&i, &a, 0, &h, 2, 30);
    assert_eq!(s.len(), 1);
    assert_eq!(marked(&s[0]), ["Kýiv", "Witkoff", "negotiating"]);
    assert_eq!(&a.body[s[0].span.range()], s[0].text);
    for span in &s[0].body_highlights {
        assert!(a.body.is_char_boundary(span.start as usize));
    }
}

#[test]
fn phrases_are_one_mark_and_stop_words_are_not_marked() {
    let (a, i, h) = setup(
        "Title\nThe meeting lasted nearly four hours, the envoy said.",
        "\"nearly four hours\" the envoy",
        false,
    );
    let s = run(&i, &a, 0, &h, 1, 30);
    assert_eq!(marked(&s[0]), ["nearly four hours", "envoy"]);
}

#[test]
fn window_is_about_the_densest_cluster() {
    let filler = "word ".repeat(60);
    let text = format!(
        "Title\nalpha {filler} beta gamma delta {filler}end.\n\nSecond paragraph with gamma."
    );
    let (a, i, h) = setup(&text, "beta gamma", false);
    let s = run(&i, &a, 0, &h, 2, 10);
    assert_eq!(marked(&s[0]), ["beta", "gamma"]);
    assert!(s[0].truncated_start && s[0].truncated_end);
    assert_eq!(s[0].text.split_whitespace().count(), 10);
    assert_eq!(s[1].block, 1);
    assert_eq!(marked(&s[1]), ["gamma"]);
}

#[test]
fn lead_when_only_the_title_matches() {
    let (a, i, h) = setup("Kyiv talks\nNothing else here.", "kyiv", false);
    let s = run(&i, &a, 0, &h, 2, 30);
    assert_eq!(s.len(), 1);
    assert!(s[0].highlights.is_empty());
    assert_eq!(h.chars(&a.title), [(0, 4)]);
}

#[test]
fn postings_choose_what_analysis_would() {
    let texts = [
        "Title\nThe U.S. envoy's talks.\n\nA five-hour meeting on 1,000 troops.\n\n\
         Kýiv said no.\n\nNothing here at all.\n\nO'Brien negotiated the deal.",
        "Tax\nTax plans. Tax again.\n\nThe tax plans and more tax plans here.\n\n\
         Plans, plans-tax and tax.\n\nNothing.\n\nTax tax tax tax tax plans.\n\n\
         A plan for tax. \"Tax plans\" said Tory.",
        // A part cut to the longest term, so its whole equals it.
        "Long\nThe longwordlongwordlongwordlongwordlongwordlongword-tail and \
         longwordlongwordlongwordlongwordlongwordlongword again.",
        "Quotes\nFirst sentence here. “Quoted start” of the second one. Éclair third \
         sentence. ‘Single’ fourth five-hour sentence with tax plans.",
    ];
    let queries = [
        "us",
        "fivehour",
        "five-hour meeting",
        "1000",
        "kyiv",
        "obrien negot",
        "\"the deal\"",
        "envoy",
        "tax",
        "tax plans",
        "tory tax plans",
        "\"tax plans\" tory",
        "pla",
        "ta",
        "plans -tax",
        // A phrase through a hyphenated whole, matched as the index does.
        "\"a fivehour\"",
        "\"fivehour meeting\"",
        "\"plans plans-tax\"",
        "\"plans planstax\"",
        "longwordlongwordlongwordlongwordlongwordlongword",
        "tax",
        "\"tax plans\"",
        "sentence",
    ];
    let a = articles(&texts);
    let index = SearchIndex::build(&a);
    for q in queries {
        let h = Highlighter::new(&plan(&index, &parse(q), true));
        for (doc, article) in a.iter().enumerate() {
            for count in 1..4 {
                assert_eq!(
                    chosen(&index, article, doc as u32, &h, count, 5),
                    analysed(article, &h, count, 5),
                    "{q} doc {doc} count {count}"
                );
                if !analysed(article, &h, count, 5).is_empty() {
                    assert_eq!(
                        run(&index, article, doc as u32, &h, count, 5),
                        analysed_snippets(article, &h, count, 5),
                        "{q} doc {doc}"
                    );
                }
            }
        }
    }
}

#[test]
fn seeds_choose_what_analysis_would() {
    let a = seeds();
    let index = SearchIndex::build(&a);
    for q in [
        "putin witkoff",
        "\"peace plan\" kremlin",
        "ukraine OR russia",
        "kyiv talks",
        "europ",
        "witkof kushner",
        "person:putin ukraine",
        "the",
        "hours meeting five-hour",
    ] {
        let h = Highlighter::new(&plan(&index, &parse(q), true));
        for (doc, article) in a.iter().enumerate() {
            assert_eq!(
                chosen(&index, article, doc as u32, &h, 3, 30),
                analysed(article, &h, 3, 30),
                "{q} doc {doc}"
            );
            for words in [5, 12, 30] {
                if !analysed(article, &h, 3, words).is_empty() {
                    assert_eq!(
                        run(&index, article, doc as u32, &h, 3, words),
                        analysed_snippets(article, &h, 3, words),
                        "{q} doc {doc}"
                    );
                }
            }
        }
    }
}

/// The five seed articles of `corpus/`, parsed.
fn seeds() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    crate::pipeline::parse_corpus(&files)
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// An index whose block and sentence starts are garbage (a corrupt
    /// or mismatched bundle) gives wrong passages at worst: never a
    /// panic, and every passage is still text of its article.
    #[test]
    fn garbage_starts_never_panic(
        blocks in prop::collection::vec(prop_oneof![any::<u32>(), 0u32..400], 0..40),
        sentences in prop::collection::vec(prop_oneof![any::<u32>(), 0u32..60], 0..40),
        q in 0usize..4,
    ) {
        let a = seeds();
        let mut index = SearchIndex::build(&a);
        // As many values as the article has blocks and sentences, so
        // they are used rather than refused for their length.
        let cycle = |values: &[u32], n: usize| -> Vec<u32> {
            values.iter().copied().cycle().take(n).collect()
        };
        for (d, article) in index.docs.iter_mut().zip(&a) {
            if !blocks.is_empty() {
                d.block_starts = cycle(&blocks, article.blocks.len());
            }
            if !sentences.is_empty() {
                d.sentence_starts = cycle(&sentences, article.sentences.len());
            }
        }
        let query = ["putin witkoff", "\"peace plan\" kyiv", "talks", "europ"][q];
        let opts = crate::search::SearchOptions { typing: true, ..Default::default() };
        for hit in index.search(&a, query, &opts).hits {
            let article = &a[hit.doc as usize];
            for s in hit.snippets {
                prop_assert_eq!(&article.body[s.span.range()], s.text.as_str());
                let chars = s.text.chars().count() as u32;
                prop_assert!(s.highlights.iter().all(|&(x, y)| x <= y && y <= chars));
            }
        }
    }

    /// Generated articles with headings, hyphens, possessives, accents
    /// and repeated words, and queries of their words: the postings
    /// choose the same windows as analysing every block.
    #[test]
    fn generated_articles_choose_what_analysis_would(
        blocks in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(0usize..WORDS.len(), 1..25)),
            1..8,
        ),
        query in prop::collection::vec(0usize..WORDS.len(), 1..4),
        phrase in any::<bool>(),
        words in 2usize..12,
    ) {
        let mut text = String::from("Title words\n");
        for (heading, ws) in &blocks {
            let line: Vec<&str> = ws.iter().map(|&w| WORDS[w]).collect();
            if *heading {
                text.push_str(&format!("\n## {}\n\n", line.join(" ")));
            } else {
                text.push_str(&format!("\n{}.\n\n", line.join(" ")));
            }
        }
        let mut q: Vec<String> = query.iter().map(|&w| WORDS[w].to_string()).collect();
        if phrase && q.len() > 1 {
            q = vec![format!("\"{}\"", q.join(" "))];
        }
        let q = q.join(" ");
        let (a, index, h) = setup(&text, &q, true);
        for count in 1..4 {
            prop_assert_eq!(
                chosen(&index, &a, 0, &h, count, words),
                analysed(&a, &h, count, words),
                "{} | {}", q, text
            );
            if !analysed(&a, &h, count, words).is_empty() {
                prop_assert_eq!(
                    run(&index, &a, 0, &h, count, words),
                    analysed_snippets(&a, &h, count, words),
                    "{} | {}", q, text
                );
            }
        }
    }
}

const WORDS: &[&str] = &[
    "talks",
    "talk",
    "Kýiv",
    "Kyiv’s",
    "five-hour",
    "five",
    "hour",
    "hours",
    "the",
    "of",
    "U.S.",
    "envoy",
    "envoys",
    "plan",
    "plans",
    "peace-plan",
    "£90m",
    "90",
    "O'Brien",
    "negotiating",
    "negotiate",
    "a",
    "déjà",
    "deja-vu",
    // Sentence ends and starts, so passages start from sentences.
    "said.",
    "talks.",
    "Then",
    "The",
    "\"Talks",
    "hours.\"",
    "(Kyiv)",
    "Mr.",
    "U.S.-led",
    "—",
];
