//! A seeded, deterministic generator of letter-like documents in the `seeds/` format, and of
//! the questions asked of them.
//!
//! Words are drawn from the Dutch `wordfreq` list compiled into briefbot (`data/wordfreq-nl.fst`,
//! ~117k words) with probability proportional to their real frequency (10^Zipf), so the
//! text has a realistic Zipf spread over a large vocabulary. Each document also has a theme:
//! a few mid-frequency words that recur in its paragraphs, as a letter's subject does.
//! Letters have a heading, an addressee with place and date, 8–24 body paragraphs of 30–130
//! words, a signature, lines wrapped at 72 characters with hyphenated breaks, page starts (a
//! line beginning with a space) every 50 lines, and now and then a footnote at a page end.
//!
//! Questions (`questions.json`): per document asked about, one made of its theme and passage
//! words (with a typo or a compound join now and then), and questions made only of words
//! whose stem no document contains, nor the stem without a verb's final `-t` ("absent"),
//! which every engine should decline.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use briefbot::text::analyzer::Analyzer;
use serde::Serialize;

/// splitmix64: small, seeded and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Words with cumulative weights for sampling by frequency.
pub struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    /// The `wordfreq` list: lower-case alphabetic words of 2–20 letters.
    pub fn load(fst_path: &Path) -> Vocabulary {
        let bytes = std::fs::read(fst_path).expect("wordfreq fst readable");
        let map = fst::Map::new(bytes).expect("a valid fst map");
        let mut entries: Vec<(String, f64)> = Vec::new();
        let mut stream = map.stream();
        use fst::Streamer;
        while let Some((key, value)) = stream.next() {
            let Ok(word) = std::str::from_utf8(key) else { continue };
            let plain = word.chars().all(|c| c.is_ascii_lowercase()) && (2..=20).contains(&word.len());
            if plain {
                entries.push((word.to_string(), 10f64.powf(value as f64 / 100.0)));
            }
        }
        entries.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut total = 0.0;
        let cumulative = entries.iter().map(|(_, w)| {
            total += w;
            total
        });
        let cumulative: Vec<f64> = cumulative.collect();
        Vocabulary { words: entries.into_iter().map(|(w, _)| w).collect(), cumulative }
    }

    pub fn sample(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("a non-empty vocabulary");
        let target = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < target).min(self.words.len() - 1);
        &self.words[i]
    }

    /// A word of middling frequency (rank 2,000–30,000): a plausible subject word.
    pub fn theme_word(&self, rng: &mut Rng) -> &str {
        &self.words[rng.between(2_000, 30_000.min(self.words.len() - 1))]
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }
}

const MONTHS: [&str; 12] = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
];
const LINE_WIDTH: usize = 72;
const LINES_PER_PAGE: usize = 50;

/// One generated document: its file stem, its theme and the words of its paragraphs.
pub struct Generated {
    pub id: String,
    pub theme: Vec<String>,
    pub paragraphs: Vec<Vec<String>>,
    /// Words of the footnotes, which questions are not made from but which the documents
    /// contain.
    pub footnotes: Vec<String>,
}

fn paragraph(vocabulary: &Vocabulary, theme: &[String], rng: &mut Rng) -> Vec<String> {
    let length = rng.between(30, 130);
    (0..length)
        .map(|_| match rng.below(12) {
            0 => theme[rng.below(theme.len())].clone(),
            _ => vocabulary.sample(rng).to_string(),
        })
        .collect()
}

/// Sentences of 8–25 words, capitalised and ending in a full stop.
fn sentences(words: &[String], rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut left = words;
    while !left.is_empty() {
        let take = rng.between(8, 25).min(left.len());
        let (sentence, rest) = left.split_at(take);
        for (i, word) in sentence.iter().enumerate() {
            if !out.is_empty() {
                out.push(' ');
            }
            match i {
                0 => {
                    let mut chars = word.chars();
                    out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                    out.push_str(chars.as_str());
                }
                _ => out.push_str(word),
            }
        }
        out.push('.');
        left = rest;
    }
    out
}

/// Lines of at most `LINE_WIDTH` characters; a long word at a line end is hyphenated.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + 1 + word.len() > LINE_WIDTH {
            let room = LINE_WIDTH.saturating_sub(line.len() + 2);
            let splittable = word.len() >= 10 && room >= 4 && word.is_ascii() && word.len() - room >= 4;
            if splittable {
                line.push(' ');
                line.push_str(&word[..room]);
                line.push('-');
                lines.push(std::mem::take(&mut line));
                line.push_str(&word[room..]);
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// Writes document `n` of the corpus into `dir` and returns what the questions need.
pub fn write_document(dir: &Path, n: usize, vocabulary: &Vocabulary, rng: &mut Rng) -> Generated {
    let theme: Vec<String> = (0..3).map(|_| vocabulary.theme_word(rng).to_string()).collect();
    let (year, month, day) = (rng.between(2000, 2025), rng.below(12), rng.between(1, 28));
    let id = format!("brief-{n:05}-{}", theme[0]);
    let paragraphs: Vec<Vec<String>> = (0..rng.between(8, 24)).map(|_| paragraph(vocabulary, &theme, rng)).collect();
    let ministry = format!("{} en {}", capitalised(&theme[1]), capitalised(&theme[2]));
    let mut text = format!(
        " {} in het beleid\n\nBRIEF VAN DE MINISTER VAN {}\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, {day} {} {year}\n\n",
        capitalised(&theme[0]),
        ministry.to_uppercase(),
        MONTHS[month],
    );
    let mut line_count = 6;
    let mut footnote_due = false;
    let mut footnotes = Vec::new();
    for (p, words) in paragraphs.iter().enumerate() {
        let mut body = sentences(words, rng);
        if rng.below(10) == 0 && !footnote_due {
            body.push('¹');
            footnote_due = true;
        }
        for line in wrap(&body) {
            line_count += 1;
            if line_count % LINES_PER_PAGE == 0 {
                if std::mem::take(&mut footnote_due) {
                    let words = paragraph(vocabulary, &theme, rng)[..12].to_vec();
                    let note = sentences(&words, rng);
                    footnotes.extend(words);
                    let _ = write!(text, "\n¹ {note}\n");
                }
                text.push(' ');
            }
            text.push_str(&line);
            text.push('\n');
        }
        if p + 1 < paragraphs.len() {
            text.push('\n');
        }
    }
    let _ = write!(text, "\nDe Minister van {ministry},\n{}. {}\n", (b'A' + rng.below(26) as u8) as char, capitalised(&theme[1]));
    std::fs::write(dir.join(format!("{id}.txt")), text).expect("corpus folder writable");
    let meta = format!(
        "title = \"Brief van de minister van {ministry} over {}\"\ndate = \"{year}-{:02}-{day:02}\"\ndossier = \"{} {}\"\n",
        theme[0],
        month + 1,
        30_000 + rng.below(9_000),
        rng.between(1, 999),
    );
    std::fs::write(dir.join(format!("{id}.toml")), meta).expect("corpus folder writable");
    Generated { id, theme, paragraphs, footnotes }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[derive(Serialize, serde::Deserialize, Clone)]
pub struct Question {
    pub text: String,
    /// The document the question was made from; `None` for an absent-word question.
    pub document: Option<String>,
}

/// Words every generated letter holds outside its paragraphs (heading, addressee, date,
/// signature, metadata).
const TEMPLATE_WORDS: &[&str] = &[
    "beleid", "brief", "minister", "voorzitter", "tweede", "kamer", "staten", "generaal", "den", "haag",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
];

const FRAMES: [&str; 5] = [
    "wat zegt de brief over {}?",
    "{}",
    "hoe zit het met {}",
    "wat staat er over {} in de brief",
    "kun je iets vertellen over {}?",
];

/// Questions about the generated documents, and absent-word questions.
pub fn questions(documents: &[Generated], vocabulary: &Vocabulary, count: usize, rng: &mut Rng) -> Vec<Question> {
    let analyzer = Analyzer::default();
    let used: HashSet<String> = documents
        .iter()
        .flat_map(|d| d.paragraphs.iter().flatten().chain(&d.theme).chain(&d.footnotes))
        .chain(TEMPLATE_WORDS.iter().map(|w| w.to_string()).collect::<Vec<_>>().iter())
        .map(|w| analyzer.stem(w))
        .collect();
    let absent: Vec<&String> = vocabulary.words()[..60_000.min(vocabulary.words().len())]
        .iter()
        // Absent in every inflection: neither the word's stem nor, for a verb form in -t,
        // the stem without it (`opstijgt`, `opstijgen`) occurs.
        .filter(|w| w.len() >= 5 && analyzer.is_content_word(w) && !used.contains(&analyzer.stem(w)))
        .filter(|w| w.strip_suffix('t').is_none_or(|base| !used.contains(&analyzer.stem(base))))
        .collect();
    let mut out = Vec::new();
    for i in 0..count {
        let frame = FRAMES[rng.below(FRAMES.len())];
        if i % 3 == 2 && !absent.is_empty() {
            let words: Vec<&str> = (0..rng.between(2, 4)).map(|_| absent[rng.below(absent.len())].as_str()).collect();
            out.push(Question { text: frame.replace("{}", &words.join(" ")), document: None });
            continue;
        }
        let document = &documents[rng.below(documents.len())];
        let words = asked_words(document, &analyzer, rng);
        out.push(Question { text: frame.replace("{}", &words.join(" ")), document: Some(document.id.clone()) });
    }
    out
}

/// A theme word and two or three content words of one paragraph; sometimes one with a typo
/// (two neighbouring letters swapped), sometimes two joined into a compound.
fn asked_words(document: &Generated, analyzer: &Analyzer, rng: &mut Rng) -> Vec<String> {
    let paragraph = &document.paragraphs[rng.below(document.paragraphs.len())];
    let content: Vec<&String> = paragraph.iter().filter(|w| w.len() >= 5 && analyzer.is_content_word(w)).collect();
    let mut words = vec![document.theme[0].clone()];
    for _ in 0..rng.between(2, 3) {
        if let Some(word) = (!content.is_empty()).then(|| content[rng.below(content.len())]) {
            words.push(word.clone());
        }
    }
    match rng.below(4) {
        0 => {
            let last = words.len() - 1;
            words[last] = with_typo(&words[last], rng);
        }
        1 if words.len() >= 3 => {
            let joined = format!("{}{}", words[1], words[2]);
            words.splice(1..3, [joined]);
        }
        _ => {}
    }
    words
}

fn with_typo(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() >= 6 {
        let i = rng.between(1, chars.len() - 3);
        chars.swap(i, i + 1);
    }
    chars.into_iter().collect()
}
