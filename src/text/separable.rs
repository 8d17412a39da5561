//! Separable verbs written apart in a document's main clause: `Gemeenten *leggen* wadi's
//! *aan*`, `het kabinet *trekt* samen met twintig gemeenten *op*`. A question that asks
//! about `aanleggen` or `optrekken` (joined, or apart in either order: see
//! `search::query`) must find such a passage, so the index holds the joined verb too.
//!
//! Invariants: a join is emitted only when the Dutch lexicon holds the joined word; only for
//! a particle that closes the middle field: before a clause boundary or a function word
//! (`ga ik *in op*`), not before a noun phrase (`aan *de* gemeente`, `op *orde*`: a
//! preposition) nor before `te` (`zelf *in te* richten` is a te-infinitive's); and
//! only with a word in a verb's form among the [`VERB_REACH`] words before the particle
//! within its clause (no punctuation or conjunction between), the first that joins: the verb
//! of a main clause stands before its object and adverbs, the particle after them. A verb the
//! index keeps becomes the joined verb; a verb that is a stop word on its own (`gaat`, `doen`:
//! four letters or more) adds it. A particle that opens an adverbial phrase (`samen met`)
//! joins a kept verb only at the clause's end, when no later particle has joined it.

use std::ops::Range;

use super::analyzer::Analyzer;
use super::fold_into;

/// Separable verb particles: `mee ... doen` is `meedoen`.
pub const PARTICLES: [&str; 10] = ["mee", "op", "aan", "af", "uit", "toe", "terug", "samen", "door", "in"];

/// Words that open a noun phrase (as tokens: `'t` is `t`): never a verb a particle joins, and
/// a particle they follow is a preposition (`gaat de aow omhoog *door de* hervorming` is no
/// `doorgaan`). `dat` is left out: it opens a clause after a particle too (`hij gaf *toe dat*`).
pub const DETERMINERS: [&str; 14] =
    ["de", "het", "een", "t", "die", "dit", "deze", "mijn", "zijn", "haar", "ons", "onze", "hun", "uw"];

/// Conjunctions and relative words that open a clause of their own: a verb before them is
/// another clause's (`buurthuizen *sluiten en* vrijwilligers haken af` is `afhaken`, not
/// `afsluiten`).
const CLAUSE_OPENERS: [&str; 12] = ["en", "maar", "of", "want", "dat", "die", "als", "omdat", "zodat", "wanneer", "waar", "wat"];

/// How many words before a particle its verb may stand, within the clause: a main clause's
/// middle field (`trekt daarom samen met twintig gemeenten op`).
pub const VERB_REACH: usize = 6;

/// A particle and the word after it that may make an adverbial phrase (`samen met`, together
/// with: `trekt samen met gemeenten op`) rather than close the middle field: the particle is
/// the verb's only when no later particle of the clause joins it (`werkt nauw samen met`).
const PHRASES: [(&str, &str); 1] = [("samen", "met")];

/// Whether the text between two words closes a clause: punctuation (a line break within a
/// paragraph does not).
fn ends_clause(gap: &str) -> bool {
    gap.contains(['.', ',', ';', ':', '!', '?', '(', ')'])
}

/// Whether a word can be the finite verb or infinitive of a letter's main clause: the third
/// person or plural of the present (`legt`, `leggen`) or a weak past (`legde`, `legden`). The
/// first person (`ik *rol*`) is left out: it is rare in a letter, and nouns have that form
/// (`een rol *op* zich nemen`, `Tel mee met Taal`); so is a strong past (`liep ... op`).
fn is_verb_form(word: &str) -> bool {
    word.ends_with('t') || word.ends_with("en") || word.ends_with("de") || word.ends_with("te")
}

/// A separable verb found apart: the verb the caller kept (by its number) is the joined verb
/// instead, or a verb that is a stop word on its own (`gaat ... in`) adds the joined verb,
/// at the verb's range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Join {
    Rename(usize, String),
    Add(Range<usize>, String),
}

/// A word before a particle that may be its verb.
#[derive(Debug, Clone, Default)]
enum Verb {
    #[default]
    No,
    /// A content word the caller kept, by its number.
    Kept(usize),
    /// A stop word in a verb's form (`gaat`, `doet`, `komen`), of four letters or more and
    /// no clause opener.
    Unkept,
}

/// Finds the separable verbs a text writes apart, one word at a time, in order.
///
/// For each word, first [`ApartVerbs::resolve`]: the join that the word before it, a
/// particle, completes, if this word shows the particle is no preposition; then
/// [`ApartVerbs::push`] the word itself. A join names the verb by the number its caller gave
/// it when it was pushed (the verb's place among the words the caller keeps), so the joined
/// verb takes the verb's place (`aan|leggen`). Words are held as byte ranges: only a
/// particle's candidates are read again.
#[derive(Default)]
pub struct ApartVerbs {
    /// The last words of the clause: their byte ranges and whether each may be a verb (with
    /// its number, if the caller keeps it). A ring of [`VERB_REACH`].
    recent: [(Range<usize>, Verb); VERB_REACH],
    /// How many of `recent` belong to the current clause.
    in_clause: usize,
    /// Where the next word goes in `recent`.
    next: usize,
    /// A join found at the last word, a particle, waiting for the word after it, with that
    /// particle.
    pending: Option<(&'static str, Join)>,
    /// A join whose particle began a phrase ([`PHRASES`]: `werken nauw *samen met*
    /// scholen`), held until the clause ends: the verb's unless a later particle joins.
    deferred: Option<Join>,
    /// Buffers for a candidate verb and join.
    verb: String,
    joined: String,
}

impl ApartVerbs {
    /// The join the previous word, a particle, completes, given the next word (`folded`)
    /// and `gap`, the text between them.
    pub fn resolve(&mut self, gap: &str, folded: &str, analyzer: &Analyzer) -> Option<Join> {
        let clause_ends = ends_clause(gap);
        // A particle before a noun phrase is a preposition (`aan *de* politiek`, `op *orde*`):
        // a verb's particle closes the middle field, before a clause or a function word.
        let verb_particle = |particle: &str| {
            clause_ends
                || !(analyzer.is_content_word(folded)
                    || DETERMINERS.contains(&folded)
                    || folded == "te"
                    || PHRASES.contains(&(particle, folded)))
        };
        let done = match self.pending.take() {
            Some((particle, join)) if verb_particle(particle) => Some(join),
            Some((particle, join @ Join::Rename(..))) if PHRASES.contains(&(particle, folded)) => {
                self.deferred = Some(join);
                None
            }
            _ => None,
        };
        if done.is_some() {
            self.deferred = None;
        }
        if clause_ends || is_clause_opener(folded) {
            self.in_clause = 0;
            return done.or_else(|| self.deferred.take());
        }
        done
    }

    /// Takes the next word of `text` (`folded`, at `range`), numbered `kept` if the caller
    /// keeps it as a content word.
    pub fn push(&mut self, text: &str, range: Range<usize>, folded: &str, kept: Option<usize>, analyzer: &Analyzer) {
        let particle = particle(folded);
        if let Some(particle) = particle {
            self.pending = self.join_with_recent(text, particle, analyzer).map(|join| (particle, join));
        }
        let verb = match kept {
            _ if !is_verb_form(folded) || particle.is_some() || DETERMINERS.contains(&folded) => Verb::No,
            Some(number) => Verb::Kept(number),
            // A stop word of four letters or more (`gaat`, `doen`; not `en`, `dat`) that opens
            // no clause.
            None if folded.len() >= 4 && !is_clause_opener(folded) => Verb::Unkept,
            None => Verb::No,
        };
        self.recent[self.next] = (range, verb);
        self.next = (self.next + 1) % VERB_REACH;
        self.in_clause = (self.in_clause + 1).min(VERB_REACH);
    }

    /// The join a particle that ends the text completes.
    pub fn finish(&mut self) -> Option<Join> {
        self.pending.take().map(|(_, join)| join).or_else(|| self.deferred.take())
    }

    /// The particle joined to the first word of the clause within reach before it that the
    /// lexicon knows joined (`aan` + `leggen`), with that word's number: a main clause's verb
    /// comes before its objects, which may make words with the particle too (`werken met
    /// scholen samen` is `samenwerken`, not `samenscholen`).
    fn join_with_recent(&mut self, text: &str, particle: &str, analyzer: &Analyzer) -> Option<Join> {
        (1..=self.in_clause).rev().find_map(|back| {
            let (range, verb) = &self.recent[(self.next + VERB_REACH - back) % VERB_REACH];
            if matches!(verb, Verb::No) {
                return None;
            }
            fold_into(&text[range.clone()], &mut self.verb);
            self.joined.clear();
            self.joined.push_str(particle);
            self.joined.push_str(&self.verb);
            if !analyzer.lexicon().contains(&self.joined) || !analyzer.is_content_word(&self.joined) {
                return None;
            }
            Some(match verb {
                Verb::Kept(number) => Join::Rename(*number, self.joined.clone()),
                _ => Join::Add(range.clone(), self.joined.clone()),
            })
        })
    }
}

/// The particle a folded word is, if it is one.
fn particle(word: &str) -> Option<&'static str> {
    (word.len() <= 5).then(|| PARTICLES.iter().copied().find(|p| *p == word)).flatten()
}

/// Whether a word opens a clause of its own (see [`CLAUSE_OPENERS`]).
pub(crate) fn is_clause_opener(word: &str) -> bool {
    word.len() <= 7 && CLAUSE_OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, word_spans};

    fn joins(text: &str) -> Vec<String> {
        let analyzer = Analyzer::default();
        let mut apart = ApartVerbs::default();
        let mut words = Vec::new();
        let mut found = Vec::new();
        let mut last_end = 0;
        for (start, end) in word_spans(text) {
            let word = fold(&text[start..end]);
            found.extend(apart.resolve(&text[last_end..start], &word, &analyzer));
            let kept = analyzer.is_content_word(&word).then_some(words.len());
            if kept.is_some() {
                words.push(&text[start..end]);
            }
            apart.push(text, start..end, &word, kept, &analyzer);
            last_end = end;
        }
        found.extend(apart.finish());
        let shown = |join: Join| match join {
            Join::Rename(verb, joined) => format!("{joined}@{}", words[verb]),
            Join::Add(range, joined) => format!("{joined}+{}", &text[range]),
        };
        found.into_iter().map(shown).collect()
    }

    #[test]
    fn a_verb_and_its_particle_at_the_end_of_the_clause_are_joined() {
        assert_eq!(joins("Gemeenten vervangen stenen door groen, leggen wadi's aan en stimuleren groene daken."), ["aanleggen@leggen"]);
        assert_eq!(joins("Het kabinet trekt daarom samen met twintig gemeenten op in een programma."), ["optrekt@trekt"]);
        assert_eq!(joins("De wijkagent spreekt met hen af hoe meldingen worden doorgegeven."), ["afspreekt@spreekt"]);
    }

    /// A verb that is a stop word on its own (`gaan`, `doen`) adds the joined verb.
    #[test]
    fn a_stop_word_verb_and_its_particle_add_the_joined_verb() {
        assert_eq!(joins("De verandering gaat daarom pas over twee jaar in."), ["ingaat+gaat"]);
        assert_eq!(joins("Jongeren doen graag mee, zo blijkt."), ["meedoen+doen"]);
        assert_eq!(joins("Zij bepalen het tracé en voeren de werkzaamheden uit."), ["uitvoeren@voeren"]);
    }

    /// `samen met` is the verb's particle (`werken nauw samen met scholen` is `samenwerken`)
    /// unless a later particle of the clause is (`trekt samen met gemeenten op`: `optrekken`).
    #[test]
    fn a_particle_that_opens_a_phrase_joins_its_verb_unless_a_later_particle_does() {
        assert_eq!(joins("Wijkteams werken in dit programma nauw samen met scholen."), ["samenwerken@werken"]);
        assert_eq!(
            joins("Wijkteams werken nauw samen met scholen, en gemeenten leggen wadi's aan."),
            ["samenwerken@werken", "aanleggen@leggen"]
        );
        assert_eq!(joins("Het kabinet werkt samen met gemeenten en provincies"), ["samenwerkt@werkt"]);
        assert_eq!(joins("Het kabinet trekt samen met gemeenten op, zo blijkt."), ["optrekt@trekt"]);
        assert!(joins("Het kabinet bouwt samen met gemeenten.").is_empty());
    }

    #[test]
    fn a_particle_before_a_noun_phrase_or_past_its_clause_joins_no_verb() {
        assert!(joins("Zij lopen daardoor vaker vast op hun werk.").is_empty());
        assert!(joins("Het Rijk legt geen routes op de kaart.").is_empty());
        assert!(joins("Zij leggen alles vast, aan het eind van de dag.").is_empty());
        assert!(joins("Het kabinet die een faciliterende rol op zich neemt.").is_empty());
        assert_eq!(joins("Buurthuizen sluiten en vrijwilligers haken af."), ["afhaken@haken"]);
        assert!(joins("Zij willen hun leven zelf in te richten, of werken in te grote wijken.").is_empty());
    }
}
