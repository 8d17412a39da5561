//! From an uploaded file to text in the documents format: the format is told by the content
//! (never by the name), PDF text comes page by page through `pdf-extract`, HTML and the XML
//! of official publications through `scraper` (one paragraph per block element), plain text
//! as it is. Pages after the first start with a form feed; no other line starts with white
//! space, since the document parser reads that as a page start.

use std::panic::{catch_unwind, AssertUnwindSafe};

use scraper::{ElementRef, Html, Selector};

use super::ImportError;

/// What an upload turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    /// HTML, or the XML of an official publication.
    Markup,
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Markup => "HTML/XML",
            Format::Text => "text",
        }
    }
}

/// The format, from the first bytes: `%PDF-`, a markup tag, or UTF-8 text without control
/// characters other than white space.
pub fn detect(bytes: &[u8]) -> Result<Format, ImportError> {
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::UnknownFormat)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
        return Err(ImportError::UnknownFormat);
    }
    let start: String = text.trim_start().chars().take(200).collect::<String>().to_lowercase();
    let markup = start.starts_with("<?xml") || start.starts_with("<!doctype html") || start.starts_with("<html");
    Ok(if markup { Format::Markup } else { Format::Text })
}

/// The pages of the upload's text.
pub fn pages(format: Format, bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    let pages = match format {
        Format::Pdf => pdf_pages(bytes)?,
        Format::Markup => vec![markup_text(std::str::from_utf8(bytes).unwrap_or_default())],
        Format::Text => text_pages(std::str::from_utf8(bytes).unwrap_or_default()),
    };
    let pages: Vec<String> = pages.iter().map(|p| tidy(p)).collect();
    match pages.iter().all(|p| p.trim().is_empty()) {
        true => Err(ImportError::NoText),
        false => Ok(pages),
    }
}

/// The pages joined in the documents format: a form feed before each page after the first.
pub fn as_document_text(pages: &[String]) -> String {
    let mut text = pages.join("\n\u{c}");
    text.push('\n');
    text
}

/// PDF pages by `pdf-extract`; a panic inside it (malformed files can cause one) is an
/// unreadable PDF, not a crash.
fn pdf_pages(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    match catch_unwind(AssertUnwindSafe(|| pdf_extract::extract_text_from_mem_by_pages(bytes))) {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(error)) => Err(ImportError::BadPdf(error.to_string())),
        Err(_) => Err(ImportError::BadPdf("the PDF could not be read".into())),
    }
}

/// A text file's pages: split at form feeds.
fn text_pages(text: &str) -> Vec<String> {
    text.split('\u{c}').map(str::to_string).collect()
}

/// Block elements whose text is a paragraph: HTML's, and those of the XML of official
/// publications (`al` alinea, `tussenkop`, `titel`, `kop`).
const BLOCKS: &str = "p, h1, h2, h3, h4, h5, h6, li, blockquote, al, tussenkop, titel, kop";

/// The text of every innermost block element, one paragraph each (a `<br>` keeps its line
/// break); scripts and styles left out.
fn markup_text(markup: &str) -> String {
    let breaks = regex::Regex::new(r"(?i)<br\s*/?>").expect("a valid pattern");
    let document = Html::parse_document(&breaks.replace_all(markup, "\n"));
    let blocks = Selector::parse(BLOCKS).expect("a valid selector");
    let innermost = |e: &ElementRef| !e.select(&blocks).any(|inner| inner.id() != e.id());
    let paragraphs: Vec<String> = document
        .select(&blocks)
        .filter(innermost)
        .map(|e| {
            let text = e.text().collect::<String>();
            let lines = text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
            lines.filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Lines without leading white space (the parser reads it as a page start), no carriage
/// returns, no blank lines before or after.
fn tidy(page: &str) -> String {
    let lines: Vec<&str> = page.lines().map(|l| l.trim_start().trim_end_matches('\r')).collect();
    lines.join("\n").trim_matches(['\n', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_told_by_the_content() {
        assert_eq!(detect(b"%PDF-1.4\n...").unwrap(), Format::Pdf);
        assert_eq!(detect(b"  <!DOCTYPE html><html>").unwrap(), Format::Markup);
        assert_eq!(detect("\u{feff}<?xml version=\"1.0\"?><kamerstuk/>".as_bytes()).unwrap(), Format::Markup);
        assert_eq!(detect("Brief van de minister\n\nTekst.".as_bytes()).unwrap(), Format::Text);
        let markup_after_accents = format!("<!DOCTYPE html><title>x{}</title>", "é".repeat(150));
        assert_eq!(detect(markup_after_accents.as_bytes()).unwrap(), Format::Markup);
        assert!(matches!(detect(b"\x89PNG\r\n\x1a\n\0\0"), Err(ImportError::UnknownFormat)));
        assert!(matches!(detect(b"tekst met \0 nul"), Err(ImportError::UnknownFormat)));
    }

    #[test]
    fn markup_gives_one_paragraph_per_innermost_block() {
        let html = "<html><head><script>var x;</script></head><body><h1>Titel</h1>\
                    <ul><li><p>Een   lid.</p></li></ul><div><al>Een <b>alinea</b>.</al></div><p>De minister,<BR/>A. B.</p></body></html>";
        assert_eq!(markup_text(html), "Titel\n\nEen lid.\n\nEen alinea.\n\nDe minister,\nA. B.");
    }

    #[test]
    fn pages_keep_no_leading_space_and_join_with_form_feeds() {
        let pages = pages(Format::Text, " Kop\n  regel\r\n\u{c} Tweede".as_bytes()).unwrap();
        assert_eq!(pages, ["Kop\nregel", "Tweede"]);
        assert_eq!(as_document_text(&pages), "Kop\nregel\n\u{c}Tweede\n");
        assert!(matches!(super::pages(Format::Text, b" \n \n"), Err(ImportError::NoText)));
    }
}
