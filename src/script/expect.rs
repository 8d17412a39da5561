//! Checking a reply against a turn's expectations. A transport reports what the asker saw as
//! an [`Observed`]; every expectation is checked on that alone, so the core and a chat
//! platform are held to the same script.

use std::fmt;

use super::{CiteRule, ExpectationKind, RefusalKind};
use crate::answer::{Outcome, Refusal, Reply};
use crate::document::PassageKind;
use crate::i18n::Language;

/// A passage a reply quotes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub document: String,
    pub kind: PassageKind,
    pub number: u32,
}

/// What the asker saw.
#[derive(Debug, Clone)]
pub struct Observed {
    /// The reply as rendered for the asker.
    pub text: String,
    pub private: bool,
    pub outcome: Outcome,
    pub quotes: Vec<String>,
    pub citations: Vec<Citation>,
    /// The language of the bot's own words, when the transport can tell.
    pub language: Option<Language>,
}

impl Observed {
    pub fn from_reply(reply: &Reply, rendered: String) -> Observed {
        Observed {
            text: rendered,
            private: reply.private,
            outcome: reply.outcome,
            language: Some(reply.language),
            quotes: reply.quotes.iter().map(|q| q.text.clone()).collect(),
            citations: reply
                .quotes
                .iter()
                .map(|q| Citation {
                    document: q.reference.document.clone(),
                    kind: q.reference.kind,
                    number: q.reference.number,
                })
                .collect(),
        }
    }
}

/// `Ok` when the observed reply satisfies the expectation, else what was found instead.
pub fn check(expected: &ExpectationKind, seen: &Observed) -> Result<(), String> {
    let ok = match expected {
        ExpectationKind::Quotes(text) => seen.quotes.iter().any(|q| q.contains(text.as_str())),
        ExpectationKind::Cites { kind, number, document, rule } => {
            let is = |c: &Citation| {
                c.kind == *kind
                    && c.number == *number
                    && document.as_ref().is_none_or(|d| c.document.starts_with(d.as_str()))
            };
            match rule {
                CiteRule::Any => seen.citations.iter().any(is),
                CiteRule::First => seen.citations.first().is_some_and(is),
                CiteRule::Only => !seen.citations.is_empty() && seen.citations.iter().all(is),
                CiteRule::Not => !seen.citations.iter().any(is),
            }
        }
        ExpectationKind::Answers => seen.outcome == Outcome::Answered,
        ExpectationKind::Declines => seen.outcome == Outcome::Declined,
        ExpectationKind::Refuses(kind) => matches!(
            (seen.outcome, kind),
            (Outcome::Refused { .. }, None)
                | (Outcome::Refused { reason: Refusal::Permission }, Some(RefusalKind::Permission))
                | (Outcome::Refused { reason: Refusal::RateLimited { .. } }, Some(RefusalKind::RateLimit))
        ),
        ExpectationKind::Contains(text) => seen.text.contains(text.as_str()),
        ExpectationKind::ContainsAnyCase(text) => seen.text.to_lowercase().contains(&text.to_lowercase()),
        ExpectationKind::UsageHint => seen.outcome == Outcome::Invalid && seen.private,
        ExpectationKind::Lacks(text) => !seen.text.contains(text.as_str()),
        ExpectationKind::Matches(regex) => regex.is_match(&seen.text),
        ExpectationKind::ShorterThan(n) => seen.text.chars().count() < *n,
        ExpectationKind::Private => seen.private,
        ExpectationKind::Public => !seen.private,
        ExpectationKind::RepliesIn(language) => seen.language == Some(*language),
    };
    if ok {
        Ok(())
    } else {
        Err(found(expected, seen))
    }
}

fn found(expected: &ExpectationKind, seen: &Observed) -> String {
    match expected {
        ExpectationKind::Cites { rule: CiteRule::Not, .. } => "it does".into(),
        ExpectationKind::Cites { .. } if seen.citations.is_empty() => "it cites nothing".into(),
        ExpectationKind::Cites { .. } => {
            let cited: Vec<String> = seen
                .citations
                .iter()
                .map(|c| format!("{} {} in {}", kind_word(c.kind), c.number, c.document))
                .collect();
            format!("it cites {}", cited.join(", "))
        }
        ExpectationKind::ShorterThan(_) => format!("it is {} characters long", seen.text.chars().count()),
        ExpectationKind::Quotes(_) if seen.quotes.is_empty() => "it quotes nothing".into(),
        ExpectationKind::Quotes(_) => "no quote contains that text".into(),
        ExpectationKind::Contains(_) | ExpectationKind::ContainsAnyCase(_) | ExpectationKind::Matches(_) => {
            "the reply below does not".into()
        }
        ExpectationKind::UsageHint => {
            format!("the outcome is {:?}, {}", seen.outcome, if seen.private { "private" } else { "public" })
        }
        ExpectationKind::Lacks(_) => "the reply below contains it".into(),
        ExpectationKind::Private | ExpectationKind::Public => {
            format!("it is {}", if seen.private { "private" } else { "public" })
        }
        ExpectationKind::RepliesIn(_) => match seen.language {
            Some(language) => format!("it replies in {}", language.code()),
            None => "the transport cannot tell the reply's language".into(),
        },
        _ => format!("the outcome is {:?}", seen.outcome),
    }
}

fn kind_word(kind: PassageKind) -> &'static str {
    kind.name(Language::Dutch)
}

impl fmt::Display for ExpectationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpectationKind::Quotes(t) => write!(f, "quotes {t:?}"),
            ExpectationKind::Cites { kind, number, document, rule } => {
                let verb = match rule {
                    CiteRule::Any => "cites",
                    CiteRule::First => "first quote cites",
                    CiteRule::Only => "only cites",
                    CiteRule::Not => "does not cite",
                };
                write!(f, "{verb} {} {number}", kind_word(*kind))?;
                document.as_ref().map_or(Ok(()), |d| write!(f, " in {d}"))
            }
            ExpectationKind::Answers => f.write_str("answers"),
            ExpectationKind::Declines => f.write_str("declines"),
            ExpectationKind::Refuses(None) => f.write_str("refuses"),
            ExpectationKind::Refuses(Some(RefusalKind::Permission)) => f.write_str("refuses permission"),
            ExpectationKind::Refuses(Some(RefusalKind::RateLimit)) => f.write_str("refuses rate-limit"),
            ExpectationKind::Contains(t) => write!(f, "contains {t:?}"),
            ExpectationKind::ContainsAnyCase(t) => write!(f, "contains any case {t:?}"),
            ExpectationKind::UsageHint => f.write_str("is a usage hint"),
            ExpectationKind::Lacks(t) => write!(f, "lacks {t:?}"),
            ExpectationKind::Matches(r) => write!(f, "matches {:?}", r.as_str()),
            ExpectationKind::ShorterThan(n) => write!(f, "shorter than {n}"),
            ExpectationKind::Private => f.write_str("private"),
            ExpectationKind::Public => f.write_str("public"),
            ExpectationKind::RepliesIn(language) => write!(f, "replies in {}", language.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(cited: &[u32], outcome: Outcome, private: bool) -> Observed {
        let citations = cited
            .iter()
            .map(|&number| Citation { document: "brief".into(), kind: PassageKind::Body, number })
            .collect();
        let language = Some(Language::Dutch);
        Observed { text: "Typ `Alinea N`".into(), private, outcome, quotes: Vec::new(), citations, language }
    }

    fn cites(number: u32, rule: CiteRule) -> ExpectationKind {
        ExpectationKind::Cites { kind: PassageKind::Body, number, document: None, rule }
    }

    #[test]
    fn cite_rules_look_at_the_quotes_they_name() {
        let two = seen(&[7, 5], Outcome::Answered, false);
        assert!(check(&cites(5, CiteRule::Any), &two).is_ok());
        assert!(check(&cites(7, CiteRule::First), &two).is_ok());
        assert!(check(&cites(5, CiteRule::First), &two).is_err());
        assert!(check(&cites(7, CiteRule::Only), &two).is_err());
        assert!(check(&cites(7, CiteRule::Only), &seen(&[7], Outcome::Answered, false)).is_ok());
        assert!(check(&cites(7, CiteRule::Only), &seen(&[], Outcome::Declined, false)).is_err());
        assert!(check(&cites(4, CiteRule::Not), &two).is_ok());
        assert_eq!(check(&cites(7, CiteRule::Not), &two), Err("it does".into()));
    }

    #[test]
    fn any_case_contains_and_usage_hints() {
        let hint = seen(&[], Outcome::Invalid, true);
        assert!(check(&ExpectationKind::ContainsAnyCase("typ `alinea n`".into()), &hint).is_ok());
        assert!(check(&ExpectationKind::Contains("typ `alinea n`".into()), &hint).is_err());
        assert!(check(&ExpectationKind::UsageHint, &hint).is_ok());
        assert!(check(&ExpectationKind::UsageHint, &seen(&[], Outcome::Invalid, false)).is_err());
        assert!(check(&ExpectationKind::UsageHint, &seen(&[], Outcome::Info, true)).is_err());
    }
}
