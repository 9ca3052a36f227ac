//! The engine inside the browser: the same extraction, compiled to WebAssembly, on the corpus.
#![cfg(target_arch = "wasm32")]

use depeche::corpus::ARTICLES;
use depeche::engine::extract;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn corpus_extracts_in_the_browser_with_exact_spans() {
    for article in ARTICLES {
        let doc = extract(article.id, article.text);
        assert_eq!(doc.id, article.id);
        for event in &doc.events {
            let t = &event.trigger;
            assert_eq!(&article.text[t.start..t.end], t.text);
        }
    }
}
