//! The data files that teach the search core general knowledge: the bilingual glossary and
//! Dutch synonyms (`data/glossary.toml`), and question types (`data/question-types.toml`).
//! Both are compiled in; their format is documented at the top of each file.

use std::collections::HashMap;

use serde::Deserialize;

use crate::document::PassageKind;
use crate::text::{analyzer::Analyzer, fold};

const GLOSSARY: &str = include_str!("../../data/glossary.toml");
const QUESTION_TYPES: &str = include_str!("../../data/question-types.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// English word → Dutch words.
    pub en: HashMap<String, Vec<String>>,
    /// Dutch word → Dutch equivalents.
    pub nl: HashMap<String, Vec<String>>,
}

impl Default for Glossary {
    fn default() -> Self {
        toml::from_str(GLOSSARY).expect("data/glossary.toml is valid")
    }
}

impl Glossary {
    /// Dutch words for an English word, trying its singular too (`networks`, `companies`).
    pub fn english(&self, folded: &str) -> Option<&[String]> {
        let singulars = [
            folded.strip_suffix("ies").map(|s| format!("{s}y")),
            folded.strip_suffix("es").map(String::from),
            folded.strip_suffix('s').map(String::from),
        ];
        std::iter::once(Some(folded.to_string()))
            .chain(singulars)
            .flatten()
            .find_map(|w| self.en.get(&w))
            .map(Vec::as_slice)
    }

    pub fn dutch(&self, folded: &str) -> Option<&[String]> {
        self.nl.get(folded).map(Vec::as_slice)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionTypesFile {
    kinds: HashMap<String, KindCues>,
    answer_types: HashMap<String, AnswerTypeSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindCues {
    cues: Vec<String>,
}

/// What a question word asks for, and the passage words that show a passage holds it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerTypeSpec {
    pub triggers: Vec<String>,
    /// Stems, once loaded.
    pub evidence: Vec<String>,
    #[serde(default)]
    pub numbers: bool,
    /// Only passages with evidence can answer.
    #[serde(default)]
    pub required: bool,
}

/// Question types, with cue and evidence words stemmed by the analyzer that built them.
#[derive(Debug)]
pub struct QuestionTypes {
    /// Stem of a cue word → the passage kind it asks for.
    pub kind_cues: HashMap<String, PassageKind>,
    pub answer_types: Vec<AnswerTypeSpec>,
}

impl QuestionTypes {
    pub fn new(analyzer: &Analyzer) -> QuestionTypes {
        let file: QuestionTypesFile =
            toml::from_str(QUESTION_TYPES).expect("data/question-types.toml is valid");
        let stem = |w: &String| analyzer.stem(&fold(w));
        let mut kind_cues = HashMap::new();
        for (name, cues) in file.kinds {
            let kind = kind_named(&name);
            kind_cues.extend(cues.cues.iter().map(|c| (stem(c), kind)));
        }
        let answer_types = file
            .answer_types
            .into_values()
            .map(|mut spec| {
                spec.evidence = spec.evidence.iter().map(stem).collect();
                spec
            })
            .collect();
        QuestionTypes { kind_cues, answer_types }
    }
}

fn kind_named(name: &str) -> PassageKind {
    match name {
        "heading" => PassageKind::Heading,
        "addressee" => PassageKind::Addressee,
        "footnote" => PassageKind::Footnote,
        "signature" => PassageKind::Signature,
        other => panic!("data/question-types.toml: unknown passage kind `{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let g = Glossary::default();
        assert_eq!(g.english("governments").unwrap()[0], "overheid");
        assert_eq!(g.english("neighbourhoods").unwrap(), ["buurt", "wijk"], "plural falls back");
        assert_eq!(g.english("welfare state").unwrap(), ["verzorgingsstaat"]);
        let analyzer = Analyzer::default();
        let q = QuestionTypes::new(&analyzer);
        assert_eq!(q.kind_cues.get(&analyzer.stem("ondertekend")), Some(&PassageKind::Signature));
    }
}
