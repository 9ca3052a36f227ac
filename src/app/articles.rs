//! The list of articles: title or first words, date, number of (filtered) events, the mix of
//! event types at a glance; yours are marked and removable.

use leptos::prelude::*;

use super::i18n;
use super::state::use_state;
use crate::engine::EventType;
use crate::explore::{Lang, Mode, fixed, type_label};

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

/// The list named « Articles »: one item per article, keyed by its id, created once; a change of
/// filter updates only the numbers and type mixes that change (each item watches its own counts).
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
    // Choosing an article notifies its item and the previous one only.
    let current = Selector::new(move || st.view.with(|v| v.article.clone()));
    let entries = move || {
        st.corpus
            .with(|c| c.entries.iter().cloned().enumerate().collect::<Vec<_>>())
    };
    // The items read the language once: a change of language draws the list anew, and the many
    // items do not each watch it.
    let list = move || {
        let lang = st.lang();
        let current = current.clone();
        view! {
            <For
                each=entries
                key=|(pos, entry)| (*pos, entry.doc.id.clone())
                children=move |(pos, entry)| {
                    let n = Memo::new(move |_| {
                        counts.with(|c| c.get(pos).cloned().unwrap_or_default())
                    });
                    view! { <ArticleItem entry n current=current.clone() lang /> }
                }
            />
        }
    };

    view! {
        <section class="panel articles-panel" aria-labelledby="articles-h">
            <h2 id="articles-h">"Articles"</h2>
            <ul class="articles" aria-label="Articles">
                {list}
            </ul>
        </section>
    }
}

/// One article of the list; `n` is its counts, `current` tells whether it is the chosen one.
#[component]
fn ArticleItem(
    entry: super::state::Entry,
    n: Memo<ArticleCounts>,
    current: Selector<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let st = use_state();
    let id = entry.doc.id.clone();
    let href = {
        let id = id.clone();
        move || st.article_href(&id)
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
        let key = Some(id.clone());
        move || current.selected(&key)
    };
    let is_current2 = is_current.clone();
    // The mix of types: one bar painted by a gradient (a stop per type), not an element per type.
    let mix = move || n.with(|n| mix_gradient(&n.by_type));
    let mix_text = move || {
        n.with(|n| {
            n.by_type
                .iter()
                .map(|(t, k)| format!("{} {k}", type_label(*t, lang)))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let count = move || n.with(|n| i18n::filtered_count(n.shown, n.total, lang));
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
                on:click=move |_| st.remove_user_articles(Some(&id))
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
    let mine = entry.user.then(|| mine_badge(lang));
    view! {
        <li class="article" class:current=is_current2 class:mine=entry.user>
            <a
                href=href
                on:click=open
                aria-current=move || is_current().then_some("page")
            >
                <span class="a-title">{entry.title.clone()}</span>
                <span class="a-meta">
                    {mine}
                    {unsaved}
                    {entry.doc.date.clone().map(|d| view! { <span class="date">{d}</span> })}
                    <span class="n">{count}</span>
                </span>
                <span class="mix" aria-hidden="true" style:background-image=mix></span>
                <span class="sr-only">{mix_text}</span>
            </a>
            {remove}
        </li>
    }
}

/// The background image of an article's type-mix bar: each type's share of the events in its
/// colour, in the order of `by_type`, a 1 px gap between two. Set as a style property (the page's
/// Content-Security-Policy forbids `style` attributes, not the CSS object model).
pub fn mix_gradient(by_type: &[(EventType, usize)]) -> String {
    let total: usize = by_type.iter().map(|(_, k)| k).sum();
    if total == 0 {
        return String::new();
    }
    let mut stops = Vec::with_capacity(2 * by_type.len());
    let mut upto = 0;
    for (i, &(t, k)) in by_type.iter().enumerate() {
        upto += k;
        let end = 100.0 * upto as f64 / total as f64;
        let colour = format!("var(--c-{})", t.as_str());
        if i + 1 < by_type.len() {
            let end = fixed(end, 2);
            stops.push(format!("{colour} 0 calc({end}% - 1px)"));
            stops.push(format!("transparent 0 {end}%"));
        } else {
            stops.push(format!("{colour} 0"));
        }
    }
    format!("linear-gradient(90deg,{})", stops.join(","))
}
