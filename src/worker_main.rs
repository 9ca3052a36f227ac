//! The page's Web Worker (built by Trunk for wasm32, `data-type="worker"`): the extraction engine,
//! its lexicons and gazetteer, loaded only when an article is added.

fn main() {
    depeche::app::worker::listen();
}
