//! The people, places and organisations an article names, with how often.

use crosscheck_core::EntityKind;
use yew::prelude::*;

use crate::state::ArticleRef;

/// The CSS class of an entity kind, for its marks in the text and its chips.
pub fn entity_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "ent-person",
        EntityKind::Place => "ent-place",
        EntityKind::Organization => "ent-org",
    }
}

#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub article: ArticleRef,
}

/// Three short lists, most-mentioned first; aliases shown on hover.
#[component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let groups = [
        (EntityKind::Person, "People"),
        (EntityKind::Place, "Places"),
        (EntityKind::Organization, "Organisations"),
    ];
    html! {
        <>
            { for groups.iter().map(|&(kind, heading)| {
                let mut list: Vec<_> = props.article.entities_of(kind).collect();
                list.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then(a.name.cmp(&b.name)));
                html! {
                    <section class="entity-group" data-testid={format!("entities-{}", kind.as_str())}>
                        <h3>{ heading }</h3>
                        if list.is_empty() {
                            <p class="muted">{ "None named" }</p>
                        } else {
                            <ul class="chips">
                                { for list.iter().map(|e| {
                                    let title = if e.aliases.is_empty() {
                                        e.name.clone()
                                    } else {
                                        format!("Also written: {}", e.aliases.join(", "))
                                    };
                                    html! {
                                        <li class={classes!("chip", entity_class(kind))} {title}>
                                            { &e.name }
                                            if !e.mentions.is_empty() {
                                                <span class="count" title="mentions">{ e.mentions.len() }</span>
                                            }
                                        </li>
                                    }
                                }) }
                            </ul>
                        }
                    </section>
                }
            }) }
        </>
    }
}
