//! Chat language: what members type around a question. Message furniture (links, code,
//! mentions, custom emoji) is removed, chat abbreviations are expanded, and discourse
//! particles, auxiliaries and the frame of a chat question count as function words. The words
//! come from `data/chat.toml` (general chat usage, documented there).
//!
//! Invariant: only questions are normalised here; documents are analysed as written, so the
//! function words are the only part both sides share (through the analyzer's stop words).

use std::borrow::Cow;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use regex::Regex;
use serde::Deserialize;

use super::Token;

const CHAT: &str = include_str!("../../data/chat.toml");
/// The people of someone's own circle (`data/relatives.txt`, see `tools/build-relatives.py`).
const RELATIVES: &str = include_str!("../../data/relatives.txt");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChatFile {
    nl: LanguageChat,
    en: LanguageChat,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageChat {
    #[serde(default)]
    abbreviations: HashMap<String, String>,
    #[serde(default)]
    function_words: Vec<String>,
    #[serde(default)]
    function_phrases: Vec<String>,
    #[serde(default)]
    frame_words: Vec<String>,
    #[serde(default)]
    frame_subjects: Vec<String>,
    #[serde(default)]
    frame_complements: Vec<String>,
    #[serde(default)]
    teller_verbs: Vec<String>,
    #[serde(default)]
    asker_possessives: Vec<String>,
    #[serde(default)]
    volition_words: Vec<String>,
    #[serde(default)]
    volition_complements: Vec<String>,
    #[serde(default)]
    infinitive_markers: Vec<String>,
}

/// One language's verbs of wanting and the words that show they want something (see
/// [`ChatWords::wanting`]).
#[derive(Debug, Default)]
struct Volition {
    words: HashSet<String>,
    complements: HashSet<String>,
    infinitive_markers: HashSet<String>,
}

impl Volition {
    fn of(chat: &LanguageChat) -> Volition {
        let set = |list: &Vec<String>| list.iter().cloned().collect();
        Volition {
            words: set(&chat.volition_words),
            complements: set(&chat.volition_complements),
            infinitive_markers: set(&chat.infinitive_markers),
        }
    }

    /// Whether `words[i]` is a verb of wanting that wants something rather than an auxiliary.
    fn wants_something(&self, words: &[String], i: usize) -> bool {
        let within = |set: &HashSet<String>, from: usize, to: usize| {
            words.get(from..to.min(words.len())).is_some_and(|ws| ws.iter().any(|w| set.contains(w)))
        };
        self.words.contains(&words[i])
            && (i + 1 == words.len()
                || within(&self.complements, i + 1, i + 4)
                || (within(&self.infinitive_markers, i + 2, i + 4)
                    && !within(&self.infinitive_markers, i + 1, i + 2)))
    }
}

/// The chat words of both languages, and the patterns of message furniture.
#[derive(Debug)]
pub struct ChatWords {
    abbreviations: HashMap<String, Vec<String>>,
    furniture: Vec<(Regex, &'static str)>,
    pub dutch_function_words: Vec<String>,
    pub english_function_words: Vec<String>,
    /// Idioms whose words carry no subject together (`te maken` of `wat heeft X met Y te
    /// maken`), as word sequences.
    function_phrases: Vec<Vec<String>>,
    /// Verbs of asking, knowing, reading, hearing and telling: a question's frame (`ik las
    /// dat ...`) near a subject pronoun or before a complement, its content elsewhere
    /// (`hoeveel mensen kunnen niet lezen`).
    pub dutch_frame_words: Vec<String>,
    pub english_frame_words: Vec<String>,
    frame_subjects: HashSet<String>,
    frame_complements: HashSet<String>,
    /// Verbs of telling: with the one word before them (the teller) after the asker's
    /// possessive, the frame of what the asker was told (`mijn opa zegt`).
    teller_verbs: HashSet<String>,
    /// Possessives of the one who asks, before a teller (`*mijn* opa zegt`) or one of their
    /// circle (`*mijn* moeder is ziek`).
    asker_possessives: HashSet<String>,
    /// The people of someone's own circle (`moeder`, `buurman`, `friend`).
    relatives: HashSet<String>,
    /// Verbs of wanting, Dutch and English: auxiliaries unless they want something.
    dutch_volition: Volition,
    english_volition: Volition,
}

impl Default for ChatWords {
    fn default() -> Self {
        let file: ChatFile = toml::from_str(CHAT).expect("data/chat.toml is valid");
        let abbreviations = [&file.nl, &file.en]
            .into_iter()
            .flat_map(|l| &l.abbreviations)
            .map(|(short, long)| (short.clone(), long.split_whitespace().map(String::from).collect()))
            .collect();
        let function_phrases = [&file.nl, &file.en]
            .into_iter()
            .flat_map(|l| &l.function_phrases)
            .map(|phrase| phrase.split_whitespace().map(String::from).collect::<Vec<_>>())
            .filter(|phrase| !phrase.is_empty())
            .collect();
        let both = |pick: fn(&LanguageChat) -> &Vec<String>| -> HashSet<String> {
            pick(&file.nl).iter().chain(pick(&file.en)).cloned().collect()
        };
        ChatWords {
            frame_subjects: both(|l| &l.frame_subjects),
            frame_complements: both(|l| &l.frame_complements),
            teller_verbs: both(|l| &l.teller_verbs),
            asker_possessives: both(|l| &l.asker_possessives),
            relatives: RELATIVES.lines().filter(|l| !l.starts_with('#')).map(str::to_string).collect(),
            dutch_volition: Volition::of(&file.nl),
            english_volition: Volition::of(&file.en),
            dutch_frame_words: file.nl.frame_words.clone(),
            english_frame_words: file.en.frame_words.clone(),
            abbreviations,
            function_phrases,
            furniture: furniture_patterns(),
            dutch_function_words: file.nl.function_words,
            english_function_words: file.en.function_words,
        }
    }
}

impl ChatWords {
    /// The words of a message with each written elision joined again (`m'n`, `z'n`, `zo'n`,
    /// which [`tokens`] splits at the apostrophe) when the chat words know it whole, as an
    /// abbreviation or a function word; other apostrophes still separate (`Rutte's`).
    ///
    /// [`tokens`]: super::tokens
    pub fn join_elisions(&self, text: &str, tokens: Vec<Token>) -> Vec<Token> {
        let mut joined: Vec<Token> = Vec::with_capacity(tokens.len());
        for token in tokens {
            let after_apostrophe = |last: &&mut Token| matches!(&text[last.end..token.start], "'" | "\u{2019}");
            if let Some(last) = joined.last_mut().filter(after_apostrophe) {
                let whole = format!("{}'{}", last.folded, token.folded);
                if self.abbreviations.contains_key(&whole) || self.dutch_function_words.contains(&whole) {
                    (last.end, last.folded) = (token.end, whole);
                    continue;
                }
            }
            joined.push(token);
        }
        joined
    }

    /// The words a folded chat abbreviation stands for (`mss` → `misschien`).
    pub fn expand(&self, folded: &str) -> Option<&[String]> {
        self.abbreviations.get(folded).map(Vec::as_slice)
    }

    /// Per word of a question (folded): whether it belongs to a function phrase.
    pub fn in_function_phrase(&self, words: &[String]) -> Vec<bool> {
        let mut covered = vec![false; words.len()];
        for phrase in &self.function_phrases {
            for start in 0..words.len().saturating_sub(phrase.len() - 1) {
                if words[start..start + phrase.len()] == phrase[..] {
                    covered[start..start + phrase.len()].iter_mut().for_each(|c| *c = true);
                }
            }
        }
        covered
    }

    /// Per word of a question (folded): whether it is a verb of wanting that wants something
    /// (`wil het kabinet dat ...`, `what does the cabinet want`): content, though an
    /// auxiliary elsewhere (`wil ... brengen`, `want to cut`). Only the question's language's
    /// verbs count (Dutch `want` is `because`).
    ///
    /// Not when the one who wants is the asker or the bot (a subject pronoun within two words:
    /// `ik wil`, `what do you want`), nor when nothing else in the question is content
    /// (`is_content`): wanting alone asks about nothing.
    pub fn wanting(&self, words: &[String], english: bool, is_content: impl Fn(&str) -> bool) -> Vec<bool> {
        let volition = if english { &self.english_volition } else { &self.dutch_volition };
        let other_content = words.iter().any(|w| !volition.words.contains(w) && is_content(w));
        let pronoun_near = |i: usize| {
            words[i.saturating_sub(2)..(i + 3).min(words.len())].iter().any(|w| self.frame_subjects.contains(w))
        };
        (0..words.len()).map(|i| other_content && volition.wants_something(words, i) && !pronoun_near(i)).collect()
    }

    /// A Dutch form of `willen`: indexed in documents, a function word in a question unless
    /// it wants something.
    pub fn is_dutch_volition_word(&self, folded: &str) -> bool {
        self.dutch_volition.words.contains(folded)
    }

    /// A verb of asking, knowing, reading, hearing or telling, in either language.
    pub fn is_frame_word(&self, folded: &str) -> bool {
        self.dutch_frame_words.iter().chain(&self.english_frame_words).any(|w| w == folded)
    }

    /// Per word of a question (folded): whether it is a frame word in frame position: the
    /// message's first word (`vertel eens over ...`), a subject pronoun within two words
    /// either side (`ik las`, `weet iemand`), or a complement within two words after it
    /// (`lezen over`, `weet hoe`). A frame word elsewhere is content. The one word between
    /// the asker's possessive and a frame word or verb of telling is the teller, in the frame
    /// with that verb (`mijn *opa zegt*`, `mijn *moeder* las`). One of the asker's circle is
    /// the asker's own situation, no subject either (`mijn *moeder* is ziek, ...`).
    pub fn frames(&self, words: &[String]) -> Vec<bool> {
        let near = |set: &HashSet<String>, from: usize, to: usize| {
            words[from..to.min(words.len())].iter().any(|w| set.contains(w))
        };
        let after_possessive = |i: usize| i > 0 && self.asker_possessives.contains(&words[i - 1]);
        let teller = |i: usize| {
            after_possessive(i)
                && words.get(i + 1).is_some_and(|w| self.is_frame_word(w) || self.teller_verbs.contains(w))
        };
        let in_frame_position = |i: usize| {
            i == 0 || near(&self.frame_subjects, i.saturating_sub(2), i + 3) || near(&self.frame_complements, i + 1, i + 3)
        };
        (0..words.len())
            .map(|i| {
                teller(i)
                    || (after_possessive(i) && self.is_relative(&words[i]))
                    || (i > 0 && teller(i - 1) && self.teller_verbs.contains(&words[i]))
                    || (self.is_frame_word(&words[i]) && in_frame_position(i))
            })
            .collect()
    }

    /// Whether a word names one of someone's own circle, also in the plural (`ouders`,
    /// `vrienden`, `friends`: a regular plural in `-s` or `-en`).
    fn is_relative(&self, word: &str) -> bool {
        let singulars = [word.strip_suffix('s'), word.strip_suffix("en")];
        self.relatives.contains(word) || singulars.into_iter().flatten().any(|w| self.relatives.contains(w))
    }
}

/// Links (a markdown link keeps its text), code spans and blocks, user/role/channel mentions,
/// `@everyone`/`@here` and custom emoji (`<:naam:123>`, `:naam:`), with what replaces them.
fn furniture_patterns() -> Vec<(Regex, &'static str)> {
    let re = |p: &str| Regex::new(p).expect("valid furniture pattern");
    vec![
        (re(r"(?s)```.*?(```|$)"), " "),
        (re(r"`[^`\n]*`"), " "),
        (re(r"\[([^\]\n]*)\]\(\s*<?[a-zA-Z][a-zA-Z0-9+.-]*://[^)\s]*>?\s*\)"), "$1"),
        (re(r"<?\b(https?://|www\.)[^\s>]*>?"), " "),
        (re(r"<(@[!&]?|#|a?:[A-Za-z0-9_~]+:)[0-9]+>|@everyone|@here"), " "),
        (re(r":[a-z0-9_+-]{2,32}:"), " "),
    ]
}

impl ChatWords {
    /// The message without what is not part of what is asked (see [`furniture_patterns`]).
    /// Block-quote markers and emphasis are punctuation already.
    pub fn strip_furniture<'a>(&self, message: &'a str) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(message);
        for (pattern, replacement) in &self.furniture {
            if let Cow::Owned(changed) = pattern.replace_all(&text, *replacement) {
                text = Cow::Owned(changed);
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_elision_is_one_word_and_other_apostrophes_separate() {
        let chat = ChatWords::default();
        let text = "m\u{2019}n opa vindt zo'n plan van Rutte's kabinet goed";
        let words: Vec<String> =
            chat.join_elisions(text, super::super::tokens(text)).into_iter().map(|t| t.folded).collect();
        assert_eq!(words, ["m'n", "opa", "vindt", "zo'n", "plan", "van", "rutte", "s", "kabinet", "goed"]);
        assert_eq!(chat.expand("m'n"), Some(&["mijn".to_string()][..]));
    }

    #[test]
    fn furniture_is_removed_and_words_are_kept() {
        let message = "<@123> kijk [deze brief](https://example.org/x) en https://t.co/abc `code` :smile: <:pog:42> @here > wat zegt hij?";
        let chat = ChatWords::default();
        let cleaned = chat.strip_furniture(message);
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        assert_eq!(words, ["kijk", "deze", "brief", "en", ">", "wat", "zegt", "hij?"]);
        assert_eq!(chat.strip_furniture("gewone vraag"), "gewone vraag");
    }

    #[test]
    fn abbreviations_expand_in_both_languages() {
        let chat = ChatWords::default();
        assert_eq!(chat.expand("mss").unwrap(), ["misschien"]);
        assert_eq!(chat.expand("dont").unwrap(), ["do", "not"]);
        assert!(chat.expand("brief").is_none());
    }

    #[test]
    fn a_verb_of_wanting_is_content_only_when_it_wants_something() {
        let chat = ChatWords::default();
        let wanting = |message: &str, english: bool| {
            let words: Vec<String> = message.split_whitespace().map(String::from).collect();
            // Content, for these sentences: the words longer than four letters.
            let flags = chat.wanting(&words, english, |w| w.len() > 4);
            words.into_iter().zip(flags).filter(|(_, wants)| *wants).map(|(w, _)| w).collect::<Vec<_>>()
        };
        assert_eq!(wanting("waarom wil het kabinet dat mensen meedoen", false), ["wil"]);
        assert!(wanting("hoe wil het kabinet initiatief in positie brengen", false).is_empty());
        assert_eq!(wanting("what does the cabinet want", true), ["want"]);
        assert_eq!(wanting("does the government want people to do more", true), ["want"]);
        assert!(wanting("does the government want to cut costs", true).is_empty());
        // Dutch `want` is `because`: only the question's language's verbs count.
        assert!(wanting("dat lijkt me lastig want dat kost geld", false).is_empty());
        // Wanting alone, or the asker's or the bot's own wanting, asks about nothing.
        assert!(wanting("wil dat", false).is_empty());
        assert!(wanting("what do you want", true).is_empty());
        assert!(wanting("ik wil dat mensen meedoen", false).is_empty());
    }

    #[test]
    fn a_frame_word_is_content_outside_the_frame_of_a_question() {
        let chat = ChatWords::default();
        let frames = |message: &str| {
            let words: Vec<String> = message.split_whitespace().map(String::from).collect();
            let flags = chat.frames(&words);
            words.into_iter().zip(flags).filter(|(_, frame)| *frame).map(|(w, _)| w).collect::<Vec<_>>()
        };
        assert_eq!(frames("ik las dat de bieb dicht gaat"), ["las"]);
        assert_eq!(frames("weet iemand hoe dat zit"), ["weet"]);
        assert_eq!(frames("waar kan ik lezen over mantelzorg"), ["lezen"]);
        assert_eq!(frames("vertel eens over de brief"), ["vertel"]);
        assert!(frames("hoeveel mensen kunnen niet goed lezen en schrijven").is_empty());
        assert!(frames("how many adults cannot read well").is_empty());
        assert_eq!(frames("i heard that libraries close"), ["heard"]);
    }
}
