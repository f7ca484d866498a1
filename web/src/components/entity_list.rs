//! The people, places and organisations an article names, with how often.

use crosscheck_core::EntityKind;
use yew::prelude::*;

use crate::state::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub article: ArticleRef,
}

/// Three short lists, most-mentioned first; aliases shown on hover.
#[component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let groups = [
        (EntityKind::Person, "People", "ent-person"),
        (EntityKind::Place, "Places", "ent-place"),
        (EntityKind::Organization, "Organisations", "ent-org"),
    ];
    html! {
        <>
            { for groups.iter().map(|&(kind, heading, class)| {
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
                                        <li class={classes!("chip", class)} {title}>
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
