//! Chips for the people, places, organisations and sources of the results;
//! choosing one asks for its filter, choosing an active one takes it out.
//! Whether a chip is active, and the query it leads to, come from the
//! parsed query (`crosscheck_core::search::refine`), never from its text.

use std::rc::Rc;

use crosscheck_core::search::query::FilterField;
use crosscheck_core::search::refine::{Filter, FilterState};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, SearchParams};
use crate::search::FacetView;

#[derive(Properties, PartialEq)]
pub struct FacetChipsProps {
    /// The query the results are for.
    pub q: AttrValue,
    /// As many names per kind as the engine returned, most frequent first.
    pub facets: Rc<[FacetView]>,
}

#[component]
pub fn FacetChips(props: &FacetChipsProps) -> Html {
    let imported_only = crate::hooks::use_search_query().imported_only;
    let groups = [
        (FilterField::Person, "People"),
        (FilterField::Place, "Places"),
        (FilterField::Organization, "Organisations"),
        (FilterField::Source, "Sources"),
    ];
    html! {
        <aside class="facets" aria-label="Narrow the results">
            { for groups.iter().map(|&(field, heading)| {
                let mut chips = props.facets.iter().filter(|f| f.field == field).peekable();
                if chips.peek().is_none() {
                    return html! {};
                }
                html! {
                    <section>
                        <h3>{ heading }</h3>
                        <ul class="chips">
                            { for chips.map(|f| {
                                let filter = Filter::new(field, &f.name);
                                let active = filter.state_in(&props.q) == FilterState::Required;
                                let q = filter.toggled_in(&props.q);
                                html! {
                                    <li>
                                        <Link<Route, SearchParams> to={Route::Search} query={Some(SearchParams::scoped(q, imported_only))}
                                            classes={classes!("chip", "facet", active.then_some("active"))}>
                                            { &f.name }<span class="count">{ f.count }</span>
                                        </Link<Route, SearchParams>>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </aside>
    }
}
