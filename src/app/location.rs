//! The page's address, without a router: the app is one page whose view lives in the query
//! string, so all it needs is the current query as a signal (read from `window.location`, followed
//! on back/forward) and a way to change it through the history (`pushState`/`replaceState`, which
//! keep the page's own path: it works under any public URL and from `file://`).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The current query string (with its `?`, or empty), kept in step with the history.
#[derive(Clone, Copy)]
pub struct Location {
    search: RwSignal<String>,
}

impl Location {
    /// Reads the address and follows back/forward (`popstate`) until the current reactive owner
    /// is disposed.
    pub fn follow() -> Location {
        let search = RwSignal::new(current_search());
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            search.set(current_search());
        });
        on_cleanup(move || listener.remove());
        Location { search }
    }

    /// The query string, tracked.
    pub fn search(&self) -> String {
        self.search.get()
    }

    /// The page's path (without query or fragment): the address of its bare view.
    pub fn pathname(&self) -> String {
        window().location().pathname().unwrap_or_default()
    }

    /// Goes to `query` (`?…`, or empty for the bare page) on this page: a new history entry, or
    /// the current one replaced; the page neither reloads nor scrolls.
    pub fn navigate(&self, query: &str, replace: bool) {
        let url = format!("{}{query}", self.pathname());
        if let Ok(history) = window().history() {
            let done = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
            if let Err(e) = done {
                web_sys::console::warn_2(&"history:".into(), &e);
            }
        }
        self.search.set(current_search());
    }
}

/// `window.location.search`.
fn current_search() -> String {
    window().location().search().unwrap_or_default()
}
