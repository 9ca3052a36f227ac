//! The map: the world's outlines (Natural Earth, drawn once they arrive) framed on the filtered events'
//! towns, one mark per town coloured by its main event type and sized by its number of events;
//! provinces, regions and countries listed beside it; a table of every place as its text
//! alternative. Choosing a place filters by it.

use leptos::prelude::*;

use super::super::i18n;
use super::super::state::use_state;
use super::{choose_place, filtered_events};
use crate::explore::{Lang, fixed, type_label};
use crate::overview::{Frame, PlaceCount, place_counts};

/// « Raqqa : 3 événements (2 prise de contrôle, 1 frappe aérienne) ».
fn place_text(p: &PlaceCount, lang: Lang) -> String {
    let types: Vec<String> = p
        .types()
        .into_iter()
        .map(|(t, n)| format!("{n} {}", type_label(t, lang)))
        .collect();
    format!(
        "{} : {} ({})",
        p.key,
        i18n::events_count(p.total, lang),
        types.join(", ")
    )
}

/// For a place's mark or button: whether it is the chosen place, and its text in the
/// interface's language (both tracked).
fn follow(
    p: &PlaceCount,
    chosen: Memo<Option<String>>,
) -> (
    impl Fn() -> bool + Clone + Send + Sync + use<>,
    impl Fn() -> String + Clone + Send + Sync + use<>,
) {
    let key = p.key.clone();
    let p = p.clone();
    let st = use_state();
    (
        move || chosen.with(|c| c.as_deref() == Some(key.as_str())),
        move || place_text(&p, st.lang()),
    )
}

/// The map, the areas beside it and the list of places.
#[component]
pub fn Map() -> impl IntoView {
    let st = use_state();
    let places = Memo::new(move |_| {
        let f = st.filtered.get();
        st.corpus.with(|c| place_counts(filtered_events(c, &f)))
    });
    // Framed on the towns, else on the areas, else the world.
    let frame = Memo::new(move |_| {
        places.with(|ps| {
            let towns: Vec<(f64, f64)> = ps
                .iter()
                .filter(|p| p.point)
                .map(|p| (p.lat, p.lon))
                .collect();
            if towns.is_empty() {
                let all: Vec<(f64, f64)> = ps.iter().map(|p| (p.lat, p.lon)).collect();
                Frame::fit(&all)
            } else {
                Frame::fit(&towns)
            }
        })
    });
    let chosen = Memo::new(move |_| st.view.with(|v| v.filter.place.clone()));
    // The place under the pointer or the focus, named below the map.
    let pointed = RwSignal::new(None::<String>);

    // Keyed by place and count: choosing a mark keeps it (and the keyboard focus on it) when its
    // count stays; a new frame moves the marks without drawing them anew.
    let towns = Memo::new(move |_| {
        places.with(|ps| ps.iter().filter(|p| p.point).cloned().collect::<Vec<_>>())
    });
    let mark = move |p: PlaceCount| {
        let key = p.key.clone();
        let (on, text) = follow(&p, chosen);
        let (k1, k2) = (key.clone(), key.clone());
        let (t1, t2) = (text.clone(), text.clone());
        let (lat, lon, total) = (p.lat, p.lon, p.total);
        view! {
            <g
                class=format!("mark t-{}", p.main_type().as_str())
                class:on=on.clone()
                role="button"
                tabindex="0"
                aria-label=text
                aria-pressed=move || on().to_string()
                data-place=key.clone()
                data-count=total
                on:click=move |_| choose_place(&k1)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        choose_place(&k2);
                    }
                }
                on:pointerenter=move |_| pointed.set(Some(t1()))
                on:pointerleave=move |_| pointed.set(None)
                on:focus=move |_| pointed.set(Some(t2()))
                on:blur=move |_| pointed.set(None)
            >
                <circle
                    cx=move || fixed(frame.get().project(lat, lon).0, 4)
                    cy=move || fixed(frame.get().project(lat, lon).1, 4)
                    r=move || fixed(frame.get().radius(total), 4)
                ></circle>
            </g>
        }
    };
    // The biggest first, so that a small mark is never hidden under a big one.
    let marks = move || {
        view! {
            <For
                each=move || towns.get()
                key=|p| (p.key.clone(), p.total, p.main_type())
                children=mark
            />
        }
    };

    let label = move || {
        let lang = st.lang();
        let n = towns.with(Vec::len);
        match lang {
            Lang::Fr => format!("Carte des événements : {n} lieux"),
            Lang::En => format!("Map of the events: {n} places"),
        }
    };
    let info = move || {
        pointed.get().unwrap_or_else(|| {
            st.lang()
                .pick(
                    "Survolez ou parcourez au clavier un lieu pour ses événements ; choisissez-le pour filtrer.",
                    "Hover or tab to a place for its events; choose it to filter by it.",
                )
                .to_string()
        })
    };

    // Areas (provinces, regions, rivers, deserts, countries) as buttons beside the map, keyed
    // as the marks are.
    let areas = Memo::new(move |_| {
        places.with(|ps| ps.iter().filter(|p| !p.point).cloned().collect::<Vec<_>>())
    });
    let area = move |p: PlaceCount| {
        let key = p.key.clone();
        let (on, text) = follow(&p, chosen);
        view! {
            <li>
                <button
                    type="button"
                    class=format!("area t-{}", p.main_type().as_str())
                    aria-pressed=move || on().to_string()
                    aria-label=text
                    data-area=key.clone()
                    data-count=p.total
                    on:click=move |_| choose_place(&key)
                >
                    <span class="swatch" aria-hidden="true"></span>
                    {p.key.clone()}
                    <span class="count">{format!(" ({})", p.total)}</span>
                </button>
            </li>
        }
    };
    let areas_view = move || {
        (!areas.with(Vec::is_empty)).then(|| {
            view! {
                <div class="areas">
                    <h4>
                        {move || {
                            st.lang()
                                .pick(
                                    "Régions et pays (non placés en points)",
                                    "Regions and countries (not drawn as points)",
                                )
                        }}
                    </h4>
                    <ul>
                        <For
                            each=move || areas.get()
                            key=|p| (p.key.clone(), p.total, p.main_type())
                            children=area
                        />
                    </ul>
                </div>
            }
        })
    };

    // The text alternative: every place with its counts.
    let table = move || {
        let lang = st.lang();
        let rows = places.with(|ps| {
            ps.iter()
                .map(|p| {
                    let types: Vec<String> = p
                        .types()
                        .into_iter()
                        .map(|(t, n)| format!("{} {n}", type_label(t, lang)))
                        .collect();
                    view! {
                        <tr>
                            <th scope="row">{p.key.clone()}</th>
                            <td class="num">{p.total}</td>
                            <td>{types.join(", ")}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <details class="places-list">
                <summary>{lang.pick("Les lieux en tableau", "The places as a table")}</summary>
                <table class="events-table">
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Lieu", "Place")}</th>
                            <th scope="col">{lang.pick("Événements", "Events")}</th>
                            <th scope="col">{lang.pick("Types", "Types")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        }
    };

    // The outlines, once fetched (after the article list is drawn: see `AppState::world`).
    let land = move || {
        st.world.get().map(|w| {
            let step = w.step;
            view! {
                <g transform=move || frame.get().outline_transform(step)>
                    <path class="land" d=w.path.clone() vector-effect="non-scaling-stroke"></path>
                </g>
            }
        })
    };
    view! {
        <div class="map-box">
            <svg
                class="map"
                role="group"
                aria-label=label
                viewBox=move || frame.get().view_box()
                preserveAspectRatio="xMidYMid meet"
            >
                <rect class="sea" x="-10000" y="-10000" width="20000" height="20000"></rect>
                {land}
                {marks}
            </svg>
            <p class="map-info" aria-live="polite">
                {info}
            </p>
            {areas_view}
            {table}
        </div>
    }
}
