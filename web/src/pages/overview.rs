//! `/overview`: the corpus at a glance, at any size.
//!
//! - The stories: groups of articles that report the same one (from the
//!   similarity graph), each with its outlets and dates, opening the grid
//!   of just those articles.
//! - The grid (`?set=id,id,…`, or the whole corpus while it is small): a
//!   similarity heatmap whose cells open that comparison inside the app,
//!   which article names which people, places and organisations, and how
//!   much of each article no other one reports. Past [`GRID_MAX`] articles a
//!   grid stops being readable (and the whole-corpus one would be millions
//!   of cells), so it is drawn for a story or a chosen set only.
//! - For a large corpus, the most widely named entities, each a search.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crosscheck_core::article::EntityKind;
use crosscheck_core::compare::corpus::{entity_coverage, EntityCoverage};
use crosscheck_core::compare::Story;
use crosscheck_core::search::query::FilterField;
use crosscheck_core::search::refine::Filter;
use crosscheck_core::Article;

use crate::app::{Route, SearchParams};
use crate::components::anchor_link::AnchorLink;
use crate::hooks::use_corpus;
use crate::pages::synopsis::{self, SynopsisLink};
use crate::state::Corpus;
use crosscheck_core::compare::synopsis::MAX_ARTICLES;

/// The most articles a grid shows (rows and columns of the heatmap,
/// columns of the entity table).
pub const GRID_MAX: usize = 24;

/// Rows of the entity tables: the most widely covered entities.
const ENTITY_ROWS: usize = 40;

/// Stories listed at first, and added by each "Show more".
const STORIES_PAGE: usize = 20;

/// The overview's query: the articles of the grid, by id, comma-separated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OverviewParams {
    #[serde(default)]
    pub set: String,
}

impl OverviewParams {
    /// The query that opens the grid of `ids`.
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> OverviewParams {
        OverviewParams {
            set: ids.into_iter().collect::<Vec<_>>().join(","),
        }
    }
}

/// The grid's articles from `?set=`: known ids in the order given, each
/// once, at most [`GRID_MAX`]; unknown or malformed ids are dropped.
fn chosen(corpus: &Corpus, set: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for id in set.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if let Some(a) = corpus.find(id) {
            if !out.contains(&a.index()) && out.len() < GRID_MAX {
                out.push(a.index());
            }
        }
    }
    out
}

#[component]
pub fn OverviewPage() -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let set = location
        .and_then(|l| l.query::<OverviewParams>().ok())
        .unwrap_or_default()
        .set;
    let n = corpus.articles().len();
    let requested = !set.is_empty();
    let grid: Vec<usize> = if requested {
        chosen(&corpus, &set)
    } else if n <= GRID_MAX {
        (0..n).collect()
    } else {
        Vec::new()
    };
    html! {
        <section class="overview-page">
            <h1>{ "Corpus overview" }</h1>
            if requested {
                <p class="muted">
                    { format!("{} chosen article{}. ", grid.len(), if grid.len() == 1 { "" } else { "s" }) }
                    <Link<Route> to={Route::Overview}>{ "Back to the whole corpus" }</Link<Route>>
                </p>
            } else if n > GRID_MAX {
                <p class="muted">{ format!(
                    "{n} articles: too many for one grid. Choose a story below to see how its reports compare, \
                     or tick articles in the library."
                ) }</p>
            }
            if grid.len() >= 2 || (!requested && !grid.is_empty()) {
                <Grid articles={grid.clone()} />
            } else if requested {
                <p role="status">{ "Fewer than two of the chosen articles are in this corpus, so there is nothing to compare." }</p>
            }
            if !requested {
                <Stories />
                if n > GRID_MAX {
                    <EntityReach />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GridProps {
    /// Article positions, in display order.
    articles: Vec<usize>,
}

/// The heatmap, unique coverage and entity table of a few articles.
#[component]
fn Grid(props: &GridProps) -> Html {
    let corpus = use_corpus();
    let bundle = corpus.bundle();
    let all = corpus.articles();
    let shown: Vec<&Article> = props.articles.iter().map(|&i| &all[i]).collect();
    let n = shown.len();
    let cell = 36;
    let label_w = 64;
    let size = label_w + cell * n;
    // Most widely covered first, so the table shows what the reports share.
    let coverage: Vec<EntityCoverage> = entity_coverage(&shown);
    let rows = coverage.iter().take(ENTITY_ROWS);
    let pairs = props.articles.iter().enumerate().flat_map(|(r, &i)| {
        props
            .articles
            .iter()
            .enumerate()
            .map(move |(c, &j)| (r, c, i, j))
    });
    html! {
        <>
            <h2>{ "How similar the reports are" }</h2>
            <p class="muted">{ "Darker is more similar. Choose a cell to compare the two articles." }</p>
            <svg class="heatmap" data-testid="heatmap" viewBox={format!("0 0 {size} {size}")}
                 width={size.to_string()} height={size.to_string()} role="group"
                 aria-label="Similarity of every pair of articles">
                { for (0..n).map(|i| html! {
                    <>
                        <text x={(label_w - 6).to_string()} y={(label_w + cell * i + cell / 2 + 4).to_string()} text-anchor="end" class="axis">{ format!("#{}", i + 1) }</text>
                        <text x={(label_w + cell * i + cell / 2).to_string()} y={(label_w - 8).to_string()} text-anchor="middle" class="axis">{ format!("#{}", i + 1) }</text>
                    </>
                }) }
                { for pairs.map(|(r, c, i, j)| {
                    let s = bundle.similarity_at(i, j);
                    let level = ((s * 5.0).round() as usize).min(5);
                    html! {
                        <AnchorLink to={Route::Compare { a: all[i].id.clone(), b: all[j].id.clone() }}
                            label={format!("#{} and #{}: {:.0}% similar", r + 1, c + 1, s * 100.0)}>
                            <rect x={(label_w + cell * c).to_string()} y={(label_w + cell * r).to_string()}
                                  width={(cell - 2).to_string()} height={(cell - 2).to_string()} class={format!("heat-{level}")}>
                                <title>{ format!("{} / {}: {:.0}%", all[i].title, all[j].title, s * 100.0) }</title>
                            </rect>
                            <text x={(label_w + cell * c + cell / 2 - 1).to_string()} y={(label_w + cell * r + cell / 2 + 3).to_string()}
                                  text-anchor="middle" class={classes!("cell-label", (level >= 3).then_some("on-dark"))}>
                                { format!("{:.0}", s * 100.0) }
                            </text>
                        </AnchorLink>
                    }
                }) }
            </svg>
            <ol class="legend-list">
                { for shown.iter().map(|a| html! {
                    <li><Link<Route> to={Route::Article { id: a.id.clone() }}>{ &a.title }</Link<Route>></li>
                }) }
            </ol>

            <h2>{ "What only one report says" }</h2>
            <p class="muted">{ "Sentences that no other article of the whole corpus reports." }</p>
            <table class="coverage" data-testid="unique-coverage">
                <thead><tr><th scope="col">{ "Article" }</th><th scope="col">{ "Sentences no other article reports" }</th></tr></thead>
                <tbody>
                    { for props.articles.iter().enumerate().map(|(r, &i)| {
                        let (a, u) = (&all[i], &bundle.comparison.unique[i]);
                        html! {
                            <tr>
                                <th scope="row"><Link<Route> to={Route::Article { id: a.id.clone() }}>{ format!("#{} {}", r + 1, a.title) }</Link<Route>></th>
                                <td>{ format!("{} of {} ({:.0}%)", u.sentences.len(), a.sentences.len(), u.share * 100.0) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>

            <h2>{ "Who and where each report covers" }</h2>
            <div class="table-scroll">
                <table class="coverage" data-testid="entity-coverage">
                    <thead>
                        <tr>
                            <th scope="col">{ "Name" }</th>
                            { for shown.iter().enumerate().map(|(i, a)| html! { <th scope="col" title={a.title.clone()}>{ format!("#{}", i + 1) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.map(|row| html! {
                            <tr>
                                <th scope="row"><span class={classes!("dot", row.kind.as_str())}></span>{ &row.name }</th>
                                { for (0..n).map(|i| {
                                    let c = row.mentions_in(i);
                                    html! { <td class={classes!((c > 0).then_some("has"))}>{ if c > 0 { c.to_string() } else { "·".into() } }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// Where and when a story was reported: its outlets and its date range,
/// from what the articles state.
fn story_facts(articles: &[&Article]) -> String {
    let mut outlets: Vec<&str> = articles
        .iter()
        .filter_map(|a| a.metadata.source.as_deref())
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    let mut dates: Vec<&str> = articles
        .iter()
        .filter_map(|a| a.metadata.date.as_deref())
        .collect();
    dates.sort_unstable();
    let mut parts = vec![format!("{} reports", articles.len())];
    if !outlets.is_empty() {
        parts.push(outlets.join(", "));
    }
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first != last => parts.push(format!("{first} to {last}")),
        (Some(first), _) => parts.push((*first).to_owned()),
        _ => {}
    }
    parts.join(" · ")
}

/// The stories, largest first, a page at a time.
#[component]
fn Stories() -> Html {
    let corpus = use_corpus();
    let shown = use_state(|| STORIES_PAGE);
    let stories: &[Story] = corpus.stories();
    let all = corpus.articles();
    if stories.is_empty() {
        return html! {
            <>
                <h2>{ "Stories" }</h2>
                <p class="muted">{ "No two articles are similar enough to be reports of one story." }</p>
            </>
        };
    }
    let in_stories: usize = stories.iter().map(|s| s.articles.len()).sum();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + STORIES_PAGE))
    };
    html! {
        <>
            <h2>{ "Stories" }</h2>
            <p class="muted">{ format!(
                "{} stor{} reported by more than one article ({in_stories} articles in all). \
                 Each opens a grid of its reports.",
                stories.len(), if stories.len() == 1 { "y" } else { "ies" }
            ) }</p>
            <ol class="stories">
                { for stories.iter().take(*shown).map(|story| {
                    let members: Vec<&Article> = story.articles.iter().map(|&i| &all[i]).collect();
                    let lead = members[0];
                    let grid = OverviewParams::of(members.iter().take(GRID_MAX).map(|a| a.id.as_str()));
                    html! {
                        <li class="story" data-testid="story">
                            <h3><Link<Route> to={Route::Article { id: lead.id.clone() }}>{ &lead.title }</Link<Route>></h3>
                            <p class="muted">{ story_facts(&members) }</p>
                            <Link<Route, OverviewParams> to={Route::Overview} query={Some(grid)} classes="button">
                                { "How these reports compare" }
                            </Link<Route, OverviewParams>>
                            <SynopsisLink ids={synopsis::segment(members.iter().take(MAX_ARTICLES).map(|a| a.id.as_str()))}
                                classes="button">
                                <span data-testid="story-synopsis">{ if members.len() > MAX_ARTICLES {
                                    format!("Fact by fact (first {MAX_ARTICLES})")
                                } else {
                                    "Fact by fact".to_owned()
                                } }</span>
                            </SynopsisLink>
                            <details>
                                <summary>{ format!("All {} reports", members.len()) }</summary>
                                <ol>
                                    { for members.iter().map(|a| html! {
                                        <li><Link<Route> to={Route::Article { id: a.id.clone() }}>{ &a.title }</Link<Route>></li>
                                    }) }
                                </ol>
                            </details>
                        </li>
                    }
                }) }
            </ol>
            if *shown < stories.len() {
                <button type="button" class="button" onclick={more} data-testid="more-stories">
                    { format!("Show more stories ({} more)", stories.len() - *shown) }
                </button>
            }
        </>
    }
}

/// The most widely named entities of a large corpus, each opening a search
/// for the articles that name it.
#[component]
fn EntityReach() -> Html {
    let corpus = use_corpus();
    let rows = corpus.entity_coverage().iter().take(ENTITY_ROWS);
    html! {
        <>
            <h2>{ "Who and where the corpus covers most" }</h2>
            <table class="coverage reach" data-testid="entity-reach">
                <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Articles naming it" }</th></tr></thead>
                <tbody>
                    { for rows.map(|row| {
                        let field = match row.kind {
                            EntityKind::Person => FilterField::Person,
                            EntityKind::Place => FilterField::Place,
                            EntityKind::Organization => FilterField::Organization,
                        };
                        let q = Filter::new(field, &row.name).added_to("");
                        html! {
                            <tr>
                                <th scope="row">
                                    <span class={classes!("dot", row.kind.as_str())}></span>
                                    <AnchorLink to={Route::Search} query={Some(SearchParams::new(q))}>{ &row.name }</AnchorLink>
                                </th>
                                <td>{ row.articles() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </>
    }
}
