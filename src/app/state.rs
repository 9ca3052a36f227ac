//! The app's state: the articles (corpus and yours) with their extracted events, the view held in
//! the URL, the filtered events, the chosen event, the messages; and the page's loading: the
//! corpus's events shipped as data, your articles from the browser's storage.

use std::sync::Arc;

use super::import::Imports;
use super::location::Location;
use super::store;
use crate::corpus::{ARTICLES, CorpusData};
use crate::engine::Document;
use crate::explore::{self, IndexedEvent, Lang, ViewState};
use crate::overview::{World, parse_world};
use leptos::prelude::*;

/// One article in the explorer.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub doc: Arc<Document>,
    pub text: Arc<str>,
    /// Title or first words.
    pub title: String,
    /// Pasted or opened by the user.
    pub user: bool,
    /// For a user article: whether local storage holds it.
    pub saved: bool,
    /// For a user article: when it was first added (milliseconds since the epoch), which places
    /// it in the list, a corrected date not moving it; 0 for the corpus.
    pub added: f64,
}

/// All articles and their indexed events (`IndexedEvent::doc` indexes `entries`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    pub entries: Vec<Entry>,
    pub events: Vec<IndexedEvent>,
}

impl Corpus {
    /// Builds the corpus from its entries, indexing every event.
    pub fn new(entries: Vec<Entry>) -> Corpus {
        let mut events = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            events.extend(explore::index_document(i, &e.doc, &e.text));
        }
        Corpus { entries, events }
    }

    /// Adds `more` entries, each after the articles added before it: at the end (indexing only
    /// its events) unless it was first added earlier than your last article, as one whose date
    /// was corrected, which goes back to its place (every event indexed anew).
    pub fn extend(&mut self, more: Vec<Entry>) {
        for e in more {
            let at = self
                .entries
                .iter()
                .rposition(|x| !x.user || x.added <= e.added)
                .map_or(0, |i| i + 1);
            if at == self.entries.len() {
                self.events
                    .extend(explore::index_document(at, &e.doc, &e.text));
                self.entries.push(e);
            } else {
                self.entries.insert(at, e);
                *self = Corpus::new(std::mem::take(&mut self.entries));
            }
        }
    }

    /// The position of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.doc.id == id)
    }
}

/// The embedded corpus's entries, given its events and titles as computed at build time; an
/// article missing from `data` is an error.
pub fn corpus_entries(data: CorpusData) -> Result<Vec<Entry>, String> {
    let mut by_id: std::collections::HashMap<String, (Document, String)> = data
        .docs
        .into_iter()
        .zip(data.titles)
        .map(|(d, t)| (d.id.clone(), (d, t)))
        .collect();
    ARTICLES
        .iter()
        .map(|a| {
            let (doc, title) = by_id.remove(a.id).ok_or_else(|| a.id.to_string())?;
            let mut e = user_entry(doc, a.text, title, 0.0);
            e.user = false;
            Ok(e)
        })
        .collect()
}

/// The benchmark's hook (`e2e/bench.mjs`): a number in `window.__depecheRepeat`, set before the
/// app starts, asks for that many copies of the corpus. 1 otherwise.
fn bench_repeat() -> usize {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__depecheRepeat".into()).ok())
        .and_then(|v| v.as_f64())
        .filter(|n| (1.0..=1000.0).contains(n))
        .map_or(1, |n| n as usize)
}

/// `n` copies of the entries, each copy's ids suffixed with `~k`.
fn repeated(entries: Vec<Entry>, n: usize) -> Vec<Entry> {
    let mut out = entries.clone();
    for k in 1..n {
        out.extend(entries.iter().map(|e| {
            let mut doc = (*e.doc).clone();
            doc.id = format!("{}~{k}", doc.id);
            Entry {
                doc: Arc::new(doc),
                ..e.clone()
            }
        }));
    }
    out
}

/// A user article's entry, from its extracted record, its text, the title to show and when it
/// was first added (not yet kept).
pub fn user_entry(doc: Document, text: &str, title: String, added: f64) -> Entry {
    Entry {
        doc: Arc::new(doc),
        text: Arc::from(text),
        title,
        user: true,
        saved: false,
        added,
    }
}

/// A message shown to the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub error: bool,
    pub text: String,
}

/// Everything the components share (cheap to copy).
#[derive(Clone, Copy)]
pub struct AppState {
    pub corpus: RwSignal<Arc<Corpus>>,
    /// The view, as read from the URL.
    pub view: Memo<ViewState>,
    /// The interface language alone, so that texts do not re-render on every change of view.
    lang: Memo<Lang>,
    /// The view that a link to an article keeps (everything but the article, in article mode):
    /// changes with the filters, the sort and the language, not with the chosen article.
    link_base: Memo<ViewState>,
    /// Indices into `corpus.events` of the events that pass the filters, in corpus order.
    pub filtered: Memo<Arc<Vec<usize>>>,
    /// The chosen event: its article's id and its index there.
    pub selected: RwSignal<Option<(String, usize)>>,
    pub notices: RwSignal<Vec<Notice>>,
    next_notice: StoredValue<u32>,
    /// The page's address, which holds the view.
    pub location: Location,
    /// Whether the corpus and your kept articles are loaded (until then the list is empty and no
    /// article is « not found »).
    pub ready: RwSignal<bool>,
    /// The map's outlines, fetched once the article list is drawn (not part of the first load);
    /// until they arrive, or if they cannot be had, the map shows its marks on the sea alone.
    pub world: RwSignal<Option<Arc<World>>>,
    /// The articles being added through the worker, and how each file went.
    pub imports: Imports,
}

impl AppState {
    /// Creates the state (reading the view from the page's address) and provides it as context.
    pub fn provide() -> AppState {
        let location = Location::follow();
        let view = Memo::new(move |_| ViewState::from_query(&location.search()));
        let corpus = RwSignal::new(Arc::new(Corpus::default()));
        let filtered = Memo::new(move |_| {
            let filter = view.with(|v| v.filter.clone());
            let filter = filter.compile();
            corpus.with(|c| {
                Arc::new(
                    c.events
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| filter.matches(e))
                        .map(|(i, _)| i)
                        .collect::<Vec<_>>(),
                )
            })
        });
        let lang = Memo::new(move |_| view.with(|v| v.lang));
        let link_base = Memo::new(move |_| {
            let mut v = view.get();
            v.article = None;
            v.mode = explore::Mode::Article;
            v
        });
        let state = AppState {
            corpus,
            view,
            lang,
            link_base,
            filtered,
            selected: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            next_notice: StoredValue::new(0),
            location,
            ready: RwSignal::new(false),
            world: RwSignal::new(None),
            imports: Imports::new(),
        };
        provide_context(state);
        leptos::task::spawn_local(load(state));
        state
    }

    /// The interface language (tracked alone: a change of filter does not re-render texts).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// The URL of the article with this id, in article mode, keeping the filters, the sort and
    /// the language (tracked: follows them, not the chosen article).
    pub fn article_href(&self, id: &str) -> String {
        self.link_base.with(|v| {
            let mut v = v.clone();
            v.article = Some(id.to_string());
            self.href(&v)
        })
    }

    /// The URL (relative to the page) of the view `v`.
    pub fn href(&self, v: &ViewState) -> String {
        let q = v.to_query();
        if q.is_empty() {
            // Back to the bare page: its own path (works under a subpath and from file://).
            self.location.pathname()
        } else {
            q
        }
    }

    /// Changes the view: a new history entry (or a replaced one) with the new query.
    pub fn update(&self, replace: bool, change: impl FnOnce(&mut ViewState)) {
        let mut v = self.view.get_untracked();
        change(&mut v);
        if v == self.view.get_untracked() {
            return;
        }
        self.location.navigate(&v.to_query(), replace);
    }

    /// Shows a message.
    pub fn notify(&self, error: bool, text: impl Into<String>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        let text = text.into();
        self.notices.update(|n| {
            n.retain(|x| x.text != text);
            n.push(Notice { id, error, text });
        });
    }

    /// Lists articles just added (kept or not).
    pub fn add_entries(&self, entries: Vec<Entry>) {
        if !entries.is_empty() {
            // In place unless a reader still holds the corpus.
            self.corpus.update(|c| Arc::make_mut(c).extend(entries));
        }
    }

    /// Dates a user article anew (a date typed or corrected after it was added, or none): the
    /// worker extracts it again, so that its relative times (« samedi ») resolve against that
    /// date, and it is kept so under its own id and its first-added time (its place in the list).
    pub fn set_user_article_date(&self, id: &str, date: Option<&str>) {
        let old = self.corpus.with_untracked(|c| {
            c.entries
                .iter()
                .find(|e| e.user && e.doc.id == id)
                .map(|e| (e.text.to_string(), e.doc.title.clone(), e.added))
        });
        let Some((text, title, added)) = old else {
            return;
        };
        self.unlist(|other| other == id);
        let pasted = crate::import::Pasted {
            text,
            title,
            date: date.map(str::to_string),
        };
        super::import::redate(*self, id.to_string(), pasted, added);
    }

    /// Takes your articles whose id `gone` says off the list (not out of storage).
    fn unlist(&self, gone: impl Fn(&str) -> bool) {
        self.corpus.update(|c| {
            let entries: Vec<Entry> = c
                .entries
                .iter()
                .filter(|e| !(e.user && gone(&e.doc.id)))
                .cloned()
                .collect();
            *c = Arc::new(Corpus::new(entries));
        });
    }

    /// Removes a user article from the list and from storage (every one, with `None`).
    pub fn remove_user_articles(&self, id: Option<&str>) {
        let lang = self.lang_untracked();
        let removed: Vec<String> = self.corpus.with_untracked(|c| {
            c.entries
                .iter()
                .filter(|e| e.user && id.is_none_or(|id| e.doc.id == id))
                .map(|e| e.doc.id.clone())
                .collect()
        });
        let st = *self;
        let ids = id.map(|_| removed.clone());
        leptos::task::spawn_local(async move {
            let done = store::remove(ids.as_deref()).await;
            if let Err(e) = done {
                st.notify(
                    true,
                    format!(
                        "{} ({e:?})",
                        lang.pick(
                            "Le stockage n'a pas pu oublier l'article : il reviendra au prochain chargement.",
                            "The storage could not forget the article: it will be back on the next load.",
                        )
                    ),
                );
            }
        });
        self.unlist(|other| removed.iter().any(|r| r == other));
        if self.view.with_untracked(|v| {
            v.article
                .as_ref()
                .is_some_and(|a| removed.iter().any(|r| r == a))
        }) {
            self.update(false, |v| v.article = None);
        }
    }
}

/// The state provided by [`AppState::provide`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// An id that `taken` refuses not: `base`, else `base-1`, `base-2`… (`base` defaults to
/// `mine-` and the time, for a file or a pasted text).
pub fn free_id(base: Option<&str>, taken: impl Fn(&str) -> bool) -> String {
    let base = base.map_or_else(
        || format!("mine-{:x}", js_sys::Date::now() as u64),
        str::to_string,
    );
    let mut n = 0u32;
    loop {
        let id = if n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        if !taken(&id) {
            return id;
        }
        n += 1;
    }
}

/// Loads the corpus's events (shipped as data) and your kept articles, lists them, then moves
/// any article left in the old local storage over to IndexedDB.
async fn load(st: AppState) {
    let lang = st.lang_untracked();
    let mut entries = match corpus_data().await.and_then(corpus_entries) {
        Ok(entries) => repeated(entries, bench_repeat()),
        Err(why) => {
            st.notify(
                true,
                format!(
                    "{} ({why})",
                    lang.pick(
                        "Les événements du corpus n'ont pas pu être chargés.",
                        "The corpus's events could not be loaded.",
                    )
                ),
            );
            Vec::new()
        }
    };
    let mut unreadable = Vec::new();
    match store::load().await {
        Ok(kept) => {
            for k in kept {
                match k {
                    Ok(s) => {
                        let mut e = user_entry(s.doc, &s.text, s.shown_title, s.added);
                        e.saved = true;
                        entries.push(e);
                    }
                    Err(key) => unreadable.push(key),
                }
            }
        }
        Err(e) => st.notify(
            true,
            format!(
                "{} ({e:?})",
                lang.pick(
                    "Le stockage du navigateur (IndexedDB) n'est pas disponible : vos articles ne seront pas conservés.",
                    "The browser's storage (IndexedDB) is unavailable: your articles will not be kept.",
                )
            ),
        ),
    }
    st.corpus.set(Arc::new(Corpus::new(entries)));
    st.ready.set(true);
    // The list is drawn before the next task: the map's outlines come after it.
    set_timeout(
        move || leptos::task::spawn_local(load_world(st)),
        std::time::Duration::ZERO,
    );
    let (legacy, bad) = store::legacy_articles();
    unreadable.extend(bad);
    if !unreadable.is_empty() {
        st.notify(
            true,
            format!(
                "{} ({})",
                lang.pick(
                    "Un article enregistré est illisible et a été ignoré (il reste où il est) ; les autres sont chargés.",
                    "A saved article could not be read and was skipped (it stays where it is); the others are loaded.",
                ),
                unreadable.join(", ")
            ),
        );
    }
    if !legacy.is_empty() {
        super::import::migrate(st, legacy);
    }
}

/// The corpus's events, from `corpus-events.json`.
async fn corpus_data() -> Result<CorpusData, String> {
    let json = shipped("corpus-events", "corpus-events.json").await?;
    serde_json::from_str(&json).map_err(|e| format!("corpus-events.json: {e}"))
}

/// Fetches the map's outlines (`world.tsv`, a copy of `data/world.tsv`) for the map to draw; a
/// failure is said, and the map keeps its marks.
async fn load_world(st: AppState) {
    match shipped("world-outlines", "world.tsv")
        .await
        .and_then(|tsv| parse_world(&tsv).map_err(|e| format!("world.tsv:{e}")))
    {
        Ok(world) => st.world.set(Some(Arc::new(world))),
        Err(why) => st.notify(
            true,
            format!(
                "{} ({why})",
                st.lang_untracked().pick(
                    "Les contours de la carte n'ont pas pu être chargés.",
                    "The map's outlines could not be loaded.",
                )
            ),
        ),
    }
}

/// A data file shipped with the page: the text of the page's inlined data block with this id
/// (`<script type="application/json" id="…">` or `type="text/plain"`, as the single file has
/// them: it cannot fetch) or else the file beside the page.
async fn shipped(id: &str, file: &str) -> Result<String, String> {
    let inline = document()
        .get_element_by_id(id)
        .and_then(|el| el.text_content());
    match inline {
        Some(text) => Ok(text),
        None => fetch_text(file).await,
    }
}

/// The text of a file beside the page.
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: wasm_bindgen::JsValue| format!("{url}: {e:?}");
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}
