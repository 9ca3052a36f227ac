//! Inside the Web Worker: each message is a [`Request`] (its JSON, and the file beside it), read
//! with the synchronous file reader that workers have, carried out by [`import::run`], and
//! answered with [`Reply`] messages (JSON) as the articles are extracted, so that the page never
//! waits on the engine.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::import::{self, Reply, ReplyKind, Request};

/// Listens for requests, then tells the page that the worker is ready.
pub fn listen() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = js_sys::Array::from(&ev.data());
        let Some(request) = data
            .get(0)
            .as_string()
            .and_then(|json| serde_json::from_str::<Request>(&json).ok())
        else {
            return;
        };
        let bytes = data
            .get(1)
            .dyn_into::<web_sys::Blob>()
            .ok()
            .and_then(|blob| {
                let buffer = web_sys::FileReaderSync::new()
                    .ok()?
                    .read_as_array_buffer(&blob)
                    .ok()?;
                Some(js_sys::Uint8Array::new(&buffer).to_vec())
            });
        import::run(&request, bytes.as_deref(), |kind| {
            post(&replies, request.job, kind)
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, 0, ReplyKind::Ready);
}

fn post(scope: &DedicatedWorkerGlobalScope, job: u32, kind: ReplyKind) {
    if let Ok(json) = serde_json::to_string(&Reply { job, kind }) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}
