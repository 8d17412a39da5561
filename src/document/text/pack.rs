//! Packing a document's passage texts into zstd-compressed blocks, sharing the blocks an
//! earlier version of the document already holds.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Block, Data, PassageText, TextReader};

/// Text a block holds on average: zstd compresses blocks of 4 KiB about 5% less and blocks
/// of 16 KiB about 4% better, and reading a passage decompresses its block.
pub(super) const BLOCK_BYTES: usize = 8 * 1024;

/// Text a block holds at most, unless one passage is longer (it is then a block of its own).
pub(super) const MAX_BLOCK_BYTES: usize = 4 * BLOCK_BYTES;

/// zstd's fastest level: on letters it compresses about as well as its default (3), at
/// twice the speed.
const LEVEL: i32 = 1;

/// A block that would not shrink below this share of its text is kept plain.
const WORTH_PACKING: f64 = 0.9;

/// Packs documents' texts, with zstd contexts used again from one document to the next
/// (making one costs about as much as compressing a block).
#[derive(Default)]
pub struct Packer {
    compressor: Option<zstd::bulk::Compressor<'static>>,
    reader: TextReader,
}

impl Packer {
    /// Packs the texts into blocks. A passage ends its block with a chance of its length in
    /// [`BLOCK_BYTES`], decided by a hash of its text (`hash mod BLOCK_BYTES < length`), so
    /// blocks hold about [`BLOCK_BYTES`] of text and where they end depends on the passages'
    /// texts, not on their positions: an edit changes the block it falls in and leaves the
    /// others as they were (content-defined chunking, as in rsync). A block ends anyway
    /// before it would pass [`MAX_BLOCK_BYTES`]. A block whose text one of `before`'s blocks
    /// holds (the version of the document being served) is shared with it, not compressed
    /// again. A block that compresses badly is kept plain.
    pub fn pack<'a, 'b>(
        &mut self,
        texts: impl IntoIterator<Item = &'a mut PassageText>,
        before: impl IntoIterator<Item = &'b PassageText>,
    ) {
        let before = blocks_by_hash(before);
        let mut pending: Vec<&mut PassageText> = Vec::new();
        let mut bytes = 0;
        for text in texts {
            if bytes > 0 && bytes + text.len() > MAX_BLOCK_BYTES {
                self.pack_block(&mut pending, &before);
                bytes = 0;
            }
            bytes += text.len();
            let ends_here = ends_block(&text.get());
            pending.push(text);
            if ends_here {
                self.pack_block(&mut pending, &before);
                bytes = 0;
            }
        }
        self.pack_block(&mut pending, &before);
    }

    fn pack_block(&mut self, texts: &mut Vec<&mut PassageText>, before: &HashMap<u64, Arc<Block>>) {
        if texts.is_empty() {
            return;
        }
        let joined: String = texts.iter().map(|t| t.get()).collect();
        let hash = hash_of(&joined);
        let held_before = before.get(&hash).filter(|block| self.reader.block_text(block) == joined);
        let block = match held_before {
            Some(block) => Arc::clone(block),
            None => {
                let len = joined.len() as u32;
                let data = match self.compress(&joined) {
                    Some(compressed) => Data::Zstd { compressed, hash },
                    None => Data::Plain(joined.into()),
                };
                Arc::new(Block { data, len })
            }
        };
        let mut start = 0;
        for text in texts.drain(..) {
            let end = start + text.len() as u32;
            *text = PassageText { block: Arc::clone(&block), start, end };
            start = end;
        }
    }

    /// `text` compressed, if that makes it worth packing.
    fn compress(&mut self, text: &str) -> Option<Box<[u8]>> {
        if self.compressor.is_none() {
            self.compressor = zstd::bulk::Compressor::new(LEVEL).ok();
        }
        let compressed = self.compressor.as_mut()?.compress(text.as_bytes()).ok()?;
        ((compressed.len() as f64) < WORTH_PACKING * text.len() as f64).then(|| compressed.into())
    }
}

/// Whether a passage with this text ends its block: one with a chance of its length in
/// [`BLOCK_BYTES`] (always from that length on).
fn ends_block(text: &str) -> bool {
    hash_of(text) % (BLOCK_BYTES as u64) < text.len() as u64
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The compressed blocks of `texts`, by the hash of the text each holds.
fn blocks_by_hash<'b>(texts: impl IntoIterator<Item = &'b PassageText>) -> HashMap<u64, Arc<Block>> {
    let mut blocks = HashMap::new();
    for text in texts {
        if let Data::Zstd { hash, .. } = text.block.data {
            blocks.entry(hash).or_insert_with(|| Arc::clone(&text.block));
        }
    }
    blocks
}
