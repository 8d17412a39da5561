//! From PDF-extracted letter text to passages.
//!
//! Rules (each has a test below and in `tests/parsing.rs`):
//! - a line that begins with a space or a form feed starts a page;
//! - blank lines separate blocks, and so does a page start whose line begins with a capital
//!   after a line that ends a sentence (a new paragraph at the top of a page);
//! - a block that begins with a footnote marker (`"`, `”`, `*`, superscript digit) and ends at a
//!   page start is a footnote; the paragraph it interrupts is joined again, and its marker is
//!   removed from the paragraph that carries it, to which the footnote is linked;
//! - end-of-line hyphens are joined unless they belong to the word (`ICT-`, `wet- en`);
//! - blocks before the addressee are headings, trailing short unpunctuated blocks the
//!   signature, the rest body paragraphs.

use super::{Diagnostic, Passage, PassageKind};
use crate::text::lexicon::Lexicon;

mod blocks;
mod join;

use blocks::{split_blocks, Block};

/// Characters that mark a footnote, in the text and at the start of the footnote itself.
const FOOTNOTE_MARKERS: &[char] = &['"', '”', '“', '*', '†', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Parses a letter. `file` names the source in diagnostics.
pub fn parse_letter(
    file: &str,
    text: &str,
    lexicon: &Lexicon,
) -> (Vec<Passage>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let lines = blocks::lines(text, file, &mut diagnostics);
    let (paragraphs, footnotes) = separate_footnotes(join_place_and_date(split_blocks(&lines)));
    let kinds = classify(&paragraphs);
    let mut passages = number_passages(&paragraphs, &kinds, lexicon);
    for (after, footnote) in footnotes {
        let Some(passage) =
            link_footnote(&mut passages, after, footnote, lexicon, file, &mut diagnostics)
        else {
            continue;
        };
        let position =
            passages.iter().position(|p| p.kind == PassageKind::Signature).unwrap_or(passages.len());
        passages.insert(position, passage);
    }
    // A passage of nothing but a marker has nothing to quote (found by fuzzing: `\n*\n`).
    passages.retain(|p| !p.text.get().trim().is_empty());
    renumber_footnotes(&mut passages);
    (passages, diagnostics)
}

/// An addressee and the place-and-date line after it, written as two blocks (as HTML
/// publications do), are one block, as in a PDF.
fn join_place_and_date(blocks: Vec<Block<'_>>) -> Vec<Block<'_>> {
    let mut joined: Vec<Block> = Vec::new();
    for block in blocks {
        let dated = block.lines.iter().all(|l| blocks::is_place_and_date(l.text));
        match joined.last_mut() {
            Some(addressee) if dated && addressee.lines[0].text.starts_with("Aan ") => {
                addressee.lines.extend(block.lines)
            }
            _ => joined.push(block),
        }
    }
    joined
}

/// Takes footnotes out of the flow (remembering how many paragraphs preceded each) and joins a
/// paragraph that a page break or footnote interrupted.
fn separate_footnotes(blocks: Vec<Block<'_>>) -> (Vec<Block<'_>>, Vec<(usize, Block<'_>)>) {
    let mut paragraphs: Vec<Block> = Vec::new();
    let mut footnotes = Vec::new();
    for block in blocks {
        if block.is_footnote() {
            footnotes.push((paragraphs.len(), block));
            continue;
        }
        match paragraphs.last_mut() {
            Some(previous) if block.continues(previous) => previous.lines.extend(block.lines),
            _ => paragraphs.push(block),
        }
    }
    (paragraphs, footnotes)
}

fn classify(blocks: &[Block<'_>]) -> Vec<PassageKind> {
    let addressee = blocks.iter().position(Block::looks_like_addressee);
    let mut kinds: Vec<PassageKind> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| match addressee {
            Some(a) if i < a => PassageKind::Heading,
            Some(a) if i == a => PassageKind::Addressee,
            None if i == 0 && block.looks_like_heading() => PassageKind::Heading,
            _ => PassageKind::Body,
        })
        .collect();
    for i in (0..blocks.len()).rev() {
        if kinds[i] != PassageKind::Body || !blocks[i].looks_like_signature() {
            break;
        }
        kinds[i] = PassageKind::Signature;
    }
    kinds
}

fn number_passages(
    blocks: &[Block<'_>],
    kinds: &[PassageKind],
    lexicon: &Lexicon,
) -> Vec<Passage> {
    let mut passages: Vec<Passage> = Vec::new();
    for (block, &kind) in blocks.iter().zip(kinds) {
        let separator = if kind == PassageKind::Body { " " } else { "\n" };
        let text = join::join_lines(block.lines.iter().map(|l| l.text), separator, lexicon);
        if kind == PassageKind::Signature {
            if let Some(last) = passages.last_mut().filter(|p| p.kind == PassageKind::Signature) {
                last.text = format!("{}\n{text}", last.text.get()).into();
                last.pages.1 = block.last_page();
                continue;
            }
        }
        let number = passages.iter().filter(|p| p.kind == kind).count() as u32 + 1;
        passages.push(Passage {
            kind,
            number,
            pages: (block.first_page(), block.last_page()),
            line: block.lines[0].no as u32,
            annotates: None,
            text: text.into(),
        });
    }
    passages
}

/// Builds the footnote passage, removes its marker from the body paragraph before it that
/// carries one, and links the two.
fn link_footnote(
    passages: &mut [Passage],
    paragraphs_before: usize,
    block: Block<'_>,
    lexicon: &Lexicon,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Passage> {
    let raw = join::join_lines(block.lines.iter().map(|l| l.text), " ", lexicon);
    let text = raw.trim_start_matches(FOOTNOTE_MARKERS).trim_start().to_string();
    if text.trim().is_empty() {
        return None;
    }
    let page = block.first_page();
    let before = paragraphs_before.min(passages.len());
    let carrier = passages[..before]
        .iter_mut()
        .rev()
        .filter(|p| p.kind == PassageKind::Body && p.pages.0 <= page && page <= p.pages.1 + 1)
        .find_map(|p| remove_marker_of(p).then_some(p.number));
    if carrier.is_none() {
        diagnostics.push(Diagnostic {
            file: file.to_string(),
            line: block.lines[0].no,
            message: "footnote without a marker in the text before it; left unlinked".into(),
        });
    }
    Some(Passage {
        kind: PassageKind::Footnote,
        number: 0,
        pages: (page, block.last_page()),
        line: block.lines[0].no as u32,
        annotates: carrier,
        text: text.into(),
    })
}

fn renumber_footnotes(passages: &mut [Passage]) {
    let mut n = 0;
    for p in passages.iter_mut().filter(|p| p.kind == PassageKind::Footnote) {
        n += 1;
        p.number = n;
    }
}

/// [`remove_marker`] on a passage's text.
fn remove_marker_of(passage: &mut Passage) -> bool {
    let mut text = passage.text.get().into_owned();
    let removed = remove_marker(&mut text);
    if removed {
        passage.text = text.into();
    }
    removed
}

/// Removes the last footnote marker that is not part of a quotation: a closing quote with no
/// opening quote before it, or an odd straight quote, directly after a word or punctuation.
fn remove_marker(text: &mut String) -> bool {
    let opening = text.matches('“').count();
    let closing = text.matches('”').count();
    let straight = text.matches('"').count();
    let candidate = text.char_indices().rev().find(|&(i, c)| {
        let after_word = text[..i].chars().last().is_some_and(|p| !p.is_whitespace());
        let unbalanced = match c {
            '”' => closing > opening,
            '"' => straight % 2 == 1,
            '“' => false,
            other => FOOTNOTE_MARKERS.contains(&other),
        };
        unbalanced && after_word
    });
    match candidate {
        Some((i, _)) => {
            text.remove(i);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;
