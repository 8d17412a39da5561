//! Invariants checked on generated input (proptest): every quote is an exact slice of its
//! passage on character boundaries; every rendered reply fits its transport's limit; parsing
//! loses no word; the same question on the same snapshot gets the same answer; every button
//! id the bot emits leads back to its command.

mod common;

use proptest::prelude::*;

use briefbot::answer::{answer, Outcome, Reply};
use briefbot::document::parse::parse_letter;
use briefbot::i18n::Language;
use briefbot::search::{Index, Searcher};
use briefbot::text::{analyzer::Analyzer, lexicon::Lexicon, tokens};

/// Words with multi-byte characters in every position, and Dutch words the analyzer knows.
const WORDS: &[&str] = &[
    "gemeente",
    "wijkteams",
    "verzorgingsstaat",
    "één",
    "hiërarchie",
    "café",
    "”citaat”",
    "…",
    "overheid",
    "mensen",
    "netwerk",
    "zorg",
    "fietsstraat",
    "naïef",
    "coördinatie",
    "€5",
    "financiën",
    "ruïne",
    "beleid",
    "brug",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(String::from)
}

/// A sentence of 3–40 words ending in `.`, `!`, `?` or a multi-byte character (`”`, `…`;
/// the last word may itself end in `é`).
fn sentence() -> impl Strategy<Value = String> {
    (prop::collection::vec(word(), 3..40), prop::sample::select(&[".", "!", "?", "”", "…"][..])).prop_map(
        |(words, end)| {
            let mut s = words.join(" ");
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            s + end
        },
    )
}

/// A letter: a heading, an addressee with a date, and paragraphs of 1–30 sentences (some far
/// over 2,000 characters).
fn letter() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..30).prop_map(|s| s.join(" ")), 1..6).prop_map(
        |paragraphs| format!("Notitie\n\nAan de raad\nUtrecht, 1 mei 2020\n\n{}\n", paragraphs.join("\n\n")),
    )
}

fn searcher_over(text: &str) -> Option<Searcher> {
    let analyzer = Analyzer::default();
    let (passages, _) = parse_letter("gen.txt", text, analyzer.lexicon());
    if passages.is_empty() {
        return None;
    }
    let meta = briefbot::document::Metadata::untitled("gen");
    let document = briefbot::document::Document {
        meta,
        passages: passages.into(),
        source: "gen.txt".into(),
        text_hash: 0,
        parse_notes: Vec::new(),
        stamps: None,
    };
    let corpus = briefbot::document::Corpus { documents: vec![document.into()], diagnostics: Vec::new() };
    Some(Searcher::new(Index::build(corpus, analyzer)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn quotes_are_exact_slices_and_answers_repeat(text in letter(), question in prop::collection::vec(word(), 1..8)) {
        let Some(searcher) = searcher_over(&text) else { return Ok(()) };
        let question = question.join(" ");
        let first = answer(&searcher, &question, Language::Dutch).unwrap();
        common::assert_quotes_are_slices(searcher.index.documents(), &first.reply);
        let again = answer(&searcher, &question, Language::Dutch).unwrap();
        prop_assert_eq!(&first.reply, &again.reply);
        let plain = first.reply.render_plain_within(briefbot::answer::PLAIN_MAX_CHARS).chars().count();
        prop_assert!(plain <= briefbot::answer::PLAIN_MAX_CHARS, "{} characters", plain);
    }

    #[test]
    fn parsing_loses_no_word(text in letter()) {
        let (passages, _) = parse_letter("gen.txt", &text, &Lexicon::default());
        // The same words, possibly in another order (a footnote moves to the end).
        let mut parsed: Vec<String> = passages.iter().flat_map(|p| tokens(&p.text.get())).map(|t| t.folded).collect();
        let mut written: Vec<String> = tokens(&text).into_iter().map(|t| t.folded).collect();
        parsed.sort();
        written.sort();
        prop_assert_eq!(parsed, written);
    }

    #[test]
    fn a_reply_of_any_notes_fits_the_plain_and_discord_limits(notes in prop::collection::vec(".{0,900}", 0..6)) {
        let mut reply = Reply::note(Language::Dutch, Outcome::Info, "");
        reply.notes = notes;
        #[cfg(feature = "discord")]
        {
            let rendered = briefbot::discord::render::render(&reply).content.chars().count();
            prop_assert!(rendered <= briefbot::discord::render::DISCORD_MAX_CHARS, "{} characters", rendered);
        }
        let fitted = briefbot::fit::truncate(&reply.render_plain(), 2000).chars().count();
        prop_assert!(fitted <= 2000);
    }
}

#[cfg(feature = "discord")]
proptest! {
    #[test]
    fn every_button_the_bot_emits_leads_back_to_its_command(number in 1u32..10_000, document in "[a-z0-9-]{1,60}") {
        use briefbot::answer::Action;
        use briefbot::conversation::Command;
        let actions = [Action::More, Action::Previous { document: document.clone(), number }, Action::Next { document: document.clone(), number }];
        let mut reply = Reply::note(Language::English, Outcome::Answered, "x");
        reply.actions = actions.to_vec();
        let rendered = briefbot::discord::render::render(&reply);
        prop_assert_eq!(rendered.buttons.len(), 3);
        prop_assert_eq!(briefbot::discord::commands::from_button(&rendered.buttons[0].custom_id), Some(Command::More));
        for button in &rendered.buttons[1..] {
            let expected = Command::Paragraph { document: Some(document.clone()), number };
            prop_assert_eq!(briefbot::discord::commands::from_button(&button.custom_id), Some(expected));
        }
    }

    #[test]
    fn any_other_button_id_is_refused_without_panicking(id in ".{0,120}") {
        // The handler answers `None` with a private "no longer valid" reply (tests/discord).
        let _ = briefbot::discord::commands::from_button(&id);
    }
}
