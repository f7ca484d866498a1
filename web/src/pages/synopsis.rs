//! `/synopsis/<id>,<id>,…`: several reports of one story, fact by fact.
//!
//! One column per article (in the order the address gives them), one row
//! per fact: the sentences that report the same thing, as the pairwise
//! view aligns them (`Bundle::synopsis`). Each row counts how many of the
//! reports carry it and flags numbers that disagree; the flag opens the
//! sentences side by side. Which facts are shown (all, reported by every
//! article, by several, by one, with disagreements) and their order (first
//! appearance or coverage) are in the query string, so the address
//! reopens exactly this view.
//!
//! Rows are reached with the keyboard (↓/↑ or j/k move between facts). On
//! a narrow screen each fact becomes a card listing its sentences, and
//! printing drops the controls (see `styles/app.css`).

use std::collections::BTreeSet;
use std::rc::Rc;

use crosscheck_core::compare::synopsis::{Fact, FactDisagreement, Synopsis, MAX_ARTICLES};
use crosscheck_core::{Article, Span};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{href, Route};
use crate::browser::form::chosen;
use crate::browser::paint::after_paint;
use crate::components::annotated::format_value;
use crate::components::marked::{Mark, Marked};
use crate::components::share_button::ShareButton;
use crate::hooks::use_corpus;
use crate::state::{ArticleRef, Corpus};

/// Fact rows drawn at first, and added by each "Show more facts".
const FACTS_PAGE: usize = 25;

/// The synopsis's query: which facts are shown and in what order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SynopsisParams {
    /// `all` (every article reports it), `several` (two or more), `one`,
    /// `disagree`; anything else shows every fact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub show: String,
    /// `coverage` puts the most widely reported facts first; anything else
    /// keeps the order of first appearance.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub order: String,
}

/// The path segment naming `ids`: comma-separated, order kept.
pub fn segment<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter().collect::<Vec<_>>().join(",")
}

/// The address of a synopsis, with its commas as commas. The router
/// percent-encodes them (`%2C`) in the paths it writes; it reads both
/// forms, but a reader copying the link should see the ids.
pub fn address(ids: &str, params: &SynopsisParams) -> String {
    let mut out = href(
        &Route::Synopsis {
            ids: ids.to_owned(),
        },
        None,
        "",
    )
    .replace("%2C", ",");
    use yew_router::query::ToQuery;
    if let Ok(q) = params.to_query() {
        if !q.is_empty() {
            out.push('?');
            out.push_str(&q);
        }
    }
    out
}

/// Opens the synopsis of `ids` (a [`segment`]) as a new history entry, the
/// address written with commas.
pub fn open(navigator: &Navigator, ids: &str, params: &SynopsisParams) {
    let route = Route::Synopsis {
        ids: ids.to_owned(),
    };
    if navigator.push_with_query(&route, params).is_err() {
        navigator.push(&route);
    }
    if let Ok(history) = gloo_utils::window().history() {
        history
            .replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&address(ids, params)),
            )
            .ok();
    }
}

#[derive(Properties, PartialEq)]
pub struct SynopsisLinkProps {
    /// A [`segment`]: the ids, comma-separated.
    pub ids: AttrValue,
    #[prop_or_default]
    pub params: SynopsisParams,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a synopsis: a real `href` (copying, middle-click and "open in
/// new tab" work) and, on a plain click, [`open`].
#[component]
pub fn SynopsisLink(props: &SynopsisLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let (ids, params) = (props.ids.clone(), props.params.clone());
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return; // Let the browser open a new tab or window.
            }
            if let Some(nav) = navigator.as_ref() {
                e.prevent_default();
                open(nav, &ids, &params);
            }
        })
    };
    html! {
        <a href={address(&props.ids, &props.params)} class={props.classes.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}

/// Which facts a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Show {
    Every,
    All,
    Several,
    One,
    Disagree,
}

impl Show {
    const CHOICES: [(Show, &'static str, &'static str); 5] = [
        (Show::Every, "", "All facts"),
        (Show::All, "all", "Reported by all"),
        (Show::Several, "several", "By two or more"),
        (Show::One, "one", "By one only"),
        (Show::Disagree, "disagree", "Numbers differ"),
    ];

    fn parse(value: &str) -> Show {
        Show::CHOICES
            .iter()
            .find(|c| !c.1.is_empty() && c.1 == value)
            .map_or(Show::Every, |c| c.0)
    }

    fn keeps(self, fact: &Fact, n: usize) -> bool {
        let k = fact.sentences.len();
        match self {
            Show::Every => true,
            Show::All => k == n,
            Show::Several => k >= 2,
            Show::One => k == 1,
            Show::Disagree => !fact.disagreements.is_empty(),
        }
    }
}

/// The articles the address names, and what could not be used of it.
struct Chosen {
    articles: Vec<ArticleRef>,
    /// Ids that are malformed or not in this corpus.
    unknown: Vec<String>,
    /// Known ids past [`MAX_ARTICLES`], left out.
    over: usize,
    /// Their bodies, as the text the cells cut sentences from.
    bodies: Vec<AttrValue>,
}

impl Chosen {
    /// Known ids in the order given, each once, at most [`MAX_ARTICLES`].
    fn read(corpus: &Corpus, ids: &str) -> Chosen {
        let mut articles: Vec<ArticleRef> = Vec::new();
        let mut unknown = Vec::new();
        let mut over = 0;
        for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match corpus.find(id) {
                Some(a) if articles.iter().any(|x| x.index() == a.index()) => {}
                Some(_) if articles.len() == MAX_ARTICLES => over += 1,
                Some(a) => articles.push(a),
                None => unknown.push(id.chars().take(80).collect()),
            }
        }
        let bodies = articles
            .iter()
            .map(|a| AttrValue::from(a.body.clone()))
            .collect();
        Chosen {
            articles,
            bodies,
            unknown,
            over,
        }
    }

    fn ids(&self) -> Vec<&str> {
        self.articles.iter().map(|a| a.id.as_str()).collect()
    }
}

#[derive(Properties, PartialEq)]
pub struct SynopsisProps {
    /// The path segment: article ids, comma-separated.
    pub ids: String,
}

#[component]
pub fn SynopsisPage(props: &SynopsisProps) -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let params = location
        .and_then(|l| l.query::<SynopsisParams>().ok())
        .unwrap_or_default();
    let chosen = use_memo((corpus.clone(), props.ids.clone()), |(corpus, ids)| {
        Chosen::read(corpus, ids)
    });
    // The synopsis, computed after the page has painted its heading and a
    // status (see `browser::paint`); at once when it is the last one shown.
    let key = chosen.ids().join(",");
    let computed = use_state(|| None::<(String, Rc<Synopsis>)>);
    {
        let (computed, corpus, chosen) = (computed.clone(), corpus.clone(), chosen.clone());
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            if chosen.articles.len() >= 2 && corpus.cached_synopsis(&chosen.ids()).is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    after_paint().await;
                    if let Some(s) = corpus.synopsis(&chosen.ids()) {
                        computed.set(Some((key, s)));
                    }
                });
            }
        });
    }
    let synopsis = corpus.cached_synopsis(&chosen.ids()).or_else(|| {
        computed
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
    });
    let n = chosen.articles.len();
    html! {
        <section class="synopsis-page">
            <h1>{ format!("Synopsis of {n} report{}", if n == 1 { "" } else { "s" }) }</h1>
            if !chosen.unknown.is_empty() {
                <p class="notice" role="alert" data-testid="synopsis-unknown">
                    { format!("Not in this corpus, so left out: {}.", chosen.unknown.join(", ")) }
                </p>
            }
            if chosen.over > 0 {
                <p class="notice" role="status">
                    { format!("A synopsis reads at most {MAX_ARTICLES} reports; the last {} named in the address are left out.", chosen.over) }
                </p>
            }
            if n < 2 {
                <p role="status">
                    { "A synopsis needs at least two articles of this corpus. " }
                    <Link<Route> to={Route::Library}>{ "Tick them in the library" }</Link<Route>>
                    { "." }
                </p>
            } else if let Some(s) = synopsis {
                { summary(&s, n) }
                <Controls chosen_ids={key.clone()} params={params.clone()} />
                <Table chosen={chosen.clone()} synopsis={s} {params} />
            } else {
                <p role="status" aria-busy="true" data-testid="synopsis-working">
                    { format!("Reading the {n} reports sentence by sentence…") }
                </p>
            }
        </section>
    }
}

/// How many facts each filter holds: the row counts a reader decides by.
/// A function, not a component: it has no state of its own.
fn summary(s: &Synopsis, n: usize) -> Html {
    let [facts, all, several, one, disagree] =
        Show::CHOICES.map(|(show, _, _)| s.facts.iter().filter(|f| show.keeps(f, n)).count());
    html! {
        <p class="synopsis-summary" data-testid="synopsis-summary">
            { format!("{facts} facts: {all} reported by all {n}, {several} by two or more, {one} by one only") }
            if disagree > 0 {
                { "; " }<strong class="disagree-count">{ format!("{disagree} with numbers that differ") }</strong>
            }
            { "." }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ControlsProps {
    chosen_ids: String,
    params: SynopsisParams,
}

/// Filter and order, as links (the state is the address), then adding a
/// report and sharing.
#[component]
fn Controls(props: &ControlsProps) -> Html {
    let corpus = use_corpus();
    let navigator = use_navigator();
    let ids_segment = AttrValue::from(props.chosen_ids.clone());
    let show = Show::parse(&props.params.show);
    let link = |params: SynopsisParams, current: bool, label: String, testid: String| {
        html! {
            <SynopsisLink ids={ids_segment.clone()} {params}
                classes={classes!("button", "toggle", current.then_some("current"))}>
                <span data-testid={testid} aria-current={current.then_some("true")}>{ label }</span>
            </SynopsisLink>
        }
    };
    let ids: Vec<String> = props.chosen_ids.split(',').map(str::to_owned).collect();
    let full = ids.len() >= MAX_ARTICLES;
    let add = {
        let ids = ids.clone();
        let params = props.params.clone();
        Callback::from(move |e: Event| {
            let Some(id) = chosen(&e) else {
                return;
            };
            if let Some(nav) = navigator.as_ref() {
                open(
                    nav,
                    &segment(ids.iter().map(String::as_str).chain([id.as_str()])),
                    &params,
                );
            }
        })
    };
    // Reports most like the first chosen one come first in the list: they
    // are the likeliest other reports of the story.
    let similar: Vec<ArticleRef> = corpus
        .find(&ids[0])
        .map(|first| corpus.nearest(&first))
        .unwrap_or_default()
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| !ids.contains(&a.id))
        .take(10)
        .collect();
    let others: Vec<&Article> = corpus
        .articles()
        .iter()
        .filter(|a| !ids.contains(&a.id))
        .collect();
    html! {
        <div class="synopsis-controls">
            <nav class="segmented" aria-label="Which facts to show">
                { for Show::CHOICES.iter().map(|&(s, value, label)| link(
                    SynopsisParams { show: value.to_owned(), order: props.params.order.clone() },
                    s == show, label.to_owned(), format!("synopsis-show-{}", if value.is_empty() { "every" } else { value }),
                )) }
            </nav>
            <nav class="segmented" aria-label="Order of the facts">
                { link(SynopsisParams { show: props.params.show.clone(), order: String::new() },
                    props.params.order != "coverage", "In story order".to_owned(), "synopsis-order-first".to_owned()) }
                { link(SynopsisParams { show: props.params.show.clone(), order: "coverage".to_owned() },
                    props.params.order == "coverage", "Most reported first".to_owned(), "synopsis-order-coverage".to_owned()) }
            </nav>
            if !full && !others.is_empty() {
                <label class="picker">
                    <span class="muted">{ "Add a report" }</span>
                    <select data-testid="synopsis-add" onchange={add}>
                        <option value="" selected=true>{ "Choose an article…" }</option>
                        if !similar.is_empty() {
                            <optgroup label="Most similar">
                                { for similar.iter().map(|a| html! { <option value={a.id.clone()}>{ &a.title }</option> }) }
                            </optgroup>
                        }
                        <optgroup label="All articles">
                            { for others.iter().map(|a| html! { <option value={a.id.clone()}>{ &a.title }</option> }) }
                        </optgroup>
                    </select>
                </label>
            }
            <ShareButton title={format!("Crosscheck: synopsis of {} reports", ids.len())} />
        </div>
    }
}

#[derive(Properties)]
struct TableProps {
    chosen: Rc<Chosen>,
    synopsis: Rc<Synopsis>,
    params: SynopsisParams,
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.chosen, &other.chosen)
            && Rc::ptr_eq(&self.synopsis, &other.synopsis)
            && self.params == other.params
    }
}

/// What labels an article where its column header is not in sight (a
/// card on a narrow screen, the sentences of a disagreement): its outlet,
/// else the first words of its title.
fn label(a: &Article) -> String {
    if let Some(outlet) = &a.metadata.source {
        return outlet.clone();
    }
    const MAX: usize = 48;
    if a.title.chars().count() <= MAX {
        return a.title.clone();
    }
    let mut out = String::new();
    for word in a.title.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > MAX - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = a.title.chars().take(MAX - 1).collect();
    }
    out.push('…');
    out
}

/// The table of facts, with the sentences of a flagged row side by side
/// under it when its flag is open.
#[component]
fn Table(props: &TableProps) -> Html {
    // Open disagreement rows, by fact number; they close when the articles
    // change.
    let open = use_state(BTreeSet::<usize>::new);
    // Rows drawn: a page, more on request, a page again for other articles
    // or another filter. A dozen long reports give a hundred facts of a
    // dozen cells each; drawing them all at once is most of a second in
    // the browser, and a page already fills several screens.
    let shown = use_state_eq(|| FACTS_PAGE);
    {
        let (open, shown) = (open.clone(), shown.clone());
        use_effect_with(
            (props.chosen.ids().join(","), props.params.clone()),
            move |_| {
                shown.set(FACTS_PAGE);
                open.set(BTreeSet::new());
            },
        );
    }
    // Each report gets a readable column width; past the screen's width
    // the table scrolls sideways. Set through the CSSOM, which the page's
    // Content-Security-Policy allows (inline style attributes it does not).
    let table = use_node_ref();
    let n = props.chosen.articles.len();
    {
        let table = table.clone();
        // Keyed on the filter too: a filter that empties the table removes
        // it, and the next one draws a new element.
        use_effect_with((n, props.params.clone()), move |(n, _)| {
            if let Some(el) = table.cast::<HtmlElement>() {
                el.style().set_property("--columns", &n.to_string()).ok();
            }
        });
    }
    let s = &props.synopsis;
    let articles = &props.chosen.articles;
    let show = Show::parse(&props.params.show);
    let mut rows: Vec<(usize, &Fact)> = s
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| show.keeps(f, n))
        .collect();
    if props.params.order == "coverage" {
        // Stable: equal coverage keeps the story order.
        rows.sort_by_key(|(_, f)| std::cmp::Reverse(f.sentences.len()));
    }
    let ids = props.chosen.ids();
    let remove = |k: usize| {
        AttrValue::from(segment(
            ids.iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, id)| *id),
        ))
    };
    let header = html! {
        <thead>
            <tr>
                <th scope="col" class="coverage">{ "Reported by" }</th>
                { for articles.iter().enumerate().map(|(k, a)| html! {
                    <th scope="col" class="synopsis-article">
                        if n > 2 {
                            <SynopsisLink ids={remove(k)} params={props.params.clone()} classes="remove">
                                <span aria-label={format!("Remove {} from the synopsis", a.title)} title="Remove from the synopsis">{ "×" }</span>
                            </SynopsisLink>
                        }
                        if let Some(outlet) = a.metadata.source.as_ref() {
                            <span class="outlet">{ outlet }</span>
                        }
                        if let Some(d) = a.metadata.date.as_ref() {
                            <span class="muted date">{ d }</span>
                        }
                        <Link<Route> to={Route::Article { id: a.id.clone() }} classes="title">{ &a.title }</Link<Route>>
                    </th>
                }) }
            </tr>
        </thead>
    };
    let total = rows.len();
    rows.truncate(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + FACTS_PAGE))
    };
    if rows.is_empty() {
        return html! {
            <>
                <p role="status" data-testid="synopsis-empty">{ "No fact matches this filter." }</p>
            </>
        };
    }
    let toggle = |i: usize| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*open).clone();
            if !next.remove(&i) {
                next.insert(i);
            }
            open.set(next);
        })
    };
    html! {
        <div class="synopsis-scroll">
            <table class="synopsis" data-testid="synopsis" ref={table}>
                <caption class="visually-hidden">{ "Facts in rows, reports in columns" }</caption>
                { header }
                <tbody onkeydown={Callback::from(move_between_rows)}>
                    { for rows.iter().enumerate().map(|(r, &(i, fact))| {
                        let is_open = open.contains(&i);
                        let k = fact.sentences.len();
                        html! {
                            <>
                                <tr data-testid="synopsis-fact" data-fact={i.to_string()} tabindex={if r == 0 { "0" } else { "-1" }}
                                    class={classes!("fact", (k == n).then_some("by-all"), (k == 1).then_some("by-one"))}>
                                    <th scope="row" class="coverage">
                                        <span class="count" title={format!("Reported by {k} of the {n} articles")}>{ format!("{k} of {n}") }</span>
                                        if !fact.disagreements.is_empty() {
                                            <button type="button" class="flag" data-testid="synopsis-disagreement"
                                                aria-expanded={is_open.to_string()} aria-controls={format!("fact-{i}-numbers")}
                                                onclick={toggle(i)}>
                                                { format!("⚠ numbers differ ({})", fact.disagreements.len()) }
                                            </button>
                                        }
                                    </th>
                                    { for (0..n).map(|a| cell(&articles[a], &props.chosen.bodies[a], fact, a as u32)) }
                                </tr>
                                if is_open {
                                    <tr class="fact-numbers" id={format!("fact-{i}-numbers")} data-testid="synopsis-numbers">
                                        <td colspan={(n + 1).to_string()}>
                                            { for fact.disagreements.iter().map(|d| side_by_side(articles, &props.chosen.bodies, d)) }
                                        </td>
                                    </tr>
                                }
                            </>
                        }
                    }) }
                </tbody>
            </table>
            if total > rows.len() {
                <button type="button" class="button" data-testid="synopsis-more" onclick={more}>
                    { format!("Show more facts ({} of {total} shown)", rows.len()) }
                </button>
            }
        </div>
    }
}

/// One article's sentence of a fact, its words shared with the fact's
/// other sentences marked; empty when the article does not report it.
fn cell(article: &Article, body: &AttrValue, fact: &Fact, k: u32) -> Html {
    let outlet = label(article);
    let Some(m) = fact.sentence_of(k) else {
        return html! {
            <td data-testid="synopsis-cell" class="empty" data-outlet={outlet}>
                <span class="visually-hidden">{ "Not reported" }</span>
            </td>
        };
    };
    let Some(sentence) = article.sentences.get(m.sentence as usize) else {
        return html! { <td data-testid="synopsis-cell" class="empty" data-outlet={outlet}></td> };
    };
    let marks: Rc<[Mark]> = if fact.sentences.len() > 1 {
        sorted(&m.shared)
            .into_iter()
            .map(|sp| Mark::highlight(sp, "common"))
            .collect()
    } else {
        Rc::from([])
    };
    html! {
        <td data-testid="synopsis-cell" data-outlet={outlet}>
            <Marked text={body.clone()} within={sentence.span} {marks} />
        </td>
    }
}

fn sorted(spans: &[Span]) -> Vec<Span> {
    let mut v = spans.to_vec();
    v.sort();
    v.dedup();
    v
}

/// The two sentences of a disagreement next to each other, each with its
/// number marked.
fn side_by_side(articles: &[ArticleRef], bodies: &[AttrValue], d: &FactDisagreement) -> Html {
    let q = &d.disagreement;
    let what = q
        .subject
        .clone()
        .unwrap_or_else(|| q.kind.as_str().to_owned());
    let side = |k: u32, r: &crosscheck_core::compare::QuantityRef| {
        let (Some(a), Some(body)) = (articles.get(k as usize), bodies.get(k as usize)) else {
            return html! {};
        };
        let sentence = r.sentence.and_then(|i| a.sentences.get(i as usize));
        let marks: Rc<[Mark]> = a
            .quantities
            .get(r.quantity as usize)
            .map(|x| Mark::highlight(x.span, "qty"))
            .into_iter()
            .collect();
        html! {
            <div class="side">
                <p class="side-head"><strong>{ label(a) }</strong>
                    { format!(": “{}” ({}{})", r.text, format_value(r.value, &r.unit),
                        r.qualifier.as_ref().map(|x| format!(", {x}")).unwrap_or_default()) }
                </p>
                if let Some(s) = sentence {
                    <p class="side-text"><Marked text={body.clone()} within={s.span} {marks} /></p>
                }
            </div>
        }
    };
    html! {
        <div class="numbers">
            <p class="numbers-what">{ format!("The {what}:") }</p>
            <div class="sides">
                { side(d.a, &q.a) }
                { side(d.b, &q.b) }
            </div>
        </div>
    }
}

/// ↓/j and ↑/k move between fact rows, Home and End to the first and last.
fn move_between_rows(e: KeyboardEvent) {
    let Some(row) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.get_attribute("data-testid").as_deref() == Some("synopsis-fact"))
    else {
        return;
    };
    let next = |el: &web_sys::Element, down: bool| {
        let mut at = if down {
            el.next_element_sibling()
        } else {
            el.previous_element_sibling()
        };
        while let Some(x) = at {
            if x.get_attribute("data-testid").as_deref() == Some("synopsis-fact") {
                return Some(x);
            }
            at = if down {
                x.next_element_sibling()
            } else {
                x.previous_element_sibling()
            };
        }
        None
    };
    let target = match e.key().as_str() {
        "ArrowDown" | "j" => next(&row, true),
        "ArrowUp" | "k" => next(&row, false),
        "Home" => row.parent_element().and_then(|p| {
            p.query_selector("[data-testid=synopsis-fact]")
                .ok()
                .flatten()
        }),
        "End" => row.parent_element().and_then(|p| {
            let all = p.query_selector_all("[data-testid=synopsis-fact]").ok()?;
            all.item(all.length().checked_sub(1)?)?
                .dyn_into::<web_sys::Element>()
                .ok()
        }),
        _ => return,
    };
    e.prevent_default();
    if let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        el.focus().ok();
    }
}
