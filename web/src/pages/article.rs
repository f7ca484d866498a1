//! `/article/<id>`: one article as a reader wants it: title, dateline,
//! headings and paragraphs with people, places, organisations and numbers
//! marked; a side panel lists them; web-page debris is out of the body but
//! can be revealed, so nothing from the file is hidden for good.

use std::rc::Rc;

use crosscheck_core::{Article, Span};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::browser::form::chosen;
use crate::components::annotated::{article_marks, format_value};
use crate::components::entity_list::EntityList;
use crate::components::marked::Marked;
use crate::components::share_button::ShareButton;
use crate::hooks::{use_corpus, use_search_query};
use crate::import::Importer;
use crate::pages::not_found::NotFoundPage;
use crate::state::ArticleRef;
use crosscheck_core::import::is_imported;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub id: String,
}

#[component]
pub fn ArticlePage(props: &ArticleProps) -> Html {
    let corpus = use_corpus();
    let importer = use_context::<Importer>();
    let navigator = use_navigator();
    let Some(article) = corpus.find(&props.id) else {
        if is_imported(&props.id) {
            let busy = importer.is_some_and(|i| i.state.phase.busy());
            return imported_elsewhere(busy);
        }
        return html! { <NotFoundPage /> };
    };
    // An article the reader imported can be taken out again.
    // While an import or removal runs, another removal would be ignored.
    let busy = importer.as_ref().is_some_and(|i| i.state.phase.busy());
    let remove = importer
        .filter(|_| is_imported(&article.id))
        .map(|importer| {
            let (id, title) = (article.id.clone(), article.title.clone());
            Callback::from(move |_: MouseEvent| {
                let sure = gloo_utils::window()
                    .confirm_with_message(&format!(
                        "Remove “{title}” from this browser? Your own file is not touched."
                    ))
                    .unwrap_or(false);
                if sure {
                    importer.remove.emit(vec![id.clone()]);
                    if let Some(nav) = navigator.as_ref() {
                        nav.push(&Route::Library);
                    }
                }
            })
        });
    html! {
        <div class="article-layout">
            <article class="article">
                <nav class="crumbs" aria-label="Breadcrumb">
                    <Link<Route> to={Route::Library}>{ "← Library" }</Link<Route>>
                </nav>
                { article_header(&article) }
                <div class="article-actions">
                    <ShareButton title={article.title.clone()} />
                    <CompareWith article={article.clone()} />
                    if let Some(remove) = remove {
                        <button type="button" class="button" data-testid="remove-article" onclick={remove} disabled={busy}>
                            { "Remove from this browser" }
                        </button>
                    }
                </div>
                <ArticleBody article={article.clone()} />
                { credits(&article) }
            </article>
            <aside class="article-aside" aria-label="In this article">
                <h2>{ "In this article" }</h2>
                <EntityList article={article.clone()} />
                <Numbers {article} />
            </aside>
        </div>
    }
}

/// The address names an imported article this browser does not hold:
/// still being restored, or imported in another browser.
fn imported_elsewhere(restoring: bool) -> Html {
    if restoring {
        return html! {
            <section class="not-found" data-testid="imported-restoring" aria-busy="true">
                <h1>{ "Bringing back your imported articles…" }</h1>
                <p>{ "This article was imported in this browser; it appears in a moment." }</p>
            </section>
        };
    }
    html! {
        <section class="not-found" data-testid="imported-elsewhere">
            <h1>{ "This article is not in this browser" }</h1>
            <p>{ "The link is to an article someone imported into Crosscheck in their own browser. Articles one imports stay on that device. To open it here, add the same file (or the export file it came with) in the library: it gets the same address." }</p>
            <p><Link<Route> to={Route::Library}>{ "Go to the library to add it" }</Link<Route>></p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleViewProps {
    article: ArticleRef,
}

/// Title, facts and file name. A function, not a component: it has no
/// state, is drawn once per article, and every component type adds a few
/// kilobytes of yew's lifecycle code to the download.
fn article_header(a: &Article) -> Html {
    let m = &a.metadata;
    let mut facts: Vec<String> = Vec::new();
    if let Some(source) = &m.source {
        facts.push(source.clone());
    }
    if let Some(author) = m.author.as_ref().or(a.byline.as_ref()) {
        facts.push(format!("by {author}"));
    }
    if let Some(date) = &m.date {
        facts.push(date.clone());
    }
    facts.push(format!("{} words", a.word_count));
    facts.push(format!("{} min read", a.reading_minutes()));
    html! {
        <header class="article-header">
            <h1 data-testid="article-title">{ &a.title }</h1>
            if a.title_inferred {
                <p class="badge" data-testid="title-inferred"
                   title="The file has no headline; this title is taken from the first sentence.">
                    { "Title inferred from the lede" }
                </p>
            }
            <p class="muted article-facts">{ facts.join(" · ") }</p>
            <p class="muted file-name">{ format!("File: {}", a.file) }</p>
        </header>
    }
}

#[component]
fn ArticleBody(props: &ArticleViewProps) -> Html {
    let corpus = use_corpus();
    let a = &props.article;
    // `?q=` (from a search result) marks the matching words.
    let q = use_search_query().q;
    let marks = use_memo((a.clone(), q), |(a, q)| -> Rc<[_]> {
        article_marks(a, &crate::search::body_highlights(&corpus, a, q)).into()
    });
    let body = use_memo(a.clone(), |a| AttrValue::from(a.body.clone()));
    // How much of the text is drawn: all of a news article; the start of
    // a book-length file, more on request (drawing 50 MB at once froze
    // the tab).
    let budget = use_state_eq(|| (a.id.clone(), first_budget(a)));
    let shown = if budget.0 == a.id {
        budget.1
    } else {
        first_budget(a)
    };
    let cut = floor_char_boundary(&a.body, shown);
    let more = {
        let (budget, id) = (budget.clone(), a.id.clone());
        Callback::from(move |_: MouseEvent| budget.set((id.clone(), shown.saturating_mul(4))))
    };
    let mut dateline_shown = false;
    // A `#p-N` in the address (a shared paragraph link) is scrolled to and
    // highlighted once the paragraphs exist.
    use_effect_with(a.id.clone(), |_| reveal_paragraph_from_hash());
    html! {
        <div class="article-body">
            { for a.blocks.iter().zip(a.paragraph_numbers())
                .take_while(|(block, _)| (block.span.start as usize) < cut)
                .map(|(block, number)| {
                let within = Span {
                    start: block.span.start,
                    end: block.span.end.min(cut as u32),
                };
                let text = html! {
                    <Marked text={(*body).clone()} {within} marks={(*marks).clone()} />
                };
                // Headings are the blocks without a paragraph number.
                match number {
                    None => html! { <h2 class="section-heading">{ text }</h2> },
                    Some(number) => {
                        let paragraph_number = number + 1;
                        let dateline = match (&a.dateline, dateline_shown) {
                            (Some(d), false) => {
                                dateline_shown = true;
                                html! { <span class="dateline" data-testid="dateline">{ d }{ " " }</span> }
                            }
                            _ => html! {},
                        };
                        let anchor = format!("p-{paragraph_number}");
                        let link = {
                            let anchor = anchor.clone();
                            Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                link_paragraph(&anchor);
                            })
                        };
                        html! {
                            <p id={anchor.clone()} class="para">
                                { dateline }{ text }
                                <a class="para-link" href={format!("#{anchor}")} onclick={link}
                                   aria-label={format!("Link to paragraph {paragraph_number}")}>{ "¶" }</a>
                            </p>
                        }
                    }
                }
            }) }
            if cut < a.body.len() {
                <p class="notice body-more" data-testid="body-more">
                    { format!("This file is long: the first {} of its {} are shown. ", megabytes(cut), megabytes(a.body.len())) }
                    <button type="button" class="button" onclick={more}>{ "Show more" }</button>
                </p>
            }
        </div>
    }
}

/// Bytes of article text drawn at first: far more than any news article.
const BODY_BYTES: usize = 400_000;

/// How much of `a` is drawn at first: [`BODY_BYTES`], or up to the end of
/// the paragraph the address points to (`#p-N`: a shared paragraph, or a
/// search result's passage) when it lies further.
fn first_budget(a: &Article) -> usize {
    let target = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| h.strip_prefix("#p-").and_then(|n| n.parse::<usize>().ok()));
    let end = target.and_then(|n| {
        a.blocks
            .iter()
            .zip(a.paragraph_numbers())
            .find(|(_, number)| *number == Some(n.saturating_sub(1)))
            .map(|(block, _)| block.span.end as usize)
    });
    end.map_or(BODY_BYTES, |end| end.max(BODY_BYTES))
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Sources, byline and the debris that was taken out of the body (a
/// function for the same reason as [`article_header`]).
fn credits(a: &Article) -> Html {
    let removed = a.boilerplate.len() + a.raw.credits.len();
    html! {
        <footer class="credits">
            if !a.sources.is_empty() {
                <p data-testid="sources"><strong>{ "Sources: " }</strong>{ a.sources.join(" · ") }</p>
            }
            if let Some(byline) = &a.byline {
                <p><strong>{ "Written by: " }</strong>{ byline }</p>
            }
            if removed > 0 {
                <details class="debris" data-testid="debris">
                    <summary>{ format!("Lines taken out of the article text ({removed})") }</summary>
                    <p class="muted">{ "Credit lines and web-page debris (comment forms, stray links) found in the file." }</p>
                    <ul>
                        { for a.raw.credits.iter().chain(&a.boilerplate).map(|line| html! { <li><code>{ line }</code></li> }) }
                    </ul>
                </details>
            }
        </footer>
    }
}

/// Numbers listed beside an article: every one of a news article, the
/// first of a file that states thousands.
const NUMBERS_SHOWN: usize = 200;

/// The numbers the article states, normalised, in reading order.
#[component]
fn Numbers(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    html! {
        <section class="numbers" data-testid="numbers">
            <h3>{ "Numbers" }</h3>
            if a.quantities.is_empty() {
                <p class="muted">{ "None stated" }</p>
            } else {
                <ul class="number-list">
                    { for a.quantities.iter().take(NUMBERS_SHOWN).map(|q| html! {
                        <li>
                            <span class="qty-text">{ &q.text }</span>
                            <span class="muted">
                                { format!(" {} {}", q.kind.as_str(), format_value(q.value, &q.unit)) }
                                { q.qualifier.as_ref().map(|x| format!(", {x}")).unwrap_or_default() }
                                { q.subject.as_ref().map(|x| format!(" · {x}")).unwrap_or_default() }
                            </span>
                        </li>
                    }) }
                    if a.quantities.len() > NUMBERS_SHOWN {
                        <li class="muted">{ format!("and {} more", a.quantities.len() - NUMBERS_SHOWN) }</li>
                    }
                </ul>
            }
        </section>
    }
}

/// Puts `#anchor` in the address without navigating (so "Copy link" shares
/// the paragraph) and highlights it. A plain `href="#p-N"` would resolve
/// against `<base href>` and leave the article.
fn link_paragraph(anchor: &str) {
    crate::components::anchor_link::set_fragment(&format!("#{anchor}"));
    highlight(anchor);
}

fn reveal_paragraph_from_hash() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(anchor) = hash.strip_prefix('#').filter(|h| h.starts_with("p-")) {
        highlight(anchor);
    }
}

/// Scrolls a paragraph into view and marks it as the target.
fn highlight(anchor: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(list) = document.query_selector_all(".para.targeted") {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            {
                el.class_list().remove_1("targeted").ok();
            }
        }
    }
    if let Some(el) = document.get_element_by_id(anchor) {
        el.class_list().add_1("targeted").ok();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// "Compare with…": the other articles, most similar first.
#[component]
fn CompareWith(props: &ArticleViewProps) -> Html {
    let navigator = use_navigator();
    let corpus = use_corpus();
    let a = &props.article;
    let others = corpus.nearest(a);
    if others.is_empty() {
        return html! {};
    }
    let id = a.id.clone();
    let onchange = Callback::from(move |e: Event| {
        let Some(other) = chosen(&e) else {
            return;
        };
        if let Some(nav) = navigator.as_ref() {
            nav.push(&Route::Compare {
                a: id.clone(),
                b: other,
            });
        }
    });
    html! {
        <label class="picker">
            <span class="visually-hidden">{ "Compare with another article" }</span>
            <select data-testid="compare-with" {onchange}>
                <option value="" selected=true>{ "Compare with…" }</option>
                { for others.iter().map(|(o, s)| html! {
                    <option value={o.id.clone()}>{ format!("{} ({:.0}% similar)", o.title, s * 100.0) }</option>
                }) }
            </select>
        </label>
    }
}
