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

#[test]
fn the_dead_of_an_intransitive_verb_are_its_target_and_the_other_side_killed_them() {
    let d = doc(
        "Selon une ONG, au moins douze combattants du groupe Etat islamique sont morts lundi dans des affrontements avec l'armée irakienne.",
    );
    let k = find(&d, EventType::Killing, "morts");
    assert!(texts(&k.target)[0].contains("combattants"), "{k:#?}");
    assert!(texts(&k.agent)[0].contains("armée irakienne"), "{k:#?}");
    // « affrontements avec X »: X leads the fight.
    let a = find(&d, EventType::Attack, "affrontements");
    assert!(texts(&a.agent)[0].contains("armée irakienne"), "{a:#?}");
}

#[test]
fn a_verb_coordinated_by_et_shares_the_subject_not_the_object_before_it() {
    let d =
        doc("Selon la police, les assaillants ont tué six villageois et en ont blessé dix autres.");
    let k = find(&d, EventType::Killing, "tué");
    assert_eq!(texts(&k.agent), ["les assaillants"]);
    let i = find(&d, EventType::Injury, "blessé");
    assert_eq!(texts(&i.agent), ["les assaillants"], "{i:#?}");
    assert_eq!(texts(&i.target), ["dix autres"]);
}

#[test]
fn a_capture_takes_the_ground_as_place_and_the_loser_after_a() {
    let d = doc("Selon l'état-major, l'armée veut reprendre cette base aux rebelles.");
    let c = find(&d, EventType::Capture, "reprendre");
    assert_eq!(texts(&c.target), ["rebelles"]);
}

#[test]
fn who_surrenders_is_named_after_de_over_a_number_word() {
    let d = doc("Selon la police, la reddition de cent policiers a eu lieu mardi.");
    let s = find(&d, EventType::Surrender, "reddition");
    assert_eq!(texts(&s.agent), ["policiers"]);
}

#[test]
fn a_headline_participle_after_people_is_a_killing() {
    let d = doc("Trois civils tués dans des raids de l'aviation près d'Idleb\n\nLe texte suit.");
    let k = find(&d, EventType::Killing, "tués");
    assert_eq!(texts(&k.target), ["civils"]);
    // Being displaced is a state, not an event.
    let d = doc("Selon l'ONU, l'attentat a visé des personnes déplacées dans la province.");
    assert!(
        d.events.iter().all(|e| e.kind != EventType::Displacement),
        "{d:#?}"
    );
}

#[test]
fn a_bare_participle_after_et_shares_the_auxiliary_and_the_subject() {
    let d = doc(
        "Selon la police, les insurgés ont incendié plusieurs maisons et tué quatre villageois.",
    );
    let k = find(&d, EventType::Killing, "tué");
    assert_eq!(texts(&k.agent), ["les insurgés"]);
    assert_eq!(texts(&k.target), ["villageois"]);
}
