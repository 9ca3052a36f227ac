//! Who did what to whom, sentence shape by sentence shape: each test is one construction of
//! French news prose (sentences written for these tests).

use depeche::engine::{ActorRef, Document, Event, EventType, extract};

fn doc(text: &str) -> Document {
    extract("t", text)
}

fn find<'d>(d: &'d Document, kind: EventType, trigger: &str) -> &'d Event {
    d.events
        .iter()
        .find(|e| e.kind == kind && e.trigger.text.contains(trigger))
        .unwrap_or_else(|| panic!("no {kind:?} « {trigger} » in {:#?}", d.events))
}

fn texts(refs: &[ActorRef]) -> Vec<&str> {
    refs.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn things_hit_are_targets_though_they_name_no_actor() {
    let d = doc("Les insurgés ont incendié plusieurs maisons près de Gao.");
    let e = find(&d, EventType::Destruction, "incendié");
    assert_eq!(texts(&e.agent), ["Les insurgés"]);
    assert_eq!(texts(&e.target), ["plusieurs maisons"]);
}

#[test]
fn a_phrase_that_names_no_actor_never_leads() {
    // « Le convoi » is hit, not the attacker; the ground taken is a place, not a target.
    let d = doc(
        "Selon la police, un camion a été détruit par les rebelles. Les soldats ont repris la colline.",
    );
    let e = find(&d, EventType::Destruction, "détruit");
    assert_eq!(texts(&e.target), ["un camion"]);
    assert_eq!(texts(&e.agent), ["les rebelles"]);
    let c = find(&d, EventType::Capture, "repris");
    assert!(c.target.iter().all(|t| t.text != "la colline"), "{c:#?}");
}
