//! Dates and places as the record gives them: every event's date (its own time's, else the
//! article's, with precision and origin), and every place's precision and the namesake chosen by
//! the article's other places. Sentences written for these tests.

use depeche::engine::{
    DateOrigin, DatePrecision, Document, Event, EventType, GeoPrecision, extract, extract_with,
};

fn event(doc: &Document, kind: EventType) -> &Event {
    doc.events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("a {kind:?} event in {doc:#?}"))
}

/// The event's date as (value, precision, origin).
fn date(e: &Event) -> Option<(&str, DatePrecision, DateOrigin)> {
    e.date
        .as_ref()
        .map(|d| (d.value.as_str(), d.precision, d.origin))
}

/// The first place of the event as (name, country, precision).
fn place(e: &Event) -> (&str, &str, GeoPrecision) {
    let p = e.location.first().expect("a place");
    (
        p.place.as_deref().expect("resolved"),
        p.country.as_deref().unwrap(),
        p.precision.unwrap(),
    )
}

const WEEKEND: &str = "Les troupes gouvernementales ont repris samedi la ville de Palmyre. \
                       Des dizaines de civils ont été tués dans la province de Homs.";

#[test]
fn a_weekday_is_resolved_against_the_date_given_with_the_article() {
    // 30 March 2016 was a Wednesday: « samedi » is the 26th.
    let doc = extract_with("t", WEEKEND, None, Some("2016-03-30"));
    assert_eq!(doc.date.as_deref(), Some("2016-03-30"));
    let capture = event(&doc, EventType::Capture);
    assert_eq!(capture.time.as_ref().unwrap().text, "samedi");
    assert_eq!(
        date(capture),
        Some(("2016-03-26", DatePrecision::Day, DateOrigin::Text))
    );
    // The killing's sentence names no date: the article's stands for it, and says so.
    assert_eq!(
        date(event(&doc, EventType::Killing)),
        Some(("2016-03-30", DatePrecision::Day, DateOrigin::Article))
    );
    // Another date, another Saturday.
    let later = extract_with("t", WEEKEND, None, Some("2016-04-04"));
    assert_eq!(
        date(event(&later, EventType::Capture)).map(|d| d.0),
        Some("2016-04-02")
    );
}

#[test]
fn a_given_date_replaces_the_dateline_and_a_partial_one_keeps_its_precision() {
    let text = format!("Titre de la dépêche\n\n12 Octobre, 2017, 10:00\n\n{WEEKEND}");
    let printed = extract("t", &text);
    assert_eq!(printed.date.as_deref(), Some("2017-10-12"));
    assert_eq!(
        date(event(&printed, EventType::Capture)).map(|d| d.0),
        Some("2017-10-07")
    );
    let given = extract_with("t", &text, None, Some("2017-10-22"));
    assert_eq!(
        date(event(&given, EventType::Capture)).map(|d| d.0),
        Some("2017-10-21")
    );
    // A month is no day to count back from: the weekday has no value, the event the month.
    let month = extract_with("t", WEEKEND, None, Some("2017-10"));
    let capture = event(&month, EventType::Capture);
    assert_eq!(capture.time.as_ref().unwrap().value, None);
    assert_eq!(
        date(capture),
        Some(("2017-10", DatePrecision::Month, DateOrigin::Article))
    );
}

#[test]
fn an_undated_article_dates_only_what_its_text_dates() {
    let text = "L'organisation avait conquis en 2015 la ville de Palmyre. \
                Des dizaines de civils ont été tués samedi dans la province de Homs.";
    let doc = extract("t", text);
    assert_eq!(doc.date, None);
    assert_eq!(
        date(event(&doc, EventType::Capture)),
        Some(("2015", DatePrecision::Year, DateOrigin::Text))
    );
    assert_eq!(date(event(&doc, EventType::Killing)), None);
}

#[test]
fn relative_days_and_dates_without_a_year() {
    let text = "Hier, l'armée a repris la ville de Mayadine. \
                Le 10 octobre, des frappes aériennes avaient visé Raqqa.";
    let doc = extract_with("t", text, None, Some("2017-10-15"));
    assert_eq!(
        date(event(&doc, EventType::Capture)).map(|d| d.0),
        Some("2017-10-14")
    );
    assert_eq!(
        date(event(&doc, EventType::AirStrike)).map(|d| d.0),
        Some("2017-10-10")
    );
}

#[test]
fn a_village_name_goes_to_the_country_of_the_articles_other_places() {
    // Al-Koum is a village north of Palmyra and one near Hebron.
    let syria = extract(
        "t",
        "Après Palmyre et Sokhné, les troupes syriennes se sont emparées d'Al-Koum, \
         dans le désert syrien.",
    );
    let (name, country, precision) = place(event(&syria, EventType::Capture));
    assert_eq!(
        (name, country, precision),
        ("Al-Kawm", "SY", GeoPrecision::Town)
    );
    let west_bank = extract(
        "t",
        "Des colons ont attaqué le village d'Al-Koum, près d'Hébron, en Cisjordanie.",
    );
    assert_eq!(place(event(&west_bank, EventType::Attack)).1, "PS");
}

#[test]
fn the_words_before_a_name_say_which_kind_of_place_it_is() {
    let doc = extract(
        "t",
        "Des combats ont éclaté dans la province de Homs. \
         L'armée a repris la ville de Homs.",
    );
    assert_eq!(
        place(event(&doc, EventType::Attack)),
        ("Homs", "SY", GeoPrecision::Province)
    );
    assert_eq!(
        place(event(&doc, EventType::Capture)),
        ("Homs", "SY", GeoPrecision::Town)
    );
}

#[test]
fn countries_rivers_regions_and_districts_are_not_towns() {
    for (text, kind, want) in [
        (
            "Des frappes aériennes ont visé la Syrie.",
            EventType::AirStrike,
            GeoPrecision::Country,
        ),
        (
            "Les jihadistes se sont retirés vers l'Euphrate.",
            EventType::Withdrawal,
            GeoPrecision::River,
        ),
        (
            "Les jihadistes se sont retirés dans la Badiya.",
            EventType::Withdrawal,
            GeoPrecision::Region,
        ),
        (
            "Des combats ont éclaté dans le camp de Yarmouk.",
            EventType::Attack,
            GeoPrecision::District,
        ),
        // GeoNames lists the quarters of Kyiv among its towns; the gazetteer knows them apart
        // (and Kyiv's Podil from the town of Podil, 300 km away).
        (
            "Des frappes aériennes ont visé Podil, à Kyiv.",
            EventType::AirStrike,
            GeoPrecision::District,
        ),
    ] {
        let doc = extract("t", text);
        assert_eq!(place(event(&doc, kind)).2, want, "{text}");
    }
}

#[test]
fn every_shipped_article_is_dated_to_the_day_and_agrees_with_what_it_prints() {
    use depeche::corpus::ARTICLES;
    use depeche::engine::date::Date;
    assert!(!ARTICLES.is_empty());
    for a in ARTICLES {
        let date = Date::parse_iso(a.date).unwrap_or_else(|| panic!("{}: {}", a.id, a.date));
        assert!(date.day.is_some(), "{}: {} is no day", a.id, a.date);
        assert!(!a.date_basis.is_empty(), "{}", a.id);
        // What the text prints, as precise as it is, is the manifest's date.
        if let Some(printed) = extract(a.id, a.text).date {
            assert!(
                a.date.starts_with(&printed),
                "{}: {printed} vs {}",
                a.id,
                a.date
            );
        }
        assert!(a.url.is_none_or(|u| u.starts_with("http")), "{}", a.id);
    }
}

#[test]
fn every_corpus_event_has_a_date_and_relative_ones_come_from_the_manifest() {
    use depeche::corpus::ARTICLES;
    let mut origins = [0; 2];
    for a in ARTICLES {
        let doc = a.extract();
        assert_eq!(doc.date.as_deref(), Some(a.date));
        for e in &doc.events {
            let d = e.date.as_ref().unwrap_or_else(|| panic!("{}: {e:?}", a.id));
            origins[d.origin as usize] += 1;
        }
    }
    assert!(origins.iter().all(|&n| n > 0), "{origins:?}");
    // 000 prints no date: its « samedi » is the Saturday of the manifest's date.
    let first = ARTICLES.iter().find(|a| a.id.starts_with("000_")).unwrap();
    let doc = first.extract();
    let saturday = doc
        .events
        .iter()
        .find(|e| e.time.as_ref().is_some_and(|t| t.text == "samedi"))
        .expect("the capture of « samedi »");
    assert_eq!(
        date(saturday),
        Some(("2017-10-21", DatePrecision::Day, DateOrigin::Text))
    );
}

#[test]
fn a_town_name_shared_within_a_country_goes_to_the_one_near_the_articles_other_places() {
    // Two towns of Ukraine are called Horodok: one near Lviv, one near Khmelnytskyi.
    let near_lviv = extract(
        "t",
        "Des frappes de drones ont visé Horodok. Des missiles sont aussi tombés sur Lviv.",
    );
    let horodok = &event(&near_lviv, EventType::AirStrike).location[0];
    assert_eq!(horodok.place.as_deref(), Some("Horodok"));
    assert!(
        (horodok.lon.unwrap() - 23.65).abs() < 0.1,
        "the Horodok near Lviv: {horodok:?}"
    );
    let near_khmelnytskyi = extract(
        "t",
        "Des frappes de drones ont visé Horodok. Des missiles sont aussi tombés sur Khmelnytskyi.",
    );
    let horodok = &event(&near_khmelnytskyi, EventType::AirStrike).location[0];
    assert!(
        (horodok.lon.unwrap() - 26.56).abs() < 0.1,
        "the Horodok near Khmelnytskyi: {horodok:?}"
    );
}

#[test]
fn a_name_that_only_sounds_like_a_town_abroad_is_no_place() {
    // « Cali » is a Colombian city; « Cauca » keys like a town of Yemen, far from the article's
    // places, and is not spelled so.
    let d = extract(
        "t",
        "Selon l'armée, quatre soldats ont été tués mercredi à Cali, en Colombie. Des rebelles ont attaqué un poste dans le Cauca.",
    );
    let k = event(&d, EventType::Killing);
    assert_eq!(place(k).1, "CO");
    let a = event(&d, EventType::Attack);
    assert!(
        a.location
            .iter()
            .all(|p| p.country.as_deref() != Some("YE")),
        "{a:#?}"
    );
}

#[test]
fn a_person_named_like_a_town_is_no_place() {
    let d = extract(
        "t",
        "Des raids aériens ont frappé l'Etat Karen, après le putsch qui a renversé Aung San Suu Kyi.",
    );
    let e = event(&d, EventType::AirStrike);
    assert!(
        e.location.iter().all(|p| !p.text.contains("Aung")),
        "{e:#?}"
    );
}

#[test]
fn the_ends_of_a_route_are_not_where_it_happened() {
    let d = extract(
        "t",
        "Des hommes armés ont attaqué Mocímboa da Praia. Un car transportant des passagers de Palma à Pemba a été incendié.",
    );
    let e = event(&d, EventType::Destruction);
    assert!(
        e.location
            .iter()
            .all(|p| p.text != "Pemba" && p.text != "Palma"),
        "{e:#?}"
    );
}

#[test]
fn provinces_and_states_of_more_wars_are_known() {
    let d = extract(
        "t",
        "Des combats ont éclaté mardi dans la région Amhara. Une frappe de drone a touché des villages du Cabo Delgado.",
    );
    let a = event(&d, EventType::Attack);
    assert_eq!(place(a), ("Amhara", "ET", GeoPrecision::Province));
    let s = event(&d, EventType::AirStrike);
    assert_eq!(place(s).1, "MZ");
}

#[test]
fn a_part_of_the_country_by_its_direction_is_in_the_articles_country_and_yields_to_places() {
    let d = extract(
        "t",
        "Birmanie: l'armée a mené mardi des raids aériens dans le sud-est du pays. Dans l'Etat Karen, toujours dans le sud-est du pays, des combats ont éclaté.",
    );
    let s = event(&d, EventType::AirStrike);
    assert_eq!(s.location[0].text, "sud-est du pays");
    assert_eq!(place(s).1, "MM");
    let a = event(&d, EventType::Attack);
    assert_eq!(place(a).0, "Karen", "{a:#?}");
}
