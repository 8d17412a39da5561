//! A passage's cleaned text, held plainly while a document is parsed and compressed once it
//! is loaded: the passages of a document are packed into blocks of about 8 KiB of text, each
//! compressed with zstd (see `pack.rs`), and a passage keeps its block and where it lies in
//! it. At 10,000 letters the text was most of an index's memory, and a reload holds two
//! indexes.
//!
//! Reading a packed text decompresses its block (a few microseconds): the index reads text
//! only for quotes and for the few checks that need more than word ids, through a
//! [`TextReader`] that keeps the last block it decompressed and its zstd context.
//!
//! Invariants: [`PassageText::get`] gives back exactly the text that was packed (quotes are
//! slices of it); two texts are equal when their contents are, however they are held.

mod pack;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

pub use pack::Packer;

/// The cleaned text of a passage: bytes `start..end` of its block's text.
#[derive(Clone)]
pub struct PassageText {
    block: Arc<Block>,
    start: u32,
    end: u32,
}

/// The text of one or more passages, one after another.
struct Block {
    data: Data,
    /// Bytes of the text it holds.
    len: u32,
}

enum Data {
    Plain(Box<str>),
    /// `hash`: FxHash of the text (a reload looks for the blocks it already holds by it;
    /// plain blocks are a parsed passage's own or text that would not shrink, never shared).
    Zstd { compressed: Box<[u8]>, hash: u64 },
}

impl PassageText {
    /// The text, decompressed when it is packed.
    pub fn get(&self) -> Cow<'_, str> {
        let range = self.start as usize..self.end as usize;
        match &self.block.data {
            Data::Plain(text) => Cow::Borrowed(text.get(range).unwrap_or_default()),
            Data::Zstd { .. } => Cow::Owned(self.block.text(None).get(range).unwrap_or_default().to_string()),
        }
    }

    /// Bytes of the text.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether both texts lie in one compressed block (shared between two versions of a
    /// document, or two passages of one).
    pub fn same_block(&self, other: &PassageText) -> bool {
        self.is_packed() && Arc::ptr_eq(&self.block, &other.block)
    }

    fn is_packed(&self) -> bool {
        matches!(self.block.data, Data::Zstd { .. })
    }

    /// Heap bytes this text holds: its share of its block (for the `memory` example).
    pub fn heap_bytes(&self) -> usize {
        let bytes = match &self.block.data {
            Data::Plain(text) => text.len(),
            Data::Zstd { compressed, .. } => compressed.len(),
        };
        let share = self.len() as f64 / f64::from(self.block.len.max(1));
        (share * (bytes + size_of::<Block>() + 16) as f64).round() as usize
    }
}

impl Block {
    fn plain(text: Box<str>) -> Block {
        Block { len: text.len() as u32, data: Data::Plain(text) }
    }

    /// The block's text, decompressed with `context` if there is one; empty (and logged) if it
    /// does not decompress, which would be a bug: it was compressed here.
    fn text(&self, context: Option<&mut zstd::bulk::Decompressor>) -> Cow<'_, str> {
        let compressed = match &self.data {
            Data::Plain(text) => return Cow::Borrowed(text),
            Data::Zstd { compressed, .. } => compressed,
        };
        let decompressed = match context {
            Some(context) => context.decompress(compressed, self.len as usize),
            None => zstd::bulk::decompress(compressed, self.len as usize),
        };
        match decompressed.map_err(|e| e.to_string()).and_then(|b| String::from_utf8(b).map_err(|e| e.to_string())) {
            Ok(text) => Cow::Owned(text),
            Err(error) => {
                tracing::error!(%error, "a packed passage text does not decompress");
                Cow::Borrowed("")
            }
        }
    }
}

/// Reads texts one after another, decompressing a block once for all its passages read in a
/// row (a build reads every passage; a question, the candidates of one document together),
/// with one zstd context for all (making one costs as much as decompressing a block).
#[derive(Default)]
pub struct TextReader {
    last: Option<(Arc<Block>, String)>,
    context: Option<zstd::bulk::Decompressor<'static>>,
}

impl TextReader {
    pub fn read<'a>(&'a mut self, text: &'a PassageText) -> &'a str {
        let range = text.start as usize..text.end as usize;
        self.block_text(&text.block).get(range).unwrap_or_default()
    }

    /// The whole text of `block`.
    fn block_text<'a>(&'a mut self, block: &'a Arc<Block>) -> &'a str {
        if let Data::Plain(text) = &block.data {
            return text;
        }
        if !self.last.as_ref().is_some_and(|(last, _)| Arc::ptr_eq(last, block)) {
            if self.context.is_none() {
                self.context = zstd::bulk::Decompressor::new().ok();
            }
            let text = block.text(self.context.as_mut()).into_owned();
            self.last = Some((Arc::clone(block), text));
        }
        self.last.as_ref().map_or("", |(_, text)| text.as_str())
    }
}

impl From<String> for PassageText {
    fn from(text: String) -> PassageText {
        let block = Arc::new(Block::plain(text.into()));
        PassageText { start: 0, end: block.len, block }
    }
}

impl From<&str> for PassageText {
    fn from(text: &str) -> PassageText {
        PassageText::from(text.to_string())
    }
}

impl PartialEq for PassageText {
    fn eq(&self, other: &PassageText) -> bool {
        let same_place = Arc::ptr_eq(&self.block, &other.block) && self.start == other.start;
        self.len() == other.len() && (same_place || self.get() == other.get())
    }
}

impl Eq for PassageText {}

impl fmt::Debug for PassageText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.get(), f)
    }
}

impl fmt::Display for PassageText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.get())
    }
}

impl serde::Serialize for PassageText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.get())
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
