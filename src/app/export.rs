//! Export of the filtered events (all articles) as JSON (the ontology's record), CSV (ACLED-like
//! columns) and GeoJSON, written by [`crate::export`] (as the CLI's are) and downloaded through a
//! Blob, an object URL and an `<a download>` named after what the file holds and the day.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, use_state};
use crate::engine::Document;
use crate::export::{self, ExportRow, export_csv, export_geojson, export_json, file_name};

/// The formats the page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    GeoJson,
}

impl Format {
    /// The library's format.
    fn export_format(self) -> export::Format {
        match self {
            Format::Json => export::Format::Json,
            Format::Csv => export::Format::Csv,
            Format::GeoJson => export::Format::GeoJson,
        }
    }
}

/// The export file's content for the current filters.
pub fn export_content(st: AppState, format: Format) -> String {
    let filtered = st.filtered.get_untracked();
    st.corpus.with_untracked(|c| match format {
        Format::Json => {
            let mut docs: Vec<Document> = c
                .entries
                .iter()
                .map(|e| Document {
                    events: Vec::new(),
                    ..(*e.doc).clone()
                })
                .collect();
            for &i in filtered.iter() {
                let ev = &c.events[i];
                docs[ev.doc]
                    .events
                    .push(c.entries[ev.doc].doc.events[ev.index].clone());
            }
            export_json(&docs)
        }
        Format::Csv | Format::GeoJson => {
            let rows: Vec<ExportRow> = filtered
                .iter()
                .map(|&i| {
                    let ev = &c.events[i];
                    let entry = &c.entries[ev.doc];
                    ExportRow {
                        doc: &entry.doc,
                        text: &entry.text,
                        index: ev.index,
                        event: &entry.doc.events[ev.index],
                    }
                })
                .collect();
            if format == Format::Csv {
                export_csv(&rows, ',')
            } else {
                export_geojson(&rows)
            }
        }
    })
}

/// The download's file name: the one article the filtered events come from, else the filters,
/// and today's date.
pub fn export_file_name(st: AppState, format: Format) -> String {
    let filtered = st.filtered.get_untracked();
    let single = st.corpus.with_untracked(|c| {
        let mut docs = filtered.iter().map(|&i| c.events[i].doc);
        let first = docs.next()?;
        docs.all(|d| d == first)
            .then(|| c.entries[first].doc.id.clone())
    });
    let today = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .map(|s| s.chars().take(10).collect::<String>())
        .unwrap_or_default();
    st.view
        .with_untracked(|v| file_name(&v.filter, single.as_deref(), &today, format.export_format()))
}

/// Offers `content` as a file download; returns false when the browser refuses.
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    let run = || -> Result<(), wasm_bindgen::JsValue> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("hidden", "")?;
        let body = document().body().ok_or("no body")?;
        body.append_child(&a)?;
        a.click();
        a.remove();
        gloo::timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Ok(())
    };
    run().is_ok()
}

/// The export buttons.
#[component]
pub fn Export() -> impl IntoView {
    let st = use_state();
    let n = Memo::new(move |_| st.filtered.with(|f| f.len()));
    let save = move |format: Format| {
        let mime = match format {
            Format::Json => "application/json",
            Format::Csv => "text/csv;charset=utf-8",
            Format::GeoJson => "application/geo+json",
        };
        let content = export_content(st, format);
        if !download(&export_file_name(st, format), mime, &content) {
            st.notify(
                true,
                st.lang_untracked().pick(
                    "Le navigateur a refusé le téléchargement.",
                    "The browser refused the download.",
                ),
            );
        }
    };
    let t = move |fr: &'static str, en: &'static str| move || st.lang().pick(fr, en);
    view! {
        <section class="panel export" aria-labelledby="export-h">
            <h2 id="export-h">{t("Exporter", "Export")}</h2>
            <p class="hint">
                {move || {
                    let lang = st.lang();
                    match lang {
                        crate::explore::Lang::Fr => {
                            format!("Les {} événements filtrés, de tous les articles.", n.get())
                        }
                        crate::explore::Lang::En => {
                            format!("The {} filtered events, from all articles.", n.get())
                        }
                    }
                }}
            </p>
            <div class="actions">
                <button type="button" data-format="json" on:click=move |_| save(Format::Json)>
                    "JSON"
                </button>
                <button type="button" data-format="csv" on:click=move |_| save(Format::Csv)>
                    "CSV"
                </button>
                <button type="button" data-format="geojson" on:click=move |_| save(Format::GeoJson)>
                    "GeoJSON"
                </button>
            </div>
        </section>
    }
}
