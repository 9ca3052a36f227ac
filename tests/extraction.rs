//! Extraction on dispatches about other conflicts than the corpus's (Sahel, Nigeria, Ukraine,
//! Yemen, Afghanistan): types, roles, places, times, counts, sources and modality.

use depeche::engine::{Document, Event, EventType, Modality, extract};

include!("support/events.rs");

fn actor(refs: &[depeche::engine::ActorRef]) -> Option<&str> {
    refs.first().and_then(|a| a.actor.as_deref())
}

#[test]
fn wire_dateline_dates_the_article_and_relative_days_resolve() {
    let d = doc(
        "Ukraine : retrait russe\n\nKiev, 11 novembre 2022 (AFP) - L'armée ukrainienne est entrée vendredi dans Kherson après le retrait des troupes russes.",
    );
    assert_eq!(d.date.as_deref(), Some("2022-11-11"));
    let e = find(&d, EventType::Advance, "entrée");
    assert_eq!(actor(&e.agent), Some("UKR_GOV"));
    assert_eq!(
        e.time.as_ref().and_then(|t| t.value.as_deref()),
        Some("2022-11-11")
    );
    assert_eq!(e.location[0].country.as_deref(), Some("UA"));
    let w = find(&d, EventType::Withdrawal, "retrait");
    assert_eq!(actor(&w.agent), Some("RUS_GOV"));
}

#[test]
fn abduction_with_count_and_place() {
    let d = doc(
        "Des jihadistes de Boko Haram ont enlevé au moins 80 personnes mardi dans l'Etat de Borno, ont indiqué des responsables locaux.",
    );
    let e = find(&d, EventType::Abduction, "enlevé");
    assert_eq!(actor(&e.agent), Some("BOKO_HARAM"));
    let count = e.count.as_ref().expect("a count");
    assert_eq!(count.value, 80);
    assert_eq!(e.location[0].country.as_deref(), Some("NG"));
}

#[test]
fn passive_killing_of_civilians_in_an_attack_attributed_to_jihadists() {
    let d = doc(
        "Au moins 30 civils ont été tués samedi dans une attaque attribuée à des jihadistes contre le village de Diallassagou, dans le centre du Mali.",
    );
    let k = find(&d, EventType::Killing, "tués");
    assert_eq!(actor(&k.target), Some("CIVILIANS"));
    assert_eq!(k.count.as_ref().map(|c| c.value), Some(30));
    let a = find(&d, EventType::Attack, "attaque");
    assert!(a.agent[0].text.contains("jihadistes"));
}

#[test]
fn air_strikes_by_a_coalition_with_deaths() {
    let d = doc(
        "Des frappes aériennes de la coalition menée par l'Arabie saoudite ont tué au moins 14 personnes lundi soir à Sanaa, ont indiqué des sources médicales.",
    );
    let s = find(&d, EventType::AirStrike, "frappes");
    assert_eq!(actor(&s.agent), Some("SAUDI_COALITION"));
    assert_eq!(s.location[0].country.as_deref(), Some("YE"));
    assert!(d.events.iter().any(|e| e.kind == EventType::Killing));
}

#[test]
fn suicide_bombing_and_arrests_are_not_made_hypothetical_by_a_noun() {
    let d = doc(
        "Un kamikaze s'est fait exploser lundi devant l'ambassade à Kaboul. Les talibans, qui ont pris le pouvoir en 2021, ont arrêté trois suspects.",
    );
    let b = find(&d, EventType::Bombing, "exploser");
    assert_eq!(b.location[0].country.as_deref(), Some("AF"));
    let a = find(&d, EventType::Arrest, "arrêté");
    assert_eq!(actor(&a.agent), Some("TALIBAN"));
    assert_eq!(a.modality, Modality::Asserted);
    assert!(
        !d.events.iter().any(|e| e.kind == EventType::Capture),
        "« prendre le pouvoir » is no capture"
    );
}

#[test]
fn modality_planned_hypothetical_negated() {
    let d = doc(
        "Les rebelles veulent reprendre la ville de Gao. Si l'armée parvenait à s'emparer de Kidal, elle contrôlerait le nord. Les combattants ne se sont pas rendus.",
    );
    assert_eq!(
        find(&d, EventType::Capture, "reprendre").modality,
        Modality::Planned
    );
    assert_eq!(
        find(&d, EventType::Capture, "emparer").modality,
        Modality::Hypothetical
    );
    assert_eq!(
        find(&d, EventType::Surrender, "rendus").modality,
        Modality::Negated
    );
}

#[test]
fn false_friends_are_not_events() {
    let d = doc(
        "Le ministre s'est rendu à Bamako mardi. Un communiqué repris par les médias officiels. Des civils ont été pris au piège.",
    );
    assert!(d.events.is_empty(), "{:#?}", d.events);
}

#[test]
fn sources_are_not_participants() {
    let d = doc("Les forces irakiennes ont repris Mossoul, a rapporté l'agence Reuters.");
    let e = find(&d, EventType::Capture, "repris");
    assert_eq!(actor(&e.agent), Some("IRQ_GOV"));
    assert!(
        e.source
            .as_ref()
            .is_some_and(|s| s.text.contains("Reuters"))
    );
    assert!(e.target.is_empty());
}

#[test]
fn clashes_between_two_sides_and_counts_of_each_trigger() {
    let d = doc(
        "Des affrontements ont éclaté vendredi entre les forces loyales au GNA et les troupes de l'Armée nationale libyenne (ANL). Au moins 21 personnes ont été tuées et 27 blessées.",
    );
    let a = find(&d, EventType::Attack, "affrontements");
    assert_eq!(actor(&a.agent), Some("GNA"));
    assert_eq!(actor(&a.target), Some("LNA"));
    assert_eq!(
        find(&d, EventType::Killing, "tuées")
            .count
            .as_ref()
            .map(|c| c.value),
        Some(21)
    );
    assert_eq!(
        find(&d, EventType::Injury, "blessées")
            .count
            .as_ref()
            .map(|c| c.value),
        Some(27)
    );
}

#[test]
fn a_claim_names_the_agent_and_a_seat_of_government_is_no_siege() {
    let d = doc(
        "L'EI revendique un double attentat-suicide à Bagdad. Les forces de Haftar marchent sur Tripoli, siège du gouvernement d'union nationale (GNA).",
    );
    let b = find(&d, EventType::Bombing, "attentat");
    assert_eq!(actor(&b.agent), Some("ISIS"));
    assert!(b.source.is_none());
    assert!(!d.events.iter().any(|e| e.trigger.text.contains("siège")));
}

#[test]
fn who_claims_a_deed_is_its_agent_not_the_victims_source() {
    let d = doc("Les shebab, affiliés à Al-Qaïda, affirment avoir tué 20 soldats.");
    let k = find(&d, EventType::Killing, "tué");
    assert_eq!(actor(&k.agent), Some("AL_SHABAAB"));
    assert_eq!(k.count.as_ref().map(|c| c.value), Some(20));
    assert!(k.source.as_ref().is_some_and(|s| s.text.contains("shebab")));
}

#[test]
fn the_target_of_cible_de_and_confronte_a() {
    let d = doc(
        "Cible de multiples offensives, les talibans reculent. Boko Haram est confronté à une offensive de l'armée nigériane.",
    );
    let first = find(&d, EventType::Attack, "offensives");
    assert_eq!(actor(&first.target), Some("TALIBAN"));
    let second = d
        .events
        .iter()
        .rfind(|e| e.kind == EventType::Attack)
        .unwrap();
    assert_eq!(actor(&second.target), Some("BOKO_HARAM"));
    assert_eq!(actor(&second.agent), Some("NGA_GOV"));
}

#[test]
fn a_capital_that_plans_and_a_subject_that_negates() {
    let d = doc(
        "Kiev prévoit de reprendre Kherson avant l'hiver. Aucun civil n'a été tué, selon la police.",
    );
    let c = find(&d, EventType::Capture, "reprendre");
    assert_eq!(actor(&c.agent), Some("UKR_GOV"));
    assert_eq!(c.modality, Modality::Planned);
    assert_eq!(
        find(&d, EventType::Killing, "tué").modality,
        Modality::Negated
    );
}

#[test]
fn gaza_strikes_rockets_and_an_attribution_that_is_no_target() {
    let d = doc(
        "L'armée israélienne a mené dans la nuit des frappes aériennes sur la bande de Gaza, tuant au moins 12 Palestiniens, selon le ministère de la Santé du Hamas. Le Hamas a tiré plus de 200 roquettes vers Israël.",
    );
    let s = find(&d, EventType::AirStrike, "frappes");
    assert_eq!(actor(&s.agent), Some("ISR_GOV"));
    assert!(s.target.iter().all(|t| t.actor.as_deref() != Some("HAMAS")));
    assert_eq!(
        find(&d, EventType::Killing, "tuant")
            .count
            .as_ref()
            .map(|c| c.value),
        Some(12)
    );
    assert_eq!(
        actor(&find(&d, EventType::Shelling, "roquettes").agent),
        Some("HAMAS")
    );
}

#[test]
fn a_town_told_before_its_name_takes_the_name() {
    let d = doc(
        "Les jihadistes ont chassé samedi l'armée malienne d'une ville stratégique de la région de Mopti, selon une source sécuritaire.\nLes jihadistes avaient déjà pris Douentza en 2013.",
    );
    let c = find(&d, EventType::Capture, "chassé");
    let places: Vec<&str> = c
        .location
        .iter()
        .filter_map(|p| p.place.as_deref())
        .collect();
    assert_eq!(places.first(), Some(&"Douentza"), "{places:?}");
    assert_eq!(c.location[0].text, "ville");
}

#[test]
fn people_pronouns_and_unnamed_sources_speak() {
    let source = |text: &str| {
        let d = doc(text);
        let e = find(&d, EventType::Killing, "tués");
        e.source.as_ref().map(|s| s.text.clone())
    };
    // A person or an office after the reporting verb, over who was told.
    assert_eq!(
        source("Neuf gendarmes ont été tués jeudi, a déclaré un élu de la région.").as_deref(),
        Some("un élu")
    );
    assert_eq!(
        source("Neuf gendarmes ont été tués jeudi, a précisé à Reuters une source militaire.")
            .as_deref(),
        Some("une source militaire")
    );
    // « a-t-il ajouté »: the speaker quoted before goes on.
    assert_eq!(
        source("L'armée a parlé d'une attaque, a annoncé la police. « Neuf gendarmes ont été tués », a-t-elle ajouté.")
            .as_deref(),
        Some("la police")
    );
    // Never the victims quoted before it.
    let d = doc("« Neuf gendarmes ont été tués », a-t-il ajouté.");
    let e = find(&d, EventType::Killing, "tués");
    assert!(e.source.is_none(), "{e:#?}");
    // « a-t-on appris de sources … »: unnamed sources.
    assert_eq!(
        source("Neuf gendarmes ont été tués, a-t-on appris de sources hospitalières.").as_deref(),
        Some("sources hospitalières")
    );
}

#[test]
fn a_town_the_gazetteer_does_not_know_is_kept_after_a_and_km_de() {
    let d = doc(
        "Boko Haram a attaqué Maiduguri lundi. Mardi, des hommes armés ont tué trois civils à Kwatamba, a indiqué la police. Une mine a explosé à 30 km de Wulgoro.",
    );
    let e = find(&d, EventType::Killing, "tué");
    let places: Vec<&str> = e.location.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(places, ["Kwatamba"], "{e:#?}");
    assert!(e.location[0].place.is_none());
    let b = find(&d, EventType::Bombing, "explosé");
    assert_eq!(
        b.location.first().map(|p| p.text.as_str()),
        Some("Wulgoro"),
        "{b:#?}"
    );
}

#[test]
fn what_explodes_is_a_bombing_only_when_it_is_an_explosive() {
    let d = doc(
        "Selon la police, une bombe artisanale a explosé sur le marché. Les vitres ont explosé.",
    );
    let bombings: Vec<&str> = d
        .events
        .iter()
        .filter(|e| e.kind == EventType::Bombing)
        .map(|e| e.trigger.text.as_str())
        .collect();
    assert_eq!(bombings, ["a explosé"]);
}

#[test]
fn a_bombardment_with_guns_named_is_shelling_and_with_aircraft_an_air_strike() {
    let d = doc("Selon Erevan, les forces azerbaïdjanaises ont bombardé au mortier le village.");
    find(&d, EventType::Shelling, "bombardé");
    let d = doc("Selon Erevan, des avions ont bombardé le village.");
    find(&d, EventType::AirStrike, "bombardé");
}

#[test]
fn words_of_an_organisations_name_are_no_event() {
    let d = doc("Selon l'ONU, le Front de libération du Sud a attaqué un poste près de Gao.");
    assert!(
        d.events.iter().all(|e| e.trigger.text != "libération"),
        "{:#?}",
        d.events
    );
    let e = find(&d, EventType::Attack, "attaqué");
    assert_eq!(
        e.agent.first().map(|a| a.text.as_str()),
        Some("le Front de libération du Sud")
    );
}

#[test]
fn calls_plan_and_the_negative_de_negates() {
    let d = doc("Selon l'ONU, le gouvernement a appelé à un cessez-le-feu.");
    assert_eq!(
        find(&d, EventType::Agreement, "cessez-le-feu").modality,
        Modality::Planned
    );
    let d = doc("Selon la police, il n'y a pas eu d'attaque depuis lundi.");
    assert_eq!(
        find(&d, EventType::Attack, "attaque").modality,
        Modality::Negated
    );
}

#[test]
fn a_kamikaze_is_who_bombs_and_shots_are_an_attack() {
    let d = doc("Selon la police, un kamikaze s'est fait exploser devant une mosquée.");
    let bombings: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| e.kind == EventType::Bombing)
        .collect();
    assert_eq!(bombings.len(), 1, "{bombings:#?}");
    assert_eq!(
        bombings[0].agent.first().map(|a| a.text.as_str()),
        Some("un kamikaze")
    );
    let d =
        doc("Selon l'armée, des tirs ont visé une patrouille. Des tirs d'obus ont frappé Goma.");
    find(&d, EventType::Attack, "tirs");
    find(&d, EventType::Shelling, "tirs d'obus");
}

#[test]
fn a_bombardment_that_names_no_weapon_takes_the_articles() {
    // Guns and no aircraft in the article: shelling.
    let d = doc(
        "Des obus sont tombés sur Stepanakert. Selon Erevan, les bombardements ont fait six morts.",
    );
    find(&d, EventType::Shelling, "bombardements");
    // Aircraft named: an air strike.
    let d = doc("Des avions ont survolé Alep. Selon l'OSDH, les bombardements ont fait six morts.");
    find(&d, EventType::AirStrike, "bombardements");
}

#[test]
fn aircraft_shot_down_before_their_verb_are_destroyed() {
    let d =
        doc("Selon Kiev, 85 des 120 drones lancés par la Russie ont été abattus pendant la nuit.");
    find(&d, EventType::Destruction, "abattus");
}
