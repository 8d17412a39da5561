//! Dutch inflection the stemmer leaves apart or strips too far, undone by the spelling
//! rules and checked against the lexicon: the forms of a regular verb brought to one stem
//! (`regelt`, `regelen`, `geregeld` → `regel`), a `ge-` that is the word's own kept
//! (`gebied`, not `bied`), and the closed syllable behind an ending (`maak` of `maken`),
//! which adjective inflection (`analyzer.rs`) shares. A rule applies only when the lexicon
//! holds its result (and, for a verb, its past tense), so nouns keep their stems.

use super::lexicon::Lexicon;
use crate::i18n::Language;

/// The stemmer takes a leading `ge-` for a participle's prefix; a word whose `ge-` is its
/// own (`gebied`, `gebruik`, `gelijk`, `gesprek`) keeps it, so `gebied` does not meet
/// `biedt` nor `gelijk` meet `lijkt`: when the lexicon holds `ge` + the stem and the word
/// is no participle of that stem (`geregeld`, `gezet` still go to `regel`, `zet`).
pub(super) fn with_own_ge(lexicon: &Lexicon, folded: &str, stem: String) -> String {
    if !folded.starts_with("ge") || stem.starts_with("ge") {
        return stem;
    }
    let own = format!("ge{stem}");
    let rest = folded.strip_prefix(own.as_str());
    let participle = rest.is_some_and(|rest| {
        let ending = matches!(rest, "d" | "t" | "de" | "te") || (rest.is_empty() && stem.ends_with(['d', 't']));
        ending && is_verb_stem(lexicon, &stem)
    });
    if !participle && lexicon.contains(&own) {
        own
    } else {
        stem
    }
}

/// A verb's present stem: the lexicon holds it and its past tense (`regel`, `regelde`).
fn is_verb_stem(lexicon: &Lexicon, candidate: &str) -> bool {
    candidate.chars().count() >= 3
        && lexicon.contains(candidate)
        && (lexicon.contains(&format!("{candidate}de")) || lexicon.contains(&format!("{candidate}te")))
}

/// The vowel changes of the past tense of Dutch strong verbs (ablaut), from the present
/// stem's last vowel: `rijd`/`reed`, `bied`/`bood`, `sluit`/`sloot`, `vind`/`vond`,
/// `help`/`hielp`, `tref`/`trof`, `neem`/`nam`, `zit`/`zat`, `loop`/`liep`,
/// `slaap`/`sliep`, `houd`/`hield`, `roep`/`riep`, `draag`/`droeg`.
const ABLAUT: [(&str, &str); 13] = [
    ("ij", "ee"),
    ("ie", "oo"),
    ("ui", "oo"),
    ("i", "o"),
    ("e", "ie"),
    ("e", "o"),
    ("ee", "a"),
    ("i", "a"),
    ("oo", "ie"),
    ("aa", "ie"),
    ("ou", "ie"),
    ("oe", "ie"),
    ("aa", "oe"),
];

/// A strong verb's present stem (`rijd`, `stijg`, `vind`, `neem`), which has no past tense
/// in `-de`/`-te`: the lexicon holds the stem, its infinitive (`rijden`, `nemen`), a past
/// tense that one of the [`ABLAUT`] vowel changes makes of it (`reed`, `nam`) and a
/// participle in `-en` (`gereden`, `genomen`), so a noun in `-t` (`gift`) keeps it.
fn is_strong_verb_stem(lexicon: &Lexicon, candidate: &str) -> bool {
    // Cheapest checks first: this runs for every word in `-t` that is no regular verb form.
    if candidate.chars().count() < 3 || !lexicon.contains(candidate) {
        return false;
    }
    let Some((before, vowels, after)) = last_vowel(candidate) else { return false };
    let with_en = |forms: Vec<String>, prefix: &str| forms.into_iter().any(|f| lexicon.contains(&format!("{prefix}{f}en")));
    if !with_en(open_syllables(candidate), "") {
        return false;
    }
    let changed = ABLAUT.iter().filter(|(from, _)| *from == vowels).map(|(_, to)| *to);
    if !changed.clone().any(|to| lexicon.contains(&format!("{before}{to}{after}"))) {
        return false;
    }
    let prefix = if ["be", "ver", "ont", "her", "ge"].iter().any(|p| candidate.starts_with(p)) { "" } else { "ge" };
    [vowels, "o", "oo"].into_iter().chain(changed).any(|v| with_en(open_syllables(&format!("{before}{v}{after}")), prefix))
}

/// A word's last vowel group (`ij` counts as a vowel) with what stands before and after it,
/// when consonants follow it.
fn last_vowel(word: &str) -> Option<(&str, &str, &str)> {
    let b = word.as_bytes();
    let is_vowel = |i: usize| b"aeiouy".contains(&b[i]) || (b[i] == b'j' && i > 0 && b[i - 1] == b'i');
    let end = (0..b.len()).rev().find(|&i| is_vowel(i))? + 1;
    let start = (0..end).rev().find(|&i| !is_vowel(i)).map_or(0, |i| i + 1);
    (word.is_ascii() && end < b.len()).then(|| (&word[..start], &word[start..end], &word[end..]))
}

/// The ways a closed syllable is written when an ending in a vowel follows (the inverse of
/// [`closed_syllables`]): as it stands, a long vowel single (`neem` → `nem-`), a short
/// vowel's consonant doubled (`zit` → `zitt-`), `f`/`s` as `v`/`z` (`blijf` → `blijv-`).
fn open_syllables(syllable: &str) -> Vec<String> {
    let chars: Vec<char> = syllable.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiouy".contains(c);
    if n < 2 || vowel(chars[n - 1]) {
        return Vec::new();
    }
    let last = match chars[n - 1] {
        'f' => 'v',
        's' => 'z',
        c => c,
    };
    let head: String = chars[..n - 1].iter().collect();
    let mut forms = vec![syllable.to_string(), format!("{head}{last}")];
    if n >= 3 && chars[n - 2] == chars[n - 3] && "aeou".contains(chars[n - 2]) {
        let single: String = chars[..n - 2].iter().collect();
        forms.push(format!("{single}{last}"));
    } else if vowel(chars[n - 2]) && (n < 3 || !vowel(chars[n - 3])) {
        forms.push(format!("{syllable}{}", chars[n - 1]));
    }
    forms
}

/// The present stem (the `ik` form) of a verb form whose stem the stemmer keeps apart from
/// the verb's other forms: the `-t` of the present (`regelt`, `organiseert`; of a strong
/// verb too, `rijdt`, `stijgt`, see [`is_strong_verb_stem`]),
/// the `-d` or `-t` of a participle without `ge-` (`betaald`, `verbeterd`), and the
/// syllable of an infinitive in `-en` (`organiseren` → `organiseer`, `regelen` →
/// `regel`). A candidate counts only when the lexicon holds it and its past tense
/// (`regelde`, `organiseerde`; `reed`), so a noun in `-t` (`tijd`, `kracht`) or a plural in `-en`
/// (`mensen`, `voorzieningen`) keeps the stemmer's stem.
pub(super) fn verb_stem(lexicon: &Lexicon, folded: &str) -> Option<String> {
    let is_verb_stem = |c: &str| is_verb_stem(lexicon, c);
    if folded.chars().count() < 5 {
        return None;
    }
    if let Some(stem) = strong_participle_stem(lexicon, folded) {
        return Some(stem);
    }
    if let Some(stem) = eer_verb_stem(lexicon, folded) {
        return Some(stem);
    }
    // A participle with `ge-` (`geregeld`), not the adjective it also is (`geregel-de`).
    let participle = folded.strip_prefix("ge").and_then(|w| w.strip_suffix(['d', 't']));
    if let Some(stem) = participle.filter(|&w| is_verb_stem(w)) {
        return Some(stem.to_string());
    }
    if let Some(stem) = present_participle_stem(lexicon, folded) {
        return Some(stem);
    }
    if let Some(without) = folded.strip_suffix(['t', 'd']) {
        // A word that is itself a verb's stem (`buurt`, of `buurten`) keeps its `-t`.
        let present = is_verb_stem(without) || (folded.ends_with('t') && is_strong_verb_stem(lexicon, without));
        return (present && !is_verb_stem(folded)).then(|| without.to_string());
    }
    let syllable = folded.strip_suffix("en")?;
    long_vowel_stem(lexicon, syllable).or_else(|| closed_syllables(syllable).into_iter().find(|c| is_verb_stem(c)))
}

/// The stem of a verb in `-eren` whose `-eer` is stressed (`faciliteren`, `reguleren`) from
/// any of its forms and its noun in `-ing`: the infinitive, the noun (`facilitering`), the
/// present (`faciliteert`) and the participle (`gefaciliteerd`) all go to `faciliteer`, which
/// the stemmer splits in two (`faciliter`) where the lexicon lacks the past tense. Only when
/// the lexicon holds the infinitive and the present or the participle with `-eer-`
/// (`vergaderen` has no `vergadeert`: its stem stays `vergader`).
fn eer_verb_stem(lexicon: &Lexicon, folded: &str) -> Option<String> {
    let root = ["eren", "ering", "eert"].iter().find_map(|ending| folded.strip_suffix(ending))?;
    let holds = |form: String| lexicon.contains(&form);
    let verb = holds(format!("{root}eren")) && (holds(format!("{root}eert")) || holds(format!("ge{root}eerd")));
    (root.chars().count() >= 3 && verb).then(|| format!("{root}eer"))
}

/// The verb's stem of a present participle (`controlerend`, `organiserende` →
/// `controleer`, `organiseer`): the infinitive is the participle without `-d`/`-de`, and its
/// stem is that of [`verb_stem`], which the stemmer would miss where the vowel of the open
/// syllable is long. Only when that infinitive is at least as common as the participle: a
/// common word in `-end(e)` (`volgende`) is left to the stemmer.
fn present_participle_stem(lexicon: &Lexicon, folded: &str) -> Option<String> {
    let root = folded.strip_suffix("ende").or_else(|| folded.strip_suffix("end"))?;
    let infinitive = format!("{root}en");
    let zipf = |w: &str| lexicon.zipf(w, Language::Dutch);
    if !lexicon.contains(&infinitive) || zipf(&infinitive) < zipf(folded) {
        return None;
    }
    verb_stem(lexicon, &infinitive)
}

/// The stem of a word in `-en` whose open syllable holds a single `a`, `o` or `u`: by the
/// spelling rules that vowel is long (a short one doubles the consonant: `inkoppen`), so the
/// stem is the word with the vowel written double, when the lexicon holds it and it is at least
/// as common as the word with the vowel single (`inkopen` → `inkoop`, `kopen` → `koop`; an
/// irregular verb's past is no guide). An unstressed syllable keeps its vowel short (`motoren` →
/// `motor`, far commoner than a `motoor`), and so does `e`, which is often unstressed (`regelen`
/// → `regel`).
fn long_vowel_stem(lexicon: &Lexicon, syllable: &str) -> Option<String> {
    let vowel = syllable.chars().rev().nth(1)?;
    let mut forms = closed_syllables(syllable).into_iter();
    let (long, short) = (forms.next()?, forms.next()?);
    let zipf = |w: &str| lexicon.zipf(w, Language::Dutch);
    ("aou".contains(vowel) && lexicon.contains(&long) && zipf(&long) >= zipf(&short)).then_some(long)
}

/// The vowels of a strong verb's participle that differ from its present stem's, and those
/// present vowels: `ij` → `e`/`ee` (`rijden`, `gereden`; `schrijven`, `geschreven`), and
/// `ie`, `ui`, `i`, `e`, `ee` → `o`/`oo` (`bieden`, `geboden`; `sluiten`, `gesloten`;
/// `vinden`, `gevonden`; `helpen`, `geholpen`; `spreken`, `gesproken`).
const PARTICIPLE_VOWELS: [(&str, &[&str]); 4] = [
    ("e", &["ij"]),
    ("ee", &["ij"]),
    ("o", &["ie", "ui", "i", "e", "ee"]),
    ("oo", &["ie", "ui", "i", "e", "ee"]),
];

/// A participle's verb must be common (its infinitive's Zipf frequency at least this): a rare
/// word that happens to fit the vowels (`kimmen` for `gekomen`) is no verb of a letter.
const MIN_STRONG_VERB_ZIPF: f32 = 3.0;

/// A strong verb's present stem behind its participle in `ge-…-en` with another vowel
/// (`gereden` → `rijd`, `geschreven` → `schrijf`, `gesproken` → `spreek`, `gevonden` →
/// `vind`; see [`PARTICIPLE_VOWELS`]): of the stems [`is_strong_verb_stem`] accepts, the one
/// whose infinitive is commonest (`gebroken` is `breken`, not `brikken`). A participle with its
/// stem's own vowel (`gekomen`, `gevallen`, also the plural of `geval`) is left to the stemmer,
/// but one with a long vowel that a strong verb's past tense shares (`gelopen`, `liepen`) has
/// its own verb's stem (`loop`).
fn strong_participle_stem(lexicon: &Lexicon, folded: &str) -> Option<String> {
    let inner = folded.strip_prefix("ge")?.strip_suffix("en")?;
    let mut best: Option<(f32, String)> = None;
    for closed in closed_syllables(inner) {
        let Some((before, participle_vowel, after)) = last_vowel(&closed) else { continue };
        let Some((_, presents)) = PARTICIPLE_VOWELS.iter().find(|(v, _)| *v == participle_vowel) else { continue };
        for present in presents.iter() {
            let stem = format!("{before}{present}{after}");
            if !is_strong_verb_stem(lexicon, &stem) {
                continue;
            }
            let infinitive = open_syllables(&stem).into_iter().map(|o| format!("{o}en")).find(|i| lexicon.contains(i));
            let zipf = infinitive.map_or(0.0, |i| lexicon.zipf(&i, Language::Dutch));
            if zipf >= MIN_STRONG_VERB_ZIPF && best.as_ref().is_none_or(|(z, _)| zipf > *z) {
                best = Some((zipf, stem));
            }
        }
    }
    let (zipf, stem) = best?;
    // A verb whose participle keeps its own long vowel (`gelopen`: `lopen`, `loopt`) is that
    // verb, not a strong one with another vowel (`liepen`, its past), when its infinitive is at
    // least as common and its present (`loopt`) is common.
    let zipf_of = |w: String| lexicon.zipf(&w, Language::Dutch);
    let own = (zipf_of(format!("{inner}en")) >= zipf).then(|| closed_syllables(inner).into_iter().next()).flatten();
    Some(own.filter(|own| zipf_of(format!("{own}t")) >= MIN_STRONG_VERB_ZIPF).unwrap_or(stem))
}

/// The ways the last syllable of a word before an ending in a vowel is written when the
/// ending goes: a doubled consonant single (`stopp-` → `stop`), a long vowel in an open
/// syllable doubled (`maak`, `organiseer`), `v`/`z` as `f`/`s` (`leef`, `kies`); the doubled
/// vowel first, then the syllable as it stands (`regel`, `verbeter`).
pub(super) fn closed_syllables(syllable: &str) -> Vec<String> {
    let chars: Vec<char> = syllable.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiouy".contains(c);
    if n < 3 || vowel(chars[n - 1]) {
        return Vec::new();
    }
    if chars[n - 1] == chars[n - 2] {
        return vec![chars[..n - 1].iter().collect()];
    }
    let last = match chars[n - 1] {
        'v' => 'f',
        'z' => 's',
        c => c,
    };
    let plain: String = chars[..n - 1].iter().chain([&last]).collect();
    // After a consonant, or an `a` or `e` after `i` and an `a` after `e`, which are two
    // syllables, not one vowel (`sociale` → `sociaal`, `financiele` → `financieel`, `ideale` →
    // `ideaal`; but `koude` is `koud`).
    let (before, this) = (chars[n - 3], chars[n - 2]);
    let single_vowel = !vowel(before) || (before == 'i' && "ae".contains(this)) || (before == 'e' && this == 'a');
    if "aeou".contains(chars[n - 2]) && single_vowel {
        let doubled: String = chars[..n - 1].iter().chain([&chars[n - 2], &last]).collect();
        vec![doubled, plain]
    } else {
        vec![plain]
    }
}

/// An agent noun in `-der` after `r` (`huurder`, `bestuurders`), which the stemmer takes
/// back to its base (`huur`, `bestuur`): the agent noun itself, singular.
pub(super) fn agent_noun<'a>(folded: &'a str, stem: &str) -> Option<&'a str> {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    let base = singular.strip_suffix("der").filter(|b| b.ends_with('r'))?;
    (stem == base).then_some(singular)
}

/// The infinitive of the verb an agent noun in `-er` is made from (`gebruiker`, `gebruikers` →
/// `gebruiken`; `speler` → `spelen`, `lezer` → `lezen`, `schrijver` → `schrijven`): the noun
/// without `-er` plus `-en`, when the lexicon holds that infinitive as a common word and the
/// verb's present (`gebruikt`, `speelt`, `leest`) as a word. The noun's syllable before `-er`
/// is spelled as the infinitive's, so the present is the closed form of that syllable; a
/// word in `-er` that is no agent noun has no such present (`kamer`: `kaamt`; `water`:
/// `waatt`; `later`: `laatt`).
pub(super) fn agent_noun_verb(lexicon: &Lexicon, folded: &str) -> Option<String> {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    let base = singular.strip_suffix("er").filter(|b| b.chars().count() >= 3)?;
    let infinitive = format!("{base}en");
    let present = closed_syllables(base).into_iter().next().map(|stem| format!("{stem}t"))?;
    let common = lexicon.zipf(&infinitive, Language::Dutch) >= MIN_STRONG_VERB_ZIPF;
    (common && lexicon.contains(&present)).then_some(infinitive)
}

#[cfg(test)]
#[path = "morphology_tests.rs"]
mod tests;
