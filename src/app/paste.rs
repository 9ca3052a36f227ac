//! Your own articles: paste a text (optional title and date), or open `.txt` and `.jsonl` files
//! or a whole folder; they are extracted in the browser's worker ([`super::import`]), listed with
//! the corpus, kept in IndexedDB; « remove all my articles » asks first. Text is only ever shown
//! as text (never parsed as HTML).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::use_state;
use super::{Field, i18n, import};
use crate::explore::{Lang, MAX_ARTICLE_BYTES, valid_date};
use crate::import::Pasted;
use crate::input::decode;

/// The paste form, the file and folder choosers, the import's progress and « remove all ».
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
                let t = title.get_untracked();
                let d = date.get_untracked();
                let name = Some(t.trim())
                    .filter(|t| !t.is_empty())
                    .unwrap_or(lang.pick("Texte collé", "Pasted text"))
                    .to_string();
                import::add_text(
                    st,
                    name,
                    Pasted {
                        text: decoded.text.into_owned(),
                        title: Some(t).filter(|t| !t.trim().is_empty()),
                        date: Some(d).filter(|d| valid_date(d)),
                    },
                    move || {
                        text.set(String::new());
                        title.set(String::new());
                        date.set(String::new());
                    },
                );
                message.set(None);
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
        let Some(list) = input.files() else { return };
        let mut files: Vec<web_sys::File> =
            (0..list.length()).filter_map(|i| list.get(i)).collect();
        if input.webkitdirectory() {
            // A folder: its text and JSON Lines files, in the order of their paths.
            files.retain(|f| {
                let n = f.name().to_ascii_lowercase();
                n.ends_with(".txt") || n.ends_with(".jsonl")
            });
            files.sort_by_key(|f| {
                js_sys::Reflect::get(f, &"webkitRelativePath".into())
                    .ok()
                    .and_then(|p| p.as_string())
                    .unwrap_or_default()
            });
        }
        import::add_files(st, files);
        input.set_value("");
    };
    // Set as a property: `webkitdirectory` is not an attribute the view macro knows.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            input.set_webkitdirectory(true);
        }
    });
    let mine = Memo::new(move |_| {
        st.corpus
            .with(|c| c.entries.iter().filter(|e| e.user).count())
    });
    let confirming = RwSignal::new(false);

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
                        accept=".txt,.jsonl,text/plain"
                        multiple
                        on:change=open_files
                    />
                    <label class="file-button" for="paste-files">
                        {t("Ouvrir des fichiers (.txt, .jsonl)", "Open files (.txt, .jsonl)")}
                    </label>
                    <input
                        id="paste-folder"
                        class="file-input"
                        type="file"
                        multiple
                        node_ref=folder
                        on:change=open_files
                    />
                    <label class="file-button" for="paste-folder">
                        {t("Ouvrir un dossier", "Open a folder")}
                    </label>
                </div>
                <p class="hint">
                    {t(
                        "Analysé dans votre navigateur ; rien n'est envoyé. Conservé dans ce navigateur (IndexedDB). Un fichier JSONL : un article par ligne, {\"id\", \"text\"} et, s'il y a lieu, \"title\", \"date\", \"source\", \"url\".",
                        "Analysed in your browser; nothing is sent. Kept in this browser (IndexedDB). A JSONL file: one article a line, {\"id\", \"text\"} and, if any, \"title\", \"date\", \"source\", \"url\".",
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
            <import::ImportStatus />
            {move || {
                let lang = st.lang();
                let n = mine.get();
                (n > 0)
                    .then(|| {
                        if confirming.get() {
                            view! {
                                <div class="confirm" role="group" aria-labelledby="remove-all-q">
                                    <p id="remove-all-q">
                                        {match lang {
                                            Lang::Fr => format!("Retirer vos {n} articles de ce navigateur ? Cela ne peut pas être annulé."),
                                            Lang::En => format!("Remove your {n} articles from this browser? This cannot be undone."),
                                        }}
                                    </p>
                                    <button
                                        type="button"
                                        class="danger"
                                        on:click=move |_| {
                                            confirming.set(false);
                                            st.remove_user_articles(None);
                                        }
                                    >
                                        {lang.pick("Oui, tout retirer", "Yes, remove them all")}
                                    </button>
                                    <button type="button" on:click=move |_| confirming.set(false)>
                                        {lang.pick("Annuler", "Cancel")}
                                    </button>
                                </div>
                            }
                                .into_any()
                        } else {
                            view! {
                                <button
                                    type="button"
                                    class="remove-all"
                                    on:click=move |_| confirming.set(true)
                                >
                                    {lang.pick("Retirer tous mes articles", "Remove all my articles")}
                                </button>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}
