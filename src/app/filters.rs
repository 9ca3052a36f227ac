//! Filters: event types (with counts), actor, place, modality, date range, free-text search.
//! They apply to the event lists and to the article counts, and live in the URL.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::i18n;
use super::state::use_state;
use crate::engine::{EventType, Modality};
use crate::explore::{Filter, actor_key_label, modality_label, type_label, valid_date};

/// The filter panel.
#[component]
pub fn Filters() -> impl IntoView {
    let st = use_state();
    let filter = Memo::new(move |_| st.view.with(|v| v.filter.clone()));
    // Per-type counts: events passing every filter but the type one.
    let type_counts = Memo::new(move |_| {
        let f = filter.get();
        st.corpus.with(|c| {
            let f = f.compile();
            let mut n = [0usize; 16];
            for e in c.events.iter().filter(|e| f.matches_except_type(e)) {
                n[e.kind as usize] += 1;
            }
            n
        })
    });
    // Actor and place choices, with how many events mention each (over the whole corpus).
    let choices = Memo::new(move |_| {
        st.corpus.with(|c| {
            let mut actors: BTreeMap<String, usize> = BTreeMap::new();
            let mut places: BTreeMap<String, usize> = BTreeMap::new();
            for e in &c.events {
                let mut seen: Vec<&String> = Vec::new();
                for a in &e.actors {
                    if !seen.contains(&a) {
                        seen.push(a);
                        *actors.entry(a.clone()).or_default() += 1;
                    }
                }
                let mut seen: Vec<&String> = Vec::new();
                for p in &e.places {
                    if !seen.contains(&p) {
                        seen.push(p);
                        *places.entry(p.clone()).or_default() += 1;
                    }
                }
            }
            (
                actors.into_iter().collect::<Vec<_>>(),
                places.into_iter().collect::<Vec<_>>(),
            )
        })
    });
    let total = Memo::new(move |_| st.corpus.with(|c| c.events.len()));
    let shown = Memo::new(move |_| st.filtered.with(|f| f.len()));

    let set = move |replace: bool, change: Box<dyn FnOnce(&mut Filter)>| {
        st.update(replace, move |v| change(&mut v.filter));
    };

    let types = move || {
        let lang = st.lang();
        let counts = type_counts.get();
        let chosen = filter.with(|f| f.types.clone());
        EventType::ALL
            .into_iter()
            .map(|t| {
                let n = counts[t as usize];
                let checked = chosen.contains(&t);
                let id = format!("type-{}", t.as_str());
                view! {
                    <li class:zero=n == 0>
                        <input
                            type="checkbox"
                            id=id.clone()
                            value=t.as_str()
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                set(
                                    false,
                                    Box::new(move |f| {
                                        f.types.retain(|x| *x != t);
                                        if on {
                                            f.types.push(t);
                                            f.types.sort();
                                        }
                                    }),
                                );
                            }
                        />
                        <label for=id>
                            <span class=format!("swatch t-{}", t.as_str()) aria-hidden="true"></span>
                            {type_label(t, lang)}
                            <span class="count">{format!(" ({n})")}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };

    let select_options =
        move |items: Vec<(String, usize)>, current: Option<String>, actors: bool| {
            let lang = st.lang();
            let mut items = items;
            if let Some(c) = &current
                && !items.iter().any(|(k, _)| k == c)
            {
                items.push((c.clone(), 0));
            }
            items
                .into_iter()
                .map(|(k, n)| {
                    let selected = current.as_deref() == Some(k.as_str());
                    let name = if actors {
                        actor_key_label(&k, lang)
                    } else {
                        k.clone()
                    };
                    let label = format!("{name} ({n})");
                    view! {
                        <option value=k prop:selected=selected>
                            {label}
                        </option>
                    }
                })
                .collect_view()
        };

    let on_select = move |which: &'static str| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let v = (!v.is_empty()).then_some(v);
            set(
                false,
                Box::new(move |f| match which {
                    "actor" => f.actor = v,
                    _ => f.place = v,
                }),
            );
        }
    };

    let on_date = move |which: &'static str| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let v = valid_date(&v).then_some(v);
            set(
                false,
                Box::new(move |f| match which {
                    "from" => f.from = v,
                    _ => f.to = v,
                }),
            );
        }
    };

    let t = move |fr: &'static str, en: &'static str| move || st.lang().pick(fr, en);

    view! {
        <section class="panel filters" aria-labelledby="filters-h">
            <h2 id="filters-h">{t("Filtres", "Filters")}</h2>
            <p class="summary" aria-live="polite">
                {move || i18n::filtered_count(shown.get(), total.get(), st.lang())}
            </p>
            <label for="f-q">{t("Rechercher", "Search")}</label>
            <input
                id="f-q"
                type="search"
                autocomplete="off"
                placeholder=t("mots, acteur, lieu…", "words, actor, place…")
                prop:value=move || filter.with(|f| f.q.clone())
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    set(true, Box::new(move |f| f.q = q));
                }
            />
            <fieldset class="types">
                <legend>{t("Types d'événements", "Event types")}</legend>
                <ul>{types}</ul>
            </fieldset>
            <div class="row">
                <div>
                    <label for="f-actor">{t("Acteur", "Actor")}</label>
                    <select id="f-actor" on:change=on_select("actor")>
                        <option value="" prop:selected=move || filter.with(|f| f.actor.is_none())>
                            {t("Tous", "All")}
                        </option>
                        {move || select_options(choices.get().0, filter.with(|f| f.actor.clone()), true)}
                    </select>
                </div>
                <div>
                    <label for="f-place">{t("Lieu", "Place")}</label>
                    <select id="f-place" on:change=on_select("place")>
                        <option value="" prop:selected=move || filter.with(|f| f.place.is_none())>
                            {t("Tous", "All")}
                        </option>
                        {move || select_options(choices.get().1, filter.with(|f| f.place.clone()), false)}
                    </select>
                </div>
            </div>
            <label for="f-modality">{t("Modalité", "Modality")}</label>
            <select
                id="f-modality"
                on:change=move |ev| {
                    let m = Modality::parse(&event_target_value(&ev));
                    set(false, Box::new(move |f| f.modality = m));
                }
            >
                <option value="" prop:selected=move || filter.with(|f| f.modality.is_none())>
                    {t("Toutes", "All")}
                </option>
                {move || {
                    let lang = st.lang();
                    let cur = filter.with(|f| f.modality);
                    Modality::ALL
                        .into_iter()
                        .map(|m| {
                            view! {
                                <option value=m.as_str() prop:selected=cur == Some(m)>
                                    {modality_label(m, lang)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <div class="row">
                <div>
                    <label for="f-from">{t("Du", "From")}</label>
                    <input
                        id="f-from"
                        type="date"
                        prop:value=move || filter.with(|f| f.from.clone().unwrap_or_default())
                        on:change=on_date("from")
                    />
                </div>
                <div>
                    <label for="f-to">{t("Au", "To")}</label>
                    <input
                        id="f-to"
                        type="date"
                        prop:value=move || filter.with(|f| f.to.clone().unwrap_or_default())
                        on:change=on_date("to")
                    />
                </div>
            </div>
            <button
                type="button"
                class="reset"
                disabled=move || filter.with(Filter::is_empty)
                on:click=move |_| set(false, Box::new(|f| *f = Filter::default()))
            >
                {t("Effacer les filtres", "Clear filters")}
            </button>
        </section>
    }
}
