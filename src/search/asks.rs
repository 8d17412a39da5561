//! What a question asks besides its words: the noun it asks about (the focus), the word a
//! what-is question wants defined, and the facets of a question about the document itself
//! (its date, sender, purpose, ...), all read from `data/question-types.toml`.

use rustc_hash::FxHashSet as HashSet;

use super::index::Index;
use super::query::Group;
use super::facet::Facet;
use super::question_types::{FocusSpec, QuestionTypes};
use crate::document::PassageKind;
use crate::text::analyzer::Analyzer;

/// Where a phrase of one or more words ends in the words, if they hold it.
pub(super) fn phrase_end(words: &[String], phrase: &str) -> Option<usize> {
    // Every question is read against every trigger: the rest of a phrase is split only
    // where its first word stands, and nothing is allocated.
    let (first, rest) = match phrase.split_once(' ') {
        Some((first, rest)) => (first, Some(rest)),
        None => (phrase, None),
    };
    words.iter().enumerate().filter(|(_, word)| *word == first).find_map(|(at, _)| {
        let mut end = at;
        for part in rest.into_iter().flat_map(|rest| rest.split(' ')) {
            end += 1;
            if words.get(end)? != part {
                return None;
            }
        }
        Some(end)
    })
}

/// The noun of the phrase that opens at `at`: past inflected adjectives that stand before a
/// content word (`buitenlandse *studenten*`, `de lokale *coalities*`), and past an adjective
/// without its `-e` after a determiner that leaves it so before a neuter noun (`welk
/// landelijk *programma*`, `een sociaal *netwerk*`); the adjective says which, the noun is
/// what a question is about.
fn phrase_head(words: &[String], at: usize, analyzer: &Analyzer) -> usize {
    let mut head = at;
    let uninflected = |i: usize| {
        i > 0 && BARE_ADJECTIVE_DETERMINERS.contains(&words[i - 1].as_str()) && analyzer.is_adjective(&words[i])
    };
    while (analyzer.is_inflected_adjective(&words[head]) || (head == at && uninflected(head)))
        && words.get(head + 1).is_some_and(|next| analyzer.is_content_word(next))
    {
        head += 1;
    }
    head
}

/// Determiners after which an adjective before a neuter noun has no `-e` (`welk`, `een`,
/// `geen`, `elk`, `ieder`, `zo'n`, `zulk`, `veel`).
const BARE_ADJECTIVE_DETERMINERS: [&str; 8] = ["welk", "een", "geen", "elk", "ieder", "zo'n", "zulk", "veel"];

/// The one whose view a question asks with the word at `at` (`wat vond de heer *Slob*`, `hoe
/// reageerde de *oppositie*`, `what did *parliament* think`): the first content word after
/// it (past articles and `van`/`of`; none when a complementizer follows the verb, `hoe het
/// *kabinet* denkt dat ...`, or the verb is English, `what did *parliament* think`), else
/// the one before it (a participle's subject first: `wat heeft *de vakbond* gezegd`), that
/// is not the document's own voice (`[focus] document_nouns`: `wat vindt het kabinet`).
/// None when the view asked is the document's or the asker's (`wat zeggen ze`, `wat vind
/// jij`).
pub(super) fn third_party(words: &[String], at: usize, types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let spec = &types.focus;
    let skippable = |w: &String| spec.articles.contains(w) || w == "van" || w == "of";
    // What follows the verb is what is said, not who says it.
    let said_after = words.get(at + 1).is_some_and(|w| spec.complementizers.contains(w))
        || spec.subject_first_verbs.contains(&words[at]);
    let after = (at + 1..words.len()).filter(|_| !said_after).find(|&i| !skippable(&words[i]));
    let before = (0..at).rev().find(|&i| !spec.articles.contains(&words[i]));
    [perfect_subject(words, at, spec, analyzer), after, before]
        .into_iter()
        .flatten()
        .find(|&i| analyzer.is_content_word(&words[i]) && !spec.document_nouns.contains(&words[i]))
        .map(|i| phrase_head(words, i, analyzer))
}

/// In the Dutch perfect (`wat *heeft* de vakbond gezegd`, `heeft de koning in de troonrede
/// iets over participatie gezegd`), the subject of the participle at `at`: the first content
/// word after the auxiliary before it, past articles. None for a verb that is no `ge-`
/// participle (`heeft het zin, wat *zegt* de koning`).
fn perfect_subject(words: &[String], at: usize, spec: &FocusSpec, analyzer: &Analyzer) -> Option<usize> {
    if !words[at].starts_with("ge") {
        return None;
    }
    let auxiliary = (0..at).rev().find(|&i| spec.perfect_auxiliaries.contains(&words[i]))?;
    let subject = (auxiliary + 1..at).find(|&i| !spec.articles.contains(&words[i]))?;
    analyzer.is_content_word(&words[subject]).then_some(subject)
}

/// Whether the word at `i` is a time noun after a question word (`in welk *jaar*`, `op welke
/// *dag*`, `which *year*`): it asks when, like `wanneer`, and names nothing an answer is about
/// (a paragraph that says `jaar` answers `in welk jaar werd X premier` no better).
pub(super) fn asks_when(words: &[String], i: usize, types: &QuestionTypes) -> bool {
    let spec = &types.focus;
    i > 0 && spec.when_after.contains(&words[i - 1]) && spec.time_nouns.contains(&words[i])
}

/// Whether the word at `i` names a relation between what follows (`het *verschil* tussen de
/// oude en nieuwe netwerken`, `the *difference* between`): it frames the question, and a
/// passage that sets the two side by side answers without the word.
pub(super) fn asks_relation(words: &[String], i: usize, types: &QuestionTypes) -> bool {
    let spec = &types.focus;
    spec.relation_nouns.contains(&words[i]) && words.get(i + 1).is_some_and(|w| spec.relation_after.contains(w))
}

/// The position of the noun the question asks about: the one its first question word points
/// at (`hoeveel *geld*`, `wat is het *budget*`, `wat zegt de *koning*`), else its topic
/// (`... over *subsidies*`).
pub(super) fn focus_word(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let spec = &types.focus;
    let first = words.iter().position(|w| spec.noun_after.contains(w) || spec.article_after.contains(w));
    first
        .and_then(|first| asked_noun(words, first, types, analyzer))
        .or_else(|| existence_asked(words, types, analyzer))
        .or_else(|| particle_focus(words, types, analyzer))
        .or_else(|| topic_word(words, types, analyzer))
}

/// The content word right after a focus particle (`krijgen die studenten *ook* salaris`,
/// past articles): what the question adds to what it names, so a document must hold it.
fn particle_focus(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let spec = &types.focus;
    let particle = words.iter().position(|w| spec.focus_particles.contains(w))?;
    let next = (particle + 1..words.len()).find(|&i| !spec.articles.contains(&words[i]))?;
    analyzer.is_content_word(&words[next]).then(|| phrase_head(words, next, analyzer))
}

/// In a question that opens by asking whether something of a thing it names exists (`is er
/// een *website* van Burgernet`, `is er *subsidie* voor een buurtpreventiegroep`), the
/// position of what is asked: the first content word after the opening phrase that is no
/// kind noun (`is er een soort ...`), when an `existential_of` word and a content word follow
/// it. Without that thing (`is er een stappenplan voor hoe dit moet`) the word may be the
/// asker's own for what the document calls otherwise, and no focus is taken.
fn existence_asked(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    existence_and_owner(words, types, analyzer).map(|(asked, _)| asked)
}

/// In such a question, the thing the asked one is of or for (`is er subsidie voor een
/// *buurtpreventie* groep`): the question is about it, so an answer must come from a document
/// that names it, as for the topic of a view.
pub(super) fn existence_owner(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    existence_and_owner(words, types, analyzer).map(|(_, owner)| phrase_head(words, owner, analyzer))
}

/// The positions of what an existential question asks and of the thing it belongs to.
fn existence_and_owner(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<(usize, usize)> {
    let spec = &types.focus;
    let opens = |phrase: &String| phrase_end(words, phrase).filter(|&end| end + 1 == phrase.split(' ').count());
    let end = spec.existential.iter().find_map(opens)?;
    let asked = (end + 1..words.len())
        .find(|&i| analyzer.is_content_word(&words[i]) && !spec.kind_nouns.contains(&words[i]))?;
    let head = phrase_head(words, asked, analyzer);
    words.get(head + 1).filter(|w| spec.existential_of.contains(*w))?;
    let owner = (head + 2..words.len()).find(|&i| !spec.articles.contains(&words[i]))?;
    analyzer.is_content_word(&words[owner]).then_some((head, owner))
}

/// The noun after the question word at `first`, if it points at one.
fn asked_noun(words: &[String], first: usize, types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let spec = &types.focus;
    let kind_of =
        spec.article_after.contains(&words[first]) && words.get(first + 1).is_some_and(|w| spec.kind_after.contains(w));
    let mut article_seen = spec.noun_after.contains(&words[first]) || kind_of;
    let mut speaker = false;
    for (i, word) in words.iter().enumerate().skip(first + 1 + usize::from(kind_of)) {
        if spec.articles.contains(word) {
            article_seen = true;
        } else if !article_seen && spec.speaker_verbs.contains(word) {
            speaker = true;
        } else if analyzer.is_content_word(word) {
            let names_the_document = speaker && spec.document_nouns.contains(word);
            let when_asked = i == first + 1 && asks_when(words, i, types);
            let framing = when_asked || asks_relation(words, i, types);
            return (article_seen && !names_the_document && !framing).then(|| phrase_head(words, i, analyzer));
        } else if !article_seen && !spec.copulas.contains(word) {
            // `wat doet het ...`: a verb, so the question asks what something does.
            return None;
        }
    }
    None
}

/// In a question that asks someone's view (`wat *vindt* de minister-president van de
/// monarchie`), the position of the topic of that view: the content word after a
/// `view_topic_after` word that follows the speaker. Like the focus, an answer must come
/// from a document that holds it, whoever the speaker is.
pub(super) fn view_topic(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let spec = &types.focus;
    let verb = (1..words.len()).find(|&i| is_speaker_frame(words, i, types))?;
    let speaker = (verb + 1..words.len()).find(|&i| analyzer.is_content_word(&words[i]))?;
    let after = (speaker + 1..words.len()).find(|&i| spec.view_topic_after.contains(&words[i]))?;
    let next = (after + 1..words.len()).find(|&i| !spec.articles.contains(&words[i]))?;
    analyzer.is_content_word(&words[next]).then(|| phrase_head(words, next, analyzer))
}

/// Whether the word at `i` is the verb of saying or thinking of a question's frame (`wat
/// *vindt* de brief van ...`, `what do they *think* of ...`): right after a question word of
/// `[focus] article_after`, it asks for a view and names no subject of its own.
fn is_speaker_frame(words: &[String], i: usize, types: &QuestionTypes) -> bool {
    let spec = &types.focus;
    i > 0 && spec.speaker_verbs.contains(&words[i]) && spec.article_after.contains(&words[i - 1])
}

/// The first content word after a `topic_after` word (`over de *verzorgingsstaat*`).
fn topic_word(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let spec = &types.focus;
    let after = words.iter().position(|w| spec.topic_after.contains(w))?;
    let next = (after + 1..words.len()).find(|&i| !spec.articles.contains(&words[i]))?;
    analyzer.is_content_word(&words[next]).then(|| phrase_head(words, next, analyzer))
}

/// The position of the word a what-is question asks about: the first content word after a
/// definition frame (`wat is een *fietsstraat*`, `what are *snelfietsroutes*`).
pub(super) fn definition_word(words: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Option<usize> {
    let frame_end = types.definition.frames.iter().find_map(|frame| {
        let parts: Vec<&str> = frame.split(' ').collect();
        words
            .windows(parts.len())
            .position(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
            .map(|p| p + parts.len())
    })?;
    (frame_end..words.len()).find(|&i| analyzer.is_content_word(&words[i])).map(|i| phrase_head(words, i, analyzer))
}

/// One group per question about the document itself that the asking clauses ask (its date,
/// sender, purpose, ...), answered by the part of a document that holds it. The words that
/// frame such a question (`stad` in `in welke stad is de brief geschreven`) are taken out of
/// the content groups. A facet that must stand `alone` counts only when no content is left;
/// one of `own_words_only` only when no content word left is `told_only_in_text`. Words that
/// only name the document (`names_document`: `waar gaat de brief over *burgerberaden* over`)
/// say which document is asked about, so they leave a facet `alone`. The parts of a compound
/// frame the question when the compound does (`begrotingsjaar` in `welk begrotingsjaar hoort
/// hierbij`): `word_stems` are the stems of the question's words, by position.
pub(super) fn facet_groups(
    (asking_stems, word_stems): (&[&str], &[String]),
    groups: &mut Vec<Group>,
    types: &QuestionTypes,
    told_only_in_text: impl Fn(&Group) -> bool,
    names_document: impl Fn(&Group) -> bool,
) -> Vec<Group> {
    // Each stem, and each two next to each other as a phrase (`aan wie`).
    let pairs: Vec<String> = asking_stems.windows(2).map(|pair| pair.join(" ")).collect();
    let present: HashSet<&str> = asking_stems.iter().copied().chain(pairs.iter().map(String::as_str)).collect();
    let asked: Vec<(&Facet, HashSet<String>)> =
        types.facets.iter().filter_map(|f| f.asked_by(&present).map(|used| (f, used))).collect();
    let framing = |asked: &[(&Facet, HashSet<String>)], group: &Group| {
        let compound = group.compound.and_then(|word| word_stems.get(word));
        group.cue.is_none()
            && asked.iter().any(|(_, used)| {
                used.contains(&group.alternatives[0].stem) || compound.is_some_and(|stem| used.contains(stem))
            })
    };
    let content_left = groups.iter().any(|g| !framing(&asked, g) && !names_document(g));
    // Read only for a facet that needs it: it may walk a word's postings (a word the
    // question repeats has one group, see `Query::parse`).
    let names_other_things = asked.iter().any(|(f, _)| f.own_words_only)
        && groups.iter().any(|g| !framing(&asked, g) && told_only_in_text(g));
    let asked: Vec<(&Facet, HashSet<String>)> = asked
        .into_iter()
        .filter(|(f, _)| !f.alone || !content_left)
        .filter(|(f, _)| !f.own_words_only || !names_other_things)
        .collect();
    groups.retain(|g| !framing(&asked, g));
    asked
        .iter()
        .map(|(f, _)| Group {
            word: format!("({})", f.name),
            alternatives: Vec::new(),
            cue: Some(f.answer.clone()),
            rarity: 1.0,
            context: false,
            compound: None,
            position: 0,
        })
        .collect()
}

/// Where the words that name a document's topic start (`wanneer is de brief *over* rood
/// asfalt verstuurd`): after a `[focus] topic_after` word that follows a document noun.
/// Those words say which document is meant, whatever part of it tells of them.
pub(super) fn document_topic_start(words: &[String], types: &QuestionTypes) -> Option<usize> {
    let spec = &types.focus;
    let noun = words.iter().position(|w| spec.document_nouns.contains(w))?;
    (noun + 1..words.len()).find(|&i| spec.topic_after.contains(&words[i])).map(|i| i + 1)
}

/// Whether a question word names something the documents tell of only in their text (body
/// paragraphs and footnotes), never in a document's own parts: no title, subject or sender
/// field and no heading, addressee or signature holds it (`Slob` in `wanneer vroeg Slob om de
/// brief`, `doe-democratie` in `wanneer is de nota doe-democratie verschenen`). A word that
/// names a document or its voice (`[focus] document_nouns`: `kabinet`) is the document's own.
pub(super) fn told_only_in_text(group: &Group, index: &Index, types: &QuestionTypes) -> bool {
    if group.cue.is_some() || types.focus.document_nouns.contains(&group.word) {
        return false;
    }
    let terms = group.alternatives.iter().filter_map(|a| index.terms.get(&a.stem));
    let mut told = false;
    for term in terms {
        if !index.title_documents(Some(term)).is_empty() || !index.sender_documents(term).is_empty() {
            return false;
        }
        for posting in index.whole_postings(Some(term)) {
            match index.indexed(posting.slot() as usize).kind {
                PassageKind::Body | PassageKind::Footnote => told = true,
                _ => return false,
            }
        }
    }
    told
}

#[cfg(test)]
mod tests {
    use super::phrase_end;

    /// A phrase is found where all its words stand in order, the first such place; a phrase
    /// cut off by the end of the question, or with another word between, is not.
    #[test]
    fn a_phrase_ends_where_its_last_word_stands() {
        let words: Vec<String> = "aan wie is aan wie de brief".split(' ').map(String::from).collect();
        assert_eq!(phrase_end(&words, "wie"), Some(1));
        assert_eq!(phrase_end(&words, "aan wie"), Some(1));
        assert_eq!(phrase_end(&words, "is aan wie de"), Some(5));
        assert_eq!(phrase_end(&words, "de brief"), Some(6));
        assert_eq!(phrase_end(&words, "brief van"), None);
        assert_eq!(phrase_end(&words, "aan de"), None);
        assert_eq!(phrase_end(&words, "wanneer"), None);
    }
}
