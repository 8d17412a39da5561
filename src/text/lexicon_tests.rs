//! Tests of `lexicon.rs`: the word list, word frequencies, compound splits and slips.

use super::*;

#[test]
fn an_english_slip_is_the_far_commoner_word_one_edit_away() {
    let lex = Lexicon::default();
    assert_eq!(lex.english_neighbour("goverment", 5).as_deref(), Some("government"));
    assert_eq!(lex.english_neighbour("municipalites", 5).as_deref(), Some("municipalities"));
    // A word in its own right stays as typed, however close a commoner word is.
    assert_eq!(lex.english_neighbour("stat", 4), None);
    assert_eq!(lex.english_neighbour("founded", 5), None);
}

/// The brute-force definition `ocr_neighbour` must agree with: every ASCII string one
/// deletion, swap, substitution or insertion away, looked up one by one.
fn brute_force_neighbour(lex: &Lexicon, word: &str) -> Option<String> {
    let bytes = word.as_bytes();
    let mut variants: Vec<Vec<u8>> = Vec::new();
    for i in 0..bytes.len() {
        variants.push([&bytes[..i], &bytes[i + 1..]].concat());
        if i + 1 < bytes.len() {
            let mut swapped = bytes.to_vec();
            swapped.swap(i, i + 1);
            variants.push(swapped);
        }
    }
    for i in 0..=bytes.len() {
        for c in b'a'..=b'z' {
            variants.push([&bytes[..i], &[c], &bytes[i..]].concat());
            if i < bytes.len() && bytes[i] != c {
                variants.push([&bytes[..i], &[c], &bytes[i + 1..]].concat());
            }
        }
    }
    let found: std::collections::BTreeSet<String> = variants
        .into_iter()
        .filter_map(|v| String::from_utf8(v).ok())
        .filter(|v| v != word && lex.contains(v))
        .collect();
    (found.len() == 1 && !lex.contains(word)).then(|| found.into_iter().next().unwrap())
}

#[test]
fn ocr_neighbour_agrees_with_trying_every_variant() {
    let lex = Lexicon::default();
    let words =
        ["horizontale", "participatie", "verzorgingsstaat", "gemeenten", "wijkteams", "initiatieven"];
    for word in words {
        let bytes = word.as_bytes();
        for i in 0..bytes.len() {
            let mut slips =
                vec![[&bytes[..i], &bytes[i + 1..]].concat(), [&bytes[..i], b"x", &bytes[i..]].concat()];
            if i + 1 < bytes.len() {
                let mut swapped = bytes.to_vec();
                swapped.swap(i, i + 1);
                slips.push(swapped);
            }
            for slip in slips {
                let slip = String::from_utf8(slip).unwrap();
                assert_eq!(lex.ocr_neighbour(&slip, 1), brute_force_neighbour(&lex, &slip), "{slip}");
            }
        }
    }
}

fn no_function_words(_: &str) -> bool {
    false
}

#[test]
fn knows_dutch_words_and_not_slips() {
    let lex = Lexicon::default();
    assert!(lex.contains("belastingen"));
    assert!(lex.contains("hierarchie"));
    assert!(!lex.contains("horziontale"));
}

#[test]
fn splits_compounds_into_known_parts() {
    let lex = Lexicon::default();
    let split = |w| lex.split_compound(w, &no_function_words);
    assert_eq!(split("inbraakpreventie").unwrap(), ["inbraak", "preventie"]);
    assert_eq!(split("verzorgingsstaat").unwrap(), ["verzorging", "staat"]);
    assert_eq!(split("zorgprofessionals").unwrap(), ["zorg", "professionals"]);
    assert_eq!(split("kamerlid").unwrap(), ["kamer", "lid"]);
    assert_eq!(split("gemeente"), None);
    assert_eq!(split("betekenen"), None, "a common word is not split into rare parts");
}

#[test]
fn a_derivational_suffix_that_is_a_word_is_no_compound_head() {
    let lex = Lexicon::default();
    let split = |w| lex.split_compound(w, &no_function_words);
    assert_eq!(split("landelijk"), None);
    assert_eq!(split("betaalbaar"), None);
    assert!(!split("zinvol").unwrap_or_default().contains(&"vol".to_string()));
    assert!(!split("respectvol").unwrap_or_default().contains(&"vol".to_string()));
    assert_eq!(split("milieuvriendelijk").unwrap(), ["milieu", "vriendelijk"]);
}

#[test]
fn a_plural_ending_or_a_contraction_is_no_compound_head() {
    let lex = Lexicon::default();
    let split = |w| lex.split_compound(w, &no_function_words);
    for (plural, ending) in
        [("busritten", "ten"), ("kinderbedden", "den"), ("fietstrappen", "pen"), ("christenunie", "ten")]
    {
        let parts = split(plural).unwrap_or_default();
        assert!(!parts.iter().any(|p| p == ending), "{plural}: {parts:?}");
    }
}

#[test]
fn the_noun_of_a_verb_splits_no_more_than_its_verb() {
    let lex = Lexicon::default();
    let split = |w| lex.split_compound(w, &no_function_words);
    assert_eq!(split("waardering"), None, "no waarde|ring");
    assert_eq!(split("vaststelling"), None);
    // A compound whose head is such a noun still splits.
    assert_eq!(split("verzorgingsstaat").unwrap(), ["verzorging", "staat"]);
}

#[test]
fn finds_the_word_behind_an_ocr_slip() {
    let lex = Lexicon::default();
    assert_eq!(lex.ocr_neighbour("horziontale", 7).as_deref(), Some("horizontale"));
    assert_eq!(lex.ocr_neighbour("horizontale", 7), None);
}
