//! The app's state: the articles (corpus and yours) with their extracted events, the view held in
//! the URL, the filtered events, the chosen event, the messages, and local storage.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use serde::{Deserialize, Serialize};

use crate::corpus::ARTICLES;
use crate::engine::{self, Document};
use crate::explore::{self, IndexedEvent, Lang, ViewState};

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

    /// The position of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.doc.id == id)
    }
}

/// Extracts the embedded corpus (once per page load).
pub fn corpus_entries() -> Vec<Entry> {
    ARTICLES
        .iter()
        .map(|a| {
            let doc = a.extract();
            let title = explore::display_title(&doc, a.text);
            Entry {
                doc: Arc::new(doc),
                text: Arc::from(a.text),
                title,
                user: false,
                saved: false,
            }
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

/// Builds a user article's entry: extracts it with the given title and date.
pub fn user_entry(id: &str, text: &str, title: Option<&str>, date: Option<&str>) -> Entry {
    let doc = engine::extract_with(id, text, title, date);
    let title = explore::display_title(&doc, text);
    Entry {
        doc: Arc::new(doc),
        text: Arc::from(text),
        title,
        user: true,
        saved: false,
    }
}

/// A message shown to the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub error: bool,
    pub text: String,
}

/// The router's navigation function.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

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
    navigate: StoredValue<Navigate>,
    pathname: Memo<String>,
}

impl AppState {
    /// Creates the state (inside the router) and provides it as context.
    pub fn provide() -> AppState {
        let location = use_location();
        let search = location.search;
        let view = Memo::new(move |_| ViewState::from_query(&search.get()));
        let mut entries = repeated(corpus_entries(), bench_repeat());
        let mut problems = Vec::new();
        for loaded in load_user_articles() {
            match loaded {
                Ok(e) => entries.push(e),
                Err(p) => problems.push(p),
            }
        }
        let corpus = RwSignal::new(Arc::new(Corpus::new(entries)));
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
        let navigate = use_navigate();
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
            navigate: StoredValue::new(Arc::new(navigate)),
            pathname: location.pathname,
        };
        for p in problems {
            let text = match p {
                LoadProblem::Corrupted(key) => format!(
                    "{} ({key})",
                    state
                        .lang_untracked()
                        .pick("Un article enregistré est illisible et a été ignoré ; les autres sont chargés.", "A saved article could not be read and was skipped; the others are loaded.")
                ),
                LoadProblem::Unavailable => state
                    .lang_untracked()
                    .pick(
                        "Le stockage local n'est pas disponible : vos articles ne seront pas conservés.",
                        "Local storage is unavailable: your articles will not be kept.",
                    )
                    .to_string(),
            };
            state.notify(true, text);
        }
        provide_context(state);
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
            self.pathname.get_untracked()
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
        let url = format!("{}{}", self.pathname.get_untracked(), v.to_query());
        let nav = self.navigate.get_value();
        nav(
            &url,
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
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

    /// Adds a user article: stores it and lists it; returns its id.
    pub fn add_user_article(&self, text: &str, title: Option<&str>, date: Option<&str>) -> String {
        let id = new_user_id(&self.corpus.get_untracked());
        let mut entry = user_entry(&id, text, title, date);
        let lang = self.lang_untracked();
        match save_user_article(&entry) {
            Ok(()) => entry.saved = true,
            Err(SaveProblem::Full) => self.notify(
                true,
                lang.pick(
                    "Le stockage local est plein : l'article est analysé mais ne sera pas conservé après rechargement. Vos autres articles sont intacts.",
                    "Local storage is full: the article is analysed but will not be kept after a reload. Your other articles are untouched.",
                ),
            ),
            Err(SaveProblem::Unavailable) => self.notify(
                true,
                lang.pick(
                    "Le stockage local n'est pas disponible : l'article ne sera pas conservé après rechargement.",
                    "Local storage is unavailable: the article will not be kept after a reload.",
                ),
            ),
        }
        self.corpus.update(|c| {
            let mut entries = c.entries.clone();
            entries.push(entry);
            *c = Arc::new(Corpus::new(entries));
        });
        id
    }

    /// Dates a user article anew (a date typed or corrected after it was added, or none):
    /// extracts it again, so that its relative times (« samedi ») resolve against that date,
    /// and stores it so.
    pub fn set_user_article_date(&self, id: &str, date: Option<&str>) {
        let corpus = self.corpus.get_untracked();
        let Some(old) = corpus.entries.iter().find(|e| e.user && e.doc.id == id) else {
            return;
        };
        let mut entry = user_entry(id, &old.text, old.doc.title.as_deref(), date);
        entry.saved = old.saved && save_user_article(&entry).is_ok();
        self.corpus.update(|c| {
            let mut entries = c.entries.clone();
            if let Some(e) = entries.iter_mut().find(|e| e.user && e.doc.id == id) {
                *e = entry;
            }
            *c = Arc::new(Corpus::new(entries));
        });
    }

    /// Removes a user article from the list and from storage.
    pub fn remove_user_article(&self, id: &str) {
        remove_saved(id);
        self.corpus.update(|c| {
            let entries: Vec<Entry> = c
                .entries
                .iter()
                .filter(|e| !(e.user && e.doc.id == id))
                .cloned()
                .collect();
            *c = Arc::new(Corpus::new(entries));
        });
        if self
            .view
            .with_untracked(|v| v.article.as_deref() == Some(id))
        {
            self.update(false, |v| v.article = None);
        }
    }
}

/// The state provided by [`AppState::provide`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

fn new_user_id(c: &Corpus) -> String {
    let now = js_sys::Date::now() as u64;
    let mut n = 0u32;
    loop {
        let id = if n == 0 {
            format!("mine-{now:x}")
        } else {
            format!("mine-{now:x}-{n}")
        };
        if c.position(&id).is_none() {
            return id;
        }
        n += 1;
    }
}

/// Local-storage key prefix of saved user articles (one key per article, so that one damaged
/// entry never costs the others).
pub const STORAGE_PREFIX: &str = "depeche.article.";

/// A saved user article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: String,
    /// Milliseconds since the epoch, for ordering.
    pub added: f64,
}

/// Why a saved article could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    Unavailable,
    Corrupted(String),
}

/// Why an article could not be saved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SaveProblem {
    Unavailable,
    Full,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads every saved user article; a damaged one is reported, not fatal.
pub fn load_user_articles() -> Vec<Result<Entry, LoadProblem>> {
    let Some(store) = storage() else {
        return vec![Err(LoadProblem::Unavailable)];
    };
    let n = store.length().unwrap_or(0);
    let mut saved: Vec<Result<Saved, LoadProblem>> = Vec::new();
    for i in 0..n {
        let Ok(Some(key)) = store.key(i) else {
            continue;
        };
        if !key.starts_with(STORAGE_PREFIX) {
            continue;
        }
        let raw = store.get_item(&key).ok().flatten().unwrap_or_default();
        match serde_json::from_str::<Saved>(&raw) {
            Ok(s)
                if key == format!("{STORAGE_PREFIX}{}", s.id)
                    && crate::input::decode(s.text.as_bytes(), explore::MAX_ARTICLE_BYTES)
                        .is_ok() =>
            {
                saved.push(Ok(s))
            }
            _ => saved.push(Err(LoadProblem::Corrupted(key))),
        }
    }
    saved.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => a.added.total_cmp(&b.added),
        _ => std::cmp::Ordering::Equal,
    });
    saved
        .into_iter()
        .map(|s| {
            s.map(|s| {
                let mut e = user_entry(&s.id, &s.text, s.title.as_deref(), s.date.as_deref());
                e.saved = true;
                e
            })
        })
        .collect()
}

/// Saves a user article under its own key (keeping when it was first added, if it was).
pub fn save_user_article(e: &Entry) -> Result<(), SaveProblem> {
    let store = storage().ok_or(SaveProblem::Unavailable)?;
    let key = format!("{STORAGE_PREFIX}{}", e.doc.id);
    let added = store
        .get_item(&key)
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str::<Saved>(&json).ok())
        .map_or_else(js_sys::Date::now, |s| s.added);
    let saved = Saved {
        id: e.doc.id.clone(),
        title: e.doc.title.clone(),
        date: e.doc.date.clone(),
        text: e.text.to_string(),
        added,
    };
    let json = serde_json::to_string(&saved).map_err(|_| SaveProblem::Unavailable)?;
    store.set_item(&key, &json).map_err(|_| SaveProblem::Full)
}

fn remove_saved(id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{STORAGE_PREFIX}{id}"));
    }
}
