//! The bot's own words, in Dutch and English. Quotes are never translated.

use crate::i18n::Language;

pub fn declined(language: Language, documents: usize) -> String {
    match (language, documents) {
        (Language::Dutch, 1) => "Daar zegt de brief niets over, dus ik citeer niets. Probeer een andere vraag over de brief, of typ `help`.".into(),
        (Language::Dutch, _) => "Daar zeggen de documenten niets over, dus ik citeer niets. Probeer een andere vraag, of typ `help`.".into(),
        (Language::English, 1) => "The letter does not say anything about that, so I am not quoting anything. Try another question about the letter, or type `help`.".into(),
        (Language::English, _) => "The documents do not say anything about that, so I am not quoting anything. Try another question, or type `help`.".into(),
    }
}

/// `Misschien bedoel je alinea 4 (over wijkteams en buurtpreventie)? Typ `alinea 4` ...`.
pub fn close_paragraph(language: Language, place: &str, words: &[&str]) -> String {
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let about = join_list(language, &words);
    match (language, about.is_empty()) {
        (Language::Dutch, false) => format!("Misschien bedoel je {place} (over {about})? Typ `{place}` om die te lezen."),
        (Language::Dutch, true) => format!("Misschien bedoel je {place}? Typ `{place}` om die te lezen."),
        (Language::English, false) => format!("Perhaps you mean {place} (on {about})? Type `{place}` to read it."),
        (Language::English, true) => format!("Perhaps you mean {place}? Type `{place}` to read it."),
    }
}

pub fn see_also(language: Language, places: &[String]) -> String {
    let list = join_list(language, places);
    match language {
        Language::Dutch => format!("Zie ook {list}."),
        Language::English => format!("See also {list}."),
    }
}

fn join_list(language: Language, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = if language == Language::Dutch { "en" } else { "and" };
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

pub fn empty_question(language: Language) -> String {
    match language {
        Language::Dutch => {
            "Stel een vraag over de brief, bijvoorbeeld: `wat is de participatiesamenleving?`".into()
        }
        Language::English => {
            "Ask a question about the letter, for example: `what is the participation society?`".into()
        }
    }
}

pub fn question_too_long(language: Language, max: usize) -> String {
    match language {
        Language::Dutch => format!("Je vraag is te lang: houd het bij {max} tekens."),
        Language::English => format!("Your question is too long: keep it under {max} characters."),
    }
}

/// The question is about "the letter" while several are loaded and none is under discussion.
pub fn which_letter(language: Language, documents: usize) -> String {
    match language {
        Language::Dutch => format!("Er zijn {documents} brieven geladen: over welke gaat je vraag? Noem de brief in je vraag, of kies er een met `alinea 1 van NAAM` (`documenten` geeft de lijst)."),
        Language::English => format!("There are {documents} letters loaded: which one do you mean? Name it in your question, or pick one with `paragraph 1 of NAME` (`documents` lists them)."),
    }
}
