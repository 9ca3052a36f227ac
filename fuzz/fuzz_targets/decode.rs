//! Any bytes through the input decoder shared by the CLI and the page, with a limit taken from
//! the first two bytes; its verdict checked against the bytes (`depeche_fuzz::check_decode`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| depeche_fuzz::check_decode(data));
