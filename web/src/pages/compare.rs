//! `/compare/<a>/<b>`: two reports side by side.
//!
//! Rows come from the alignment: sentences that report the same thing sit
//! in the same row, so the columns scroll together by construction. Words
//! both use are highlighted; sentences only one side reports are marked.
//! The side panel lists the entities in both or one, the quotes by speaker
//! and the numbers the two disagree on, each linking to its sentences.
//! On a narrow screen each row stacks left above right.

use std::collections::HashMap;
use std::rc::Rc;

use crosscheck_core::compare::{Comparison, EntityCount, SentenceKind};
use crosscheck_core::{Article, Span};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::browser::form::{chosen, value_of};
use crate::components::annotated::format_value;
use crate::components::entity_list::entity_class;
use crate::components::marked::{Mark, Marked};
use crate::components::share_button::ShareButton;
use crate::hooks::use_corpus;
use crate::pages::not_found::NotFoundPage;
use crate::pages::synopsis;
use crate::state::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub a: String,
    pub b: String,
}

#[component]
pub fn ComparePage(props: &CompareProps) -> Html {
    // Hooks first, on every render: the lookup is part of the memo, and
    // not-found is decided after it.
    let corpus = use_corpus();
    let pair = use_memo(
        (corpus, props.a.clone(), props.b.clone()),
        |(corpus, x, y)| {
            let (a, b) = (corpus.find(x)?, corpus.find(y)?);
            let c = corpus.bundle().compare(x, y).ok()?;
            Some((a, b, Rc::new(c)))
        },
    );
    let Some((a, b, c)) = (*pair).clone() else {
        return html! { <NotFoundPage /> };
    };
    html! {
        <section class="compare-page">
            <h1 class="compare-title">{ "Compare two reports" }</h1>
            <Pickers a={a.clone()} b={b.clone()} />
            { summary(&c) }
            <div class="compare-layout">
                <Columns a={a.clone()} b={b.clone()} c={c.clone()} />
                <SidePanel {a} {b} {c} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PairProps {
    a: ArticleRef,
    b: ArticleRef,
}

/// Change either article in place, or swap them.
#[component]
fn Pickers(props: &PairProps) -> Html {
    let navigator = use_navigator();
    let corpus = use_corpus();
    let articles = corpus.articles();
    let pick = |left: bool| {
        let navigator = navigator.clone();
        let (a, b) = (props.a.id.clone(), props.b.id.clone());
        Callback::from(move |e: Event| {
            let Some(id) = value_of(&e) else {
                return;
            };
            let route = if left {
                Route::Compare {
                    a: id,
                    b: b.clone(),
                }
            } else {
                Route::Compare {
                    a: a.clone(),
                    b: id,
                }
            };
            if let Some(nav) = navigator.as_ref() {
                nav.push(&route);
            }
        })
    };
    // A third report turns the pair into a synopsis of the three.
    let add = {
        let navigator = navigator.clone();
        let (a, b) = (props.a.id.clone(), props.b.id.clone());
        Callback::from(move |e: Event| {
            let Some(id) = chosen(&e) else {
                return;
            };
            if let Some(nav) = navigator.as_ref() {
                synopsis::open(
                    nav,
                    &synopsis::segment([a.as_str(), b.as_str(), id.as_str()]),
                    &Default::default(),
                );
            }
        })
    };
    let select = |left: bool, current: &str| {
        let label = if left {
            "Left article"
        } else {
            "Right article"
        };
        let id = if left { "pick-left" } else { "pick-right" };
        html! {
            <label class="picker">
                <span class="muted">{ label }</span>
                <select id={id} data-testid={id} onchange={pick(left)}>
                    { for articles.iter().map(|x| html! {
                        <option value={x.id.clone()} selected={x.id == current}>{ &x.title }</option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <div class="pickers">
            { select(true, &props.a.id) }
            <Link<Route> to={Route::Compare { a: props.b.id.clone(), b: props.a.id.clone() }}
                classes="button swap">{ "⇄ Swap" }</Link<Route>>
            { select(false, &props.b.id) }
            <label class="picker">
                <span class="muted">{ "Add a third report" }</span>
                <select data-testid="compare-add" onchange={add}>
                    <option value="" selected=true>{ "Read them fact by fact…" }</option>
                    { for articles.iter().filter(|x| x.id != props.a.id && x.id != props.b.id).map(|x| html! {
                        <option value={x.id.clone()}>{ &x.title }</option>
                    }) }
                </select>
            </label>
            <ShareButton title={format!("Crosscheck: {} vs {}", props.a.title, props.b.title)} />
        </div>
    }
}

/// The similarity and what the legend's colours count. A function, not a
/// component: it has no state, and every component type adds a few
/// kilobytes of yew's lifecycle code to the download.
fn summary(c: &Comparison) -> Html {
    let s = &c.similarity;
    let count = |kinds: &[SentenceKind], k: SentenceKind| kinds.iter().filter(|&&x| x == k).count();
    let al = &c.alignment;
    html! {
        <div class="compare-summary" data-testid="compare-summary">
            <p>
                <strong>{ format!("Similarity {:.0}%", s.similarity * 100.0) }</strong>
                <span class="muted">{ format!(" · wording {:.0}% · people, places and organisations {:.0}% · reported by both {:.0}%",
                    s.terms * 100.0, s.entities * 100.0, s.coverage * 100.0) }</span>
            </p>
            <p class="legend">
                <span class="key shared">{ format!("{} + {} shared", count(&al.a, SentenceKind::Shared), count(&al.b, SentenceKind::Shared)) }</span>
                <span class="key related">{ format!("{} + {} related", count(&al.a, SentenceKind::Related), count(&al.b, SentenceKind::Related)) }</span>
                <span class="key unique">{ format!("{} only left · {} only right", count(&al.a, SentenceKind::Unique), count(&al.b, SentenceKind::Unique)) }</span>
                <span class="key"><mark class="common">{ "words both use" }</mark></span>
                if !c.disagreements.is_empty() {
                    <span class="key disagree">{ format!("{} disagreement{}", c.disagreements.len(), if c.disagreements.len() == 1 { "" } else { "s" }) }</span>
                }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ColumnsProps {
    a: ArticleRef,
    b: ArticleRef,
    c: Rc<Comparison>,
}

/// The two columns. Each column is one element (`compare-left`,
/// `compare-right`) whose rows line up with the other's through a CSS
/// subgrid; the row count is set through the CSSOM, which the page's
/// Content-Security-Policy allows (inline style attributes it does not).
#[component]
fn Columns(props: &ColumnsProps) -> Html {
    let c = &props.c;
    let rows = use_memo(c.clone(), |c| c.alignment.rows());
    let grid = use_node_ref();
    let bodies = use_memo((props.a.clone(), props.b.clone()), |(a, b)| {
        (
            AttrValue::from(a.body.clone()),
            AttrValue::from(b.body.clone()),
        )
    });
    {
        let grid = grid.clone();
        let n = rows.len().max(1);
        use_effect_with((n, c.a.clone(), c.b.clone()), move |(n, _, _)| {
            if let Some(el) = grid.cast::<web_sys::HtmlElement>() {
                el.style().set_property("--rows", &n.to_string()).ok();
                order_for_narrow_screens(&el);
            }
        });
    }
    // Words both use, per sentence, from every pair the sentence is in.
    let mut common_a: HashMap<u32, Vec<Span>> = HashMap::new();
    let mut common_b: HashMap<u32, Vec<Span>> = HashMap::new();
    for p in &c.alignment.pairs {
        common_a
            .entry(p.a_sentence)
            .or_default()
            .extend(&p.common.a);
        common_b
            .entry(p.b_sentence)
            .or_default()
            .extend(&p.common.b);
    }
    let disagree_a: Vec<u32> = c
        .disagreements
        .iter()
        .filter_map(|d| d.a.sentence)
        .collect();
    let disagree_b: Vec<u32> = c
        .disagreements
        .iter()
        .filter_map(|d| d.b.sentence)
        .collect();
    let column = |side: &'static str,
                  article: &Article,
                  body: &AttrValue,
                  kinds: &[SentenceKind],
                  common: &HashMap<u32, Vec<Span>>,
                  disagree: &[u32]| {
        html! {
            <div class={classes!("column", side)} data-testid={format!("compare-{side}")}>
                <h2 class="column-title">
                    <Link<Route> to={Route::Article { id: article.id.clone() }}>{ &article.title }</Link<Route>>
                </h2>
                { for rows.iter().enumerate().map(|(r, row)| {
                    let range = if side == "left" { row.a.clone() } else { row.b.clone() };
                    html! {
                        <div class={classes!("cell", row.aligned.then_some("aligned"))} data-row={r.to_string()}>
                            { for range.map(|i| sentence(side, article, body, i, kinds, common, disagree)) }
                        </div>
                    }
                }) }
            </div>
        }
    };
    html! {
        <div class="columns" ref={grid}>
            { column("left", &props.a, &bodies.0, &c.alignment.a, &common_a, &disagree_a) }
            { column("right", &props.b, &bodies.1, &c.alignment.b, &common_b, &disagree_b) }
        </div>
    }
}

/// On a narrow screen the two columns become one list of stacked pairs
/// (row 1 left, row 1 right, row 2 left, …). The stylesheet flattens the
/// columns; this gives every cell its place in that order through the CSSOM.
fn order_for_narrow_screens(grid: &web_sys::HtmlElement) {
    let Ok(cells) = grid.query_selector_all(".cell") else {
        return;
    };
    for i in 0..cells.length() {
        let Some(cell) = cells
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let row: usize = cell
            .get_attribute("data-row")
            .and_then(|r| r.parse().ok())
            .unwrap_or(0);
        let right = cell.closest(".column.right").ok().flatten().is_some();
        let order = 2 + 2 * row + usize::from(right);
        cell.style()
            .set_property("--narrow-order", &order.to_string())
            .ok();
    }
}

/// One sentence with the words the other side also uses marked.
fn sentence(
    side: &str,
    article: &Article,
    body: &AttrValue,
    i: u32,
    kinds: &[SentenceKind],
    common: &HashMap<u32, Vec<Span>>,
    disagree: &[u32],
) -> Html {
    let Some(s) = article.sentences.get(i as usize) else {
        return html! {};
    };
    let kind = match kinds.get(i as usize) {
        Some(SentenceKind::Shared) => "shared",
        Some(SentenceKind::Related) => "related",
        _ => "unique",
    };
    let mut spans: Vec<Span> = common.get(&i).cloned().unwrap_or_default();
    spans.sort();
    spans.dedup();
    let marks: Rc<[Mark]> = spans
        .into_iter()
        .map(|sp| Mark::highlight(sp, "common"))
        .collect();
    let title = match kind {
        "shared" => "Both report this in near-identical words",
        "related" => "Both report this, in other words",
        _ => "Only this article reports this",
    };
    html! {
        <span id={format!("{side}-s-{i}")} class={classes!("sentence", kind, disagree.contains(&i).then_some("disagree"))} {title}>
            <Marked text={body.clone()} within={s.span} {marks} />{ " " }
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct SideProps {
    a: ArticleRef,
    b: ArticleRef,
    c: Rc<Comparison>,
}

#[component]
fn SidePanel(props: &SideProps) -> Html {
    let c = &props.c;
    html! {
        <aside class="compare-aside" data-testid="compare-panel" aria-label="What they share and where they differ">
            <section data-testid="disagreements">
                <h2>{ "Where they disagree" }</h2>
                if c.disagreements.is_empty() {
                    <p class="muted">{ "No conflicting numbers found." }</p>
                } else {
                    <ul class="disagreements">
                        { for c.disagreements.iter().map(|d| {
                            let (sa, sb) = (d.a.sentence, d.b.sentence);
                            let jump = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                if let Some(i) = sa { reveal(&format!("left-s-{i}")); }
                                if let Some(j) = sb { reveal(&format!("right-s-{j}")); }
                            });
                            let side = |q: &crosscheck_core::compare::QuantityRef| format!(
                                "“{}” ({}{})", q.text, format_value(q.value, &q.unit),
                                q.qualifier.as_ref().map(|x| format!(", {x}")).unwrap_or_default());
                            html! {
                                <li class="disagreement">
                                    <strong>{ d.subject.clone().unwrap_or_else(|| d.kind.as_str().to_owned()) }</strong>
                                    <div>{ "Left: " }{ side(&d.a) }</div>
                                    <div>{ "Right: " }{ side(&d.b) }</div>
                                    <button type="button" onclick={jump} class="button jump">{ "Show both sentences" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            <section data-testid="entities-compare">
                <h2>{ "People, places, organisations" }</h2>
                { entity_group("In both", &c.entities.both, "both") }
                { entity_group("Only left", &c.entities.only_a, "only-left") }
                { entity_group("Only right", &c.entities.only_b, "only-right") }
            </section>
            <Quotes a={props.a.clone()} b={props.b.clone()} c={c.clone()} />
        </aside>
    }
}

fn entity_group(heading: &str, list: &[EntityCount], id: &str) -> Html {
    html! {
        <div class="entity-group" data-testid={format!("entities-{id}")}>
            <h3>{ format!("{heading} ({})", list.len()) }</h3>
            <ul class="chips">
                { for list.iter().map(|e| html! {
                    <li class={classes!("chip", entity_class(e.kind))} title={format!("{} mention(s) left, {} right", e.a_mentions, e.b_mentions)}>
                        { &e.name }
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[component]
fn Quotes(props: &SideProps) -> Html {
    let c = &props.c;
    let q = &c.quotes;
    if q.a.is_empty() && q.b.is_empty() {
        return html! {
            <section data-testid="quotes"><h2>{ "Quotes" }</h2><p class="muted">{ "Neither quotes anyone." }</p></section>
        };
    }
    let list = |side: &str,
                article: &Article,
                groups: &[crosscheck_core::compare::SpeakerQuotes],
                matched: &dyn Fn(u32) -> bool| {
        html! {
            <div>
                <h3>{ side }</h3>
                { for groups.iter().map(|g| html! {
                    <div class="speaker">
                        <strong>{ g.speaker.clone().unwrap_or_else(|| "Unattributed".into()) }</strong>
                        <ul>
                            { for g.quotes.iter().filter_map(|&i| article.quotes.get(i as usize).map(|x| (i, x))).map(|(i, x)| html! {
                                <li class={classes!(matched(i).then_some("matched"))}>{ format!("“{}”", x.text) }
                                    if matched(i) { <span class="badge">{ "both" }</span> }
                                </li>
                            }) }
                        </ul>
                    </div>
                }) }
            </div>
        }
    };
    let in_a = |i: u32| {
        q.matches
            .iter()
            .any(|m| m.a == i && m.kind == crosscheck_core::compare::QuoteMatchKind::SameQuote)
    };
    let in_b = |i: u32| {
        q.matches
            .iter()
            .any(|m| m.b == i && m.kind == crosscheck_core::compare::QuoteMatchKind::SameQuote)
    };
    html! {
        <section data-testid="quotes">
            <h2>{ "Quotes" }</h2>
            { list("Left", &props.a, &q.a, &in_a) }
            { list("Right", &props.b, &q.b, &in_b) }
        </section>
    }
}

/// Scrolls a sentence into view and flashes it.
fn reveal(id: &str) {
    let Some(el) = gloo_utils::document().get_element_by_id(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    el.class_list().add_1("flash").ok();
    let el2 = el.clone();
    gloo_timers::callback::Timeout::new(2000, move || {
        el2.class_list().remove_1("flash").ok();
    })
    .forget();
}
