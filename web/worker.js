// The Web Worker's script: loads the wasm-bindgen glue that Trunk built for the worker binary
// (`data-type="worker"`, no-modules) beside it, then its WebAssembly: the extraction engine. A
// failure to load is thrown again outside the promise, so that the page hears of it (an `error`
// event on its Worker) and says so.
importScripts("depeche-worker.js");
wasm_bindgen({ module_or_path: "depeche-worker_bg.wasm" }).catch((e) =>
  setTimeout(() => {
    throw e;
  }),
);
