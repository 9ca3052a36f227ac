//! The explorer's components and state in a real browser (headless Chromium through
//! wasm-bindgen-test): the article list, an article's marks and events, selection, filters, the
//! URL, the language switch, the corpus's events read from the page's data block, IndexedDB and the
//! move from local storage when the worker cannot start, and a filter benchmark. (Adding articles
//! through the worker is tested end to end: `e2e/import.spec.mjs`.)
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --features web --test web`
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::cell::RefCell;
use std::sync::Arc;

use depeche::app::state::{AppState, Entry};
use depeche::app::store::{self, LEGACY_PREFIX, Stored};
use depeche::app::{App, article_view, articles, filters, paste};
use depeche::corpus::ARTICLES;
use depeche::engine::{
    ActorRef, Count, Document, Event, EventDate, EventType, GeoPrecision, Modality, PlaceRef,
    Qualifier, Range, Span, TimeRef,
};
use depeche::explore::{Filter, index_document};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static STATE: RefCell<Option<AppState>> = const { RefCell::new(None) };
}

/// The state and the main components (the state reads and writes the page's URL).
#[component]
fn Harness() -> impl IntoView {
    let st = AppState::provide();
    STATE.with(|s| *s.borrow_mut() = Some(st));
    view! {
        <articles::ArticleList />
        <filters::Filters />
        <paste::Paste />
        <main>
            <article_view::ArticleView />
        </main>
    }
}

fn state() -> AppState {
    STATE.with(|s| s.borrow().expect("harness mounted"))
}

/// Waits for the browser (timers, file reads) and for Leptos's effects.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = leptos::__reexports::wasm_bindgen_futures::JsFuture::from(promise).await;
    leptos::task::tick().await;
}

/// Waits (up to 5 s) until `ready` holds.
async fn until(ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        settle(10).await;
    }
    panic!("timed out");
}

/// The page's data block of the corpus's events, as the build ships it (`corpus-events.json`,
/// inlined by the single file): here the engine's extraction of the corpus.
fn corpus_events(doc: &web_sys::Document) {
    if doc.get_element_by_id("corpus-events").is_some() {
        return;
    }
    let data = depeche::corpus::CorpusData::build();
    let block = doc.create_element("script").unwrap();
    block.set_attribute("type", "application/json").unwrap();
    block.set_id("corpus-events");
    block.set_text_content(Some(&serde_json::to_string(&data).unwrap()));
    doc.head().unwrap().append_child(&block).unwrap();
}

/// Waits until the article list holds `n` items.
async fn listed(host: &web_sys::Element, n: usize) {
    until(|| all(host, "ul[aria-label='Articles'] > li").len() == n).await;
}

/// Sets the page's query before mounting, clears local storage, ships the corpus's events.
fn fresh_page(query: &str) -> web_sys::Element {
    let w = web_sys::window().unwrap();
    let path = w.location().pathname().unwrap();
    w.history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let store = w.local_storage().unwrap().unwrap();
    store.clear().unwrap();
    let doc = w.document().unwrap();
    corpus_events(&doc);
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn all(root: &web_sys::Element, sel: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn one(root: &web_sys::Element, sel: &str) -> web_sys::Element {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
}

fn click(el: &web_sys::Element) {
    el.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
}

include!("support/al_qaryatayn.rs");

const ID: &str = "000_1d402241c3120807";

/// A hand-built document over the first corpus article (the engine's events land later).
fn constructed_document() -> (Document, &'static str) {
    let text = ARTICLES.iter().find(|a| a.id == ID).unwrap().text;
    let at = |needle: &str| {
        let s = text.find(needle).unwrap();
        (s, s + needle.len())
    };
    let span = |needle: &str| {
        let (start, end) = at(needle);
        Span {
            text: needle.into(),
            start,
            end,
        }
    };
    let actor = |needle: &str, id: &str| {
        let (start, end) = at(needle);
        ActorRef {
            text: needle.into(),
            start,
            end,
            actor: Some(id.into()),
            name: None,
        }
    };
    let sentence = |needle: &str| {
        let (s, _) = at(needle);
        let start = text[..s].rfind('\n').map_or(0, |i| i + 1);
        let end = text[s..].find('\n').map_or(text.len(), |i| s + i);
        Range { start, end }
    };
    let (ps, pe) = at("Al-Qaryatayn");
    let (cs, ce) = at("plus de 200");
    let capture = Event {
        kind: EventType::Capture,
        trigger: span("ont chassé"),
        sentence: sentence("ont chassé"),
        agent: vec![actor("Les forces du régime syrien", "SYR_GOV")],
        target: vec![actor("le groupe Etat islamique (EI)", "ISIS")],
        location: vec![],
        time: Some(TimeRef {
            text: "samedi".into(),
            start: at("samedi").0,
            end: at("samedi").1,
            value: Some("2017-10-21".into()),
        }),
        date: None,
        count: None,
        source: Some(actor("l’agence officielle Sana", "SANA")),
        modality: Modality::Asserted,
    };
    let earlier = Event {
        kind: EventType::Capture,
        trigger: span("avait pris"),
        sentence: sentence("avait pris"),
        agent: vec![actor("l’EI", "ISIS")],
        target: vec![],
        location: vec![al_qaryatayn(ps, pe)],
        time: None,
        date: None,
        count: None,
        source: None,
        modality: Modality::Asserted,
    };
    let withdrawal = Event {
        kind: EventType::Withdrawal,
        trigger: span("retrait"),
        sentence: sentence("retrait"),
        agent: vec![],
        target: vec![],
        location: vec![],
        time: None,
        date: None,
        count: Some(Count {
            text: "plus de 200".into(),
            start: cs,
            end: ce,
            value: 200,
            qualifier: Qualifier::MoreThan,
        }),
        source: None,
        modality: Modality::Asserted,
    };
    let planned = Event {
        kind: EventType::Killing,
        trigger: span("éliminé"),
        sentence: sentence("éliminé"),
        agent: vec![],
        target: vec![actor("terroristes de Daech", "ISIS")],
        location: vec![],
        time: None,
        date: None,
        count: None,
        source: None,
        modality: Modality::Planned,
    };
    let mut events = vec![capture, earlier, withdrawal, planned];
    for e in &mut events {
        e.date = EventDate::of(e.time.as_ref(), Some("2017-10-22"));
    }
    (
        Document {
            id: ID.into(),
            title: None,
            date: Some("2017-10-22".into()),
            events,
        },
        text,
    )
}

/// Replaces the corpus article's (still empty) extraction with the constructed document.
fn inject(st: AppState) {
    let (doc, _) = constructed_document();
    st.corpus.update(|c| {
        let mut entries: Vec<Entry> = c.entries.clone();
        let pos = entries.iter().position(|e| e.doc.id == ID).unwrap();
        entries[pos].doc = Arc::new(doc);
        *c = Arc::new(depeche::app::state::Corpus::new(entries));
    });
}

#[wasm_bindgen_test]
async fn the_article_list_names_every_corpus_article() {
    let host = fresh_page("");
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    listed(&host, ARTICLES.len()).await;
    let list = one(&host, "ul[aria-label='Articles']");
    assert_eq!(all(&list, ":scope > li").len(), ARTICLES.len());
    // The first view is the overview, with its map.
    assert!(host.text_content().unwrap().contains("Vue d'ensemble"));
    assert!(!all(&host, "svg.map").is_empty());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_article_shows_marks_events_and_selection() {
    let host = fresh_page(&format!("?article={ID}"));
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), Harness);
    listed(&host, ARTICLES.len()).await;
    let st = state();
    inject(st);
    settle(10).await;

    let list = one(&host, "ol[aria-label='Événements']");
    let items = all(&list, ":scope > li");
    let types: Vec<String> = items
        .iter()
        .map(|li| li.get_attribute("data-event-type").unwrap())
        .collect();
    assert_eq!(types, ["capture", "capture", "withdrawal", "killing"]);
    // Each item reads its event: type, trigger, who to whom (canonical names), when, source.
    let first = items[0].text_content().unwrap();
    for part in [
        "prise de contrôle",
        "« ont chassé »",
        "Forces gouvernementales syriennes",
        "cible : Etat islamique",
        "quand : samedi (2017-10-21)",
        "selon : Agence Sana",
    ] {
        assert!(first.contains(part), "{part:?} in {first:?}");
    }
    assert_eq!(
        items[3].get_attribute("data-modality").as_deref(),
        Some("planned")
    );
    // A shipped article says how its date was established (this one prints none).
    let basis = one(&host, ".shipped .date-basis").text_content().unwrap();
    assert!(basis.contains("worked out from the events"), "{basis}");
    // Dates are <time> elements; one the article's date stands for says so.
    let time = one(&items[0], "time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2017-10-21")
    );
    assert_eq!(time.get_attribute("data-origin").as_deref(), Some("text"));
    let time = one(&items[3], "time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2017-10-22")
    );
    assert_eq!(
        time.get_attribute("data-origin").as_deref(),
        Some("article")
    );
    assert!(
        items[3]
            .text_content()
            .unwrap()
            .contains("2017-10-22 (article)")
    );

    // Triggers are marks coloured by type; roles are marked.
    let marks = all(&host, "mark.trg");
    assert_eq!(marks.len(), 4);
    assert_eq!(
        marks[0].get_attribute("data-type").as_deref(),
        Some("capture")
    );
    assert!(marks[0].text_content().unwrap().starts_with("ont chassé"));
    assert!(!all(&host, ".r-agent").is_empty());
    assert!(!all(&host, ".r-place").is_empty());
    assert!(!all(&host, ".r-time").is_empty());
    // The text is the article's, whole.
    let text = one(&host, ".text").text_content().unwrap();
    assert!(text.contains("Al-Qaryatayn (centre) dans la Badiya"));

    // Choosing an event in the list emphasises its sentence and trigger…
    click(&one(&items[2], "button"));
    settle(5).await;
    assert!(one(&host, "#ev-2").class_list().contains("on"));
    let emphasised: String = all(&host, ".text .sent-on")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert!(emphasised.contains("« après le "));
    assert!(emphasised.contains(" dans la nuit de plus de 200 éléments"));
    assert!(!emphasised.contains("ont chassé"));
    // …and the other way round.
    click(&one(&host, "#ev-0"));
    settle(5).await;
    assert!(one(&host, "#li-0").class_list().contains("on"));
    assert!(!one(&host, "#li-2").class_list().contains("on"));

    // Filters apply to the list and to the article counts, through the URL.
    st.update(false, |v| v.filter.types = vec![EventType::Capture]);
    settle(5).await;
    assert!(
        web_sys::window()
            .unwrap()
            .location()
            .search()
            .unwrap()
            .contains("type=capture")
    );
    let list = one(&host, "ol[aria-label='Événements']");
    assert_eq!(all(&list, ":scope > li").len(), 2);
    assert_eq!(all(&host, "mark.trg").len(), 2);
    let current = one(&host, "ul[aria-label='Articles'] li.current");
    assert!(
        current
            .text_content()
            .unwrap()
            .contains("2 sur 4 événements")
    );
    st.update(false, |v| {
        v.filter = Filter {
            q: "DAECH".into(),
            ..Filter::default()
        }
    });
    settle(5).await;
    let list = one(&host, "ol[aria-label='Événements']");
    assert_eq!(all(&list, ":scope > li").len(), 1);
    st.update(false, |v| {
        v.filter = Filter {
            modality: Some(Modality::Planned),
            ..Filter::default()
        }
    });
    settle(5).await;
    let list = one(&host, "ol[aria-label='Événements']");
    assert_eq!(all(&list, ":scope > li").len(), 1);

    // English.
    st.update(false, |v| {
        v.filter = Filter::default();
        v.lang = depeche::explore::Lang::En;
    });
    settle(5).await;
    let list = one(&host, "ol[aria-label='Events']");
    assert_eq!(all(&list, ":scope > li").len(), 4);
    assert!(list.text_content().unwrap().contains("capture"));
    drop(handle);
    host.remove();
}

/// A change of filter updates what changed and keeps the rest of the page's elements: the
/// articles' items (their numbers change in place), the events that still pass, the type
/// checkbox that was clicked (so that it keeps the keyboard focus).
#[wasm_bindgen_test]
async fn a_filter_change_keeps_the_elements_that_stay() {
    let host = fresh_page(&format!("?article={ID}"));
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), Harness);
    listed(&host, ARTICLES.len()).await;
    inject(state());
    settle(10).await;

    let articles = all(&host, "ul[aria-label='Articles'] > li");
    let events = all(&host, "ol[aria-label='Événements'] > li");
    assert_eq!(events.len(), 4);
    let current = one(&host, "ul[aria-label='Articles'] li.current");
    let mix = one(&current, ".mix").get_attribute("style").unwrap();
    assert!(mix.contains("var(--c-capture)") && mix.contains("var(--c-killing)"));
    let checkbox = one(&host, "#type-capture");
    checkbox
        .dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    click(&checkbox);
    settle(10).await;

    assert!(articles.iter().all(|li| li.is_connected()));
    assert_eq!(all(&host, "ul[aria-label='Articles'] > li"), articles);
    assert!(
        current
            .text_content()
            .unwrap()
            .contains("2 sur 4 événements")
    );
    let mix = one(&current, ".mix").get_attribute("style").unwrap();
    assert!(mix.contains("var(--c-capture)") && !mix.contains("var(--c-killing)"));
    // The two captures stay, the same elements; the others are gone.
    let after = all(&host, "ol[aria-label='Événements'] > li");
    assert_eq!(after, events[..2]);
    assert!(!events[2].is_connected() && !events[3].is_connected());
    assert!(checkbox.is_connected());
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(focused.as_ref(), Some(&checkbox));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn kept_articles_round_trip_through_indexeddb_and_are_listed_with_their_events() {
    store::remove(None).await.unwrap();
    let text = ARTICLES[1].text;
    let kept = Stored {
        id: "mine-kept".into(),
        title: Some("Gardé".into()),
        date: Some("2017-10-01".into()),
        text: text.into(),
        added: 1.0,
        doc: depeche::engine::extract_with("mine-kept", text, Some("Gardé"), Some("2017-10-01")),
        shown_title: "Gardé".into(),
    };
    store::put(&kept).await.unwrap();
    assert_eq!(store::load().await.unwrap(), vec![Ok(kept.clone())]);

    let host = fresh_page("?article=mine-kept");
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), Harness);
    listed(&host, ARTICLES.len() + 1).await;
    let mine = one(&host, "ul[aria-label='Articles'] li.mine");
    assert!(mine.text_content().unwrap().contains("Gardé"));
    until(|| all(&host, "ol[aria-label='Événements'] > li").len() == kept.doc.events.len()).await;
    assert!(!kept.doc.events.is_empty());

    // Removed from the list and from the store.
    click(&one(&mine, "button.remove"));
    listed(&host, ARTICLES.len()).await;
    settle(50).await;
    assert_eq!(store::load().await.unwrap(), vec![]);
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn local_storage_articles_stay_there_when_the_worker_cannot_move_them() {
    store::remove(None).await.unwrap();
    let host = fresh_page("");
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.set_item(&format!("{LEGACY_PREFIX}mine-bad"), "{not json")
        .unwrap();
    let good =
        r#"{"id":"mine-good","title":"Gardé","date":"2017-10-01","text":"Texte gardé.","added":1}"#;
    ls.set_item(&format!("{LEGACY_PREFIX}mine-good"), good)
        .unwrap();
    ls.set_item("unrelated", "kept").unwrap();
    let (legacy, bad) = store::legacy_articles();
    assert_eq!(legacy.len(), 1);
    assert_eq!(bad, vec![format!("{LEGACY_PREFIX}mine-bad")]);

    // The test page has no worker script: the move fails, says so, and loses nothing.
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    until(|| all(&host, ".import-lines li").len() == 1).await;
    let line = one(&host, ".import-lines li");
    assert!(line.text_content().unwrap().contains("Gardé"));
    assert!(line.class_list().contains("error"));
    assert!(
        one(&host, ".notice.error")
            .text_content()
            .unwrap()
            .contains("illisible")
    );
    for (key, value) in [
        (format!("{LEGACY_PREFIX}mine-bad"), "{not json"),
        (format!("{LEGACY_PREFIX}mine-good"), good),
        ("unrelated".to_string(), "kept"),
    ] {
        assert_eq!(ls.get_item(&key).unwrap().as_deref(), Some(value));
    }
    assert_eq!(store::load().await.unwrap(), vec![]);
    drop(handle);
    host.remove();
    ls.clear().unwrap();
}

/// Filtering 10,000 events (the constructed document repeated): right counts asserted, the time
/// only logged (`make bench-web` measures the page).
#[wasm_bindgen_test]
fn filter_benchmark_on_ten_thousand_events() {
    let (doc, text) = constructed_document();
    let mut events = Vec::new();
    let mut i = 0;
    while events.len() < 10_000 {
        events.extend(index_document(i, &doc, text));
        i += 1;
    }
    let perf = web_sys::window().unwrap().performance().unwrap();
    let filters = [
        Filter {
            types: vec![EventType::Capture],
            ..Filter::default()
        },
        Filter {
            q: "régime sana".into(),
            ..Filter::default()
        },
        Filter {
            actor: Some("ISIS".into()),
            from: Some("2017-10".into()),
            ..Filter::default()
        },
    ];
    for f in filters {
        let t0 = perf.now();
        let compiled = f.compile();
        let n = events.iter().filter(|e| compiled.matches(e)).count();
        let dt = perf.now() - t0;
        web_sys::console::log_1(
            &format!("filter {f:?}: {n} of {} events in {dt:.2} ms", events.len()).into(),
        );
        // Every filter keeps some events and drops others: the constructed document has them.
        assert!(n > 0 && n < events.len(), "{f:?} kept {n}");
    }
    let captures = events
        .iter()
        .filter(|e| e.kind == EventType::Capture)
        .count();
    let only_captures = Filter {
        types: vec![EventType::Capture],
        ..Filter::default()
    };
    let compiled = only_captures.compile();
    assert_eq!(
        events.iter().filter(|e| compiled.matches(e)).count(),
        captures
    );
}
