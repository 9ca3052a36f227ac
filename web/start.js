// Starts the app: imports the wasm-bindgen glue and instantiates the WebAssembly module that
// Trunk built, whose hashed file names the script tag carries (Trunk.toml's `pattern_script`
// writes them there). A file of its own rather than Trunk's inline loader, so that the page's
// Content-Security-Policy can forbid every inline script.
const tag = document.querySelector("script[data-glue][data-wasm]");
const { default: init } = await import(tag.dataset.glue);
await init({ module_or_path: tag.dataset.wasm });
