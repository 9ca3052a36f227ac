//! The browser entry point: mounts the explorer (built by Trunk for wasm32).

fn main() {
    depeche::app::mount();
}
