//! The bridge between the search engine in `crosscheck-core` and the views:
//! runs a query on the corpus's index and turns the engine's results into
//! plain view data (paragraph numbers instead of block indexes, marks
//! instead of char ranges, facets by the filter field that narrows to them).

use std::rc::Rc;

use crosscheck_core::search::query::FilterField;
use crosscheck_core::search::{SearchOptions, SearchResults};
use crosscheck_core::{Article, Span};
use yew::AttrValue;

use crate::components::marked::{char_marks, Mark};
use crate::state::Corpus;

/// Results as the search page shows them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchView {
    pub total: usize,
    pub hits: Vec<HitView>,
    pub facets: Rc<[FacetView]>,
    /// A corrected query when nothing matched.
    pub suggestion: Option<String>,
    /// How the query was read, when the reader should know (unclosed quote…).
    pub notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HitView {
    pub id: String,
    pub title: AttrValue,
    pub title_marks: Rc<[Mark]>,
    pub matches: u32,
    pub snippets: Vec<SnippetView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SnippetView {
    pub text: AttrValue,
    /// The matched words, as spans of `text`.
    pub marks: Rc<[Mark]>,
    /// Zero-based paragraph number (`#p-{n+1}`), None for a heading.
    pub paragraph: Option<usize>,
    pub truncated_start: bool,
    pub truncated_end: bool,
}

/// A facet chip: `field` is the query filter that narrows to it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetView {
    pub field: FilterField,
    pub name: String,
    pub count: u32,
}

/// Results shown at first, and added by each "Show more": about a screen,
/// so each keystroke computes passages only for what the reader can see.
pub const PAGE_SIZE: usize = 10;

/// Options for searching as the reader types: the last word is a prefix.
/// Facets keep the engine's own limit per kind.
fn options(limit: usize) -> SearchOptions {
    SearchOptions {
        typing: true,
        limit,
        ..SearchOptions::default()
    }
}

/// Runs `q` on the corpus: the best `limit` hits with their passages, the
/// total and the facets over every match; of the reader's own articles
/// alone when `imported_only`. `None` while the corpus's index is built.
pub fn run(corpus: &Corpus, q: &str, limit: usize, imported_only: bool) -> Option<SearchView> {
    let options = SearchOptions {
        imported_only,
        ..options(limit)
    };
    Some(view(corpus.articles(), corpus.search(q, &options)?))
}

/// Byte spans of the article's body that match `q`, for marking terms on
/// the article page.
pub fn body_highlights(corpus: &Corpus, article: &Article, q: &str) -> Vec<Span> {
    if q.trim().is_empty() {
        return Vec::new();
    }
    corpus.highlights(article, q, &options(PAGE_SIZE))
}

fn view(articles: &[Article], r: SearchResults) -> SearchView {
    let hits = r
        .hits
        .into_iter()
        .map(|h| {
            let article = articles.get(h.doc as usize);
            HitView {
                snippets: h
                    .snippets
                    .into_iter()
                    .map(|s| SnippetView {
                        paragraph: article.and_then(|a| a.paragraph_number(s.block as usize)),
                        marks: char_marks(&s.text, &s.highlights),
                        text: s.text.into(),
                        truncated_start: s.truncated_start,
                        truncated_end: s.truncated_end,
                    })
                    .collect(),
                id: h.id,
                title_marks: char_marks(&h.title, &h.title_highlights),
                title: h.title.into(),
                matches: h.match_count,
            }
        })
        .collect();
    let f = &r.facets;
    let facets = [
        (FilterField::Person, &f.people),
        (FilterField::Place, &f.places),
        (FilterField::Organization, &f.organizations),
        (FilterField::Source, &f.sources),
    ]
    .into_iter()
    .flat_map(|(field, list)| {
        list.iter().map(move |c| FacetView {
            field,
            name: c.name.clone(),
            count: c.count,
        })
    })
    .collect();
    let notice = r
        .notices
        .iter()
        .filter(|n| {
            !matches!(
                n,
                crosscheck_core::search::Notice::NoMatch
                    | crosscheck_core::search::Notice::EmptyQuery
            )
        })
        .map(|n| {
            let mut s = n.to_string();
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            s + "."
        })
        .collect::<Vec<_>>();
    SearchView {
        total: r.total,
        hits,
        facets,
        suggestion: r.suggestions.into_iter().next(),
        notice: (!notice.is_empty()).then(|| notice.join(" ")),
    }
}
