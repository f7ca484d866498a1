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
                        html! {
                            <p id={format!("p-{paragraph_number}")} class="para">{ dateline }{ text }</p>
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
