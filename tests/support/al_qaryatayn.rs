// A test fixture shared by the explorer's unit tests (`src/explore.rs`) and its browser tests
// (`tests/web.rs`), included in each with `include!`: the place Al-Qaryatayn as the gazetteer
// resolves it, at the given offsets. `PlaceRef` and `GeoPrecision` are the including module's.

/// Al-Qaryatayn (Syria), mentioned at `start..end`.
fn al_qaryatayn(start: usize, end: usize) -> PlaceRef {
    PlaceRef {
        text: "Al-Qaryatayn".into(),
        start,
        end,
        place: Some("Al-Qaryatayn".into()),
        lat: Some(34.229),
        lon: Some(37.24),
        country: Some("SY".into()),
        precision: Some(GeoPrecision::Town),
    }
}
