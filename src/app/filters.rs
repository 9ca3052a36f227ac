//! Filters: event types (with counts), actor, place, modality, date range, free-text search.
//! They apply to the event lists, the overview and the article counts, and live in the URL.
//! First beside the results on a wide screen; at the top, folded, on a phone.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::Field;
use super::i18n;
use super::state::use_state;
use crate::engine::{EventType, Modality};
use crate::explore::{Filter, Lang, actor_key_label, modality_label, type_label, valid_date};

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
                tally(&mut actors, &e.actors);
                tally(&mut places, &e.places);
            }
            (
                actors.into_iter().collect::<Vec<_>>(),
                places.into_iter().collect::<Vec<_>>(),
            )
        })
    });
    // With a date bound: the undated events it hides (those that pass every other filter).
    let undated = Memo::new(move |_| {
        let f = filter.get();
        if !f.has_dates() {
            return 0;
        }
        let f = f.without_dates();
        let f = f.compile();
        st.corpus.with(|c| {
            c.events
                .iter()
                .filter(|e| e.date.is_none() && f.matches(e))
                .count()
        })
    });
    let total = Memo::new(move |_| st.corpus.with(|c| c.events.len()));
    let shown = Memo::new(move |_| st.filtered.with(|f| f.len()));

    let set = move |replace: bool, change: Box<dyn FnOnce(&mut Filter)>| {
        st.update(replace, move |v| change(&mut v.filter));
    };

    // The type checkboxes are drawn once; their state, count and label follow (so that a click
    // neither redraws the list nor loses the keyboard focus).
    let types = EventType::ALL
        .into_iter()
        .map(|t| {
            let n = Memo::new(move |_| type_counts.with(|c| c[t as usize]));
            let checked = Memo::new(move |_| filter.with(|f| f.types.contains(&t)));
            let id = format!("type-{}", t.as_str());
            view! {
                <li class:zero=move || n.get() == 0>
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
                        {move || type_label(t, st.lang())}
                        <span class="count">{move || format!(" ({})", n.get())}</span>
                    </label>
                </li>
            }
        })
        .collect_view();

    // A menu's options: the choices, and the current value if it is not among them (count 0).
    // Drawn again only when these or the language change; which one is selected follows.
    let select_options = move |slot: Slot| {
        let actors = slot == Slot::Actor;
        let current = Memo::new(move |_| filter.with(|f| slot.of(f).clone()));
        let items = Memo::new(move |_| {
            let c = current.get();
            choices.with(|(a, p)| {
                let mut items = if actors { a.clone() } else { p.clone() };
                if let Some(c) = c
                    && !items.iter().any(|(k, _)| *k == c)
                {
                    items.push((c, 0));
                }
                items
            })
        });
        move || {
            let lang = st.lang();
            items
                .get()
                .into_iter()
                .map(|(k, n)| {
                    let name = if actors {
                        actor_key_label(&k, lang)
                    } else {
                        k.clone()
                    };
                    let label = format!("{name} ({n})");
                    let selected = {
                        let k = k.clone();
                        move || current.with(|c| c.as_deref() == Some(k.as_str()))
                    };
                    view! {
                        <option value=k prop:selected=selected>
                            {label}
                        </option>
                    }
                })
                .collect_view()
        }
    };

    // A new value for an actor, place or date slot (an empty one, or an invalid date, clears it).
    let put = move |slot: Slot, v: String| {
        let valid = match slot {
            Slot::Actor | Slot::Place => !v.is_empty(),
            Slot::From | Slot::To => valid_date(&v),
        };
        let v = valid.then_some(v);
        set(false, Box::new(move |f| *slot.of_mut(f) = v));
    };
    // The actor and place menus.
    let choice = move |slot: Slot, id: &'static str, fr: &'static str, en: &'static str| {
        view! {
            <div>
                <label for=id>{move || st.lang().pick(fr, en)}</label>
                <select id=id on:change=move |ev| put(slot, event_target_value(&ev))>
                    <option value="" prop:selected=move || filter.with(|f| slot.of(f).is_none())>
                        {move || st.lang().pick("Tous", "All")}
                    </option>
                    {select_options(slot)}
                </select>
            </div>
        }
    };
    let date = move |slot: Slot, id: &'static str, fr: &'static str, en: &'static str| {
        view! {
            <Field
                id
                kind="date"
                label=move || st.lang().pick(fr, en)
                value=move || filter.with(|f| slot.of(f).clone().unwrap_or_default())
                on_value=move |v| put(slot, v)
                on_change=true
            />
        }
    };

    let t = move |fr: &'static str, en: &'static str| move || st.lang().pick(fr, en);
    // Unfolded (on a phone, where the panel starts folded under its heading and count).
    let open = RwSignal::new(false);

    view! {
        <section class="panel filters" class:open=open aria-labelledby="filters-h">
            <div class="filters-head">
                <h2 id="filters-h">{t("Filtres", "Filters")}</h2>
                <p class="summary" aria-live="polite">
                    {move || i18n::filtered_count(shown.get(), total.get(), st.lang())}
                </p>
                <button
                    type="button"
                    class="filters-toggle"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || {
                        if open.get() {
                            st.lang().pick("Masquer", "Hide")
                        } else {
                            st.lang().pick("Afficher", "Show")
                        }
                    }}
                </button>
            </div>
            <Field
                id="f-q"
                kind="search"
                label=t("Rechercher", "Search")
                placeholder=t("mots, acteur, lieu…", "words, actor, place…")
                autocomplete="off"
                value=move || filter.with(|f| f.q.clone())
                on_value=move |q| set(true, Box::new(move |f| f.q = q))
            />
            <fieldset class="types">
                <legend>{t("Types d'événements", "Event types")}</legend>
                <ul>{types}</ul>
            </fieldset>
            <div class="row">
                {choice(Slot::Actor, "f-actor", "Acteur", "Actor")}
                {choice(Slot::Place, "f-place", "Lieu", "Place")}
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
                {Modality::ALL
                    .into_iter()
                    .map(|m| {
                        view! {
                            <option
                                value=m.as_str()
                                prop:selected=move || filter.with(|f| f.modality == Some(m))
                            >
                                {move || modality_label(m, st.lang())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <div class="row">
                {date(Slot::From, "f-from", "Du", "From")}
                {date(Slot::To, "f-to", "Au", "To")}
            </div>
            {move || {
                let n = undated.get();
                (n > 0)
                    .then(|| {
                        let text = match (st.lang(), n) {
                            (Lang::Fr, 1) => "Inclure l'événement sans date".to_string(),
                            (Lang::Fr, _) => format!("Inclure les {n} événements sans date"),
                            (Lang::En, 1) => "Include the undated event".to_string(),
                            (Lang::En, _) => format!("Include the {n} undated events"),
                        };
                        view! {
                            <div class="check">
                                <input
                                    type="checkbox"
                                    id="f-undated"
                                    prop:checked=move || filter.with(|f| f.undated)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        set(false, Box::new(move |f| f.undated = on));
                                    }
                                />
                                <label for="f-undated">{text}</label>
                            </div>
                        }
                    })
            }}
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

/// Counts each key once per event (for the menus here and the overview's counts).
pub fn tally(counts: &mut BTreeMap<String, usize>, keys: &[String]) {
    for (i, k) in keys.iter().enumerate() {
        if !keys[..i].contains(k) {
            *counts.entry(k.clone()).or_default() += 1;
        }
    }
}

/// A filter field that holds one optional value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Actor,
    Place,
    From,
    To,
}

impl Slot {
    fn of(self, f: &Filter) -> &Option<String> {
        match self {
            Slot::Actor => &f.actor,
            Slot::Place => &f.place,
            Slot::From => &f.from,
            Slot::To => &f.to,
        }
    }

    fn of_mut(self, f: &mut Filter) -> &mut Option<String> {
        match self {
            Slot::Actor => &mut f.actor,
            Slot::Place => &mut f.place,
            Slot::From => &mut f.from,
            Slot::To => &mut f.to,
        }
    }
}
