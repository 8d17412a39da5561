//! Why the search answered as it did, as data: the analysed question (groups of alternatives,
//! their weights and where they match), the best passages with score, coverage and matched
//! words, and the reason for declining. For moderators (`briefbot ask --explain`) and for
//! tuning; built from a [`Query`] and its [`Hit`]s after the fact, so the search itself does
//! no extra work.

use serde::Serialize;

use super::params::{MEETING_MIN_COVERAGE, MIN_ANCHOR_IDF_SHARE, MIN_COVERAGE, SEVERAL_MIN_COVERAGE, SEVERAL_WORDS};
use super::question_types::Cue;
use super::{Hit, Query, Searcher};
use crate::answer::Reference;
use crate::i18n::Language;

/// Best passages shown in an explanation.
const EXPLAINED_HITS: usize = 5;

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub language: Language,
    pub groups: Vec<GroupExplained>,
    pub hits: Vec<HitExplained>,
    /// Why the best passage does not answer; `None` when it does.
    pub declined_because: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct GroupExplained {
    pub word: String,
    /// `stem (kind, weight, passages holding it)`.
    pub alternatives: Vec<String>,
    pub cue: Option<String>,
    pub rarity: f32,
    /// The word the question asks about, or the topic of a view it asks for (the focus rule).
    pub focus: bool,
    /// A place the question names (the places rule).
    pub place: bool,
    /// A name no document holds, which restricts the answer as a place does.
    pub name: bool,
    /// From a clause that tells rather than asks.
    pub context: bool,
}

#[derive(Debug, Serialize)]
pub struct HitExplained {
    pub reference: String,
    pub score: f32,
    pub coverage: f32,
    pub answers: bool,
    pub matched: Vec<String>,
}

/// The explanation of one search.
pub fn explain(searcher: &Searcher, query: &Query, hits: &[Hit]) -> Explanation {
    let index = &searcher.index;
    let groups = query
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| GroupExplained {
            word: group.word.clone(),
            alternatives: group
                .alternatives
                .iter()
                .map(|a| {
                    format!(
                        "{} ({:?}, {:.2}, in {})",
                        a.stem,
                        a.kind,
                        a.weight,
                        index.document_frequency(&a.stem)
                    )
                })
                .collect(),
            cue: group.cue.as_ref().map(describe_cue),
            rarity: group.rarity,
            focus: query.focus.as_ref().is_some_and(|f| f.contains(&g))
                || query.view_topic.contains(&g)
                || query.speakers.contains(&g),
            place: query.places.contains(&g),
            name: query.names.contains(&g),
            context: group.context,
        })
        .collect();
    let explained = hits
        .iter()
        .take(EXPLAINED_HITS)
        .map(|h| {
            let document = &index.documents()[h.id.document];
            let mut matched = h.matched_stems(index);
            matched.sort();
            HitExplained {
                reference: Reference::new(document, index.passage(h.id), query.language).label,
                score: h.score,
                coverage: h.coverage,
                answers: h.answers(),
                matched,
            }
        })
        .collect();
    Explanation {
        language: query.language,
        groups,
        hits: explained,
        declined_because: match asks_which_letter(searcher, query, hits) {
            true => Some(WHICH_LETTER.into()),
            false => declined_because(hits),
        },
    }
}

/// `signature`, `addressee or heading`, `opening paragraph`, `dated line`.
fn describe_cue(cue: &Cue) -> String {
    let kinds = cue.kinds.iter().map(|k| k.as_str().to_string());
    let flags = [(cue.opening, "opening paragraph"), (cue.dated, "dated line")];
    let parts: Vec<String> =
        kinds.chain(flags.iter().filter(|(on, _)| *on).map(|(_, name)| name.to_string())).collect();
    parts.join(" or ")
}

const WHICH_LETTER: &str =
    "the question is about a letter itself, and several are loaded: the reply asks which one";

/// Whether nothing was ranked because the question is about "the letter" itself while several
/// are loaded (see [`Searcher::search_about`]).
fn asks_which_letter(searcher: &Searcher, query: &Query, hits: &[Hit]) -> bool {
    hits.is_empty() && query.is_about_the_document_only(&searcher.index) && searcher.index.documents().len() > 1
}

/// The first condition the best passage fails, in words.
fn declined_because(hits: &[Hit]) -> Option<String> {
    let Some(best) = hits.first() else { return Some("no passage holds any of the question's words".into()) };
    if best.answers() {
        return None;
    }
    Some(if !best.covers_enough() {
        format!("the best passage covers {:.2} of the question, below {MIN_COVERAGE} (or {MEETING_MIN_COVERAGE} with two of its words together, or {SEVERAL_MIN_COVERAGE} with {SEVERAL_WORDS} of its words)", best.coverage)
    } else if !best.anchored {
        format!("no matched word is informative (IDF at least {MIN_ANCHOR_IDF_SHARE} of the highest, in its document or among all documents)")
    } else if !best.holds_required {
        "the question asks for a kind of answer (a number, a place, someone's view, what happened since) the passage does not hold".into()
    } else if best.by_chance {
        "the words the passage matched would meet by chance in a passage of another document".into()
    } else if !best.holds_focus {
        "the word the question asks about, a place or name it names or the one whose view it asks is nowhere in the passage's document".into()
    } else {
        "the passage is an addressee or signature no word of the question asks for, and covers only part of it".into()
    })
}

impl Explanation {
    /// Plain text for the terminal.
    pub fn render(&self) -> String {
        let mut lines = vec![format!("language: {:?}", self.language)];
        for g in &self.groups {
            let marks = [(g.focus, " [focus]"), (g.place, " [place]"), (g.name, " [name]"), (g.context, " [context]")];
            let mark: String = marks.iter().filter(|(on, _)| *on).map(|(_, m)| *m).collect();
            let cue = g.cue.as_deref().map_or(String::new(), |c| format!(" cue {c}"));
            lines.push(format!(
                "word {}{mark}{cue} rarity {:.2}: {}",
                g.word,
                g.rarity,
                g.alternatives.join("; ")
            ));
        }
        for h in &self.hits {
            lines.push(format!(
                "{:.2} coverage {:.2}{} {} — matched {}",
                h.score,
                h.coverage,
                if h.answers { " answers" } else { "" },
                h.reference,
                h.matched.join(", ")
            ));
        }
        lines.push(match &self.declined_because {
            Some(reason) => format!("declined: {reason}"),
            None => "answered".into(),
        });
        lines.join("\n")
    }
}
