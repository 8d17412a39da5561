use super::pack::{BLOCK_BYTES, MAX_BLOCK_BYTES};
use super::*;

/// Letter-like sentences, with multi-byte characters (`é`, `–`, `€`) at the start and end
/// of passages and wherever a block may end.
fn passages(count: usize, words: usize) -> Vec<String> {
    (0..count)
        .map(|p| {
            let body: Vec<String> = (0..words).map(|w| format!("wóórd{}€{}", (p * 7 + w) % 53, w % 5)).collect();
            format!("é{p} – {}. Zo ging het gesprek verder over de begroting –", body.join(" "))
        })
        .collect()
}

fn packed(texts: &[String]) -> Vec<PassageText> {
    let mut held: Vec<PassageText> = texts.iter().map(|t| PassageText::from(t.as_str())).collect();
    Packer::default().pack(held.iter_mut(), []);
    held
}

#[test]
fn packed_texts_read_back_as_they_were_written() {
    // 200 passages of about 1 KB: several blocks, multi-byte characters at their edges.
    let texts = passages(200, 120);
    let held = packed(&texts);
    assert!(held.iter().all(PassageText::is_packed), "letter text compresses");
    let mut reader = TextReader::default();
    for (text, held) in texts.iter().zip(&held) {
        assert_eq!(held.get(), text.as_str());
        assert_eq!(reader.read(held), text.as_str());
        assert_eq!(held.len(), text.len());
    }
}

#[test]
fn a_block_holds_about_its_share_at_most_its_most_and_a_longer_passage_is_one_of_its_own() {
    let mut texts = passages(400, 120);
    texts.insert(7, passages(1, 3000).remove(0));
    assert!(texts[7].len() > MAX_BLOCK_BYTES);
    let held = packed(&texts);
    for (i, pair) in held.windows(2).enumerate() {
        assert!(!(pair[0].same_block(&pair[1]) && (i == 6 || i == 7)), "the long passage shares its block ({i})");
    }
    let mut by_block: std::collections::HashMap<*const Block, usize> = Default::default();
    for (text, held) in texts.iter().zip(&held) {
        *by_block.entry(Arc::as_ptr(&held.block)).or_default() += text.len();
    }
    let shared: Vec<usize> = by_block.into_values().filter(|&bytes| bytes != texts[7].len()).collect();
    assert!(shared.iter().all(|&bytes| bytes <= MAX_BLOCK_BYTES), "{shared:?}");
    let mean = shared.iter().sum::<usize>() / shared.len();
    assert!((BLOCK_BYTES / 2..2 * BLOCK_BYTES).contains(&mean), "blocks of {mean} bytes on average");
    assert_eq!(held[7].get(), texts[7].as_str());
}

#[test]
fn text_that_does_not_shrink_stays_plain_and_equal_texts_are_equal_however_held() {
    let short = packed(&["Kort.".to_string()]);
    assert!(!short[0].is_packed(), "five bytes do not shrink");
    assert_eq!(short[0].get(), "Kort.");
    let texts = passages(20, 120);
    let held = packed(&texts);
    assert_eq!(held[3], PassageText::from(texts[3].as_str()));
    assert_ne!(held[3], held[4]);
}

#[test]
fn a_block_that_does_not_decompress_reads_as_empty_text_not_a_panic() {
    let broken = Block { data: Data::Zstd { compressed: vec![1, 2, 3].into(), hash: 0 }, len: 10 };
    assert_eq!(broken.text(None), "");
    let text = PassageText { block: Arc::new(broken), start: 0, end: 10 };
    assert_eq!(text.get(), "");
    assert_eq!(TextReader::default().read(&text), "");
}

#[test]
fn a_repacked_document_shares_the_blocks_its_edit_did_not_touch() {
    let mut texts = passages(300, 40);
    let before = packed(&texts);
    texts.insert(150, "Een alinea die een moderator toevoegde.".into());
    let mut after: Vec<PassageText> = texts.iter().map(|t| PassageText::from(t.as_str())).collect();
    Packer::default().pack(after.iter_mut(), before.iter());
    let shared = after.iter().filter(|a| before.iter().any(|b| b.same_block(a))).count();
    assert!(shared >= 200, "{shared} of 301 passages in blocks shared with the version before");
    for (text, after) in texts.iter().zip(&after) {
        assert_eq!(after.get(), text.as_str());
    }
}
