//! Who did what to whom, sentence shape by sentence shape: each test is one construction of
//! French news prose (sentences written for these tests).

use depeche::engine::{ActorRef, Document, Event, EventType, extract};

include!("support/events.rs");

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

#[test]
fn modality_of_foiled_conditional_and_planned_events() {
    use depeche::engine::Modality;
    let d = doc("Selon la police, deux attaques ont été déjouées dimanche à Gao.");
    assert_eq!(
        find(&d, EventType::Attack, "attaques").modality,
        Modality::Negated
    );
    let d = doc("Selon Kiev, s'ils se rendaient, ils seraient épargnés.");
    assert_eq!(
        find(&d, EventType::Surrender, "rendaient").modality,
        Modality::Hypothetical
    );
    // The « si » of degree is no condition.
    let d = doc("Selon l'ONU, une si grande perte de territoire est rare.");
    assert_eq!(
        find(&d, EventType::Capture, "perte").modality,
        Modality::Asserted
    );
    let d = doc("Selon l'état-major, il est question de reprendre la base aux rebelles.");
    assert_eq!(
        find(&d, EventType::Capture, "reprendre").modality,
        Modality::Planned
    );
    // Aiming at, and counting, are no intentions.
    let d =
        doc("Selon l'ONU, les villes sont visées par des frappes et le camp compte 500 déplacés.");
    assert_eq!(
        find(&d, EventType::AirStrike, "frappes").modality,
        Modality::Asserted
    );
}

#[test]
fn an_act_of_violence_with_no_one_named_behind_it_goes_on_the_side_just_told() {
    let d = doc(
        "Selon la police, les shebab ont bombardé le quartier mardi. Quatre obus sont tombés près du marché.",
    );
    let s = find(&d, EventType::Shelling, "obus");
    assert_eq!(texts(&s.agent), ["les shebab"], "{s:#?}");
    // Not the side that the act befalls.
    let d =
        doc("Selon la police, les shebab ont attaqué la ville. Dix shebab ont ensuite été tués.");
    let k = find(&d, EventType::Killing, "tués");
    assert!(k.agent.is_empty(), "{k:#?}");
}

#[test]
fn who_says_so_after_selon_ends_at_the_comma() {
    let d = doc("Selon un communiqué, la coalition a mené trois raids aériens autour de Raqqa.");
    let e = find(&d, EventType::AirStrike, "raids");
    assert_eq!(texts(&e.agent), ["la coalition"]);
}

#[test]
fn a_pronoun_leads_the_event_a_light_verb_governs() {
    let d = doc(
        "Selon la police, les shebab ont pris la ville. Mardi, ils ont lancé une attaque contre une base militaire.",
    );
    let e = find(&d, EventType::Attack, "attaque");
    assert_eq!(texts(&e.agent), ["ils"]);
    assert_eq!(e.agent[0].actor.as_deref(), Some("AL_SHABAAB"), "{e:#?}");
}

/// Every rule of `data/roles.tsv` does what its example says: the words in brackets fill the
/// rule's role in an event of one of its types.
#[test]
fn every_role_rule_example_holds() {
    use depeche::engine::roles::{Role, rules};
    let mut failures = Vec::new();
    for rule in rules() {
        let open = rule.example.find('[').expect("checked when parsed");
        let close = rule.example.find(']').expect("checked when parsed");
        let words = &rule.example[open + 1..close];
        let text = rule.example.replace(['[', ']'], "");
        let d = doc(&text);
        let holds = d.events.iter().any(|e| {
            let role = match rule.role {
                Role::Agent => &e.agent,
                Role::Target => &e.target,
            };
            (rule.types.is_empty() || rule.types.contains(&e.kind))
                && role.iter().any(|r| r.text == words)
        });
        if !holds {
            failures.push(format!(
                "data/roles.tsv:{}: « {words} » is not the {:?} in « {text} »: {:?}",
                rule.line,
                rule.role,
                d.events
                    .iter()
                    .map(|e| (e.kind, &e.trigger.text, texts(&e.agent), texts(&e.target)))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_type_follows_what_is_hit_and_who_moves() {
    // Shooting down an aircraft destroys it; nobody is killed.
    let d = doc("Selon Kiev, la défense a abattu un drone au-dessus de la ville.");
    find(&d, EventType::Destruction, "abattu");
    // People who flee are displaced; fighters who flee withdraw.
    let d = doc("Selon l'ONU, des milliers de personnes ont fui la ville.");
    find(&d, EventType::Displacement, "fui");
    let d = doc("Selon l'armée, les combattants de l'EI ont fui la ville.");
    find(&d, EventType::Withdrawal, "fui");
}

#[test]
fn places_the_gazetteer_does_not_know_and_names_that_are_no_place() {
    let d = doc(
        "Selon l'armée, les shebab ont attaqué le camp militaire de Bourhakaba mardi. Onze soldats ont été tués.",
    );
    let a = find(&d, EventType::Attack, "attaqué");
    assert_eq!(a.location[0].text, "Bourhakaba");
    // A sentence naming no place goes on where the article was.
    let k = find(&d, EventType::Killing, "tués");
    assert_eq!(k.location[0].text, "Bourhakaba", "{k:#?}");
    // « Alexandre » before a surname is a first name, not the Egyptian city.
    let d = doc("Selon Moscou, le dirigeant Alexandre Zakharchenko a été blessé.");
    let i = find(&d, EventType::Injury, "blessé");
    assert!(i.location.iter().all(|p| p.text != "Alexandre"), "{i:#?}");
}

#[test]
fn a_short_parenthesis_and_a_range_do_not_hide_the_subject() {
    let d =
        doc("Selon une ONG, au moins 20 combattants de l'Etat islamique (EI) ont été tués lundi.");
    let k = find(&d, EventType::Killing, "tués");
    assert!(texts(&k.target)[0].contains("combattants"), "{k:#?}");
    let d = doc("Selon la police, 4 à 10 personnes ont été tuées jeudi.");
    let k = find(&d, EventType::Killing, "tuées");
    assert_eq!(texts(&k.target), ["10 personnes"], "{k:#?}");
}

#[test]
fn who_surrenders_gives_up_to_the_other_side_named() {
    let d = doc(
        "Selon un responsable, plus de cent policiers se sont rendus après trois jours de combats contre les talibans.",
    );
    let s = find(&d, EventType::Surrender, "rendus");
    assert_eq!(texts(&s.agent), ["policiers"]);
    assert_eq!(texts(&s.target), ["les talibans"], "{s:#?}");
}

#[test]
fn a_fight_told_on_keeps_its_sides() {
    let d = doc(
        "Selon l'armée, les shebab ont attaqué des soldats somaliens près de Baidoa. Les combats ont duré trois heures.",
    );
    let c = find(&d, EventType::Attack, "combats");
    assert_eq!(texts(&c.agent), ["les shebab"], "{c:#?}");
    assert!(!c.target.is_empty(), "{c:#?}");
}

#[test]
fn aircraft_shot_down_and_figures_put_forward() {
    let d = doc("Selon Kiev, deux drones ont été abattus dans la nuit au-dessus de la ville.");
    find(&d, EventType::Destruction, "abattus");
    // « avancer » an advance only in the active: figures put forward are no troops.
    let d = doc("Selon la presse, des chiffres ont été avancés sur le nombre de victimes.");
    assert!(
        d.events.iter().all(|e| e.kind != EventType::Advance),
        "{d:#?}"
    );
    // An adverb between the auxiliary and the participle.
    let d = doc("Selon l'armée, elles ont ensuite encerclé l'usine.");
    find(&d, EventType::Advance, "encerclé");
}

#[test]
fn the_dead_of_an_attack_told_in_the_same_sentence_are_its_assailants_deed() {
    let d = doc(
        "Selon des sources locales, au moins 15 civils ont été tués lundi dans une attaque de jihadistes contre un village.",
    );
    let k = find(&d, EventType::Killing, "tués");
    assert_eq!(texts(&k.agent), ["jihadistes"], "{k:#?}");
    // An air strike is no armed group's deed.
    let d =
        doc("Selon l'OSDH, les jihadistes ont attaqué le village. Des bombardements ont suivi.");
    let b = find(&d, EventType::AirStrike, "bombardements");
    assert!(b.agent.is_empty(), "{b:#?}");
}

#[test]
fn who_repels_an_attack_underwent_it() {
    let d = doc("Selon l'état-major, les forces ukrainiennes ont repoussé une attaque russe.");
    let a = find(&d, EventType::Attack, "attaque");
    assert_eq!(texts(&a.agent), ["russe"]);
    assert_eq!(texts(&a.target), ["les forces ukrainiennes"]);
}

#[test]
fn coordinated_participles_share_par_and_entre_reaches_over_complements() {
    let d =
        doc("Selon l'ONU, le quartier est totalement encerclé et assiégé par les forces armées.");
    let e = find(&d, EventType::Advance, "encerclé");
    assert_eq!(texts(&e.agent), ["les forces armées"]);
    let d = doc(
        "Selon l'ONU, les combats entre les forces armées de la RDC (FARDC) et les rebelles ont repris.",
    );
    let c = find(&d, EventType::Attack, "combats");
    assert_eq!(texts(&c.agent), ["les forces armées"], "{c:#?}");
    assert_eq!(texts(&c.target), ["les rebelles"], "{c:#?}");
}

#[test]
fn a_title_opens_on_a_noun_and_faire_leads_the_dead() {
    let d = doc("Somalie : Attaque des shebab contre une base militaire\n\nLe texte suit.");
    let a = find(&d, EventType::Attack, "Attaque");
    assert_eq!(texts(&a.agent), ["des shebab"]);
    assert_eq!(texts(&a.target), ["une base militaire"]);
    let d = doc("Selon la police, les rebelles ont fait dix morts mardi.");
    let k = find(&d, EventType::Killing, "morts");
    assert_eq!(texts(&k.agent), ["les rebelles"], "{k:#?}");
}

#[test]
fn phrases_read_by_their_morphology() {
    // A participle after an adverb, an adjective before its noun, a quantity before « des ».
    let d = doc("Selon l'armée, des drones ont pilonné la base nouvellement occupée.");
    let e = &d.events[0];
    assert_eq!(texts(&e.target), ["la base nouvellement occupée"], "{e:#?}");
    let d = doc("Selon l'ONU, l'aviation a détruit la plupart des écoles de la ville.");
    let e = find(&d, EventType::Destruction, "détruit");
    assert_eq!(texts(&e.target), ["la plupart des écoles"], "{e:#?}");
}

#[test]
fn names_of_people_are_no_places_and_clock_times_no_targets() {
    let d = doc("Selon l'ONU, la dirigeante Aung San Suu Kyi a été arrêtée à Mandalay.");
    let a = find(&d, EventType::Arrest, "arrêtée");
    assert_eq!(
        a.location
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        ["Mandalay"]
    );
    let d = doc(
        "Selon un communiqué, la coalition a mené trois raids aériens entre samedi 08h00 et dimanche.",
    );
    let e = find(&d, EventType::AirStrike, "raids");
    assert!(e.target.is_empty(), "{e:#?}");
}

#[test]
fn a_verb_form_after_an_indefinite_determiner_is_a_noun() {
    let d =
        doc("Selon une ONG, dix jihadistes ont été tués dans différents combats avec des Kurdes.");
    let c = find(&d, EventType::Attack, "combats");
    assert_eq!(texts(&c.agent), ["des Kurdes"], "{c:#?}");
}

#[test]
fn a_person_named_is_who_was_hurt_and_never_who_led() {
    let d = doc(
        "Selon Moscou, le dirigeant séparatiste Alexandre Zakharchenko a été légèrement blessé.",
    );
    let i = find(&d, EventType::Injury, "blessé");
    assert_eq!(texts(&i.target), ["Alexandre Zakharchenko"], "{i:#?}");
    // A name the lexicon does not know leads nothing; an acronym is no person.
    let d = doc("Selon la police, Mohamed Traoré a attaqué le poste avec la KNU.");
    let a = find(&d, EventType::Attack, "attaqué");
    assert!(a.agent.iter().all(|r| r.text != "Mohamed Traoré"), "{a:#?}");
}

#[test]
fn the_count_is_of_who_the_event_befalls() {
    let d = doc("Selon la police, un homme a été décapité devant sa famille.");
    let k = find(&d, EventType::Killing, "décapité");
    assert_eq!(k.count.as_ref().map(|c| c.value), Some(1), "{k:#?}");
    let d = doc("Selon l'ONU, trois villages ont été attaqués et 12 personnes ont été tuées.");
    let k = find(&d, EventType::Killing, "tuées");
    assert_eq!(k.count.as_ref().map(|c| c.value), Some(12), "{k:#?}");
}

#[test]
fn a_participle_of_a_reporting_verb_is_no_source() {
    let d = doc("Les talibans ont exécuté quatre hommes accusés de vol à Herat.");
    let k = find(&d, EventType::Killing, "exécuté");
    assert_eq!(texts(&k.agent), ["Les talibans"], "{k:#?}");
    assert!(k.source.is_none(), "{k:#?}");
}

#[test]
fn civilians_evacuated_are_displaced_and_undergo_it() {
    let d = doc("Selon l'ONU, plusieurs civils ont été évacués de l'usine.");
    let e = find(&d, EventType::Displacement, "évacués");
    assert!(e.agent.is_empty(), "{e:#?}");
    assert_eq!(texts(&e.target), ["plusieurs civils"], "{e:#?}");
}

#[test]
fn soldiers_of_an_organisation_that_speaks_are_no_source() {
    let d = doc(
        "A peine les soldats de l'ONU ont quitté la base de Kidal que les rebelles sont arrivés.",
    );
    let w = find(&d, EventType::Withdrawal, "quitté");
    assert_eq!(texts(&w.agent), ["les soldats de l'ONU"], "{w:#?}");
}

#[test]
fn a_cause_that_is_no_actor_leaves_the_agent_unknown() {
    let d = doc(
        "Selon Kiev, les forces russes ont bombardé Odessa. Une personne a par ailleurs été blessée par la chute de débris.",
    );
    let i = find(&d, EventType::Injury, "blessée");
    assert!(i.agent.is_empty(), "{i:#?}");
}

#[test]
fn an_event_a_reporting_verb_tells_is_no_source() {
    let d = doc(
        "La reprise du quartier, le plus grand de la ville, signalait une importante avancée de l'armée dans les terres des rebelles.",
    );
    let a = find(&d, EventType::Advance, "avancée");
    assert_eq!(texts(&a.agent), ["l'armée"], "{a:#?}");
    // « autres » before a noun trigger: the trigger is the noun.
    let d = doc("Selon la police, deux autres attaques ont été déjouées dimanche.");
    let a = find(&d, EventType::Attack, "attaques");
    assert!(a.agent.is_empty(), "{a:#?}");
}

#[test]
fn the_story_stays_where_its_last_event_was_not_where_its_source_speaks() {
    let d = doc(
        "Selon l'armée, les shebab ont attaqué le camp militaire de Bourhakaba mardi.\n\nLe ministre a parlé mercredi à Mogadiscio. Onze soldats ont été tués, selon lui.",
    );
    let k = find(&d, EventType::Killing, "tués");
    assert_eq!(k.location[0].text, "Bourhakaba", "{k:#?}");
}

#[test]
fn a_village_near_which_fighting_goes_on_is_a_place() {
    let d = doc("Selon l'OSDH, les combats autour de Tal Khanzir sont les plus violents.");
    let c = find(&d, EventType::Attack, "combats");
    assert_eq!(c.location[0].text, "Tal Khanzir", "{c:#?}");
}

#[test]
fn fighters_who_take_refuge_withdraw() {
    let d = doc("Selon Moscou, ces éléments s'étaient tous réfugiés dans l'usine.");
    find(&d, EventType::Withdrawal, "réfugiés");
}

#[test]
fn people_flee_unless_fighters_are_named_fleeing() {
    // « les » stands for the families named before: they are displaced.
    let d = doc(
        "Selon l'ONU, les combats ont forcé les familles à partir, les amenant à fuir vers le sud.",
    );
    find(&d, EventType::Displacement, "fuir");
    // « de nombreux djihadistes »: « de » is an article, the jihadists flee and withdraw.
    let d = doc("Selon l'armée, de nombreux djihadistes fuient vers la frontière.");
    let w = find(&d, EventType::Withdrawal, "fuient");
    assert_eq!(texts(&w.agent), ["nombreux djihadistes"], "{w:#?}");
}

#[test]
fn a_two_word_adverb_stands_inside_the_verb_group() {
    let d = doc("Selon l'ONU, des milliers de civils ont de nouveau fui la ville.");
    let e = find(&d, EventType::Displacement, "ont de nouveau fui");
    assert_eq!(texts(&e.target), ["civils"], "{e:#?}");
}

#[test]
fn what_is_besieged_or_cleared_and_an_object_after_a_day() {
    let d = doc("Selon Moscou, les forces russes ont ensuite encerclé l'usine.");
    let a = find(&d, EventType::Advance, "encerclé");
    assert_eq!(texts(&a.target), ["l'usine"], "{a:#?}");
    let d = doc("Selon Yaoundé, l'armée a désamorcé des mines sur la route.");
    let m = find(&d, EventType::Demining, "désamorcé");
    assert_eq!(texts(&m.target), ["des mines"], "{m:#?}");
    let d = doc("Selon la police, les shebab ont tué mardi des soldats.");
    let k = find(&d, EventType::Killing, "tué");
    assert_eq!(texts(&k.target), ["des soldats"], "{k:#?}");
}

#[test]
fn an_event_laid_at_someone_s_door_by_a_verb_before_it() {
    let d = doc("Les autorités ont attribué cet attentat aux islamistes.");
    let b = find(&d, EventType::Bombing, "attentat");
    assert_eq!(texts(&b.agent), ["islamistes"], "{b:#?}");
}

#[test]
fn a_verb_group_keeps_its_auxiliaries_over_adverbial_phrases_and_reported_speech() {
    // « se sont rendus, a dit… » surrenders: the « a » after the comma is a verb, no « à ».
    let d = doc(
        "Quelque 300 miliciens se sont jusqu'à présent rendus, a indiqué la police. « Nous avons repris le village de Tessit », a dit un officier.",
    );
    let s = find(&d, EventType::Surrender, "rendus");
    assert_eq!(s.trigger.text, "se sont jusqu'à présent rendus");
    assert!(texts(&s.agent)[0].contains("miliciens"), "{s:#?}");
    // A subject « nous » is no reflexive pronoun.
    find(&d, EventType::Capture, "avons repris");
}

#[test]
fn an_organisation_the_lexicon_does_not_know_leads_and_its_pronoun_too() {
    let d = doc(
        "La FLNK a attaqué un poste de police. En mai, elle s'était emparée d'une caserne, tuant quatre gendarmes.",
    );
    let a = find(&d, EventType::Attack, "attaqué");
    assert_eq!(texts(&a.agent), ["La FLNK"]);
    let c = find(&d, EventType::Capture, "emparée");
    assert_eq!(texts(&c.agent), ["elle"]);
    // A present participle after the clause shares its subject.
    let k = find(&d, EventType::Killing, "tuant");
    assert_eq!(texts(&k.agent), ["elle"]);
}

#[test]
fn a_bare_participle_after_people_tells_what_befell_them() {
    let d = doc(
        "Selon la police, cinq gendarmes ont été tués et dix-sept autres blessés par balles. La veille, deux officiers avaient perdu la vie et trois civils blessés près de Mopti.",
    );
    let i = find(&d, EventType::Injury, "blessés");
    assert_eq!(texts(&i.target), ["dix-sept autres"]);
    let k = find(&d, EventType::Killing, "perdu la vie");
    assert_eq!(texts(&k.target), ["deux officiers"]);
    let hurt = d
        .events
        .iter()
        .rfind(|e| e.kind == EventType::Injury)
        .unwrap();
    assert_eq!(texts(&hurt.target), ["civils"], "{hurt:#?}");
}

#[test]
fn a_place_the_gazetteer_does_not_know_after_a_noun_and_its_adjective() {
    let d = doc("Selon l'armée, les rebelles ont attaqué le poste militaire de Kwaladi.");
    let a = find(&d, EventType::Attack, "attaqué");
    let places: Vec<&str> = a.location.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(places, ["Kwaladi"]);
}

#[test]
fn a_headline_and_its_lead_share_who_acted() {
    let d = doc(
        "Burkina : des jihadistes attaquent un convoi\n\nUne attaque a visé mardi un convoi de ravitaillement près de Djibo, selon une source sécuritaire.",
    );
    let lead = d
        .events
        .iter()
        .find(|e| e.trigger.text == "attaque")
        .unwrap();
    assert_eq!(texts(&lead.agent), ["des jihadistes"], "{lead:#?}");
}

#[test]
fn a_participle_after_a_verb_happened_when_it_did() {
    let d = doc(
        "Selon l'armée, fin mars, les rebelles s'étaient emparés d'une caserne, tuant dix soldats.",
    );
    let k = find(&d, EventType::Killing, "tuant");
    assert_eq!(
        k.time.as_ref().map(|t| t.text.as_str()),
        Some("fin mars"),
        "{k:#?}"
    );
}

#[test]
fn a_crowd_that_leaves_is_displaced_and_an_army_withdraws() {
    let d = doc(
        "Selon l'ONU, des milliers de Kurdes ont quitté Afrine vers Tal Rifaat. Selon Moscou, près de 30 000 soldats se sont retirés de la région.",
    );
    let left = find(&d, EventType::Displacement, "quitté");
    assert_eq!(texts(&left.target), ["Kurdes"]);
    assert!(left.agent.is_empty(), "{left:#?}");
    find(&d, EventType::Withdrawal, "retirés");
}

#[test]
fn what_follows_a_present_participle_is_its_object_not_the_subject_of_the_next_verb() {
    let d = doc(
        "Selon la police, le camion transportant trente passagers a été incendié, forçant les habitants à fuir.",
    );
    let burnt = find(&d, EventType::Destruction, "incendié");
    assert_eq!(texts(&burnt.target), ["le camion"], "{burnt:#?}");
    // An infinitive governed by the participle takes the phrase between as its subject.
    let fled = find(&d, EventType::Displacement, "fuir");
    assert!(
        texts(&fled.target).iter().any(|t| t.contains("habitants")),
        "{fled:#?}"
    );
}

#[test]
fn a_passive_agent_may_follow_a_time_phrase() {
    // A long time phrase between the verb and « par » does not hide the agent, and « à »
    // (folded « a ») is a preposition there, not an auxiliary ending the clause.
    for text in [
        "Le poste a été attaqué dans la nuit de vendredi à samedi par des hommes armés.",
        "Le poste a été attaqué à l'aube par des hommes armés.",
    ] {
        let d = doc(text);
        let e = find(&d, EventType::Attack, "attaqué");
        assert_eq!(texts(&e.agent), ["des hommes armés"], "{text}");
        assert_eq!(texts(&e.target), ["Le poste"], "{text}");
    }
}

#[test]
fn who_an_event_cost_their_lives_follows_a() {
    let d = doc("Selon la police, l'embuscade a coûté la vie à quatre gendarmes mardi.");
    let e = find(&d, EventType::Killing, "coûté la vie");
    assert!(texts(&e.target)[0].ends_with("gendarmes"), "{e:#?}");
}

#[test]
fn the_sides_of_a_fight_follow_opposer_or_share_a_reciprocal_verb() {
    let d = doc("Selon l'ONU, des heurts ont opposé mardi les miliciens aux soldats près de Bria.");
    let e = find(&d, EventType::Attack, "heurts");
    assert_eq!(texts(&e.agent), ["les miliciens"], "{e:#?}");
    assert_eq!(texts(&e.target), ["soldats"], "{e:#?}");
    let d = doc("Selon l'ONU, les miliciens et les soldats se sont battus toute la nuit.");
    let e = find(&d, EventType::Attack, "battus");
    assert_eq!(texts(&e.agent), ["les miliciens"], "{e:#?}");
    assert_eq!(texts(&e.target), ["les soldats"], "{e:#?}");
}

#[test]
fn a_par_phrase_after_another_participle_is_that_participles_agent() {
    let d = doc(
        "Selon l'ONU, des frappes aériennes ont visé mardi une zone tenue par les rebelles de la KNU.",
    );
    let e = find(&d, EventType::AirStrike, "frappes");
    assert!(e.agent.is_empty(), "{e:#?}");
    // Right after the trigger, the participle describes it.
    let d = doc("Selon l'ONU, des offensives menées par l'armée birmane ont visé la KNU.");
    let e = find(&d, EventType::Attack, "offensives");
    assert_eq!(texts(&e.agent), ["l'armée birmane"], "{e:#?}");
}

#[test]
fn after_a_fight_between_two_sides_no_one_is_the_assailant_of_what_follows() {
    let d = doc(
        "Des combats entre l'armée soudanaise et les Forces de soutien rapide ont éclaté à Khartoum. Des obus sont tombés sur un marché.",
    );
    let e = find(&d, EventType::Shelling, "obus");
    assert!(e.agent.is_empty(), "{e:#?}");
}

#[test]
fn an_infinitive_takes_its_finite_verbs_subject_not_the_object_before_it() {
    for text in [
        "Selon un communiqué, l'armée tchadienne a mené une opération pour libérer les otages et avoir tué six rebelles.",
        "L'armée tchadienne a affirmé avoir libéré les otages et avoir tué six rebelles.",
    ] {
        let d = doc(text);
        let e = find(&d, EventType::Killing, "tué");
        let agents: Vec<String> = texts(&e.agent).iter().map(|a| a.to_lowercase()).collect();
        assert_eq!(agents, ["l'armée tchadienne"], "{text}");
    }
}

#[test]
fn an_event_before_qui_is_the_antecedent_and_no_one_leads_it() {
    let d =
        doc("Selon la police, l'armée a arrêté le cerveau de l'attentat qui a tué neuf fidèles.");
    let e = find(&d, EventType::Killing, "tué");
    assert!(e.agent.is_empty(), "{e:#?}");
    let a = find(&d, EventType::Arrest, "arrêté");
    assert!(a.count.is_none(), "the nine are the killing's: {a:#?}");
}

#[test]
fn a_count_past_another_trigger_is_that_ones_and_coordinated_verbs_share_a_time() {
    let d = doc("Selon la police, les assaillants ont tué une femme et blessé 19 personnes mardi.");
    let k = find(&d, EventType::Killing, "tué");
    assert_eq!(k.count.as_ref().map(|c| c.value), Some(1), "{k:#?}");
    assert_eq!(
        k.time.as_ref().map(|t| t.text.as_str()),
        Some("mardi"),
        "{k:#?}"
    );
    let i = find(&d, EventType::Injury, "blessé");
    assert_eq!(i.count.as_ref().map(|c| c.value), Some(19), "{i:#?}");
}

#[test]
fn the_subject_stands_before_an_incise_and_who_it_includes() {
    let d = doc("Au moins neuf civils, dont des enfants, ont été tués mardi à Gao.");
    let e = find(&d, EventType::Killing, "tués");
    assert_eq!(texts(&e.target), ["civils"], "{e:#?}");
    let d = doc("Trois gardes, des hommes qui escortaient le préfet, ont été blessés.");
    let e = find(&d, EventType::Injury, "blessés");
    assert!(texts(&e.target)[0].contains("gardes"), "{e:#?}");
}

#[test]
fn an_ally_is_not_the_other_side() {
    let d = doc("Les rebelles, appuyés par des mercenaires, ont attaqué la ville de Bria.");
    let e = find(&d, EventType::Attack, "attaqué");
    assert!(
        e.target.iter().all(|t| !t.text.contains("mercenaires")),
        "{e:#?}"
    );
}

#[test]
fn the_cause_of_a_verb_happened_when_it_did() {
    let d =
        doc("Mardi, trois civils ont été tués par des tirs d'obus près de Goma, selon la police.");
    let e = find(&d, EventType::Shelling, "tirs d'obus");
    assert_eq!(
        e.time.as_ref().map(|t| t.text.as_str()),
        Some("Mardi"),
        "{e:#?}"
    );
}

#[test]
fn a_person_named_is_one() {
    let d = doc("Selon Donetsk, le chef séparatiste Igor Plotnitski a été blessé mardi.");
    let e = find(&d, EventType::Injury, "blessé");
    assert_eq!(e.count.as_ref().map(|c| c.value), Some(1), "{e:#?}");
}

#[test]
fn things_counted_are_no_count_of_people() {
    let d = doc("Selon la police, le suspect a été arrêté avec un chargeur de 13 cartouches.");
    let e = find(&d, EventType::Arrest, "arrêté");
    assert!(e.count.is_none(), "{e:#?}");
}

#[test]
fn a_quantity_alone_stands_for_the_people_it_counts() {
    let d = doc("Selon la police, cinq gendarmes ont été tués et une dizaine ont été blessés.");
    let e = find(&d, EventType::Injury, "blessés");
    assert_eq!(texts(&e.target), ["une dizaine"], "{e:#?}");
}

#[test]
fn the_fight_that_led_to_a_deed_was_fought_by_who_did_it() {
    let d = doc(
        "Les soldats ont repris mardi la ville de Bria, au nord du pays, après de violents combats contre les rebelles.",
    );
    let e = find(&d, EventType::Attack, "combats");
    assert_eq!(texts(&e.agent), ["Les soldats"], "{e:#?}");
    assert!(texts(&e.target)[0].contains("rebelles"), "{e:#?}");
}
