//! The corpus-wide view: the events of all articles in one sortable table, with the same filters.

use leptos::prelude::*;

use super::i18n;
use super::state::use_state;
use crate::engine::Modality;
use crate::explore::{
    self, IndexedEvent, Lang, Mode, SortKey, count_label, modality_label, sort_rows, type_label,
};

/// How many rows are drawn before « show more » (and added by it): about five screens of the
/// table's frame; more rows cost every change of filter or sort for rows out of view.
const PAGE: usize = 100;

fn column_label(k: SortKey, lang: Lang) -> &'static str {
    match k {
        SortKey::Article => lang.pick("Article", "Article"),
        SortKey::Date => lang.pick("Date", "Date"),
        SortKey::Type => lang.pick("Type", "Type"),
        SortKey::Agent => lang.pick("Agent", "Agent"),
        SortKey::Place => lang.pick("Lieu", "Place"),
        SortKey::Modality => lang.pick("Modalité", "Modality"),
        SortKey::Count => lang.pick("Nombre", "Count"),
        SortKey::Target => lang.pick("Cible", "Target"),
        SortKey::Source => lang.pick("Source", "Source"),
        SortKey::Trigger => lang.pick("Déclencheur", "Trigger"),
    }
}

/// The table of all filtered events.
#[component]
pub fn EventTable() -> impl IntoView {
    let st = use_state();
    let limit = RwSignal::new(PAGE);
    let sort = Memo::new(move |_| st.view.with(|v| (v.sort, v.desc)));
    let rows = Memo::new(move |_| {
        let filtered = st.filtered.get();
        let (key, desc) = sort.get();
        st.corpus.with(|c| {
            let mut rows: Vec<&IndexedEvent> = filtered.iter().map(|&i| &c.events[i]).collect();
            sort_rows(&mut rows, key, desc);
            rows.into_iter()
                .map(|e| (e.doc, e.index))
                .collect::<Vec<_>>()
        })
    });

    let header_cell = move |k: SortKey| {
        let lang = st.lang();
        let (cur, desc) = sort.get();
        let aria = if cur == k {
            if desc { "descending" } else { "ascending" }
        } else {
            "none"
        };
        let arrow = match (cur == k, desc) {
            (true, false) => " ▲",
            (true, true) => " ▼",
            _ => "",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    on:click=move |_| {
                        st.update(
                            false,
                            |v| {
                                if v.sort == k {
                                    v.desc = !v.desc;
                                } else {
                                    v.sort = k;
                                    v.desc = false;
                                }
                            },
                        )
                    }
                >
                    {column_label(k, lang)}
                    <span aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    // The rows drawn: keyed by (article, event), so that a change of filter or sort adds, removes
    // or moves rows and leaves the others alone. A change of corpus (positions may shift) or of
    // language draws them anew.
    let shown = move || rows.with(|r| r.iter().take(limit.get()).copied().collect::<Vec<_>>());
    let body = move || {
        st.corpus.track();
        let lang = st.lang();
        view! { <For each=shown key=|&k| k children=move |(d, i)| row(d, i, lang) /> }
    };

    let t = move |fr: &'static str, en: &'static str| move || st.lang().pick(fr, en);
    view! {
        <section class="panel table-view" aria-labelledby="table-h">
            <h2 id="article-title" tabindex="-1">
                <span id="table-h">{t("Tous les événements", "All events")}</span>
            </h2>
            <p class="a-meta">
                {move || {
                    let lang = st.lang();
                    let n = rows.with(Vec::len);
                    let total = st.corpus.with(|c| c.events.len());
                    i18n::filtered_count(n, total, lang)
                }}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="table-h">
                <table class="events-table">
                    <thead>
                        <tr>
                            {move || SortKey::ALL.into_iter().map(header_cell).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {move || {
                let n = rows.with(Vec::len);
                (n > limit.get())
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="more"
                                on:click=move |_| limit.update(|l| *l += PAGE)
                            >
                                {move || {
                                    st.lang()
                                        .pick("Afficher plus", "Show more")
                                        .to_string() + &format!(" ({})", n - limit.get())
                                }}
                            </button>
                        }
                    })
            }}
            {move || {
                rows.with(Vec::is_empty)
                    .then(|| {
                        view! {
                            <p class="empty">
                                {st.lang()
                                    .pick(
                                        "Aucun événement ne passe les filtres.",
                                        "No event passes the filters.",
                                    )}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// Opens event `i` of article `id` from a link to it: the article, with the event chosen and
/// brought into view. A click with a modifier is left to the browser (a new tab or window).
pub fn open_event(ev: &leptos::ev::MouseEvent, id: &str, i: usize) {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
        return;
    }
    ev.prevent_default();
    let st = use_state();
    st.selected.set(Some((id.to_string(), i)));
    let id = id.to_string();
    st.update(false, move |v| {
        v.article = Some(id);
        v.mode = Mode::Article;
    });
    request_animation_frame(move || super::scroll_to_id(&format!("li-{i}"), true));
}

/// One row of the table: event `i` of article `d`.
fn row(d: usize, i: usize, lang: Lang) -> impl IntoView {
    let st = use_state();
    let corpus = st.corpus.get_untracked();
    let entry = &corpus.entries[d];
    let e = &entry.doc.events[i];
    let date = super::when::event_date(e, lang);
    // Long words take soft hyphens: a narrow column breaks them at a syllable, never anywhere.
    let hy = |s: String| explore::hyphenate(&s);
    let names = |v: &[crate::engine::ActorRef]| hy(explore::actors_label(v, lang, ", "));
    let id = entry.doc.id.clone();
    let href = {
        let id = id.clone();
        move || st.article_href(&id)
    };
    let open = move |ev: leptos::ev::MouseEvent| open_event(&ev, &id, i);
    // « Asserted » is the default: said to screen readers, not drawn on every row.
    let modality = if e.modality == Modality::Asserted {
        view! { <span class="sr-only">{modality_label(e.modality, lang)}</span> }.into_any()
    } else {
        view! {
            <span class=format!("badge mod-{}", e.modality.as_str())>
                {modality_label(e.modality, lang)}
            </span>
        }
        .into_any()
    };
    view! {
        <tr data-event-type=e.kind.as_str() class=format!("m-{}", e.modality.as_str())>
            <td>
                <a href=href on:click=open title=entry.title.clone()>
                    {hy(explore::first_words(&entry.title, 5))}
                </a>
            </td>
            <td class="when">{date}</td>
            <td>
                <span class=format!("badge t-{}", e.kind.as_str())>{type_label(e.kind, lang)}</span>
            </td>
            <td>{names(&e.agent)}</td>
            <td class="place">{hy(explore::places_label(&e.location))}</td>
            <td>{modality}</td>
            <td class="num">{e.count.as_ref().map(|c| count_label(c, lang))}</td>
            <td>{names(&e.target)}</td>
            <td>{e.source.as_ref().map(|s| hy(explore::actor_label(s, lang)))}</td>
            <td class="trigger">"«\u{a0}" {hy(e.trigger.text.clone())} "\u{a0}»"</td>
        </tr>
    }
}
