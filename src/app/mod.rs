//! The explorer: a Leptos single-page app over the engine, compiled to WebAssembly.

use leptos::prelude::*;

use crate::corpus::ARTICLES;

/// Mounts the app on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"Dépêche"</h1>
            <ul aria-label="Articles">
                {ARTICLES
                    .iter()
                    .map(|a| view! { <li>{a.text.lines().find(|l| !l.trim().is_empty()).unwrap_or(a.id).trim().to_string()}</li> })
                    .collect_view()}
            </ul>
        </main>
    }
}
