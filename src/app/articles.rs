//! The list of articles: title or first words, date, number of (filtered) events, the mix of
//! event types at a glance; yours are marked and removable.

use leptos::prelude::*;

use super::i18n;
use super::state::use_state;
use crate::engine::EventType;
use crate::explore::{Lang, Mode, type_label};

/// Per article: events passing the filters, all events, and the filtered ones by type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleCounts {
    pub shown: usize,
    pub total: usize,
    pub by_type: Vec<(EventType, usize)>,
}

/// The badge of an article you added (in the list and over the article).
pub(super) fn mine_badge(lang: Lang) -> impl IntoView {
    view! { <span class="badge mine">{lang.pick("votre article", "your article")}</span> }
}

/// The list named « Articles ».
#[component]
pub fn ArticleList() -> impl IntoView {
    let st = use_state();
    let counts = Memo::new(move |_| {
        let filtered = st.filtered.get();
        st.corpus.with(|c| {
            let mut out: Vec<(usize, [usize; 16])> = vec![(0, [0; 16]); c.entries.len()];
            for &i in filtered.iter() {
                let e = &c.events[i];
                out[e.doc].0 += 1;
                out[e.doc].1[e.kind as usize] += 1;
            }
            c.entries
                .iter()
                .zip(out)
                .map(|(entry, (shown, types))| ArticleCounts {
                    shown,
                    total: entry.doc.events.len(),
                    by_type: EventType::ALL
                        .into_iter()
                        .zip(types)
                        .filter(|(_, n)| *n > 0)
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    let current = Memo::new(move |_| st.view.with(|v| v.article.clone()));

    let items = move || {
        let lang = st.lang();
        let counts = counts.get();
        st.corpus
            .get()
            .entries
            .iter()
            .zip(counts)
            .map(|(entry, n)| {
                let id = entry.doc.id.clone();
                let href = {
                    let id = id.clone();
                    move || {
                        let mut v = st.view.get();
                        v.article = Some(id.clone());
                        v.mode = Mode::Article;
                        st.href(&v)
                    }
                };
                let open = {
                    let id = id.clone();
                    move |ev: leptos::ev::MouseEvent| {
                        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                            return;
                        }
                        ev.prevent_default();
                        st.update(false, |v| {
                            v.article = Some(id.clone());
                            v.mode = Mode::Article;
                        });
                        super::focus_id("article-title");
                    }
                };
                let is_current = {
                    let id = id.clone();
                    move || current.with(|c| c.as_deref() == Some(id.as_str()))
                };
                let total: usize = n.by_type.iter().map(|(_, k)| k).sum();
                let mix = n
                    .by_type
                    .iter()
                    .map(|(t, k)| {
                        let width = format!("width:{:.2}%", 100.0 * *k as f64 / total as f64);
                        view! {
                            <span
                                class=format!("seg t-{}", t.as_str())
                                style=width
                                title=format!("{} : {k}", type_label(*t, lang))
                            ></span>
                        }
                    })
                    .collect_view();
                let mix_text = n
                    .by_type
                    .iter()
                    .map(|(t, k)| format!("{} {k}", type_label(*t, lang)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let remove = entry.user.then(|| {
                    let id = id.clone();
                    let title = entry.title.clone();
                    view! {
                        <button
                            type="button"
                            class="remove"
                            aria-label=format!(
                                "{} « {title} »",
                                lang.pick("Retirer l'article", "Remove the article"),
                            )
                            on:click=move |_| st.remove_user_article(&id)
                        >
                            {lang.pick("Retirer", "Remove")}
                        </button>
                    }
                });
                let unsaved = (entry.user && !entry.saved).then(|| {
                    view! {
                        <span class="badge warn">
                            {lang.pick("non conservé", "not kept")}
                        </span>
                    }
                });
                let is_current2 = is_current.clone();
                view! {
                    <li class="article" class:current=is_current class:mine=entry.user>
                        <a
                            href=href
                            on:click=open
                            aria-current=move || is_current2().then_some("page")
                        >
                            <span class="a-title">{entry.title.clone()}</span>
                            <span class="a-meta">
                                {entry.user.then(|| mine_badge(lang))}
                                {unsaved}
                                {entry.doc.date.clone().map(|d| view! { <span class="date">{d}</span> })}
                                <span class="n">{i18n::filtered_count(n.shown, n.total, lang)}</span>
                            </span>
                            <span class="mix" aria-hidden="true">
                                {mix}
                            </span>
                            <span class="sr-only">{mix_text}</span>
                        </a>
                        {remove}
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="panel articles-panel" aria-labelledby="articles-h">
            <h2 id="articles-h">"Articles"</h2>
            <ul class="articles" aria-label="Articles">
                {items}
            </ul>
        </section>
    }
}
