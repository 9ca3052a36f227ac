// Helpers shared by the extraction tests (`tests/extraction.rs`, `tests/roles.rs`), included in
// each with `include!`: extract one text, and find one of its events by type and trigger.

fn doc(text: &str) -> Document {
    extract("t", text)
}

/// The first event of `kind` whose trigger contains `trigger`; the test fails naming all the
/// events when there is none.
fn find<'d>(d: &'d Document, kind: EventType, trigger: &str) -> &'d Event {
    d.events
        .iter()
        .find(|e| e.kind == kind && e.trigger.text.contains(trigger))
        .unwrap_or_else(|| panic!("no {kind:?} « {trigger} » in {:#?}", d.events))
}
