//! The explorer: a Leptos single-page app over the engine, compiled to WebAssembly.
//!
//! One page, no router; the whole view (article, filters, language, table sort) lives in the URL's
//! query string ([`mod@location`] reads it and writes it through the history) so that a link
//! reproduces it and back/forward work. Components by feature:
//! [`articles`] (the list), [`article_view`] (text with highlights and the event list),
//! [`events`] (the corpus-wide table), [`overview`] (map, timeline and counts: the first view),
//! [`filters`], [`paste`] (your own articles), [`export`];
//! [`state`] holds the shared state, [`i18n`] the interface texts. Articles are added by a Web
//! Worker ([`worker`], driven by [`import`]) and kept in IndexedDB ([`store`]).

pub mod article_view;
pub mod articles;
pub mod events;
pub mod export;
pub mod filters;
pub mod i18n;
pub mod import;
pub mod location;
pub mod overview;
pub mod paste;
pub mod state;
pub mod store;
pub mod when;
pub mod worker;

use leptos::prelude::*;

use crate::explore::{self, Lang, Mode};
use state::{AppState, use_state};

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The page: one view whatever the path (GitHub Pages serves no rewrites, and the page must work
/// under any subpath and from `file://`), its state in the query ([`mod@location`]).
#[component]
pub fn App() -> impl IntoView {
    let st = AppState::provide();
    let lang = Memo::new(move |_| st.lang());
    let mode = Memo::new(move |_| st.view.with(|v| v.mode));

    // <html lang> and the window title follow the language.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
        document().set_title(l.pick(
            "Dépêche — événements de conflit dans la presse",
            "Dépêche — conflict events in the news",
        ));
    });

    // Dates in the address that are not dates are ignored: said so, not an invisible filter.
    Effect::new(move |_| {
        let rejected = explore::rejected_dates(&st.location.search());
        if !rejected.is_empty() {
            let text = match st.lang_untracked() {
                Lang::Fr => format!(
                    "L'adresse contient une date invalide, ignorée : {}.",
                    rejected.join(", ")
                ),
                Lang::En => format!(
                    "The address holds an invalid date, ignored: {}.",
                    rejected.join(", ")
                ),
            };
            st.notify(true, text);
        }
    });
    // An article opened (from any list or link) takes the keyboard focus, once it is drawn.
    let article = Memo::new(move |_| st.view.with(|v| v.article.clone()));
    Effect::new(move |prev: Option<Option<String>>| {
        let now = article.get();
        if prev.is_some_and(|p| p != now) && now.is_some() {
            request_animation_frame(|| focus_id_in_place("article-title"));
        }
        now
    });

    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_id("main");
    };
    let set_mode = move |m: Mode| st.update(false, |v| v.mode = m);

    view! {
        <a class="skip" href="#main" on:click=skip>
            {move || lang.get().pick("Aller au contenu", "Skip to content")}
        </a>
        <header class="top">
            <div class="brand">
                <h1>"Dépêche"</h1>
                <p class="tagline">
                    {move || {
                        lang.get()
                            .pick(
                                "Les événements de conflit dans les dépêches, et le texte qui les fonde.",
                                "Conflict events in news dispatches, and the text behind them.",
                            )
                    }}
                </p>
            </div>
            <nav
                class="modes"
                aria-label=move || lang.get().pick("Vue", "View")
            >
                {[
                    (Mode::Overview, "Vue d'ensemble", "Overview"),
                    (Mode::Article, "Par article", "By article"),
                    (Mode::Table, "Tous les événements", "All events"),
                ]
                    .map(|(m, fr, en)| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (mode.get() == m).to_string()
                                on:click=move |_| set_mode(m)
                            >
                                {move || lang.get().pick(fr, en)}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="lang"
                    lang=move || lang.get().pick("en", "fr")
                    on:click=move |_| {
                        st.update(
                            false,
                            |v| {
                                v.lang = match v.lang {
                                    Lang::Fr => Lang::En,
                                    Lang::En => Lang::Fr,
                                };
                            },
                        )
                    }
                >
                    {move || lang.get().pick("English", "Français")}
                </button>
            </nav>
        </header>
        <Notices />
        <div class="layout">
            <aside class="side">
                <filters::Filters />
                <articles::ArticleList />
                <paste::Paste />
                <export::Export />
            </aside>
            <main id="main" tabindex="-1">
                {move || match mode.get() {
                    Mode::Overview => view! { <overview::Overview /> }.into_any(),
                    Mode::Article => view! { <article_view::ArticleView /> }.into_any(),
                    Mode::Table => view! { <events::EventTable /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// A label and its input, in a `div`: the input shows `value` and hands each new value to
/// `on_value`, as it is typed, or only once committed (the `change` event) with `on_change`.
#[component]
pub fn Field(
    id: &'static str,
    kind: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_value: Callback<String>,
    #[prop(optional)] on_change: bool,
    #[prop(optional, into)] placeholder: Option<Signal<&'static str>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div>
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                placeholder=move || placeholder.map(|p| p.get())
                prop:value=move || value.get()
                on:input=move |ev| {
                    if !on_change {
                        on_value.run(event_target_value(&ev));
                    }
                }
                on:change=move |ev| {
                    if on_change {
                        on_value.run(event_target_value(&ev));
                    }
                }
            />
        </div>
    }
}

/// Messages (errors and notes), announced to screen readers, dismissible.
#[component]
fn Notices() -> impl IntoView {
    let st = use_state();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For
                each=move || st.notices.get()
                key=|n| n.id
                children=move |n| {
                    let id = n.id;
                    view! {
                        <p class="notice" class:error=n.error>
                            <span>{n.text}</span>
                            <button
                                type="button"
                                class="close"
                                aria-label=move || st.lang().pick("Fermer le message", "Dismiss")
                                on:click=move |_| st.notices.update(|ns| ns.retain(|x| x.id != id))
                            >
                                "×"
                            </button>
                        </p>
                    }
                }
            />
        </div>
    }
}

/// Scrolls the element with this id into view (centred) if it exists: within its pane when the
/// pane scrolls by itself (wide screens), so that the page does not move; else the page, when
/// `page` allows it.
pub fn scroll_to_id(id: &str, page: bool) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let pane = el
        .closest(".text-pane, .events-pane")
        .ok()
        .flatten()
        .filter(|p| p.scroll_height() > p.client_height());
    if let Some(pane) = pane {
        let (r, pr) = (
            el.get_bounding_client_rect(),
            pane.get_bounding_client_rect(),
        );
        let centre = r.top() - pr.top() + r.height() / 2.0;
        let top = f64::from(pane.scroll_top()) + centre - f64::from(pane.client_height()) / 2.0;
        pane.set_scroll_top(top.max(0.0) as i32);
    } else if page {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Moves the keyboard focus to the element with this id (scrolled into view).
pub fn focus_id(id: &str) {
    focus(id, false);
}

/// Moves the keyboard focus to the element with this id, without scrolling: the view scrolls
/// where it means to (to the chosen event, or not at all).
pub fn focus_id_in_place(id: &str) {
    focus(id, true);
}

fn focus(id: &str, prevent_scroll: bool) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(prevent_scroll);
        let _ = el.focus_with_options(&opts);
    }
}
