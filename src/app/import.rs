//! Adding articles without blocking the page: files (many `.txt`, a folder, JSON Lines), a pasted
//! text, or the articles of the old local storage are handed one at a time to the Web Worker
//! (`app::worker`, started on the first use: only then are the engine, its lexicons and the
//! gazetteer fetched), which replies article by article. Each article added is kept in IndexedDB
//! ([`store`]) in a transaction of its own, then listed. A progress bar shows n of N and the
//! current file, with a cancel button; at the end, one line per file says what became of it.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::i18n;
use super::state::{AppState, Entry, free_id, user_entry};
use super::store::{self, Legacy, StoreError, Stored};
use crate::explore::{Lang, Mode};
use crate::import::{
    ExportRequest, Imported, Outcome, Pasted, Rejection, Reply, ReplyKind, Request, fingerprint,
    is_jsonl,
};
use crate::input::{Encoding, JsonlError};

/// The batch under way, and how each file of the last one went.
#[derive(Clone, Copy)]
pub struct Imports {
    pub progress: RwSignal<Option<Progress>>,
    pub lines: RwSignal<Vec<FileLine>>,
}

impl Imports {
    /// No batch yet.
    pub fn new() -> Imports {
        Imports {
            progress: RwSignal::new(None),
            lines: RwSignal::new(Vec::new()),
        }
    }
}

impl Default for Imports {
    fn default() -> Self {
        Imports::new()
    }
}

/// Where a batch is: files done of `total`, the current one, and its lines when it is JSON Lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub current: String,
    pub lines: Option<(usize, usize)>,
}

/// What became of one file (or pasted text, or moved article).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileLine {
    pub name: String,
    /// How many articles were added and kept.
    pub added: usize,
    /// Titles of the articles added but not kept: the storage is full or unavailable.
    pub not_kept: Vec<String>,
    /// Why the storage refused them when it was not its quota (IndexedDB unavailable or broken).
    pub refused: Option<String>,
    /// Titles of the articles already there that the file repeats.
    pub duplicates: Vec<String>,
    /// Why articles were refused (with the line, in a JSON Lines file).
    pub rejected: Vec<(Option<usize>, Rejection)>,
    pub windows_1252: bool,
    /// The batch was cancelled, or the worker failed, before this file was done.
    pub stopped: Option<Stop>,
}

/// Why a file was not finished.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    Cancelled,
    /// The worker could not be started, or broke on this file (its message); the next file gets
    /// a new one.
    Failed(String),
    /// The worker is busy with other articles.
    Busy,
}

/// One thing to add.
struct Job {
    name: String,
    source: Source,
}

enum Source {
    File(web_sys::File),
    /// A pasted text (`pasted`: shown once added, then `in_place` is called, as it is when the
    /// same text is already there), or an article that keeps its id and date of addition
    /// (`legacy`): one of the old local storage, which leaves it once IndexedDB holds it, or
    /// one of yours extracted again with a corrected date (no local-storage key to forget).
    Text {
        pasted: Pasted,
        in_place: Option<Box<dyn FnOnce()>>,
        legacy: Option<(String, f64)>,
    },
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: RefCell<bool> = const { RefCell::new(false) };
    static CANCELLED: RefCell<bool> = const { RefCell::new(false) };
    static JOB: RefCell<u32> = const { RefCell::new(0) };
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static MAILBOX: RefCell<Mailbox> = RefCell::new(Mailbox::default());
}

/// The worker's replies not yet read, and the reader waiting for one.
#[derive(Default)]
struct Mailbox {
    replies: VecDeque<Result<Reply, Stop>>,
    waiting: Option<js_sys::Function>,
}

fn deliver(reply: Result<Reply, Stop>) {
    let wake = MAILBOX.with(|m| {
        let mut m = m.borrow_mut();
        m.replies.push_back(reply);
        m.waiting.take()
    });
    if let Some(wake) = wake {
        let _ = wake.call0(&JsValue::NULL);
    }
}

async fn next_reply() -> Result<Reply, Stop> {
    loop {
        if let Some(r) = MAILBOX.with(|m| m.borrow_mut().replies.pop_front()) {
            return r;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            MAILBOX.with(|m| m.borrow_mut().waiting = Some(resolve));
        });
        let _ = JsFuture::from(wait).await;
    }
}

/// Where the worker's script is: the single file sets `window.__depecheWorker` (a blob URL of
/// its inlined worker); else `worker.js` beside the page.
fn worker_url() -> String {
    js_sys::Reflect::get(&window(), &"__depecheWorker".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "worker.js".to_string())
}

/// The worker, started (and awaited until it listens) on first use.
async fn worker() -> Result<Worker, Stop> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let w = Worker::new(&worker_url()).map_err(|e| Stop::Failed(format!("{e:?}")))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let reply = ev
            .data()
            .as_string()
            .and_then(|json| serde_json::from_str::<Reply>(&json).ok());
        if let Some(reply) = reply {
            deliver(Ok(reply));
        }
    });
    // An `ErrorEvent` when the worker throws; a plain `Event` when its script cannot be loaded.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        stop_worker();
        let why = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| format!("{}: {}", worker_url(), ev.type_()));
        deliver(Err(Stop::Failed(why)));
    });
    w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    loop {
        match next_reply().await? {
            Reply {
                kind: ReplyKind::Ready,
                ..
            } => return Ok(w),
            _ => continue,
        }
    }
}

fn stop_worker() {
    if let Some(w) = WORKER.with(|w| w.borrow_mut().take()) {
        w.terminate();
    }
}

/// Cancels the batch: the file under way stops at once (the worker is ended), the others are
/// not read; what was added stays.
pub fn cancel() {
    CANCELLED.with(|c| *c.borrow_mut() = true);
    stop_worker();
    deliver(Err(Stop::Cancelled));
}

/// Adds these files (`.txt`, or `.jsonl`), in this order.
pub fn add_files(st: AppState, files: Vec<web_sys::File>) {
    let jobs = files
        .into_iter()
        .map(|file| {
            // A folder's files are named with their path below it.
            let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
                .ok()
                .and_then(|p| p.as_string())
                .filter(|p| !p.is_empty());
            Job {
                name: path.unwrap_or_else(|| file.name()),
                source: Source::File(file),
            }
        })
        .collect();
    enqueue(st, jobs);
}

/// A job for a text given as such.
fn text_job(
    name: String,
    pasted: Pasted,
    in_place: Option<Box<dyn FnOnce()>>,
    legacy: Option<(String, f64)>,
) -> Job {
    Job {
        name,
        source: Source::Text {
            pasted,
            in_place,
            legacy,
        },
    }
}

/// Adds a pasted text and shows it once added; then calls `in_place` (the form lets go of the
/// text only then: a text refused, or lost with the worker, stays in the form).
pub fn add_text(st: AppState, name: String, pasted: Pasted, in_place: impl FnOnce() + 'static) {
    enqueue(
        st,
        vec![text_job(name, pasted, Some(Box::new(in_place)), None)],
    );
}

/// Extracts one of your articles again (its date corrected) and keeps it under its own id and
/// the time it was first `added`, in place of the record IndexedDB held.
pub fn redate(st: AppState, id: String, pasted: Pasted, added: f64) {
    let name = pasted.title.clone().unwrap_or_else(|| id.clone());
    enqueue(st, vec![text_job(name, pasted, None, Some((id, added)))]);
}

/// Moves the articles of the old local storage over: extracted again (local storage held only
/// their text), kept in IndexedDB under their own id, then forgotten by local storage. One
/// IndexedDB already holds (an earlier move that could not finish) is only forgotten.
pub fn migrate(st: AppState, legacy: Vec<Legacy>) {
    let lang = st.lang_untracked();
    let mut jobs = Vec::new();
    for a in legacy {
        if st.corpus.with_untracked(|c| c.position(&a.id).is_some()) {
            store::forget_legacy(&a.id);
            continue;
        }
        let name = a
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| {
                format!(
                    "{} {}",
                    lang.pick("article enregistré", "saved article"),
                    a.id
                )
            });
        let pasted = Pasted {
            text: a.text,
            title: a.title,
            date: a.date,
        };
        jobs.push(text_job(name, pasted, None, Some((a.id, a.added))));
    }
    enqueue(st, jobs);
}

fn enqueue(st: AppState, jobs: Vec<Job>) {
    let n = jobs.len();
    QUEUE.with(|q| q.borrow_mut().extend(jobs));
    st.imports.progress.update(|p| {
        if let Some(p) = p {
            p.total += n;
        }
    });
    start(st);
}

/// Starts a batch of the jobs queued, unless the worker is busy (the batch under way takes them,
/// or a CSV export starts it when done).
fn start(st: AppState) {
    let total = QUEUE.with(|q| q.borrow().len());
    if total == 0 || RUNNING.with(|r| std::mem::replace(&mut *r.borrow_mut(), true)) {
        return;
    }
    CANCELLED.with(|c| *c.borrow_mut() = false);
    MAILBOX.with(|m| m.borrow_mut().replies.clear());
    st.imports.lines.set(Vec::new());
    st.imports.progress.set(Some(Progress {
        done: 0,
        total,
        current: String::new(),
        lines: None,
    }));
    leptos::task::spawn_local(drain(st));
}

/// A new request number.
fn next_job() -> u32 {
    JOB.with(|j| {
        let mut j = j.borrow_mut();
        *j += 1;
        *j
    })
}

/// Writes an export in the worker (which has the gazetteer that the writers' `geo_precision`
/// reads); refused while articles are being added.
pub async fn export(st: AppState, request: ExportRequest) -> Result<String, Stop> {
    if RUNNING.with(|r| std::mem::replace(&mut *r.borrow_mut(), true)) {
        return Err(Stop::Busy);
    }
    MAILBOX.with(|m| m.borrow_mut().replies.clear());
    let out = export_in_worker(request).await;
    RUNNING.with(|r| *r.borrow_mut() = false);
    start(st);
    out
}

async fn export_in_worker(request: ExportRequest) -> Result<String, Stop> {
    let worker = worker().await?;
    let job = next_job();
    let request = Request {
        job,
        name: String::new(),
        known: Vec::new(),
        text: None,
        export: Some(request),
    };
    post(&worker, &request, None)?;
    let mut written = None;
    loop {
        match next_reply().await?.kind {
            ReplyKind::Export(text) => written = Some(text),
            ReplyKind::Done => return written.ok_or(Stop::Failed("no export".into())),
            _ => {}
        }
    }
}

/// Sends a request (and its file) to the worker.
fn post(worker: &Worker, request: &Request, file: Option<web_sys::File>) -> Result<(), Stop> {
    let json = serde_json::to_string(request).map_err(|e| Stop::Failed(e.to_string()))?;
    let message = js_sys::Array::of2(
        &JsValue::from_str(&json),
        &file.map_or(JsValue::NULL, JsValue::from),
    );
    worker
        .post_message(&message)
        .map_err(|e| Stop::Failed(format!("{e:?}")))
}

/// The batch's bookkeeping: the ids taken, the known texts' titles, the entries to list.
struct Batch {
    st: AppState,
    taken: HashSet<String>,
    titles: HashMap<u64, String>,
    pending: Vec<Entry>,
    flushed_at: f64,
}

impl Batch {
    /// Lists the entries added since the last time.
    fn flush(&mut self) {
        self.st.add_entries(std::mem::take(&mut self.pending));
        self.flushed_at = js_sys::Date::now();
    }
}

async fn drain(st: AppState) {
    let mut batch = Batch {
        st,
        taken: HashSet::new(),
        titles: HashMap::new(),
        pending: Vec::new(),
        flushed_at: js_sys::Date::now(),
    };
    let (mut not_kept, mut refused) = (Vec::new(), None::<String>);
    while let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        let mut line = FileLine {
            name: job.name.clone(),
            ..FileLine::default()
        };
        if CANCELLED.with(|c| *c.borrow()) {
            line.stopped = Some(Stop::Cancelled);
        } else {
            st.imports.progress.update(|p| {
                if let Some(p) = p {
                    p.current = job.name.clone();
                    p.lines = None;
                }
            });
            run(&mut batch, job, &mut line).await;
            batch.flush();
        }
        not_kept.extend(line.not_kept.iter().cloned());
        refused = refused.or_else(|| line.refused.clone());
        st.imports.lines.update(|l| l.push(line));
        st.imports.progress.update(|p| {
            if let Some(p) = p {
                p.done += 1;
            }
        });
    }
    RUNNING.with(|r| *r.borrow_mut() = false);
    st.imports.progress.set(None);
    if !not_kept.is_empty() {
        let lang = st.lang_untracked();
        st.notify(
            true,
            format!(
                "{} {} {}",
                match refused {
                    None => lang
                        .pick("Stockage plein :", "Storage full:")
                        .to_string(),
                    Some(why) => format!(
                        "{} ({why}) :",
                        lang.pick("Le stockage refuse d'écrire", "The storage refuses to write")
                    ),
                },
                lang.pick(
                    "ces articles sont analysés mais ne seront pas conservés après rechargement (vos autres articles sont intacts) :",
                    "these articles are analysed but will not be kept after a reload (your other articles are untouched):",
                ),
                not_kept
                    .iter()
                    .map(|t| format!("« {t} »"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}

/// Hands one job to the worker and takes in its replies.
async fn run(batch: &mut Batch, job: Job, line: &mut FileLine) {
    let st = batch.st;
    let job_number = next_job();
    // What is there now: the ids taken and the texts' fingerprints (with their titles), for the
    // articles not seen yet in this batch.
    st.corpus.with_untracked(|c| {
        for e in &c.entries {
            if batch.taken.insert(e.doc.id.clone()) {
                batch
                    .titles
                    .entry(fingerprint(&e.text))
                    .or_insert_with(|| e.title.clone());
            }
        }
    });
    let (text, file, mut in_place, legacy) = match job.source {
        Source::File(f) => (None, Some(f), None, None),
        Source::Text {
            pasted,
            in_place,
            legacy,
        } => (Some(pasted), None, in_place, legacy),
    };
    let request = Request {
        job: job_number,
        name: job.name,
        // Moved articles are all kept, even two of the same text.
        known: if legacy.is_some() {
            Vec::new()
        } else {
            batch.titles.keys().copied().collect()
        },
        text,
        export: None,
    };
    let worker = match worker().await {
        Ok(w) => w,
        Err(stop) => {
            line.stopped = Some(stop);
            return;
        }
    };
    if let Err(stop) = post(&worker, &request, file) {
        line.stopped = Some(stop);
        return;
    }
    // A file of one article is done once its article is in, even if its end is not.
    let single = !is_jsonl(&request.name);
    let mut answered = false;
    loop {
        let reply = match next_reply().await {
            Err(_) if single && answered => return,
            Err(stop) => {
                line.stopped = Some(stop);
                return;
            }
            Ok(r) if r.job != job_number => continue,
            Ok(r) => r.kind,
        };
        match reply {
            ReplyKind::Ready | ReplyKind::Export(_) => {}
            ReplyKind::Done => return,
            ReplyKind::Progress { done, total } => st.imports.progress.update(|p| {
                if let Some(p) = p {
                    p.lines = Some((done, total));
                }
            }),
            ReplyKind::Article { line: at, outcome } => {
                answered = true;
                match outcome {
                    Outcome::Rejected(why) => line.rejected.push((at, why)),
                    Outcome::Duplicate { of } => {
                        line.duplicates
                            .push(batch.titles.get(&of).cloned().unwrap_or_default());
                        if let Some(done) = in_place.take() {
                            done();
                        }
                    }
                    Outcome::Added(a) => {
                        let id = add(batch, *a, legacy.clone(), line).await;
                        if batch.pending.len() > 200
                            || js_sys::Date::now() - batch.flushed_at > 250.0
                        {
                            batch.flush();
                        }
                        if let Some(done) = in_place.take() {
                            batch.flush();
                            st.selected.set(None);
                            st.update(false, move |v| {
                                v.article = Some(id);
                                v.mode = Mode::Article;
                            });
                            super::focus_id("article-title");
                            done();
                        }
                    }
                }
            }
        }
    }
}

/// Names, keeps and lists one article; returns its id.
async fn add(
    batch: &mut Batch,
    a: Imported,
    legacy: Option<(String, f64)>,
    line: &mut FileLine,
) -> String {
    let (base, added) = match &legacy {
        Some((id, added)) => (Some(id.as_str()), *added),
        None => (a.id.as_deref(), js_sys::Date::now()),
    };
    let id = free_id(base, |id| batch.taken.contains(id));
    batch.taken.insert(id.clone());
    let mut doc = a.doc;
    doc.id = id.clone();
    let mut entry = user_entry(doc.clone(), &a.text, a.shown_title.clone(), added);
    batch
        .titles
        .insert(fingerprint(&a.text), entry.title.clone());
    line.windows_1252 |= a.encoding == Encoding::Windows1252;
    let stored = Stored {
        id: id.clone(),
        title: a.title,
        date: a.date,
        text: a.text,
        added,
        doc,
        shown_title: a.shown_title,
    };
    match store::put(&stored).await {
        Ok(()) => {
            entry.saved = true;
            line.added += 1;
            if let Some((old, _)) = &legacy {
                store::forget_legacy(old);
            }
        }
        Err(StoreError::Full) => line.not_kept.push(entry.title.clone()),
        Err(StoreError::Unavailable(why)) => {
            line.not_kept.push(entry.title.clone());
            line.refused = Some(why);
        }
    }
    batch.pending.push(entry);
    id
}

/// Why an article was refused, in words.
fn rejection(r: &Rejection, lang: Lang) -> String {
    match r {
        Rejection::Unreadable => lang
            .pick(
                "le fichier n'a pas pu être lu",
                "the file could not be read",
            )
            .to_string(),
        Rejection::Input(e) | Rejection::Jsonl(JsonlError::Text(e)) => i18n::input_error(e, lang),
        Rejection::Jsonl(JsonlError::NoId) => lang.pick("pas d'« id »", "no « id »").to_string(),
        Rejection::Jsonl(JsonlError::Json(why)) => format!(
            "{} ({why})",
            lang.pick(
                "pas un objet JSON avec « id » et « text »",
                "not a JSON object with « id » and « text »"
            )
        ),
    }
}

impl FileLine {
    /// Whether something went wrong: an article refused or not kept, or the file not finished.
    pub fn is_error(&self) -> bool {
        !self.rejected.is_empty() || !self.not_kept.is_empty() || self.stopped.is_some()
    }

    /// The line, in words: « a.txt : ajouté », « b.jsonl : 18 ajoutés, 2 refusés (ligne 3 : …) ».
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        let n = |k: usize, fr1: &str, fr: &str, en: &str| match (lang, k) {
            (Lang::Fr, 1) => fr1.to_string(),
            (Lang::Fr, _) => format!("{k} {fr}"),
            (Lang::En, 1) => en.to_string(),
            (Lang::En, _) => format!("{k} {en}"),
        };
        if self.added > 0 {
            parts.push(n(self.added, "ajouté", "ajoutés", "added"));
        }
        if !self.not_kept.is_empty() {
            let why = match (&self.refused, lang) {
                (None, Lang::Fr) => "stockage plein".to_string(),
                (None, Lang::En) => "storage full".to_string(),
                (Some(why), Lang::Fr) => format!("stockage indisponible : {why}"),
                (Some(why), Lang::En) => format!("storage unavailable: {why}"),
            };
            let what = n(
                self.not_kept.len(),
                "analysé mais non conservé",
                "analysés mais non conservés",
                "analysed but not kept",
            );
            parts.push(format!("{what} ({why})"));
        }
        if self.windows_1252 {
            parts.push(
                lang.pick(
                    "lu en Windows-1252 (Latin-1)",
                    "read as Windows-1252 (Latin-1)",
                )
                .into(),
            );
        }
        for of in &self.duplicates {
            parts.push(format!(
                "{} « {of} », {}",
                lang.pick("même texte que", "same text as"),
                lang.pick("ignoré", "skipped")
            ));
        }
        if !self.rejected.is_empty() {
            let why: Vec<String> = self
                .rejected
                .iter()
                .take(5)
                .map(|(at, r)| match at {
                    Some(l) => format!(
                        "{} {l} : {}",
                        lang.pick("ligne", "line"),
                        rejection(r, lang)
                    ),
                    None => rejection(r, lang),
                })
                .collect();
            let more = self.rejected.len().saturating_sub(5);
            parts.push(format!(
                "{} — {}{}",
                n(self.rejected.len(), "refusé", "refusés", "rejected"),
                why.join(" ; "),
                if more > 0 {
                    format!(" ; … (+{more})")
                } else {
                    String::new()
                }
            ));
        }
        match &self.stopped {
            Some(Stop::Cancelled) if parts.is_empty() => parts.push(
                lang.pick("annulé : non importé", "cancelled: not imported")
                    .into(),
            ),
            Some(Stop::Cancelled) => parts.push(
                lang.pick(
                    "annulé : la suite non importée",
                    "cancelled: the rest not imported",
                )
                .into(),
            ),
            Some(Stop::Busy) => parts.push(
                lang.pick("en attente : non importé", "waiting: not imported")
                    .into(),
            ),
            Some(Stop::Failed(why)) => parts.push(format!(
                "{} ({why})",
                lang.pick(
                    "le moteur d'analyse n'a pas pu être chargé ou a échoué",
                    "the analysis engine could not be loaded or failed"
                )
            )),
            None => {}
        }
        if parts.is_empty() {
            parts.push(lang.pick("aucun article", "no article").into());
        }
        format!("{} : {}", self.name, parts.join(", "))
    }
}

/// The progress bar (n of N, the current file, cancel) and the lines of the last batch.
#[component]
pub fn ImportStatus() -> impl IntoView {
    let st = use_context::<AppState>().expect("the app's state");
    let imports = st.imports;
    // Drawn once per batch (the cancel button stays put); its text and bar follow the progress.
    let running = Memo::new(move |_| imports.progress.with(Option::is_some));
    let progress = move || {
        running.get().then(|| {
            let label = move || {
                let lang = st.lang();
                imports.progress.with(|p| {
                    p.as_ref().map(|p| {
                        let lines = p
                            .lines
                            .map(|(d, t)| format!(" ({} {d} / {t})", lang.pick("ligne", "line")));
                        format!(
                            "{} {} {} {} — {}{}",
                            lang.pick("Analyse", "Analysing"),
                            (p.done + 1).min(p.total),
                            lang.pick("sur", "of"),
                            p.total,
                            p.current,
                            lines.unwrap_or_default(),
                        )
                    })
                })
            };
            let at = move |f: fn(&Progress) -> usize| {
                move || imports.progress.with(|p| p.as_ref().map_or(0, f))
            };
            view! {
                <div class="import-progress">
                    <label for="import-bar">{label}</label>
                    <progress id="import-bar" max=at(|p| p.total) value=at(|p| p.done)></progress>
                    <button type="button" on:click=move |_| cancel()>
                        {move || st.lang().pick("Annuler", "Cancel")}
                    </button>
                </div>
            }
        })
    };
    let lines = move || {
        let lang = st.lang();
        let lines = imports.lines.get();
        (!lines.is_empty() && !running.get()).then(|| {
            view! {
                <ul
                    class="import-lines"
                    aria-label=lang.pick("Fichiers importés", "Files imported")
                >
                    {lines
                        .into_iter()
                        .map(|l| {
                            view! { <li class:error=l.is_error()>{l.describe(lang)}</li> }
                        })
                        .collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div class="import-status" role="status" aria-live="polite">
            {progress}
            {lines}
        </div>
    }
}
