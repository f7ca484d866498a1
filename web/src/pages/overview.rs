//! `/overview`: the corpus at a glance. A similarity heatmap (every cell
//! opens that comparison, inside the app), which article names which
//! people, places and organisations, and how much of each article no other
//! one reports.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::anchor_link::AnchorLink;
use crate::hooks::use_corpus;

/// Rows of the entity × article table: the most widely covered entities.
const ENTITY_ROWS: usize = 40;

#[component]
pub fn OverviewPage() -> Html {
    let corpus = use_corpus();
    let bundle = corpus.bundle();
    let articles = corpus.articles();
    let n = articles.len();
    let cell = 36;
    let label_w = 64;
    let size = label_w + cell * n;
    // Computed once per corpus (the state keeps it), most widely covered
    // first, so the table shows what the reports share.
    let rows = corpus.entity_coverage().iter().take(ENTITY_ROWS);
    html! {
        <section class="overview-page">
            <h1>{ "Corpus overview" }</h1>
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
                { for (0..n).flat_map(|i| (0..n).map(move |j| (i, j))).map(|(i, j)| {
                    let s = bundle.comparison.matrix.get(i, j);
                    let level = ((s * 5.0).round() as usize).min(5);
                    html! {
                        <AnchorLink to={Route::Compare { a: articles[i].id.clone(), b: articles[j].id.clone() }}
                            label={format!("#{} and #{}: {:.0}% similar", i + 1, j + 1, s * 100.0)}>
                            <rect x={(label_w + cell * j).to_string()} y={(label_w + cell * i).to_string()}
                                  width={(cell - 2).to_string()} height={(cell - 2).to_string()} class={format!("heat-{level}")}>
                                <title>{ format!("{} / {}: {:.0}%", articles[i].title, articles[j].title, s * 100.0) }</title>
                            </rect>
                            <text x={(label_w + cell * j + cell / 2 - 1).to_string()} y={(label_w + cell * i + cell / 2 + 3).to_string()}
                                  text-anchor="middle" class={classes!("cell-label", (level >= 3).then_some("on-dark"))}>
                                { format!("{:.0}", s * 100.0) }
                            </text>
                        </AnchorLink>
                    }
                }) }
            </svg>
            <ol class="legend-list">
                { for articles.iter().map(|a| html! {
                    <li><Link<Route> to={Route::Article { id: a.id.clone() }}>{ &a.title }</Link<Route>></li>
                }) }
            </ol>

            <h2>{ "What only one report says" }</h2>
            <table class="coverage" data-testid="unique-coverage">
                <thead><tr><th scope="col">{ "Article" }</th><th scope="col">{ "Sentences no other article reports" }</th></tr></thead>
                <tbody>
                    { for articles.iter().enumerate().map(|(i, a)| {
                        let u = &bundle.comparison.unique[i];
                        html! {
                            <tr>
                                <th scope="row"><Link<Route> to={Route::Article { id: a.id.clone() }}>{ format!("#{} {}", i + 1, a.title) }</Link<Route>></th>
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
                            { for (0..n).map(|i| html! { <th scope="col" title={articles[i].title.clone()}>{ format!("#{}", i + 1) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.map(|row| html! {
                            <tr>
                                <th scope="row"><span class={classes!("dot", row.kind.as_str())}></span>{ &row.name }</th>
                                { for row.mentions.iter().map(|&c| html! {
                                    <td class={classes!((c > 0).then_some("has"))}>{ if c > 0 { c.to_string() } else { "·".into() } }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
