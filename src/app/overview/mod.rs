//! The overview, the first view: the filtered events on a [`map`] and a [`timeline`], with the
//! counts that matter (events by type, the most-cited actors and places) and, once a place is
//! chosen, its events. Every filter applies to it as it changes.

pub mod map;
pub mod timeline;

use leptos::prelude::*;

use super::filters::tally;
use super::i18n;
use super::state::{Corpus, use_state};
use crate::engine::{Event, EventType};
use crate::explore::{Lang, actor_key_label, event_sentence, fixed, type_label};
use crate::overview::{TypeCounts, type_list};

/// How many actors and places the counts list.
const TOP: usize = 8;

/// The events behind these indices into `corpus.events`.
pub fn filtered_events<'a>(
    c: &'a Corpus,
    filtered: &'a [usize],
) -> impl Iterator<Item = &'a Event> {
    filtered.iter().map(|&i| {
        let e = &c.events[i];
        &c.entries[e.doc].doc.events[e.index]
    })
}

/// Filters by a place (or clears it when it is the chosen one).
pub fn choose_place(key: &str) {
    let st = use_state();
    let key = key.to_string();
    st.update(false, move |v| {
        v.filter.place = if v.filter.place.as_ref() == Some(&key) {
            None
        } else {
            Some(key)
        };
    });
}

/// The overview pane.
#[component]
pub fn Overview() -> impl IntoView {
    let st = use_state();
    let total = Memo::new(move |_| st.corpus.with(|c| c.events.len()));
    let shown = Memo::new(move |_| st.filtered.with(|f| f.len()));
    // Types, actors and places of the filtered events.
    let counts = Memo::new(move |_| {
        let f = st.filtered.get();
        st.corpus.with(|c| {
            let mut types: TypeCounts = [0; EventType::ALL.len()];
            let mut actors = std::collections::BTreeMap::new();
            let mut places = std::collections::BTreeMap::new();
            for &i in f.iter() {
                let e = &c.events[i];
                types[e.kind as usize] += 1;
                tally(&mut actors, &e.actors);
                tally(&mut places, &e.places);
            }
            let top = |m: std::collections::BTreeMap<String, usize>| {
                let mut v: Vec<(String, usize)> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                v.truncate(TOP);
                v
            };
            (types, top(actors), top(places))
        })
    });

    let t = move |fr: &'static str, en: &'static str| move || st.lang().pick(fr, en);

    let type_counts = move || {
        let lang = st.lang();
        let list = counts.with(|(types, _, _)| type_list(types));
        let max = list.first().map_or(1, |&(_, n)| n.max(1));
        list.into_iter()
            .map(|(ty, n)| {
                view! {
                    <li class=format!("t-{}", ty.as_str())>
                        <span class="name">{type_label(ty, lang)}</span>
                        <span class="meter" aria-hidden="true">
                            <span style:width=format!("{}%", fixed(n as f64 * 100.0 / max as f64, 1))></span>
                        </span>
                        <span class="num">{n}</span>
                    </li>
                }
            })
            .collect_view()
    };
    // Actors and places as buttons that filter by them (keyed: one chosen keeps its place and
    // the keyboard focus while its count stays).
    let top_list = move |actors: bool| {
        let item = move |(key, n): (String, usize)| {
            let name = {
                let key = key.clone();
                move || {
                    if actors {
                        actor_key_label(&key, st.lang())
                    } else {
                        key.clone()
                    }
                }
            };
            let choose = move |_| {
                let key = key.clone();
                if actors {
                    st.update(false, move |v| v.filter.actor = Some(key));
                } else {
                    choose_place(&key);
                }
            };
            view! {
                <li>
                    <button type="button" class="link" on:click=choose>
                        {name}
                    </button>
                    <span class="num">{n}</span>
                </li>
            }
        };
        view! {
            <For
                each=move || counts.with(|(_, a, p)| if actors { a.clone() } else { p.clone() })
                key=|item| item.clone()
                children=item
            />
        }
    };

    view! {
        <section class="panel overview" aria-labelledby="overview-h">
            <h2 id="article-title" tabindex="-1">
                <span id="overview-h">{t("Vue d'ensemble", "Overview")}</span>
            </h2>
            <p class="a-meta">
                {move || i18n::filtered_count(shown.get(), total.get(), st.lang())}
            </p>
            <div class="ov-grid">
                <div class="ov-main">
                    <section class="ov-map" aria-labelledby="ov-map-h">
                        <h3 id="ov-map-h">{t("Où", "Where")}</h3>
                        <map::Map />
                    </section>
                    <section class="ov-time" aria-labelledby="ov-time-h">
                        <h3 id="ov-time-h">{t("Quand", "When")}</h3>
                        <timeline::TimelineView />
                    </section>
                </div>
                <section class="ov-counts" aria-labelledby="ov-counts-h">
                    <h3 id="ov-counts-h">{t("Quoi, qui", "What, who")}</h3>
                    <h4>{t("Par type", "By type")}</h4>
                    <ul class="type-counts">{type_counts}</ul>
                    <h4>{t("Acteurs les plus cités", "Most-cited actors")}</h4>
                    <ul class="top-list">{top_list(true)}</ul>
                    <h4>{t("Lieux les plus cités", "Most-cited places")}</h4>
                    <ul class="top-list">{top_list(false)}</ul>
                </section>
            </div>
            <PlaceEvents />
        </section>
    }
}

/// The events of the chosen place, each a link to its article.
#[component]
fn PlaceEvents() -> impl IntoView {
    let st = use_state();
    let place = Memo::new(move |_| st.view.with(|v| v.filter.place.clone()));
    move || {
        let place = place.get()?;
        let lang = st.lang();
        let items = st.filtered.with(|f| {
            st.corpus.with(|c| {
                f.iter()
                    .map(|&i| {
                        let ie = &c.events[i];
                        let entry = &c.entries[ie.doc];
                        let id = entry.doc.id.clone();
                        let index = ie.index;
                        let href = st.article_href(&id);
                        let text = event_sentence(&entry.doc.events[index], lang);
                        let open = move |ev: leptos::ev::MouseEvent| {
                            super::events::open_event(&ev, &id, index)
                        };
                        view! {
                            <li>
                                <a href=href on:click=open>
                                    {text}
                                </a>
                                <span class="from">{format!(" — {}", entry.title)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        });
        let heading = match lang {
            Lang::Fr => format!("Événements à {place}"),
            Lang::En => format!("Events at {place}"),
        };
        Some(view! {
            <section class="ov-place" aria-labelledby="ov-place-h">
                <h3 id="ov-place-h">{heading}</h3>
                <ul class="place-events">{items}</ul>
            </section>
        })
    }
}
