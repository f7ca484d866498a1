//! Saved web pages read as articles: realistic, messy pages written for
//! these tests (a news site with navigation, share bars, a cookie banner,
//! related links and comments; a blog without `<article>`; broken markup),
//! and generated tag soup. The article holds the story and nothing else;
//! every other piece of visible text is kept as debris; nothing visible is
//! lost.

use crosscheck_core::{parse_article, parse_corpus, Article, BlockKind};
use proptest::prelude::*;

const NEWS_SITE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoys meet in Moscow for five hours - World - The Daily Ledger</title>
<meta property="og:title" content="Envoys meet in Moscow for five hours">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Maria Jones">
<meta property="article:published_time" content="2025-12-03">
<link rel="canonical" href="https://ledger.example/world/envoys-moscow">
<script>window.dataLayer = [{"page": "article"}]; function track(){}</script>
<style>.ad { display: none }</style>
</head>
<body>
<div id="cookie-banner">We use cookies. <button>Accept all</button></div>
<header class="site-header"><a href="/">The Daily Ledger</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<h1>Envoys meet in Moscow for five hours</h1>
<p class="byline">By <a rel="author" href="/maria">Maria Jones</a>, <time datetime="2025-12-03">3 December</time></p>
<div class="share-bar"><a>Share on Facebook</a> <a>Share on X</a></div>
<p>US envoys Steve Witkoff and Jared Kushner met Vladimir Putin in the Kremlin on Tuesday night.</p>
<p>The meeting lasted five hours, according to Yuri Ushakov, a Kremlin aide.</p>
<div class="advert">Advertisement<iframe src="ad.html"></iframe></div>
<h2>No compromise yet</h2>
<p>Ushakov said no compromise had been found on the question of territory.<br>Talks will continue.</p>
<ul><li>The envoys flew on to Berlin.</li><li>Kyiv was briefed on Wednesday.</li></ul>
<aside class="related"><h3>Related stories</h3><a>Peace plan explained</a></aside>
</article>
</main>
<section id="comments"><h2>Comments (2)</h2><p>Finally some progress!</p><p>I doubt it.</p>
<form><textarea></textarea><button>Post</button></form></section>
<footer><p>© 2025 The Daily Ledger</p><a>Privacy</a></footer>
</body></html>"#;

const BLOG: &str = "<html><body>\
<div class=menu><a>Home</a> | <a>About</a></div>\
<div class=post><h2>Notes from the summit</h2>\
<p>The summit opened with a long statement from the host, who spoke for an hour.</p>\
<p>Delegates then met in small groups until late in the evening.</p></div>\
<div class=sidebar><p>Subscribe to the newsletter</p></div>\
</body></html>";

fn parse(name: &str, html: &str) -> Article {
    parse_article("page", name, html.as_bytes()).expect("a page parses")
}

fn kept(a: &Article) -> String {
    a.kept_text().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_news_page_becomes_its_article_with_the_furniture_kept_apart() {
    let a = parse("envoys.html", NEWS_SITE);
    assert_eq!(a.title, "Envoys meet in Moscow for five hours");
    assert_eq!(a.metadata.source.as_deref(), Some("The Daily Ledger"));
    assert_eq!(a.metadata.author.as_deref(), Some("Maria Jones"));
    assert_eq!(a.metadata.date.as_deref(), Some("2025-12-03"));
    assert_eq!(
        a.metadata.url.as_deref(),
        Some("https://ledger.example/world/envoys-moscow")
    );
    let paragraphs: Vec<&str> = a.paragraphs().collect();
    assert_eq!(paragraphs.len(), 6, "{paragraphs:?}");
    assert!(paragraphs[0].starts_with("By Maria Jones"));
    assert!(paragraphs[1].starts_with("US envoys Steve Witkoff"));
    assert_eq!(
        paragraphs[3],
        "Ushakov said no compromise had been found on the question of territory. Talks will continue."
    );
    let headings: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| a.text(b.span))
        .collect();
    assert_eq!(headings, ["No compromise yet"]);
    for furniture in [
        "Share on Facebook",
        "Advertisement",
        "Related stories",
        "Finally some progress!",
        "We use cookies.",
        "Sport",
        "© 2025 The Daily Ledger",
    ] {
        assert!(!a.body.contains(furniture), "{furniture} in the body");
        assert!(
            a.boilerplate.iter().any(|d| d.contains(furniture)),
            "{furniture} not kept: {:?}",
            a.boilerplate
        );
    }
    assert!(!kept(&a).contains("dataLayer"), "scripts are not text");
    // The article reads like any other: entities and numbers are found.
    assert!(a.entities.iter().any(|e| e.name == "Vladimir Putin"));
}

#[test]
fn a_page_without_article_markup_finds_the_densest_text() {
    let a = parse("blog.htm", BLOG);
    let paragraphs: Vec<&str> = a.paragraphs().collect();
    assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
    assert!(a.boilerplate.iter().any(|d| d.contains("Subscribe")));
    assert!(a.boilerplate.iter().any(|d| d.contains("Home")));
    // The heading inside the post is its headline.
    assert!(kept(&a).contains("Notes from the summit"));
}

#[test]
fn pages_build_into_a_corpus_next_to_text_files() {
    let files = vec![
        ("envoys.html".to_owned(), NEWS_SITE.as_bytes().to_vec()),
        (
            "talks.txt".to_owned(),
            b"Talks\nSteve Witkoff met Vladimir Putin in Moscow.".to_vec(),
        ),
    ];
    let articles: Vec<Article> = parse_corpus(&files)
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(articles[0].id, "envoys");
    assert_eq!(articles[1].id, "talks");
}

fn visible_words(html_words: &[String]) -> impl Iterator<Item = &str> {
    html_words
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
}

proptest! {
    /// Any mix of tags, including unclosed and misnested ones, around
    /// words: every word shown on the page is in the article or its debris.
    #[test]
    fn no_visible_word_is_lost(
        parts in proptest::collection::vec(
            prop_oneof![
                "[a-z]{2,8}".prop_map(|w| w),
                Just("<p>".to_owned()), Just("</p>".to_owned()),
                Just("<div class=share>".to_owned()), Just("</div>".to_owned()),
                Just("<nav>".to_owned()), Just("<article>".to_owned()),
                Just("<h2>".to_owned()), Just("<li>".to_owned()),
                Just("<b>".to_owned()), Just("</i>".to_owned()),
                Just("<br>".to_owned()), Just("<aside>".to_owned()),
            ],
            1..60,
        )
    ) {
        let html = parts.join(" ");
        // An all-markup page can be empty of text; that is a parse error only
        // when the bytes are empty, which these never are.
        let Ok(a) = parse_article("p", "p.html", html.as_bytes()) else {
            return Ok(());
        };
        let all = kept(&a);
        for word in visible_words(&parts) {
            prop_assert!(all.contains(word), "{} lost from {:?}", word, html);
        }
    }
}
