//! Any bytes, decoded as the CLI decodes a file, then extracted; every span, the JSON record and
//! the work per byte checked (`depeche_fuzz::check_extract`).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| depeche_fuzz::check_extract(bytes));
