//! Your own article: paste a text (optional title and date) or open `.txt` files; it is extracted
//! in the browser, listed with the corpus, kept in local storage. Text is only ever shown as
//! text (never parsed as HTML).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Field;
use super::i18n;
use super::state::{AppState, use_state};
use crate::explore::{MAX_ARTICLE_BYTES, Mode, valid_date};
use crate::input::{Encoding, InputError, decode};

/// Adds a checked text and opens it.
fn analyse(st: AppState, text: &str, title: Option<&str>, date: Option<&str>) -> String {
    let id = st.add_user_article(text, title, date);
    st.selected.set(None);
    let open = id.clone();
    st.update(false, move |v| {
        v.article = Some(open);
        v.mode = Mode::Article;
    });
    id
}

/// The paste form.
#[component]
pub fn Paste() -> impl IntoView {
    let st = use_state();
    let text = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    // The form's own message: (is an error, text).
    let message = RwSignal::new(None::<(bool, String)>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = st.lang_untracked();
        let body = text.get_untracked();
        match decode(body.as_bytes(), MAX_ARTICLE_BYTES) {
            Err(e) => message.set(Some((true, i18n::input_error(&e, lang)))),
            Ok(decoded) => {
                let body = &decoded.text;
                let t = title.get_untracked();
                let d = date.get_untracked();
                analyse(
                    st,
                    body,
                    Some(&t),
                    Some(d.as_str()).filter(|d| valid_date(d)),
                );
                text.set(String::new());
                title.set(String::new());
                date.set(String::new());
                message.set(Some((
                    false,
                    lang.pick(
                        "Article analysé et ajouté à la liste.",
                        "Article analysed and added to the list.",
                    )
                    .to_string(),
                )));
                super::focus_id("article-title");
            }
        }
    };

    let open_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(files) = input.files() else { return };
        let lang = st.lang_untracked();
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let name = file.name();
            let stem = name
                .strip_suffix(".txt")
                .or_else(|| name.strip_suffix(".TXT"))
                .unwrap_or(&name)
                .to_string();
            if file.size() > MAX_ARTICLE_BYTES as f64 {
                message.set(Some((
                    true,
                    format!(
                        "{name} : {}",
                        i18n::input_error(
                            &InputError::TooLarge {
                                size: file.size() as usize,
                                limit: MAX_ARTICLE_BYTES
                            },
                            lang
                        )
                    ),
                )));
                continue;
            }
            let blob = gloo::file::Blob::from(file);
            let reader = gloo::file::callbacks::read_as_bytes(&blob, move |res| {
                let lang = st.lang_untracked();
                let outcome = match res {
                    Err(_) => Err(lang
                        .pick("lecture impossible", "could not be read")
                        .to_string()),
                    Ok(bytes) => decode(&bytes, MAX_ARTICLE_BYTES)
                        .map(|d| (d.text.into_owned(), d.encoding))
                        .map_err(|e| i18n::input_error(&e, lang)),
                };
                match outcome {
                    Ok((body, encoding)) => {
                        analyse(st, &body, Some(&stem), None);
                        let done = match encoding {
                            Encoding::Utf8 => {
                                lang.pick("analysé et ajouté.", "analysed and added.")
                            }
                            Encoding::Windows1252 => lang.pick(
                                "lu en Windows-1252 (Latin-1), analysé et ajouté.",
                                "read as Windows-1252 (Latin-1), analysed and added.",
                            ),
                        };
                        message.set(Some((false, format!("{name} : {done}"))));
                    }
                    Err(e) => message.set(Some((true, format!("{name} : {e}")))),
                }
            });
            // The read is cancelled if the reader is dropped: let it finish.
            std::mem::forget(reader);
        }
        input.set_value("");
    };

    let t = move |fr: &'static str, en: &'static str| move || st.lang().pick(fr, en);

    view! {
        <section class="panel paste" aria-labelledby="paste-h">
            <h2 id="paste-h">{t("Votre article", "Your article")}</h2>
            <form on:submit=submit novalidate>
                <div class="row">
                    {[
                        ("paste-title", "text", "Titre (facultatif)", "Title (optional)", title),
                        ("paste-date", "date", "Date (facultative)", "Date (optional)", date),
                    ]
                        .map(|(id, kind, fr, en, field)| {
                            view! {
                                <Field id kind label=t(fr, en) value=field on_value=move |v| field.set(v) />
                            }
                        })}
                </div>
                <label for="paste-text">{t("Texte de l'article", "Article text")}</label>
                <textarea
                    id="paste-text"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <div class="actions">
                    <button type="submit" class="primary">
                        {t("Analyser", "Analyse")}
                    </button>
                    <input
                        id="paste-files"
                        class="file-input"
                        type="file"
                        accept=".txt,text/plain"
                        multiple
                        on:change=open_files
                    />
                    <label class="file-button" for="paste-files">
                        {t("Ouvrir des fichiers .txt", "Open .txt files")}
                    </label>
                </div>
                <p class="hint">
                    {t(
                        "Analysé dans votre navigateur ; rien n'est envoyé. Conservé dans ce navigateur (stockage local).",
                        "Analysed in your browser; nothing is sent. Kept in this browser (local storage).",
                    )}
                </p>
                {move || {
                    message
                        .get()
                        .map(|(error, msg)| {
                            view! {
                                <p class="form-msg" class:error=error role=if error { "alert" } else { "status" }>
                                    {msg}
                                </p>
                            }
                        })
                }}
            </form>
        </section>
    }
}
