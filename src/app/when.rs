//! An event's date in the page: a `<time datetime="…">` element (machine-readable, as the record
//! gives it), marked when the article's date stands for it because the sentence names none.

use leptos::prelude::*;

use crate::engine::{DateOrigin, Event};
use crate::explore::Lang;

/// The event's date as a `<time>`, with « (article) » after it when it is the article's date
/// rather than one the text gives; nothing when the event has no date.
pub fn event_date(e: &Event, lang: Lang) -> Option<impl IntoView + use<>> {
    let d = e.date.as_ref()?;
    let from_article = d.origin == DateOrigin::Article;
    let note = from_article.then(|| {
        lang.pick(
            "date de l'article : le texte ne date pas l'événement",
            "the article's date: the text does not date the event",
        )
    });
    Some(view! {
        <time
            datetime=d.value.clone()
            class="date"
            class:from-article=from_article
            data-precision=d.precision.as_str()
            data-origin=d.origin.as_str()
            title=note
        >
            {d.value.clone()}
        </time>
        {note.map(|n| {
            view! {
                <span class="date-origin" aria-hidden="true">" (article)"</span>
                <span class="sr-only">{format!(" ({n})")}</span>
            }
        })}
    })
}
