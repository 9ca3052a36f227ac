//! Interface texts in French (default) and English.

use crate::explore::Lang;
use crate::input::InputError;

/// « 3 événements » / « 3 events ».
pub fn events_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} événement"),
        (Lang::Fr, _) => format!("{n} événements"),
        (Lang::En, 1) => format!("{n} event"),
        (Lang::En, _) => format!("{n} events"),
    }
}

/// « 2 sur 5 » / « 2 of 5 » when filtered, the total otherwise.
pub fn filtered_count(shown: usize, total: usize, lang: Lang) -> String {
    if shown == total {
        events_count(total, lang)
    } else {
        match lang {
            Lang::Fr => format!("{shown} sur {}", events_count(total, lang)),
            Lang::En => format!("{shown} of {}", events_count(total, lang)),
        }
    }
}

/// The message for a text that cannot be analysed.
pub fn input_error(e: &InputError, lang: Lang) -> String {
    match e {
        InputError::Empty => lang
            .pick(
                "Le texte est vide : collez ou ouvrez un article.",
                "The text is empty: paste or open an article.",
            )
            .to_string(),
        InputError::TooLarge { limit, .. } => match lang {
            Lang::Fr => format!("Le texte est trop long ({limit} octets au plus)."),
            Lang::En => format!("The text is too long (at most {limit} bytes)."),
        },
        InputError::NotUtf8 { .. } => lang
            .pick(
                "Ce fichier n'est ni du texte UTF-8 ni du Windows-1252 : enregistrez-le en UTF-8 et réessayez.",
                "This file is neither UTF-8 nor Windows-1252 text: save it as UTF-8 and try again.",
            )
            .to_string(),
        InputError::Binary => lang
            .pick(
                "Ce fichier n'est pas du texte (données binaires).",
                "This file is not text (binary data).",
            )
            .to_string(),
    }
}

/// A role's name (for the text's marks).
pub fn role_label(role: crate::explore::Role, lang: Lang) -> &'static str {
    use crate::explore::Role::*;
    match role {
        Trigger => lang.pick("déclencheur", "trigger"),
        Agent => lang.pick("agent", "agent"),
        Target => lang.pick("cible", "target"),
        Place => lang.pick("lieu", "place"),
        Time => lang.pick("date", "time"),
    }
}
