//! Choosing what to quote from a passage: the whole passage when it is short, otherwise the
//! sentences that hold the matched words, in reading order, with `…` where text is left out.
//!
//! Invariant: every span is a byte range of the passage text on char boundaries, so the quote
//! is made of exact slices; only `…` and spaces are added between them.

use std::ops::Range;

/// Passages up to this many characters are quoted whole.
pub const QUOTE_WHOLE_MAX: usize = 450;
/// A quote of selected sentences stays under this many characters where it can (a single
/// longer sentence is still quoted whole: never a cut-off sentence).
pub const QUOTE_BUDGET: usize = 600;
/// Sentences quoted at most.
const MAX_SENTENCES: usize = 3;

/// Byte range of a quoted slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Sentence ranges: a sentence ends at `.`, `!` or `?` (or closing quote after one) followed
/// by a space and a capital, so `nr. 28` and `2013/14.` inside brackets do not split.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut next = k + 1;
        while let Some(&(j, q)) = chars.get(next).filter(|(_, q)| matches!(q, '”' | '"' | '’' | ')')) {
            end = j + q.len_utf8();
            next += 1;
        }
        let followed_by_capital = chars.get(next).is_some_and(|(_, s)| s.is_whitespace())
            && chars.get(next + 1).is_some_and(|(_, n)| n.is_uppercase());
        if followed_by_capital {
            out.push(Span { start, end });
            start = chars[next + 1].0;
        }
    }
    if start < text.len() {
        out.push(Span { start, end: text.trim_end().len() });
    }
    out
}

/// The spans to quote for these matched stems.
pub fn select(text: &str, matched: &[Range<usize>]) -> Vec<Span> {
    if text.chars().count() <= QUOTE_WHOLE_MAX {
        return vec![Span { start: 0, end: text.len() }];
    }
    let all = sentences(text);
    let weights: Vec<usize> = all.iter().map(|s| matches_in(matched, *s)).collect();
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| weights[b].cmp(&weights[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut length = 0;
    for i in order.into_iter().take(MAX_SENTENCES) {
        let len = text[all[i].start..all[i].end].chars().count();
        let fits = chosen.is_empty() || (weights[i] > 0 && length + len <= QUOTE_BUDGET);
        if fits {
            chosen.push(i);
            length += len;
        }
    }
    chosen.sort_unstable();
    merge_adjacent(chosen.iter().map(|&i| all[i]).collect(), text)
}

fn matches_in(matched: &[Range<usize>], span: Span) -> usize {
    matched.iter().filter(|t| t.start >= span.start && t.end <= span.end).count()
}

/// Joins spans separated only by whitespace into one.
fn merge_adjacent(spans: Vec<Span>, text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        match out.last_mut() {
            Some(last) if text[last.end..span.start].trim().is_empty() => last.end = span.end,
            _ => out.push(span),
        }
    }
    out
}

/// The quote as shown: the spans, with `…` where text was left out.
pub fn render(text: &str, spans: &[Span]) -> String {
    let mut out = String::new();
    for (i, span) in spans.iter().enumerate() {
        if i > 0 || span.start > 0 {
            out.push_str(if out.is_empty() { "… " } else { " … " });
        }
        out.push_str(&text[span.start..span.end]);
    }
    if spans.last().is_some_and(|s| !text[s.end..].trim().is_empty()) {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_split_at_abbreviations() {
        let text = "Zie nr. 28, item 8. Het kabinet duidt. Dit “citaat.” Einde";
        let parts: Vec<&str> = sentences(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(parts, ["Zie nr. 28, item 8.", "Het kabinet duidt.", "Dit “citaat.”", "Einde"]);
    }

    #[test]
    fn render_marks_left_out_text() {
        let text = "Een. Twee. Drie.";
        let spans = [Span { start: 5, end: 10 }];
        assert_eq!(render(text, &spans), "… Twee. …");
        assert_eq!(render(text, &[Span { start: 0, end: 4 }, Span { start: 11, end: 16 }]), "Een. … Drie.");
    }
}
