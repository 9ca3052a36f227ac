//! The timeline: the events passing every filter but the dates, by day, week, month or year
//! (chosen from their span), each bar stacked by type; choosing a bar sets the date filter to
//! its period. Undated events are counted beside it, and a date filter says how many it hides
//! and lets you include them.

use leptos::prelude::*;

use super::super::i18n;
use super::super::state::use_state;
use crate::explore::{Filter, Lang, event_date, fixed, type_label};
use crate::overview::{Bar, Grain, Timeline, timeline, type_list};

/// How a bar's period reads: « 21/10/2017 », « semaine du 16/10/2017 », « 10/2017 », « 2017 ».
fn period_text(b: &Bar, grain: Grain, lang: Lang) -> String {
    let dmy = |d: &str| {
        let p: Vec<&str> = d.split('-').collect();
        p.iter().rev().copied().collect::<Vec<_>>().join("/")
    };
    match grain {
        Grain::Day | Grain::Month | Grain::Year => dmy(&b.period),
        Grain::Week => format!("{} {}", lang.pick("semaine du", "week of"), dmy(&b.from)),
    }
}

/// The short label under a bar.
fn tick(b: &Bar, grain: Grain) -> String {
    let p: Vec<&str> = b.period.split('-').collect();
    match (grain, p.as_slice()) {
        (Grain::Day | Grain::Week, [_, m, d]) => format!("{d}/{m}"),
        (Grain::Month, [y, m]) => format!("{m}/{}", &y[2..]),
        _ => b.period.clone(),
    }
}

/// The timeline of the events that pass the filters but the dates.
#[component]
pub fn TimelineView() -> impl IntoView {
    let st = use_state();
    let filter = Memo::new(move |_| st.view.with(|v| v.filter.clone()));
    let line = Memo::new(move |_| {
        let without_dates = filter.with(Filter::without_dates);
        let f = without_dates.compile();
        st.corpus.with(|c| {
            timeline(c.events.iter().filter(|e| f.matches(e)).map(|e| {
                let d = &c.entries[e.doc].doc;
                (event_date(&d.events[e.index]), e.kind)
            }))
        })
    });
    let chosen = Memo::new(move |_| filter.with(|f| (f.from.clone(), f.to.clone())));

    let bars = move || {
        let lang = st.lang();
        let Timeline { grain, bars, .. } = line.get();
        let max = bars.iter().map(|b| b.total).max().unwrap_or(0).max(1);
        let every = bars.len().div_ceil(8).max(1);
        let last = bars.len().saturating_sub(1);
        bars.into_iter()
            .enumerate()
            .map(|(i, b)| {
                let on = {
                    let (from, to) = (b.from.clone(), b.to.clone());
                    move || {
                        chosen.with(|(f, t)| f.as_ref() == Some(&from) && t.as_ref() == Some(&to))
                    }
                };
                let types: Vec<String> = type_list(&b.by_type)
                    .into_iter()
                    .map(|(t, n)| format!("{n} {}", type_label(t, lang)))
                    .collect();
                let mut label = format!(
                    "{} : {}",
                    period_text(&b, grain, lang),
                    i18n::events_count(b.total, lang)
                );
                if !types.is_empty() {
                    label.push_str(&format!(" ({})", types.join(", ")));
                }
                let segments = type_list(&b.by_type)
                    .into_iter()
                    .map(|(t, n)| {
                        view! {
                            <span
                                class=format!("seg t-{}", t.as_str())
                                style:height=format!("{}%", fixed(n as f64 * 100.0 / max as f64, 2))
                            ></span>
                        }
                    })
                    .collect_view();
                let show_tick = i % every == 0 || i == last;
                let (from, to) = (b.from.clone(), b.to.clone());
                let choose = move |_| {
                    let (from, to) = (from.clone(), to.clone());
                    st.update(false, move |v| {
                        let f = &mut v.filter;
                        // Choosing the chosen period again clears it.
                        if f.from.as_ref() == Some(&from) && f.to.as_ref() == Some(&to) {
                            f.from = None;
                            f.to = None;
                        } else {
                            f.from = Some(from);
                            f.to = Some(to);
                        }
                    });
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="bar"
                            class:on=on.clone()
                            aria-pressed=move || on().to_string()
                            aria-label=label
                            data-period=b.period.clone()
                            data-count=b.total
                            on:click=choose
                        >
                            <span class="stack" aria-hidden="true">{segments}</span>
                            <span class="tick" aria-hidden="true">
                                {show_tick.then(|| tick(&b, grain))}
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    let label = move || {
        let lang = st.lang();
        let grain = line.with(|l| l.grain);
        let by = match (grain, lang) {
            (Grain::Day, Lang::Fr) => "par jour",
            (Grain::Week, Lang::Fr) => "par semaine",
            (Grain::Month, Lang::Fr) => "par mois",
            (Grain::Year, Lang::Fr) => "par année",
            (Grain::Day, Lang::En) => "by day",
            (Grain::Week, Lang::En) => "by week",
            (Grain::Month, Lang::En) => "by month",
            (Grain::Year, Lang::En) => "by year",
        };
        format!(
            "{} {by}",
            lang.pick("Chronologie des événements", "Timeline of the events")
        )
    };

    // What the bars leave out: undated events (and whether the date filter hides them), and
    // events dated less precisely than a bar.
    let beside = move || {
        let lang = st.lang();
        let (undated, coarse) = line.with(|l| (l.undated, l.coarse));
        let (dates, included) = filter.with(|f| (f.has_dates(), f.undated));
        let text = match (dates, included, lang) {
            (false, _, Lang::Fr) => format!("Sans date : {}", i18n::events_count(undated, lang)),
            (false, _, Lang::En) => format!("Undated: {}", i18n::events_count(undated, lang)),
            (true, false, Lang::Fr) => format!(
                "Sans date : {}, {} par le filtre de dates",
                i18n::events_count(undated, lang),
                if undated > 1 { "masqués" } else { "masqué" }
            ),
            (true, false, Lang::En) => format!(
                "Undated: {}, hidden by the date filter",
                i18n::events_count(undated, lang)
            ),
            (true, true, Lang::Fr) => format!(
                "Sans date : {}, inclus malgré le filtre de dates",
                i18n::events_count(undated, lang)
            ),
            (true, true, Lang::En) => format!(
                "Undated: {}, included despite the date filter",
                i18n::events_count(undated, lang)
            ),
        };
        let toggle = (dates && undated > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="include-undated"
                    aria-pressed=included.to_string()
                    on:click=move |_| st.update(false, |v| v.filter.undated = !v.filter.undated)
                >
                    {if included {
                        lang.pick("Les masquer", "Hide them")
                    } else {
                        lang.pick("Les inclure", "Include them")
                    }}
                </button>
            }
        });
        let coarse_note = (coarse > 0).then(|| {
            let text = match lang {
                Lang::Fr => format!(
                    "{} datés moins précisément qu'une barre",
                    i18n::events_count(coarse, lang)
                ),
                Lang::En => format!(
                    "{} dated less precisely than a bar",
                    i18n::events_count(coarse, lang)
                ),
            };
            view! { <span class="coarse">{text}</span> }
        });
        view! {
            <p class="undated" data-undated=undated data-coarse=coarse>
                <span>{text}</span>
                {toggle}
                {coarse_note}
            </p>
        }
    };

    view! {
        <div class="timeline-box">
            <div class="timeline" role="group" aria-label=label>
                <ol class="bars">{bars}</ol>
            </div>
            {beside}
        </div>
    }
}
