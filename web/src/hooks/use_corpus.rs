use yew::prelude::*;

use crate::state::Corpus;

/// The corpus the app shows (see [`crate::state`]). Every view is rendered
/// under the `ContextProvider<Corpus>` that `App` (or a test) sets up, so
/// its absence is a programming error, not a state to render.
#[hook]
pub fn use_corpus() -> Corpus {
    use_context::<Corpus>().expect("views are rendered inside ContextProvider<Corpus>")
}
