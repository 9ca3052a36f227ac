//! Export of the filtered events (all articles) as JSON (the ontology's record), CSV (ACLED-like
//! columns) and GeoJSON, written by [`crate::export`] (as the CLI's are) and downloaded through a
//! Blob, an object URL and an `<a download>` named after what the file holds and the day. The
//! files are written in the worker (`geo_precision` reads the gazetteer, which the page does not
//! load).

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, use_state};
use crate::engine::Document;
use crate::export::{self, file_name};
pub use crate::import::ExportFormat as Format;
use crate::import::ExportRequest;

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

/// The export of the current filters, as a request for the worker, which writes it with the
/// shared writers. JSON: every article with its filtered events. CSV and GeoJSON: the filtered
/// events (document, index) in corpus order, with their documents and texts.
pub fn export_request(st: AppState, format: Format) -> ExportRequest {
    let filtered = st.filtered.get_untracked();
    st.corpus.with_untracked(|c| {
        let (mut docs, mut texts, mut rows) = (Vec::new(), Vec::new(), Vec::new());
        if format == Format::Json {
            docs = c
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
        } else {
            let mut at: HashMap<usize, usize> = HashMap::new();
            for &i in filtered.iter() {
                let ev = &c.events[i];
                let d = *at.entry(ev.doc).or_insert_with(|| {
                    docs.push((*c.entries[ev.doc].doc).clone());
                    texts.push(c.entries[ev.doc].text.to_string());
                    docs.len() - 1
                });
                rows.push((d, ev.index));
            }
        }
        ExportRequest {
            format,
            docs,
            texts,
            rows,
            sep: ',',
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
        set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(10),
        );
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
        let name = export_file_name(st, format);
        let offer = move |content: &str| {
            if !download(&name, mime, content) {
                st.notify(
                    true,
                    st.lang_untracked().pick(
                        "Le navigateur a refusé le téléchargement.",
                        "The browser refused the download.",
                    ),
                );
            }
        };
        // Written in the worker, which has the gazetteer (the first export starts it).
        let request = export_request(st, format);
        leptos::task::spawn_local(async move {
            match super::import::export(st, request).await {
                Ok(content) => offer(&content),
                Err(stop) => {
                    let lang = st.lang_untracked();
                    let why = match stop {
                        super::import::Stop::Busy => lang
                            .pick(
                                "Des articles sont en cours d'ajout : exportez une fois l'ajout fini.",
                                "Articles are being added: export once they are in.",
                            )
                            .to_string(),
                        other => format!(
                            "{} ({other:?})",
                            lang.pick(
                                "L'export a échoué : le moteur d'analyse n'a pas pu être chargé.",
                                "The export failed: the analysis engine could not be loaded.",
                            )
                        ),
                    };
                    st.notify(true, why);
                }
            }
        });
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
