//! `/article/<id>`: one article as a reader wants it: title, dateline,
//! headings and paragraphs with people, places, organisations and numbers
//! marked; a side panel lists them; web-page debris is out of the body but
//! can be revealed, so nothing from the file is hidden for good.

use std::rc::Rc;

use crosscheck_core::{Article, BlockKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::annotated::{article_marks, format_value, Annotated};
use crate::components::entity_list::EntityList;
use crate::components::share_button::ShareButton;
use crate::corpus;
use crate::pages::not_found::NotFoundPage;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub id: String,
}

#[component]
pub fn ArticlePage(props: &ArticleProps) -> Html {
    let Some(article) = corpus::find(&props.id) else {
        return html! { <NotFoundPage /> };
    };
    html! {
        <div class="article-layout">
            <article class="article">
                <nav class="crumbs" aria-label="Breadcrumb">
                    <Link<Route> to={Route::Library}>{ "← Library" }</Link<Route>>
                </nav>
                <ArticleHeader {article} />
                <ShareButton title={article.title.clone()} />
                <ArticleBody {article} />
                <Credits {article} />
            </article>
            <aside class="article-aside" aria-label="In this article">
                <h2>{ "In this article" }</h2>
                <EntityList {article} />
                <Numbers {article} />
            </aside>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleViewProps {
    article: &'static Article,
}

#[component]
fn ArticleHeader(props: &ArticleViewProps) -> Html {
    let a = props.article;
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
    let a = props.article;
    let marks = use_memo(a.id.clone(), |_| Rc::new(article_marks(a)));
    let body: AttrValue = AttrValue::Static(a.body.as_str());
    let mut paragraph_number = 0;
    let mut dateline_shown = false;
    // A `#p-N` in the address (a shared paragraph link) is scrolled to and
    // highlighted once the paragraphs exist.
    use_effect_with(a.id.clone(), |_| reveal_paragraph_from_hash());
    html! {
        <div class="article-body">
            { for a.blocks.iter().map(|block| {
                let text = html! {
                    <Annotated body={body.clone()} span={block.span} marks={(*marks).clone()} />
                };
                match block.kind {
                    BlockKind::Heading => html! { <h2 class="section-heading">{ text }</h2> },
                    BlockKind::Paragraph => {
                        paragraph_number += 1;
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
        </div>
    }
}

/// Sources, byline and the debris that was taken out of the body.
#[component]
fn Credits(props: &ArticleViewProps) -> Html {
    let a = props.article;
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

/// The numbers the article states, normalised, in reading order.
#[component]
fn Numbers(props: &ArticleViewProps) -> Html {
    let a = props.article;
    html! {
        <section class="numbers" data-testid="numbers">
            <h3>{ "Numbers" }</h3>
            if a.quantities.is_empty() {
                <p class="muted">{ "None stated" }</p>
            } else {
                <ul class="number-list">
                    { for a.quantities.iter().map(|q| html! {
                        <li>
                            <span class="qty-text">{ &q.text }</span>
                            <span class="muted">
                                { format!(" {} {}", q.kind.as_str(), format_value(q.value, &q.unit)) }
                                { q.qualifier.as_ref().map(|x| format!(", {x}")).unwrap_or_default() }
                                { q.subject.as_ref().map(|x| format!(" · {x}")).unwrap_or_default() }
                            </span>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// Puts `#anchor` in the address without navigating (so "Copy link" shares
/// the paragraph) and highlights it. A plain `href="#p-N"` would resolve
/// against `<base href>` and leave the article.
fn link_paragraph(anchor: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}#{anchor}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .ok();
    }
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
