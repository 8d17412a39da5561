//! Tests of `morphology.rs`: each rule on the words it is for and on the words it must leave.

use crate::text::analyzer::Analyzer;

/// A single `o` in an open syllable is long: `inkopen` is the verb of `inkoop`, not of
/// `inkoppen` (to head a ball in), whatever an irregular past (`kocht`) hides.
#[test]
fn a_single_vowel_in_an_open_syllable_is_long() {
    let a = Analyzer::default();
    assert_eq!(a.stem("inkopen"), a.stem("inkoop"));
    assert_eq!(a.stem("tomaten"), a.stem("tomaat"));
    assert_eq!(a.stem("regelen"), a.stem("regel"));
}

#[test]
fn the_forms_of_a_regular_verb_share_one_stem_and_nouns_in_t_or_en_keep_theirs() {
    let a = Analyzer::default();
    let families: [&[&str]; 6] = [
        &["regelen", "regelt", "regelde", "geregeld"],
        &["betalen", "betaalt", "betaalde", "betaald"],
        &["verbeteren", "verbetert", "verbeterde", "verbeterd"],
        &["organiseren", "organiseert", "organiseerde", "georganiseerd"],
        &["maken", "maakt", "maakte", "gemaakt"],
        &["leven", "leeft", "leefde", "geleefd"],
    ];
    for family in families {
        for form in family {
            assert_eq!(a.stem(form), a.stem(family[0]), "{form}");
        }
    }
    for (noun, not) in [("tijd", "tij"), ("banen", "ban"), ("kracht", "krach")] {
        assert_ne!(a.stem(noun), a.stem(not), "{noun}");
    }
    assert_eq!(a.stem("mensen"), a.stem("mens"));
}

#[test]
fn a_strong_verbs_present_meets_its_infinitive_and_a_noun_in_t_keeps_its_stem() {
    let a = Analyzer::default();
    for (present, infinitive) in
        [("rijdt", "rijden"), ("stijgt", "stijgen"), ("vindt", "vinden"), ("neemt", "nemen"), ("krijgt", "krijgen")]
    {
        assert_eq!(a.stem(present), a.stem(infinitive), "{present}");
    }
    for (noun, not) in [("kant", "kan"), ("buurt", "buur"), ("feit", "fei")] {
        assert_ne!(a.stem(noun), a.stem(not), "{noun}");
    }
}

#[test]
fn a_strong_verbs_participle_meets_its_infinitive() {
    let a = Analyzer::default();
    for (participle, infinitive) in [
        ("gereden", "rijden"),
        ("geschreven", "schrijven"),
        ("gebleven", "blijven"),
        ("gesproken", "spreken"),
        ("gevonden", "vinden"),
        ("genomen", "nemen"),
        ("gesloten", "sluiten"),
        ("gelopen", "lopen"),
    ] {
        assert_eq!(a.stem(participle), a.stem(infinitive), "{participle}");
    }
    assert_ne!(a.stem("gereden"), a.stem("redden"), "not the weak verb of the same letters");
    assert_ne!(a.stem("gevallen"), a.stem("vallen"), "a noun's plural with its own ge- (geval)");
    assert_eq!(a.stem("gebroken"), a.stem("breken"), "the commonest verb that fits");
    assert_eq!(a.stem("gebieden"), a.stem("gebied"), "a noun's plural that looks like a participle");
}

#[test]
fn an_agent_noun_leads_to_its_verb_and_other_words_in_er_to_none() {
    let analyzer = Analyzer::default();
    let lexicon = analyzer.lexicon();
    for (noun, verb) in [
        ("gebruikers", "gebruiken"),
        ("speler", "spelen"),
        ("lezers", "lezen"),
        ("schrijver", "schrijven"),
        ("deelnemers", "deelnemen"),
    ] {
        assert_eq!(super::agent_noun_verb(lexicon, noun).as_deref(), Some(verb), "{noun}");
    }
    for word in ["kamer", "water", "later", "moeder", "computer", "huurder", "nummer"] {
        assert_eq!(super::agent_noun_verb(lexicon, word), None, "{word}");
    }
}

#[test]
fn a_word_whose_ge_is_its_own_keeps_it_and_a_participle_loses_it() {
    let a = Analyzer::default();
    for (word, not) in [("gebied", "biedt"), ("gelijk", "lijkt"), ("geloof", "loof"), ("gesprek", "spreken")] {
        assert_ne!(a.stem(word), a.stem(not), "{word}");
    }
    for form in ["gebruiken", "gebruikt", "gebruikte"] {
        assert_eq!(a.stem(form), a.stem("gebruik"), "{form}");
    }
    for (participle, verb) in [("geregeld", "regelen"), ("gewerkt", "werken"), ("gezet", "zetten")] {
        assert_eq!(a.stem(participle), a.stem(verb), "{participle}");
    }
}

/// A present participle has its verb's stem also where the verb's vowel is long
/// (`controlerend` of `controleren`).
#[test]
fn a_present_participle_meets_its_verb() {
    let a = Analyzer::default();
    for (participle, infinitive) in
        [("controlerend", "controleren"), ("controlerende", "controleren"), ("organiserende", "organiseren")]
    {
        assert_eq!(a.stem(participle), a.stem(infinitive), "{participle}");
    }
}

/// A verb in `-eren` with a stressed `-eer` has one stem in all its forms and its noun in
/// `-ing`, also when the lexicon lacks its past tense (`faciliteerde`); a verb whose `-er` is
/// its own (`vergaderen`) and a plural in `-eren` (`kinderen`) gain no `-eer`.
#[test]
fn a_verb_in_eren_shares_its_stem_with_its_noun_in_ering() {
    let a = Analyzer::default();
    for family in [
        ["faciliteren", "facilitering", "faciliteert", "gefaciliteerd"],
        ["evalueren", "evaluering", "evalueert", "geevalueerd"],
        ["reguleren", "regulering", "reguleert", "gereguleerd"],
    ] {
        for form in family {
            assert_eq!(a.stem(form), a.stem(family[0]), "{form}");
        }
    }
    assert_eq!(a.stem("vergaderen"), "vergader");
    assert!(!a.stem("kinderen").ends_with("eer"));
}
