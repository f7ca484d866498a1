//! Component tests: the real app shell rendered into headless Chromium by
//! wasm-bindgen-test, with an in-memory history standing in for the address
//! bar and the corpus provided through the context, as `App` does: the
//! seed corpus (`corpus/`, built here as the build's data file is), or a
//! small one a test builds. Run with
//! `cargo test -p crosscheck-web --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use crosscheck_core::search::query::FilterField;
use crosscheck_core::Bundle;
use crosscheck_web::app::{SearchParams, Shell};
use crosscheck_web::components::facet_chips::FacetChips;
use crosscheck_web::search::FacetView;
use crosscheck_web::state::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::Router;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct AtProps {
    path: AttrValue,
    #[prop_or_default]
    q: Option<String>,
}

/// The five seed articles of `corpus/`, built into a corpus as the app's
/// data file is (`crosscheck bundle`), once per test binary.
fn seeds() -> Corpus {
    thread_local! {
        static SEEDS: Corpus = {
            let files: Vec<(String, Vec<u8>)> = [
                ("000_33c2e98580f1a62a.txt", &include_bytes!("../../corpus/000_33c2e98580f1a62a.txt")[..]),
                ("001_9ff3adb9c3e641cd.txt", &include_bytes!("../../corpus/001_9ff3adb9c3e641cd.txt")[..]),
                ("002_109feb134c1be67a.txt", &include_bytes!("../../corpus/002_109feb134c1be67a.txt")[..]),
                ("003_7eb5acbaa5df0e7d.txt", &include_bytes!("../../corpus/003_7eb5acbaa5df0e7d.txt")[..]),
                ("004_018813ca5c6e4e99.txt", &include_bytes!("../../corpus/004_018813ca5c6e4e99.txt")[..]),
            ]
            .into_iter()
            .map(|(name, bytes)| (name.to_owned(), bytes.to_vec()))
            .collect();
            let bundle = Bundle::build(files).expect("the seeds parse");
            // Through the bytes, as the app receives it.
            Corpus::from_bytes(&bundle.to_bytes()).expect("the seed corpus decodes")
        };
    }
    SEEDS.with(Corpus::clone)
}

/// The app shell with the seed corpus and its location set to `path`
/// (and `?q=`).
#[component]
fn At(props: &AtProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    match &props.q {
        Some(q) => history
            .push_with_query(props.path.as_str(), SearchParams::new(q.clone()))
            .unwrap(),
        None => history.push(props.path.as_str()),
    }
    let corpus = seeds();
    html! {
        <ContextProvider<Corpus> context={corpus}>
            <Router {history}><Shell /></Router>
        </ContextProvider<Corpus>>
    }
}

#[derive(Properties, PartialEq)]
struct WithProps {
    corpus: Corpus,
    history: AnyHistory,
}

/// The app shell with a given corpus and history, which the test keeps to
/// navigate.
#[component]
fn With(props: &WithProps) -> Html {
    html! {
        <ContextProvider<Corpus> context={props.corpus.clone()}>
            <Router history={props.history.clone()}><Shell /></Router>
        </ContextProvider<Corpus>>
    }
}

async fn render_at(path: &str) -> Element {
    render(AtProps {
        path: path.to_owned().into(),
        q: None,
    })
    .await
}

async fn render(props: AtProps) -> Element {
    mount::<At>(props).await
}

/// Renders component `C` into a fresh element of the page.
async fn mount<C>(props: C::Properties) -> Element
where
    C: BaseComponent,
{
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Rendering is scheduled; give it a few turns of the event loop.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(50)).await;
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not rendered"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn library_lists_every_seed_article() {
    let root = render_at("/").await;
    assert_eq!(count(&root, "[data-testid=article-card]"), 5);
    assert!(text(&root, "[data-testid=article-card]").contains("Russia Signals Openness"));
    assert_eq!(count(&root, "[data-testid=not-found]"), 0);
}

#[wasm_bindgen_test]
async fn article_page_shows_title_and_paragraphs() {
    let root = render_at("/article/004_018813ca5c6e4e99").await;
    assert!(!text(&root, "[data-testid=article-title]").trim().is_empty());
    assert!(count(&root, "p.para") >= 5);
    assert!(text(&root, "article").contains("The meeting, which stretched for nearly four hours"));
    assert_eq!(count(&root, "[data-testid=not-found]"), 0);
}

#[wasm_bindgen_test]
async fn unknown_id_and_route_show_not_found() {
    for path in [
        "/article/no-such-article",
        "/article/%E2%9C%93",
        "/nowhere/at/all",
    ] {
        let root = render_at(path).await;
        assert_eq!(count(&root, "[data-testid=not-found]"), 1, "{path}");
        assert_eq!(
            count(&root, "a[href='/']"),
            2,
            "{path}: header and way back link home"
        );
    }
}

#[wasm_bindgen_test]
async fn article_page_shows_the_parsed_structure() {
    // Seed 003 has no headline and three section headings.
    let root = render_at("/article/003_7eb5acbaa5df0e7d").await;
    assert_eq!(count(&root, "[data-testid=title-inferred]"), 1);
    assert_eq!(count(&root, "h2.section-heading"), 3);
    // Seed 004 opens with the dateline "Moscow:" and names Witkoff.
    let root = render_at("/article/004_018813ca5c6e4e99").await;
    assert_eq!(text(&root, "[data-testid=dateline]").trim(), "Moscow:");
    assert!(text(&root, "[data-testid=entities-person]").contains("Witkoff"));
    assert!(count(&root, ".mark.ent-person") >= 2);
    assert!(text(&root, "[data-testid=numbers]").contains("nearly"));
    // Seed 002 ends in credits and web-page debris, kept out of the body.
    let root = render_at("/article/002_109feb134c1be67a").await;
    assert!(text(&root, "[data-testid=sources]").contains("Al Jazeera"));
    assert!(text(&root, "[data-testid=debris]").contains("Leave a Comment"));
    assert!(!text(&root, ".article-body").contains("Leave a Comment"));
}

#[wasm_bindgen_test]
async fn search_page_ranks_and_highlights() {
    let root = render(AtProps {
        path: "/search".into(),
        q: Some("witkof".into()),
    })
    .await;
    assert!(count(&root, "[data-testid=search-result]") >= 1);
    let marks = root
        .query_selector_all("[data-testid=search-result] mark")
        .unwrap();
    let mut texts = Vec::new();
    for i in 0..marks.length() {
        texts.push(
            marks
                .item(i)
                .unwrap()
                .text_content()
                .unwrap_or_default()
                .to_lowercase(),
        );
    }
    assert!(texts.iter().any(|t| t == "witkoff"), "{texts:?}");
    let root = render(AtProps {
        path: "/search".into(),
        q: Some("\"unclosed -".into()),
    })
    .await;
    assert_eq!(count(&root, "[data-testid=not-found]"), 0);
}

#[wasm_bindgen_test]
async fn comparison_shows_two_aligned_columns_and_disagreements() {
    let root = render_at("/compare/001_9ff3adb9c3e641cd/004_018813ca5c6e4e99").await;
    let left = count(&root, "[data-testid=compare-left] .cell");
    assert!(left > 0);
    assert_eq!(left, count(&root, "[data-testid=compare-right] .cell"));
    assert!(text(&root, "[data-testid=disagreements]").contains("four hours"));
    let root = render_at("/compare/001_9ff3adb9c3e641cd/bad%20id").await;
    assert_eq!(count(&root, "[data-testid=not-found]"), 1);
}

/// The first facet chip whose text starts with `name`.
fn chip(root: &Element, name: &str) -> Element {
    let chips = root.query_selector_all(".facet").unwrap();
    (0..chips.length())
        .filter_map(|i| chips.item(i)?.dyn_into::<Element>().ok())
        .find(|c| c.text_content().unwrap_or_default().starts_with(name))
        .unwrap_or_else(|| panic!("no chip for {name}"))
}

/// The query a link leads to (its `?q=`, decoded).
fn link_query(link: &Element) -> String {
    let href = link.get_attribute("href").unwrap_or_default();
    let (_, q) = href.split_once("?q=").unwrap_or_default();
    js_sys::decode_uri_component(&q.replace('+', " "))
        .unwrap()
        .into()
}

fn is_active(chip: &Element) -> bool {
    chip.class_list().contains("active")
}

#[derive(Properties, PartialEq)]
struct ChipsProps {
    q: AttrValue,
    facets: Rc<[FacetView]>,
}

/// The facet chips alone, under a router.
#[component]
fn Chips(props: &ChipsProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! {
        <Router {history}>
            <FacetChips q={props.q.clone()} facets={props.facets.clone()} />
        </Router>
    }
}

#[wasm_bindgen_test]
async fn a_chip_whose_filter_is_excluded_is_not_active_and_asks_for_it() {
    let facet = |field, name: &str| FacetView {
        field,
        name: name.into(),
        count: 1,
    };
    let root = mount::<Chips>(ChipsProps {
        q: r#"talks -person:Putin place:"abu dhabi""#.into(),
        facets: vec![
            facet(FilterField::Person, "Putin"),
            facet(FilterField::Place, "Abu Dhabi"),
            facet(FilterField::Organization, "Kremlin"),
        ]
        .into(),
    })
    .await;
    // `-person:Putin` leaves Putin out: the chip is not active, and choosing
    // it asks for him instead, with no stray `-` left behind.
    let putin = chip(&root, "Putin");
    assert!(!is_active(&putin));
    assert_eq!(
        link_query(&putin),
        r#"talks place:"abu dhabi" person:Putin"#
    );
    // The place is asked for, in other case: active, and choosing it takes
    // it out whole.
    let abu_dhabi = chip(&root, "Abu Dhabi");
    assert!(is_active(&abu_dhabi));
    assert_eq!(link_query(&abu_dhabi), "talks -person:Putin");
    let kremlin = chip(&root, "Kremlin");
    assert!(!is_active(&kremlin));
    assert_eq!(
        link_query(&kremlin),
        r#"talks -person:Putin place:"abu dhabi" org:Kremlin"#
    );
}

#[wasm_bindgen_test]
async fn choosing_an_active_chip_takes_its_filter_out_of_the_search() {
    let root = render(AtProps {
        path: "/search".into(),
        q: Some(r#"talks person:"steve witkoff""#.into()),
    })
    .await;
    let witkoff = chip(&root, "Steve Witkoff");
    assert!(is_active(&witkoff));
    witkoff.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=search-input]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "talks");
    assert!(!is_active(&chip(&root, "Steve Witkoff")));
    // The box takes no more than the engine reads.
    assert_eq!(
        input.max_length() as usize,
        crosscheck_core::search::query::MAX_QUERY_CHARS
    );
}

/// Two short reports, built the way the build makes the app's data file.
fn small_corpus() -> Corpus {
    let files = vec![
        (
            "alpha.txt".to_owned(),
            b"Envoys meet in Geneva\n\nSteve Witkoff met officials in Geneva on Monday. The talks lasted five hours.".to_vec(),
        ),
        (
            "beta.txt".to_owned(),
            b"Talks end without a deal\n\nOfficials said the talks in Geneva with Steve Witkoff lasted nearly four hours.".to_vec(),
        ),
    ];
    Corpus::new(Bundle::build(files).expect("the test articles parse"))
}

#[wasm_bindgen_test]
async fn views_show_the_corpus_the_context_provides() {
    let history = AnyHistory::from(MemoryHistory::new());
    history.push("/");
    let root = mount::<With>(WithProps {
        corpus: small_corpus(),
        history: history.clone(),
    })
    .await;
    assert_eq!(count(&root, "[data-testid=article-card]"), 2);
    assert!(text(&root, ".cards").contains("Envoys meet in Geneva"));

    history.push("/article/beta");
    settle().await;
    assert_eq!(
        text(&root, "[data-testid=article-title]"),
        "Talks end without a deal"
    );
    // "Compare with…" offers the other article, from the similarity matrix.
    assert!(text(&root, "[data-testid=compare-with]").contains("Envoys meet in Geneva"));

    history.push("/compare/alpha/beta");
    settle().await;
    assert!(text(&root, "[data-testid=compare-left]").contains("met officials in Geneva"));
    assert!(text(&root, "[data-testid=compare-right]").contains("nearly four hours"));

    history.push("/overview");
    settle().await;
    assert_eq!(count(&root, "[data-testid=heatmap] rect"), 4);
    assert!(text(&root, "[data-testid=entity-coverage]").contains("Steve Witkoff"));

    // An article of the seed corpus is not in this one.
    history.push("/article/004_018813ca5c6e4e99");
    settle().await;
    assert_eq!(count(&root, "[data-testid=not-found]"), 1);
}

#[wasm_bindgen_test]
async fn the_compare_page_survives_an_id_turning_bad_and_good_again() {
    // One page component sees all three addresses: its hooks must run the
    // same way on every render, whatever it then shows.
    let pair = "/compare/001_9ff3adb9c3e641cd/004_018813ca5c6e4e99";
    let history = AnyHistory::from(MemoryHistory::new());
    history.push(pair);
    let root = mount::<With>(WithProps {
        corpus: seeds(),
        history: history.clone(),
    })
    .await;
    assert!(count(&root, "[data-testid=compare-left] .cell") > 0);
    history.push("/compare/001_9ff3adb9c3e641cd/bad%20id");
    settle().await;
    assert_eq!(count(&root, "[data-testid=not-found]"), 1);
    history.push(pair);
    settle().await;
    assert_eq!(count(&root, "[data-testid=not-found]"), 0);
    assert!(count(&root, "[data-testid=compare-left] .cell") > 0);
}

#[wasm_bindgen_test]
async fn searches_wait_for_the_index_built_after_the_articles_are_shown() {
    let files = vec![
        (
            "alpha.txt".to_owned(),
            b"Envoys meet in Geneva\n\nSteve Witkoff met officials in Geneva on Monday.".to_vec(),
        ),
        (
            "beta.txt".to_owned(),
            b"Talks end without a deal\n\nOfficials said the talks lasted four hours.".to_vec(),
        ),
    ];
    let bytes = Bundle::build(files).unwrap().to_bytes();
    // As the app loads its data file: the articles first, no index yet.
    let shown = Corpus::decode_articles(&bytes, |_, _| {}).await.unwrap();
    assert!(!shown.is_searchable());
    assert!(shown.search("geneva", &Default::default()).is_none());
    let history = AnyHistory::from(MemoryHistory::new());
    history.push("/");
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mut app = yew::Renderer::<With>::with_root_and_props(
        root.clone(),
        WithProps {
            corpus: shown.clone(),
            history: history.clone(),
        },
    )
    .render();
    settle().await;
    assert_eq!(count(&root, "[data-testid=article-card]"), 2);
    history
        .push_with_query("/search", SearchParams::new("geneva"))
        .unwrap();
    settle().await;
    assert_eq!(count(&root, "[data-testid=search-preparing]"), 1);
    assert_eq!(count(&root, "[data-testid=search-result]"), 0);

    // Built, the index makes a new handle of the same corpus: the search
    // that waited is answered.
    let searchable = shown.indexed(|| true).await.unwrap();
    assert!(searchable != shown && searchable.is_searchable());
    app.update(WithProps {
        corpus: searchable.clone(),
        history: history.clone(),
    });
    settle().await;
    assert_eq!(count(&root, "[data-testid=search-preparing]"), 0);
    assert_eq!(count(&root, "[data-testid=search-result]"), 1);
    assert!(text(&root, "[data-testid=search-result]").contains("Envoys meet in Geneva"));

    // A corpus no longer shown is not indexed.
    let other = Corpus::decode_articles(&bytes, |_, _| {}).await.unwrap();
    assert!(other.indexed(|| false).await.is_none());
    assert!(!other.is_searchable());
}
