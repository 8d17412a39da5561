//! Clauses of a chat message. A long message often tells something before it asks (`ik heb
//! gehoord dat ..., maar wat gebeurt er met ...?`): the telling part is context. A clause is
//! a question when it ends in `?` or holds a question word; the others are context, but only
//! when the message also has a question clause (a message of statements is all question).
//!
//! Invariant: one flag per token, in token order; clause boundaries are sentence and clause
//! punctuation between tokens, so the flags follow the tokens' byte offsets.

use rustc_hash::FxHashSet as HashSet;

use crate::text::Token;

/// Punctuation that ends a clause for [`context_flags`] (a comma does not: `is het niet
/// gewoon bezuinigen, dat gedoe?` is one question).
const CLAUSE_ENDS: [char; 4] = ['.', ';', '!', '?'];
/// Words that start a new clause: `..., maar wat ...`.
const CLAUSE_STARTS: [&str; 2] = ["maar", "but"];

/// For each token: whether it stands in a context clause.
pub fn context_flags(text: &str, tokens: &[Token], question_words: &HashSet<String>) -> Vec<bool> {
    let mut clause_of = Vec::with_capacity(tokens.len());
    let mut clauses: Vec<bool> = vec![false];
    let mut previous_end = 0;
    for token in tokens {
        let between = &text[previous_end..token.start];
        let starts_clause = between.contains(CLAUSE_ENDS) || opens_clause(text, token);
        if previous_end > 0 && starts_clause {
            let last = clauses.len() - 1;
            clauses[last] |= between.contains('?');
            clauses.push(false);
        }
        let clause = clauses.len() - 1;
        clauses[clause] |= question_words.contains(&token.folded);
        clause_of.push(clause);
        previous_end = token.end;
    }
    let last = clauses.len() - 1;
    clauses[last] |= text[previous_end..].contains('?');
    let any_question = clauses.iter().any(|&q| q);
    clause_of.into_iter().map(|c| any_question && !clauses[c]).collect()
}

/// Whether `token` is a conjunction that opens a clause: not when punctuation or the end of
/// the message follows it, where it is an adverb closing the clause (`zeg *maar*, ...`).
fn opens_clause(text: &str, token: &Token) -> bool {
    let closes = || text[token.end..].trim_start().chars().next().is_none_or(|c| c == ',' || CLAUSE_ENDS.contains(&c));
    CLAUSE_STARTS.contains(&token.folded.as_str()) && !closes()
}

/// Conjunctions that start a clause after a Dutch main clause: the word before one ends the
/// main clause (`we vroegen ons *af* of ...`, `hij gaf *toe* dat ...`).
const CONJUNCTIONS: [&str; 9] = ["dat", "of", "omdat", "want", "maar", "en", "als", "terwijl", "zodat"];

/// For each token: whether it ends its clause (the message's last word, one that punctuation
/// follows, a comma included, or one a conjunction follows): where a Dutch main clause puts
/// the particle of a separable verb (`werkt het bedrijfsleven ook *mee*?`).
pub fn ends_clause(text: &str, tokens: &[Token]) -> Vec<bool> {
    let next_starts = tokens.iter().skip(1).map(|t| t.start).chain([text.len()]);
    let next_words = tokens.iter().skip(1).map(|t| Some(t.folded.as_str())).chain([None]);
    tokens
        .iter()
        .zip(next_starts.zip(next_words))
        .map(|(token, (next, word))| {
            next == text.len()
                || text[token.end..next].contains(|c| c == ',' || CLAUSE_ENDS.contains(&c))
                || word.is_some_and(|w| CONJUNCTIONS.contains(&w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn context_words(text: &str) -> Vec<String> {
        let question_words: HashSet<String> = ["wat", "wie"].map(String::from).into_iter().collect();
        let toks = tokens(text);
        let flags = context_flags(text, &toks, &question_words);
        toks.iter().zip(flags).filter(|(_, c)| *c).map(|(t, _)| t.folded.clone()).collect()
    }

    #[test]
    fn telling_before_asking_is_context() {
        assert_eq!(
            context_words("ik las over de wijk, maar wat doet de gemeente?"),
            ["ik", "las", "over", "de", "wijk"]
        );
        assert_eq!(context_words("De wijk. Wat doet de gemeente?"), ["de", "wijk"]);
        assert!(context_words("is het zo, wat denk je?").is_empty(), "a comma does not end a clause");
        assert!(context_words("wat doet de gemeente? en de provincie?").is_empty(), "two questions");
        assert!(context_words("de gemeente en de wijk").is_empty(), "no question clause: all counts");
        assert!(context_words("blijft de staat bestaan").is_empty());
    }

    #[test]
    fn a_maar_that_closes_its_clause_opens_none() {
        let asked = "de wijk zeg maar, wat doet de gemeente?";
        assert!(context_words(asked).is_empty(), "`zeg maar,` is one clause with what follows");
        assert!(context_words("wat doet de gemeente, de wijk zeg maar").is_empty());
        assert_eq!(context_words("de wijk zeg maar. maar wat doet de gemeente?"), ["de", "wijk", "zeg", "maar"]);
    }

    #[test]
    fn clause_ends_are_the_last_word_and_words_before_punctuation() {
        let text = "werkt het mee, of doet het niets mee?";
        let toks = tokens(text);
        let ends: Vec<&str> =
            toks.iter().zip(ends_clause(text, &toks)).filter(|(_, e)| *e).map(|(t, _)| t.folded.as_str()).collect();
        assert_eq!(ends, ["mee", "mee"]);
        let toks = tokens("doet ze mee");
        assert_eq!(ends_clause("doet ze mee", &toks), [false, false, true]);
        let text = "we vroegen ons af of het mee telt";
        let ends: Vec<bool> = ends_clause(text, &tokens(text));
        let expected = [false, false, false, true, false, false, false, true];
        assert_eq!(ends, expected, "a conjunction follows `af`");
    }
}
