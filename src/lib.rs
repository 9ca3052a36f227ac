//! Dépêche: conflict events from French news dispatches.
//!
//! The [`engine`] turns an article's text into events (who did what to whom, where, when, how
//! many, according to whom); it has no web dependency and runs natively and in WebAssembly.
//! [`export`] writes the JSON, JSON Lines, CSV and GeoJSON exports that the page and the CLI
//! share; [`explore`] and [`overview`] hold the explorer's pure logic; [`import`] is what the
//! page's Web Worker does with a file or a text. The `app` module (feature `web`) is the Leptos
//! explorer compiled to WebAssembly.

pub mod corpus;
pub mod engine;
pub mod evaluate;
pub mod explore;
pub mod export;
pub mod import;
pub mod input;
pub mod manifest;
pub mod overview;

#[cfg(feature = "web")]
pub mod app;
