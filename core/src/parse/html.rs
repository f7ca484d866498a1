//! A web page saved from a browser ("Save page as…") to the text of its
//! article: headline, byline, date, outlet and address where the page states
//! them, the body's headings and paragraphs in order, and everything else
//! the page shows (navigation, ads, share buttons, comment threads, related
//! links) kept apart as debris, so nothing the reader could see is lost.
//!
//! The page is parsed by an HTML5 parser (the `scraper` crate), which reads
//! malformed markup the way browsers do. The article's container is, in
//! order of preference, an `<article>`, a `<main>` (or `role="main"`), or
//! the element whose own paragraphs hold the most text. Inside it, headings
//! (`h1`–`h4`), paragraphs, list items, quotations and preformatted blocks
//! become blocks unless they sit in page furniture: `nav`, `aside`,
//! `header`, `footer`, `form`, `figure`, or an element whose class or id
//! names one (`comment`, `share`, `related`, `promo`, `advert`, …).
//!
//! Scripts, styles and templates are code, not text the reader sees; they
//! are not carried into the article (the importer keeps the original
//! bytes).

use std::collections::HashSet;

use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

/// What the page says, before it is laid out as an article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Headings and paragraphs of the article, in page order.
    pub blocks: Vec<PageBlock>,
    /// Every other piece of visible text, one entry per element, in page
    /// order.
    pub debris: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageBlock {
    Heading(String),
    Paragraph(String),
}

/// Elements that become blocks.
const BLOCKS: [&str; 10] = [
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "li",
    "blockquote",
    "pre",
    "dd",
    "figcaption",
];

/// Elements that are page furniture wherever they are.
const FURNITURE: [&str; 7] = [
    "nav", "aside", "header", "footer", "form", "figure", "button",
];

/// Words in a class or id that mark page furniture.
const FURNITURE_NAMES: [&str; 16] = [
    "comment",
    "share",
    "social",
    "related",
    "promo",
    "advert",
    "newsletter",
    "subscribe",
    "cookie",
    "sidebar",
    "breadcrumb",
    "menu",
    "banner",
    "popup",
    "recommend",
    "most-read",
];

/// Elements whose text is not shown.
const HIDDEN: [&str; 5] = ["script", "style", "template", "noscript", "head"];

/// Reads a page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let meta = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            let sel = Selector::parse(&format!(
                "meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]"
            ))
            .ok()?;
            doc.select(&sel)
                .filter_map(|m| m.value().attr("content"))
                .map(clean)
                .find(|c| !c.is_empty())
        })
    };
    let first_text = |selector: &str| -> Option<String> {
        let sel = Selector::parse(selector).ok()?;
        doc.select(&sel)
            .map(|e| clean(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let first_attr = |selector: &str, attr: &str| -> Option<String> {
        let sel = Selector::parse(selector).ok()?;
        doc.select(&sel)
            .filter_map(|e| e.value().attr(attr))
            .map(clean)
            .find(|t| !t.is_empty())
    };

    let root = content_root(&doc);
    let mut used: HashSet<ego_id::Id> = HashSet::new();
    let mut blocks = Vec::new();
    if let Some(root) = root {
        for el in root.descendants().filter_map(ElementRef::wrap) {
            let name = el.value().name();
            if !BLOCKS.contains(&name) || in_furniture(el, root) || has_block_inside(el) {
                continue;
            }
            let text = clean(&visible_text(el, &mut used));
            if text.is_empty() {
                continue;
            }
            blocks.push(if name.starts_with('h') {
                PageBlock::Heading(text)
            } else {
                PageBlock::Paragraph(text)
            });
        }
    }
    let h1 = first_text("article h1, main h1, h1");
    let title = meta(&["og:title", "twitter:title", "headline"])
        .or(h1.clone())
        .or_else(|| first_text("title"));
    // The headline is the article's title, not its first heading.
    if let (Some(PageBlock::Heading(first)), Some(t)) = (blocks.first(), &title) {
        if first == t || Some(first) == h1.as_ref() {
            blocks.remove(0);
        }
    }
    Page {
        title,
        byline: meta(&["author", "article:author", "byl"])
            .or_else(|| first_text("[rel=author], .byline, .author, [itemprop=author]")),
        date: meta(&["article:published_time", "datePublished", "date", "pubdate"])
            .or_else(|| first_attr("time[datetime]", "datetime")),
        outlet: meta(&["og:site_name", "application-name", "publisher"]),
        url: first_attr("link[rel=canonical]", "href").or_else(|| meta(&["og:url"])),
        blocks,
        debris: debris(&doc, &used),
    }
}

/// The text layout of a page the parser reads like any `.md` file: front
/// matter with what the page states, the headline, then the blocks
/// separated by blank lines, headings marked with `##`.
pub fn to_text(page: &Page) -> String {
    let mut out = String::new();
    let fields = [
        ("source", &page.outlet),
        ("author", &page.byline),
        ("date", &page.date),
        ("url", &page.url),
    ];
    if fields.iter().any(|(_, v)| v.is_some()) {
        out.push_str("---\n");
        for (key, value) in fields {
            if let Some(v) = value {
                out.push_str(&format!("{key}: {}\n", one_line(v)));
            }
        }
        out.push_str("---\n");
    }
    if let Some(title) = &page.title {
        out.push_str(&one_line(title));
        out.push_str("\n\n");
    }
    for block in &page.blocks {
        match block {
            PageBlock::Heading(h) => {
                out.push_str("## ");
                out.push_str(&one_line(h));
            }
            PageBlock::Paragraph(p) => out.push_str(&one_line(p)),
        }
        out.push_str("\n\n");
    }
    out
}

/// Where the article is: its `<article>`, else `<main>`, else the element
/// whose own paragraphs hold the most text.
fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    let paragraph_text = |el: ElementRef| -> usize {
        el.children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "p")
            .map(|c| c.text().map(str::len).sum::<usize>())
            .sum()
    };
    for selector in ["article", "main, [role=main]"] {
        let sel = Selector::parse(selector).expect("valid selector");
        // The one with the most text, when a page has several.
        let best = doc
            .select(&sel)
            .max_by_key(|e| e.text().map(str::len).sum::<usize>());
        if best.is_some() {
            return best;
        }
    }
    let all = Selector::parse("body *").expect("valid selector");
    doc.select(&all)
        .filter(|e| paragraph_text(*e) > 0)
        .max_by_key(|e| paragraph_text(*e))
        .or_else(|| {
            doc.select(&Selector::parse("body").expect("valid selector"))
                .next()
        })
}

/// True when `el` sits in page furniture below `root` (or is some).
fn in_furniture(el: ElementRef, root: ElementRef) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take_while(|a| a.id() != root.id())
        .any(is_furniture)
}

fn is_furniture(el: ElementRef) -> bool {
    let v = el.value();
    if FURNITURE.contains(&v.name()) || v.attr("role") == Some("navigation") {
        return true;
    }
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    FURNITURE_NAMES.iter().any(|n| names.contains(n))
}

/// True when another block element is inside `el` (then the inner ones
/// are the blocks, so no text is taken twice).
fn has_block_inside(el: ElementRef) -> bool {
    el.descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .any(|d| BLOCKS.contains(&d.value().name()))
}

/// The shown text of `el`, recording the text nodes it takes.
fn visible_text(el: ElementRef, used: &mut HashSet<ego_id::Id>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            if !is_hidden(node) {
                used.insert(ego_id::of(node));
                out.push_str(t);
            }
        } else if let Node::Element(e) = node.value() {
            if e.name() == "br" {
                out.push(' ');
            }
        }
    }
    out
}

/// Text nodes under a hidden element are not shown.
fn is_hidden(node: ego_tree::NodeRef<Node>) -> bool {
    node.ancestors().any(|a| match a.value() {
        Node::Element(e) => HIDDEN.contains(&e.name()),
        _ => false,
    })
}

/// Inline elements: text in them belongs to the block around them.
const INLINE: [&str; 20] = [
    "a", "abbr", "b", "bdi", "cite", "code", "em", "i", "kbd", "label", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u",
];

/// The nearest element around `node` that is not inline.
fn holder(node: ego_tree::NodeRef<Node>) -> Option<ego_id::Id> {
    node.ancestors()
        .find(|a| match a.value() {
            Node::Element(e) => !INLINE.contains(&e.name()),
            _ => true,
        })
        .map(ego_id::of)
}

/// The visible text no block took, grouped by the nearest element that
/// holds it (inline elements belong to the block around them), in page
/// order.
fn debris(doc: &Html, used: &HashSet<ego_id::Id>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_parent = None;
    for node in doc.tree.root().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        if used.contains(&ego_id::of(node)) || is_hidden(node) || t.trim().is_empty() {
            continue;
        }
        let parent = holder(node);
        let text = clean(t);
        match out.last_mut() {
            Some(last) if parent == last_parent => {
                last.push(' ');
                last.push_str(&text);
            }
            _ => out.push(text),
        }
        last_parent = parent;
    }
    out
}

/// Whitespace runs become one space; ends trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value on one line (front matter and headlines are line-based).
fn one_line(s: &str) -> String {
    clean(s)
}

/// Node identities, to remember which text nodes a block took.
mod ego_id {
    pub type Id = ego_tree::NodeId;

    pub fn of<T>(node: ego_tree::NodeRef<T>) -> Id {
        node.id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_meta_blocks_and_debris() {
        let page = extract(
            r#"<!doctype html><html><head><title>Talks end | The Daily</title>
            <meta property="og:title" content="Talks end without a deal">
            <meta property="og:site_name" content="The Daily">
            <meta name="author" content="Ann Reporter">
            <meta property="article:published_time" content="2025-12-03T10:00:00Z">
            <link rel="canonical" href="https://daily.example/talks">
            <script>var x = "not text";</script><style>p{}</style></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Talks end without a deal</h1>
            <p>The envoys met for <b>five hours</b> in Moscow.</p>
            <div class="share-tools"><p>Share this story</p></div>
            <h2>What comes next</h2><p>Both sides said talks would go on.</p>
            <figure><img src="x.jpg"><figcaption>The envoys arrive.</figcaption></figure>
            </article>
            <section class="comments"><p>First!</p></section>
            <footer>© The Daily</footer></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Talks end without a deal"));
        assert_eq!(page.outlet.as_deref(), Some("The Daily"));
        assert_eq!(page.byline.as_deref(), Some("Ann Reporter"));
        assert_eq!(page.date.as_deref(), Some("2025-12-03T10:00:00Z"));
        assert_eq!(page.url.as_deref(), Some("https://daily.example/talks"));
        assert_eq!(
            page.blocks,
            [
                PageBlock::Paragraph("The envoys met for five hours in Moscow.".into()),
                PageBlock::Heading("What comes next".into()),
                PageBlock::Paragraph("Both sides said talks would go on.".into()),
            ]
        );
        for kept in [
            "Home World",
            "Share this story",
            "The envoys arrive.",
            "First!",
            "© The Daily",
        ] {
            assert!(
                page.debris.iter().any(|d| d.contains(kept)),
                "{kept}: {:?}",
                page.debris
            );
        }
        assert!(!page.debris.iter().any(|d| d.contains("not text")));
    }

    #[test]
    fn without_article_or_main_the_densest_paragraphs_win() {
        let page = extract(
            "<html><body><div id=menu><p>Menu</p></div>\
             <div><p>Short.</p></div>\
             <div class=story><p>One long paragraph of the report, with enough words to win.</p>\
             <p>And a second one.</p></div></body></html>",
        );
        assert_eq!(page.blocks.len(), 2, "{:?}", page.blocks);
        assert!(page.debris.iter().any(|d| d == "Menu"));
        assert!(page.debris.iter().any(|d| d == "Short."));
    }

    #[test]
    fn malformed_markup_loses_no_visible_text() {
        let page = extract("<p>Unclosed <b>bold <i>mixed</b> tags<p>Second & third<div>tail");
        let all: String = page
            .blocks
            .iter()
            .map(|b| match b {
                PageBlock::Heading(t) | PageBlock::Paragraph(t) => t.clone(),
            })
            .chain(page.debris.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        for word in [
            "Unclosed", "bold", "mixed", "tags", "Second", "&", "third", "tail",
        ] {
            assert!(all.contains(word), "{word}: {all}");
        }
        assert!(extract("").blocks.is_empty());
    }

    #[test]
    fn the_text_layout_reads_back_as_the_page() {
        let page = Page {
            title: Some("A\nheadline".into()),
            outlet: Some("Outlet".into()),
            blocks: vec![
                PageBlock::Paragraph("First.".into()),
                PageBlock::Heading("Part".into()),
            ],
            ..Page::default()
        };
        assert_eq!(
            to_text(&page),
            "---\nsource: Outlet\n---\nA headline\n\nFirst.\n\n## Part\n\n"
        );
    }
}
