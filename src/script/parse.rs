//! The script parser. Every error names file, line and column and says what was expected.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{ButtonKind, CiteRule, Expectation, ExpectationKind, Header, RefusalKind, Script, Step, Turn, Via};
use crate::conversation::{Command, Role};
use crate::i18n::Language;
use crate::document::PassageKind;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ScriptError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

struct Cursor<'a> {
    file: &'a Path,
    line: usize,
}

impl Cursor<'_> {
    fn error(&self, column: usize, message: impl Into<String>) -> ScriptError {
        ScriptError {
            file: self.file.display().to_string(),
            line: self.line,
            column,
            message: message.into(),
        }
    }
}

/// Parses a script; `path` names it in errors and anchors relative folders.
pub fn parse(path: &Path, text: &str) -> Result<Script, ScriptError> {
    let base = path.parent().unwrap_or(Path::new("."));
    let mut script = Script { path: path.to_path_buf(), header: Header::default(), steps: Vec::new() };
    for (i, raw) in text.lines().enumerate() {
        let at = Cursor { file: path, line: i + 1 };
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(directive) = line.strip_prefix('@') {
            directive_line(&mut script, directive, base, &at, indent + 2)?;
        } else if indent > 0 {
            let Some(Step::Turn(turn)) = script.steps.last_mut() else {
                return Err(
                    at.error(indent + 1, "expected a turn (`member NAME: text`) before this expectation")
                );
            };
            turn.expectations.push(Expectation { line: at.line, kind: expectation(line, &at, indent + 1)? });
        } else {
            script.steps.push(Step::Turn(turn_line(line, &at)?));
        }
    }
    Ok(script)
}

fn directive_line(
    script: &mut Script,
    text: &str,
    base: &Path,
    at: &Cursor,
    column: usize,
) -> Result<(), ScriptError> {
    let (name, arg) = text.split_once(char::is_whitespace).map_or((text, ""), |(n, a)| (n, a.trim()));
    let in_header = script.steps.is_empty();
    let header_only = |what: &str| at.error(column, format!("`@{what}` belongs before the first turn"));
    let folder = |arg: &str| -> Result<PathBuf, ScriptError> {
        if arg.is_empty() {
            return Err(at.error(column + name.len() + 1, "expected a folder after the directive"));
        }
        Ok(base.join(arg))
    };
    match name {
        "documents" if in_header && script.header.documents.is_none() => script.header.documents = Some(folder(arg)?),
        "documents" if in_header => return Err(at.error(column, "`@documents` is given twice; use `@change-documents` for the folder a later reload reads")),
        "change-documents" => script.steps.push(Step::Documents { line: at.line, folder: folder(arg)? }),
        "gate" if in_header => script.header.gate = Some(folder(arg)?),
        "rate-limit" if in_header => script.header.rate_limit = Some(rate_limit(arg, at, column + name.len() + 1)?),
        "followup-expiry" if in_header => {
            script.header.followup_expiry = Some(duration(arg, at, column + name.len() + 1)?)
        }
        "documents" | "gate" | "rate-limit" | "followup-expiry" => return Err(header_only(name)),
        "wait" => script.steps.push(Step::Wait { line: at.line, by: duration(arg, at, column + name.len() + 1)? }),
        "restart" => script.steps.push(Step::Restart { line: at.line }),
        "feedback" if in_header => script.header.feedback = true,
        "feedback" => return Err(header_only(name)),
        other => {
            return Err(at.error(
                column,
                format!("unknown directive `@{other}`; expected @documents, @gate, @rate-limit, @followup-expiry, @feedback, @change-documents, @wait or @restart"),
            ))
        }
    }
    Ok(())
}

/// `member anna in #algemeen (en): text`, `member anna in DM: text`, `member anna via slash:
/// text`, `member anna presses next`.
fn turn_line(line: &str, at: &Cursor) -> Result<Turn, ScriptError> {
    let (head, text) = match line.split_once(':') {
        Some((head, text)) => (head, Some(text.trim())),
        None if line.split_whitespace().any(|w| w == "presses") => (line, None),
        None => return Err(at.error(line.len() + 1, "expected `:` between the speaker and the message")),
    };
    let mut words = head.split_whitespace();
    let role = match words.next() {
        Some("member" | "lid") => Role::Member,
        Some("moderator") => Role::Moderator,
        other => {
            return Err(
                at.error(1, format!("expected `member` or `moderator`, found `{}`", other.unwrap_or("")))
            )
        }
    };
    let user =
        words.next().ok_or_else(|| at.error(head.len() + 1, "expected a name after the role"))?.to_string();
    let mut turn = Turn {
        line: at.line,
        role,
        user,
        channel: None,
        locale: None,
        via: Via::Any,
        text: text.unwrap_or("").to_string(),
        expectations: Vec::new(),
    };
    while let Some(word) = words.next() {
        let column = head.find(word).unwrap_or(0) + 1;
        let mut argument = |what: &str| {
            words.next().ok_or_else(|| at.error(column, format!("expected {what} after `{word}`")))
        };
        match word {
            "in" => match argument("a channel or `DM`")? {
                "DM" => turn.via = Via::Direct,
                channel => turn.channel = Some(channel.to_string()),
            },
            "via" => {
                turn.via = match argument("`mention` or `slash`")? {
                    "mention" => Via::Mention,
                    "slash" => Via::Slash,
                    other => return Err(at.error(column, format!("expected `via mention` or `via slash`, found `via {other}`"))),
                }
            }
            "presses" => turn.via = Via::Button(button(argument("a button")?, at, column)?),
            w if w.starts_with('(') && w.ends_with(')') => turn.locale = Some(w[1..w.len() - 1].to_string()),
            w => return Err(at.error(column, format!("expected `in CHANNEL`, `in DM`, `via ...`, `presses ...` or `(locale)`, found `{w}`"))),
        }
    }
    check_turn(&turn, text.is_some(), at)?;
    Ok(turn)
}

fn button(name: &str, at: &Cursor, column: usize) -> Result<ButtonKind, ScriptError> {
    Ok(match name {
        "more" => ButtonKind::More,
        "previous" => ButtonKind::Previous,
        "next" => ButtonKind::Next,
        "show" => ButtonKind::Show,
        "helpful" => ButtonKind::Helpful,
        "unhelpful" => ButtonKind::Unhelpful,
        other => return Err(at.error(column, format!("expected a button (more, previous, next, show, helpful or unhelpful), found `{other}`"))),
    })
}

/// What a turn's way of reaching the bot requires of it.
fn check_turn(turn: &Turn, has_text: bool, at: &Cursor) -> Result<(), ScriptError> {
    match turn.via {
        Via::Button(_) if has_text => Err(at.error(1, "a button press has no message: `member NAME presses next`")),
        Via::Button(_) => Ok(()),
        _ if !has_text => Err(at.error(1, "expected `:` between the speaker and the message")),
        Via::Direct if turn.channel.is_some() => Err(at.error(1, "a turn is either `in DM` or in a channel")),
        Via::Slash if matches!(Command::parse(&turn.text), Command::Malformed(_)) => {
            Err(at.error(1, format!("no slash command says `{}`: a slash command is always well-formed", turn.text)))
        }
        _ => Ok(()),
    }
}

fn expectation(line: &str, at: &Cursor, column: usize) -> Result<ExpectationKind, ScriptError> {
    let (word, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(w, r)| (w, r.trim()));
    let arg_column = column + word.len() + 1;
    let quoted = || quoted_text(rest, at, arg_column);
    Ok(match word {
        "quotes" => ExpectationKind::Quotes(quoted()?),
        "contains" => match rest.strip_prefix("any case") {
            Some(text) => ExpectationKind::ContainsAnyCase(quoted_text(text.trim(), at, arg_column + 9)?),
            None => ExpectationKind::Contains(quoted()?),
        },
        "lacks" => ExpectationKind::Lacks(quoted()?),
        "matches" => {
            let pattern = quoted()?;
            let regex = regex::Regex::new(&pattern).map_err(|e| at.error(arg_column, format!("bad pattern: {e}")))?;
            ExpectationKind::Matches(regex)
        }
        "cites" => cites(rest, CiteRule::Any, at, arg_column)?,
        "only" | "first" | "does" => {
            let (lead, rule) = match word {
                "only" => ("cites", CiteRule::Only),
                "first" => ("quote cites", CiteRule::First),
                _ => ("not cite", CiteRule::Not),
            };
            let place = rest.strip_prefix(lead).ok_or_else(|| at.error(arg_column, format!("expected `{word} {lead} ...`")))?;
            cites(place.trim(), rule, at, arg_column + lead.len() + 1)?
        }
        "is" if rest == "a usage hint" => ExpectationKind::UsageHint,
        "replies" => ExpectationKind::RepliesIn(match rest {
            "in en" => Language::English,
            "in nl" => Language::Dutch,
            other => return Err(at.error(arg_column, format!("expected `replies in en` or `replies in nl`, found `replies {other}`"))),
        }),
        "answers" => ExpectationKind::Answers,
        "declines" => ExpectationKind::Declines,
        "private" => ExpectationKind::Private,
        "public" => ExpectationKind::Public,
        "refuses" => ExpectationKind::Refuses(match rest {
            "" => None,
            "permission" => Some(RefusalKind::Permission),
            "rate-limit" => Some(RefusalKind::RateLimit),
            other => return Err(at.error(arg_column, format!("expected `permission` or `rate-limit`, found `{other}`"))),
        }),
        "shorter" => {
            let n = rest.strip_prefix("than").map(str::trim).and_then(|n| n.parse().ok());
            ExpectationKind::ShorterThan(n.ok_or_else(|| at.error(arg_column, "expected `shorter than N` (characters)"))?)
        }
        other => return Err(at.error(
            column,
            format!("unknown expectation `{other}`; expected quotes, cites, first quote cites, only cites, does not cite, answers, declines, refuses, contains, contains any case, lacks, matches, shorter than, private, public, replies in en|nl or is a usage hint"),
        )),
    })
}

/// `"text"` with `\"` and `\\` escapes.
fn quoted_text(text: &str, at: &Cursor, column: usize) -> Result<String, ScriptError> {
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|_| text.len() >= 2)
        .ok_or_else(|| at.error(column, "expected text in double quotes"))?;
    Ok(inner.replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// `alinea 7`, `paragraph 7 in DOC`, `voetnoot 1`, `ondertekening`, `aanhef`, `kop 2`.
fn cites(text: &str, rule: CiteRule, at: &Cursor, column: usize) -> Result<ExpectationKind, ScriptError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(kind) = words.first().and_then(|w| PassageKind::from_name(w)) else {
        return Err(at.error(column, "expected `alinea N`, `voetnoot N`, `kop N`, `aanhef` or `ondertekening`"));
    };
    let rest = &words[1..];
    let (number, rest) = match rest.first().and_then(|n| n.parse().ok()) {
        Some(n) => (n, &rest[1..]),
        None if matches!(kind, PassageKind::Addressee | PassageKind::Signature) => (1, rest),
        None => return Err(at.error(column, "expected a number after the passage kind")),
    };
    let document = match rest {
        [] => None,
        ["in" | "of" | "van", doc] => Some(doc.to_string()),
        _ => return Err(at.error(column, "expected `in DOCUMENT` or nothing after the number")),
    };
    Ok(ExpectationKind::Cites { kind, number, document, rule })
}

fn duration(text: &str, at: &Cursor, column: usize) -> Result<Duration, ScriptError> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 =
        digits.parse().map_err(|_| at.error(column, "expected a duration such as `30s`, `2m` or `500ms`"))?;
    Ok(match unit.trim() {
        "ms" => Duration::from_millis(n),
        "s" | "" => Duration::from_secs(n),
        "m" | "min" => Duration::from_secs(n * 60),
        "h" => Duration::from_secs(n * 3600),
        other => {
            return Err(
                at.error(column + split, format!("unknown time unit `{other}`; expected ms, s, m or h"))
            )
        }
    })
}

/// `5 per 30s`
fn rate_limit(text: &str, at: &Cursor, column: usize) -> Result<(usize, Duration), ScriptError> {
    let (count, window) = text
        .split_once(" per ")
        .ok_or_else(|| at.error(column, "expected `N per DURATION`, e.g. `5 per 30s`"))?;
    let count = count.trim().parse().map_err(|_| at.error(column, "expected a number of questions"))?;
    Ok((count, duration(window, at, column + text.find(" per ").unwrap_or(0) + 5)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Script, ScriptError> {
        parse(Path::new("t/x.conv"), text)
    }

    #[test]
    fn parses_turns_expectations_and_directives() {
        let script = parse_text(
            "# c\n@rate-limit 2 per 30s\nmember anna in #a (en): Hello?\n  cites alinea 7 in brief\n  quotes \"a \\\"b\\\"\"\n@wait 31s\nmoderator bob: reload\n  private\n",
        )
        .unwrap();
        assert_eq!(script.header.rate_limit, Some((2, Duration::from_secs(30))));
        assert_eq!(script.steps.len(), 3);
        let Step::Turn(turn) = &script.steps[0] else { panic!() };
        assert_eq!(
            (turn.user.as_str(), turn.channel.as_deref(), turn.locale.as_deref()),
            ("anna", Some("#a"), Some("en"))
        );
        assert!(matches!(&turn.expectations[1].kind, ExpectationKind::Quotes(q) if q == "a \"b\""));
    }

    #[test]
    fn direct_messages_slash_commands_button_presses_and_languages_parse() {
        let script = parse_text(
            "member a in DM: Hallo?\n  replies in nl\nmember a via slash: alinea 6\nmember a in #b (en) presses next\n  replies in en\nmember a via mention: meer\n",
        )
        .unwrap();
        let turns: Vec<&Turn> = script.steps.iter().filter_map(|s| if let Step::Turn(t) = s { Some(t) } else { None }).collect();
        assert_eq!(turns.iter().map(|t| t.via).collect::<Vec<_>>(), [
            Via::Direct,
            Via::Slash,
            Via::Button(ButtonKind::Next),
            Via::Mention
        ]);
        assert_eq!((turns[2].channel.as_deref(), turns[2].text.as_str()), (Some("#b"), ""));
        assert!(matches!(turns[0].expectations[0].kind, ExpectationKind::RepliesIn(Language::Dutch)));
        assert!(matches!(turns[2].expectations[0].kind, ExpectationKind::RepliesIn(Language::English)));
    }

    #[test]
    fn turns_that_cannot_reach_the_bot_that_way_are_errors() {
        let error = |text: &str| parse_text(text).unwrap_err().message;
        assert!(error("member a presses again\n").contains("expected a button"));
        assert!(error("member a presses next: volgende\n").contains("has no message"));
        assert!(error("member a via slash: alinea nul\n").contains("no slash command says"));
        assert!(error("member a via post: hoi\n").contains("expected `via mention` or `via slash`"));
        assert!(error("member a in DM in #b: hoi\n").contains("either `in DM` or in a channel"));
        assert!(error("member a: hoi\n  replies in fr\n").contains("`replies in en` or `replies in nl`"));
    }

    #[test]
    fn cite_rules_any_case_and_usage_hints_parse() {
        let script = parse_text(
            "member a: x\n  first quote cites alinea 2 in d\n  only cites aanhef\n  does not cite alinea 3\n  contains any case \"Ab\"\n  is a usage hint\n",
        )
        .expect("parses");
        let Step::Turn(turn) = &script.steps[0] else { panic!("a turn") };
        let shown: Vec<String> = turn.expectations.iter().map(|e| e.kind.to_string()).collect();
        let expected = [
            "first quote cites alinea 2 in d",
            "only cites aanhef 1",
            "does not cite alinea 3",
            "contains any case \"Ab\"",
            "is a usage hint",
        ];
        assert_eq!(shown, expected);
        let err = parse_text("member a: x\n  only quotes alinea 2\n").unwrap_err();
        assert!(err.message.contains("expected `only cites ...`"), "{}", err.message);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = parse_text("member anna: hi\n  cites alinea zeven\n").unwrap_err();
        assert_eq!((err.file.as_str(), err.line, err.column), ("t/x.conv", 2, 9));
        assert!(err.message.contains("number"), "{err}");
        let err = parse_text("visitor x: hi\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
        let err = parse_text("  quotes \"x\"\n").unwrap_err();
        assert!(err.message.contains("turn"));
        let err = parse_text("member a: hi\n  quotes x\n").unwrap_err();
        assert_eq!(err.column, 10);
        let err = parse_text("member a: hi\n@gate g\n").unwrap_err();
        assert!(err.message.contains("before the first turn"));
    }
}
