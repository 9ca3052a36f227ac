//! Your articles and their events, kept in the browser's IndexedDB (database `depeche`, store
//! `articles`, one JSON value per article under its id), so that a thousand articles fit and a
//! reload needs no extraction. Each article is written in a transaction of its own: when the
//! quota is reached, exactly the articles that did not fit fail, and the others stay. The old
//! local-storage keys (`depeche.article.<id>`, text only) are read once, to be moved over.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::engine::Document;

const DATABASE: &str = "depeche";
const STORE: &str = "articles";

/// Local-storage key prefix of the articles saved before IndexedDB (one key per article).
pub const LEGACY_PREFIX: &str = "depeche.article.";

/// A kept article: its text, its title and date as given, and its extracted events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: String,
    /// Milliseconds since the epoch, for ordering.
    pub added: f64,
    pub doc: Document,
    /// The title the list shows (computed with the engine, in the worker).
    pub shown_title: String,
}

/// Why the store could not do something.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The browser has no IndexedDB here (a private window may refuse it), or it failed.
    Unavailable(String),
    /// The storage quota is reached.
    Full,
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Resolves when `request` succeeds (with its result), fails with its error.
async fn done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::NULL));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(error)
}

/// Resolves when `tx` is committed; fails when it aborts (with the quota error, if that is why).
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::NULL));
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(error)
}

/// A browser error as a [`StoreError`]: the quota's own, or any other.
fn error(e: JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => StoreError::Full,
        Some(d) => StoreError::Unavailable(format!("{}: {}", d.name(), d.message())),
        None => StoreError::Unavailable(format!("{e:?}")),
    }
}

/// The database, opened (and created) once.
async fn database() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let unavailable = || StoreError::Unavailable("no IndexedDB".into());
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(unavailable)?;
    let open = factory.open_with_u32(DATABASE, 1).map_err(error)?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |ev: web_sys::IdbVersionChangeEvent| {
            let db = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db {
                let _ = db.create_object_store(STORE);
            }
        },
    );
    open.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let db: IdbDatabase = done(&open).await?.dyn_into().map_err(|_| unavailable())?;
    drop(on_upgrade);
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn transaction(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StoreError> {
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(error)?;
    let store = tx.object_store(STORE).map_err(error)?;
    Ok((tx, store))
}

/// Every kept article, oldest first; one that cannot be read is given as `Err(its key)`.
pub async fn load() -> Result<Vec<Result<Stored, String>>, StoreError> {
    let db = database().await?;
    let (_, store) = transaction(&db, IdbTransactionMode::Readonly)?;
    let keys = done(&store.get_all_keys().map_err(error)?).await?;
    let values = done(&store.get_all().map_err(error)?).await?;
    let (keys, values) = (js_sys::Array::from(&keys), js_sys::Array::from(&values));
    let mut out: Vec<Result<Stored, String>> = keys
        .iter()
        .zip(values.iter())
        .map(|(k, v)| {
            let key = k.as_string().unwrap_or_else(|| format!("{k:?}"));
            v.as_string()
                .and_then(|json| serde_json::from_str::<Stored>(&json).ok())
                .filter(|s| s.id == key)
                .ok_or(key)
        })
        .collect();
    out.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => a.added.total_cmp(&b.added),
        _ => std::cmp::Ordering::Equal,
    });
    Ok(out)
}

/// Keeps one article (replacing one of the same id), in its own transaction.
pub async fn put(article: &Stored) -> Result<(), StoreError> {
    let db = database().await?;
    let json =
        serde_json::to_string(article).map_err(|e| StoreError::Unavailable(e.to_string()))?;
    let (tx, store) = transaction(&db, IdbTransactionMode::Readwrite)?;
    store
        .put_with_key(&JsValue::from_str(&json), &JsValue::from_str(&article.id))
        .map_err(error)?;
    committed(&tx).await
}

/// Forgets the articles with these ids (every one, with `None`).
pub async fn remove(ids: Option<&[String]>) -> Result<(), StoreError> {
    let db = database().await?;
    let (tx, store) = transaction(&db, IdbTransactionMode::Readwrite)?;
    match ids {
        None => {
            store.clear().map_err(error)?;
        }
        Some(ids) => {
            for id in ids {
                store.delete(&JsValue::from_str(id)).map_err(error)?;
            }
        }
    }
    committed(&tx).await
}

/// An article saved in local storage before IndexedDB.
#[derive(Debug, Clone, Deserialize)]
pub struct Legacy {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: String,
    pub added: f64,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The articles left in local storage, oldest first, with the keys that cannot be read (which
/// stay where they are).
pub fn legacy_articles() -> (Vec<Legacy>, Vec<String>) {
    let Some(ls) = local_storage() else {
        return (Vec::new(), Vec::new());
    };
    let (mut found, mut bad) = (Vec::new(), Vec::new());
    for i in 0..ls.length().unwrap_or(0) {
        let Ok(Some(key)) = ls.key(i) else { continue };
        let Some(id) = key.strip_prefix(LEGACY_PREFIX) else {
            continue;
        };
        let raw = ls.get_item(&key).ok().flatten().unwrap_or_default();
        match serde_json::from_str::<Legacy>(&raw) {
            Ok(a) if a.id == id => found.push(a),
            _ => bad.push(key),
        }
    }
    found.sort_by(|a, b| a.added.total_cmp(&b.added));
    (found, bad)
}

/// Deletes a local-storage article once IndexedDB holds it.
pub fn forget_legacy(id: &str) {
    if let Some(ls) = local_storage() {
        let _ = ls.remove_item(&format!("{LEGACY_PREFIX}{id}"));
    }
}
