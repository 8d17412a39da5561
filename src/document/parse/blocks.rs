//! Lines with their pages, and blocks of lines (paragraph candidates).

use super::FOOTNOTE_MARKERS;
use crate::document::metadata::MONTHS_NL;
use crate::document::Diagnostic;

/// A source line: its number, page, trimmed text and whether it starts a page.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub no: usize,
    pub page: u32,
    pub text: &'a str,
    pub page_start: bool,
}

/// Consecutive non-blank lines.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub lines: Vec<Line<'a>>,
    /// Whether the line after the block starts a page (or the text ends there).
    pub ends_page: bool,
}

/// Splits text into lines, numbering pages: a line that begins with a space or form feed
/// starts a new page (the first line is always on page 1).
pub fn lines<'a>(text: &'a str, file: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Line<'a>> {
    let mut page = 1;
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let page_start = raw.starts_with([' ', '\u{c}']);
        if page_start && i > 0 {
            page += 1;
        }
        if raw.chars().any(|c| c.is_control() && c != '\u{c}' && c != '\t') {
            diagnostics.push(Diagnostic {
                file: file.to_string(),
                line: i + 1,
                message: "control characters in the line were ignored".into(),
            });
        }
        let text = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
        out.push(Line { no: i + 1, page, text, page_start });
    }
    out
}

pub fn split_blocks<'a>(lines: &[Line<'a>]) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block<'a>> = Vec::new();
    let mut current: Vec<Line<'a>> = Vec::new();
    for line in lines {
        let breaks = line.text.is_empty()
            || (line.page_start && current.last().is_some_and(|prev| starts_new_block(&current, prev, line)));
        if breaks && !current.is_empty() {
            blocks.push(Block { lines: std::mem::take(&mut current), ends_page: line.page_start });
        }
        if !line.text.is_empty() {
            current.push(*line);
        }
    }
    if !current.is_empty() {
        blocks.push(Block { lines: current, ends_page: true });
    }
    mark_page_ends(&mut blocks, lines);
    blocks
}

/// A page start begins a new block after a footnote, or when it opens a sentence with a
/// capital after a line that ended one.
fn starts_new_block(current: &[Line<'_>], prev: &Line<'_>, line: &Line<'_>) -> bool {
    let in_footnote = current.first().is_some_and(|l| l.text.starts_with(FOOTNOTE_MARKERS));
    in_footnote || (ends_sentence(prev.text) && starts_with_capital(line.text))
}

/// A block ends a page when the next non-blank line starts one.
fn mark_page_ends(blocks: &mut [Block<'_>], lines: &[Line<'_>]) {
    for block in blocks.iter_mut() {
        let last = block.lines.last().map_or(0, |l| l.no);
        block.ends_page =
            lines.iter().skip(last).find(|l| !l.text.is_empty() || l.page_start).is_none_or(|l| l.page_start);
    }
}

pub fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', ')', '\'']).ends_with(['.', '!', '?', ':', ';'])
}

fn starts_with_capital(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

impl Block<'_> {
    pub fn first_page(&self) -> u32 {
        self.lines[0].page
    }

    pub fn last_page(&self) -> u32 {
        self.lines[self.lines.len() - 1].page
    }

    /// Starts with a footnote marker and ends at a page break.
    pub fn is_footnote(&self) -> bool {
        self.ends_page && self.lines[0].text.starts_with(FOOTNOTE_MARKERS)
    }

    /// This block carries on the sentence `previous` left unfinished at a page break.
    pub fn continues(&self, previous: &Block<'_>) -> bool {
        self.lines[0].page_start
            && starts_lowercase(self.lines[0].text)
            && !ends_sentence(previous.lines[previous.lines.len() - 1].text)
    }

    /// `Aan de Voorzitter ...`, or a line like `Den Haag, 7 april 2014`.
    pub fn looks_like_addressee(&self) -> bool {
        self.lines[0].text.starts_with("Aan ") || self.lines.iter().any(|l| is_place_and_date(l.text))
    }

    /// A title: short lines, no full stop at the end.
    pub fn looks_like_heading(&self) -> bool {
        self.lines.len() <= 4 && !ends_sentence(self.lines[self.lines.len() - 1].text)
    }

    /// A closing or signature: at most four short lines, none ending a sentence.
    pub fn looks_like_signature(&self) -> bool {
        self.lines.len() <= 4
            && self
                .lines
                .iter()
                .all(|l| l.text.chars().count() <= SIGNATURE_LINE_MAX && !ends_sentence(l.text))
    }
}

/// Longest line of a signature block: `De Staatssecretaris van Binnenlandse Zaken en
/// Koninkrijksrelaties,` has 66 characters.
const SIGNATURE_LINE_MAX: usize = 80;

/// `Den Haag, 7 april 2014`: a place, a comma, day, Dutch month name and year.
pub fn is_place_and_date(text: &str) -> bool {
    let Some((_, date)) = text.rsplit_once(',') else { return false };
    let words: Vec<&str> = date.split_whitespace().collect();
    matches!(words.as_slice(), [day, month, year]
        if day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
            && MONTHS_NL.contains(&month.to_lowercase().as_str())
            && year.len() == 4 && year.parse::<u16>().is_ok())
}
