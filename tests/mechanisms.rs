//! Each answer-quality mechanism, tried on a made-up letter (`tests/fixtures/other-letter`:
//! another ministry, subject, date and signatory) so that none depends on the participation
//! letter: chat language, message furniture, questions about the letter itself (date, place,
//! addressee, sender, purpose, subject), the subject word of the title, English, the focus
//! rule for near-misses, places and countries the letter does not name, someone else's view, clauses that
//! tell before they ask, questions that need a number, English loanwords, and wordnet
//! synonyms of words the letter lacks.

mod common;

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{self, Source};
use briefbot::search::Searcher;

fn other_letter() -> Searcher {
    library::load(Source::Folder("tests/fixtures/other-letter".as_ref())).expect("the made-up letter loads")
}

/// A made-up letter whose count stands beside a synonym of a word it uses elsewhere, with a
/// count that names no moment and a moment in units of time (`tests/fixtures/counting`).
fn counting_letter() -> Searcher {
    library::load(Source::Folder("tests/fixtures/counting".as_ref())).expect("the made-up letter loads")
}

/// The 29-letter test corpus.
fn corpus() -> Searcher {
    library::load(Source::Folder("tests/fixtures/corpus".as_ref())).expect("the corpus loads")
}

/// The words of a question's groups, in order (what the question is searched for).
fn group_words(searcher: &Searcher, question: &str) -> Vec<String> {
    searcher.query(question).groups.iter().map(|g| g.word.clone()).collect()
}

/// The stems of the ones whose view a question asks (see `asks::third_party`).
fn speakers_asked(searcher: &Searcher, question: &str) -> Vec<String> {
    searcher.query(question).answer_types.iter().filter_map(|t| t.speaker.clone()).collect()
}

/// `body 2`, `signature 0`, ... of the first quoted passage, or `none` when declined.
fn first_passage(searcher: &Searcher, question: &str) -> String {
    let answer = answer(searcher, question, Language::Dutch).expect("question accepted");
    match answer.hits.first().filter(|_| answer.reply.answered()) {
        Some(hit) => {
            let passage = searcher.index.passage(hit.id);
            format!("{} {}", passage.kind.as_str(), passage.number)
        }
        None => "none".into(),
    }
}

/// (mechanism, question, expected first passage)
const TABLE: &[(&str, &str, &str)] = &[
    ("an agent noun meets its verb", "merken ouders iets aan hun kinderen als fietser", "body 4"),
    (
        "chat fillers and abbreviations",
        "mss een domme vraag maar wie beslist er nou eigenlijk waar fietsstraten komen enzo",
        "body 3",
    ),
    ("chat fillers and abbreviations", "wat doen gemeenten idd met rood asfalt ofzo", "body 2"),
    ("a pronominal adverb points back, it names nothing", "spelen scholieren een rol hierin", "body 4"),
    ("a name no document holds restricts the answer as a place does", "wat doet bergsma met rood asfalt", "none"),
    ("a slip that a word of the letter corrects is no name", "wat doen gemeenten met rood asflat", "body 2"),
    ("the spoken pronoun `ie` names nothing", "wat zegt ie over rood asfalt", "body 2"),
    (
        "the asker's teller is no one whose view is asked",
        "mijn opa zei dat scholieren veiliger naar school fietsen, klopt dat",
        "body 4",
    ),
    (
        "the asker's teller is no one whose view is asked, with the possessive written `m'n`",
        "m'n opa zei dat scholieren veiliger naar school fietsen, klopt dat",
        "body 4",
    ),
    (
        "a separable verb's particle at the clause end names nothing",
        "helpt het rijk gemeenten ook mee",
        "body 3",
    ),
    (
        "two rarer question words together answer when the rest is put differently",
        "zijn de richtlijnen van het rijk bindend of vrijblijvend",
        "body 3",
    ),
    (
        "message furniture",
        "<@123> `code` kijk https://example.org/fiets :smile: wie gebruikt de nieuwe routes?",
        "body 4",
    ),
    ("a comparative meets its adjective (`breder`, `brede`)", "wat is er breder", "body 2"),
    (
        "a world city the letter does not name (Dutch exonym)",
        "wat doen gemeenten in parijs met rood asfalt",
        "none",
    ),
    ("a world city the letter does not name", "who decides where bicycle streets go in new york", "none"),
    ("which place: a passage must name one", "in welke gemeenten fietsen scholieren naar school", "none"),
    ("which place: a passage must name one", "which municipalities use red asphalt", "none"),
    (
        "which place: `elke gemeente` says which",
        "welke gemeenten moeten een plan voor fietsverkeer maken",
        "body 5",
    ),
    ("a reference counts nothing (`Handelingen II 2020/21`)", "hoeveel verzoeken deed de commissie", "none"),
    ("date of the letter", "wanneer is de brief verstuurd", "addressee 1"),
    ("date of the letter", "when was this letter sent?", "addressee 1"),
    ("the year of the letter asks for its date", "uit welk jaar is deze brief", "addressee 1"),
    ("the year of the letter asks for its date", "what year was this letter written", "addressee 1"),
    ("the month of the letter asks for its date", "in welke maand kwam deze brief uit", "addressee 1"),
    ("when the letter was published asks for its date", "wanneer is dit verschenen", "addressee 1"),
    ("the age of the letter asks for its date", "hoe oud is deze brief eigenlijk", "addressee 1"),
    ("the age of someone the letter names is no date", "hoe oud zijn de scholieren in deze brief", "none"),
    ("whom the letter is meant for asks its addressee", "voor wie is deze brief bedoeld", "addressee 1"),
    (
        "a month asked of what the text tells, not of the letter",
        "in welke maand komen de fietsstraten",
        "none",
    ),
    (
        "a date asked of what the text tells (who asked), not of the letter",
        "wanneer vroeg de vaste commissie om deze brief",
        "body 1",
    ),
    (
        "the topic named after `brief over` says which letter",
        "wanneer werd deze brief over scholieren verstuurd",
        "addressee 1",
    ),
    ("place of the letter", "in welke stad is de brief geschreven", "addressee 1"),
    ("addressee", "naar wie is de brief gestuurd?", "addressee 1"),
    ("addressee", "aan wie richt de minister zich", "addressee 1"),
    ("addressee: whom `dit` is meant for", "voor wie is dit eigenlijk bedoeld", "addressee 1"),
    ("addressee: who received the letter", "wie heeft deze brief ontvangen", "addressee 1"),
    ("addressee: who received the letter", "who received this letter", "addressee 1"),
    ("addressee: not who receives what the letter says", "wie ontvangt subsidie volgens de brief", "none"),
    ("signature: what stands at the bottom of the letter", "wat staat er onderaan de brief", "signature 1"),
    ("addressee: `gericht` beside `aan`", "is de brief aan de kamer gericht?", "addressee 1"),
    (
        "addressee: `aan` asks for it only right before `wie`",
        "wie doen er mee aan de aanleg van fietsstraten",
        "body 3",
    ),
    ("addressee: `richten` is no `gericht`", "waarmee richten gemeenten zulke straten in", "body 2"),
    (
        "addressee: an English `to` and `who` ask for it only beside the letter",
        "what happens to children who cycle to school",
        "body 4",
    ),
    ("place: `sign up` is to register, not to sign", "where can i sign up for a bicycle street", "none"),
    ("ministry: who is behind the letter", "welk ministerie zit hierachter", "signature 1"),
    (
        "dossier: a compound frames the question as its word does",
        "welk begrotingsjaar hoort hierbij",
        "heading 1",
    ),
    ("dossier: not of something the letter names", "bij welke begroting hoort die subsidie", "none"),
    ("sender", "wie heeft deze brief ondertekend", "signature 1"),
    ("sender", "who wrote the letter?", "signature 1"),
    (
        "ministry: the signature gives the sender's office",
        "van welk ministerie komt de brief over fietsstraten",
        "signature 1",
    ),
    (
        "ministry: where this comes from, when nothing else is asked",
        "van welk ministerie komt dit",
        "signature 1",
    ),
    (
        "ministry: where something else comes from is no question about the letter",
        "van welk ministerie komt de richtlijn voor fietsstraten",
        "none",
    ),
    ("subject: the point of the letter", "wat is nou eigenlijk het punt van die brief", "body 1"),
    ("a slip of a question word is that word", "wanner is de breif verstuurd", "addressee 1"),
    ("a slip of a question word is that word", "to whom is this letter adressed", "addressee 1"),
    (
        "a slip of a question word: forms of one verb are one word",
        "wie heeft de brief ondertekentd",
        "signature 1",
    ),
    ("dossier: the heading names it", "bij welk dossier hoort deze brief", "heading 1"),
    ("purpose", "waarom is deze brief geschreven?", "body 1"),
    ("purpose: whether anyone asked for it (`erom`)", "had iemand erom gevraagd", "body 1"),
    ("purpose", "wie vroeg om deze brief", "body 1"),
    ("purpose: what the letter responds to", "waar reageert de minister op met deze brief", "body 1"),
    ("the matter talked about is no focus", "wat is dat verhaal met die fietsstraten", "body 2"),
    ("purpose: who wanted the letter asked for it", "wie wou deze brief eigenlijk hebben", "body 1"),
    ("purpose: who wanted the letter asked for it", "who wanted this letter", "body 1"),
    (
        "purpose: an infinitive's `to be` is no addressee's `to`",
        "who asked for this letter to be written",
        "body 1",
    ),
    ("purpose: who asked is not who wrote", "who asked for this letter to be sent", "body 1"),
    ("a verb of wanting that wants something is content", "what does the minister want", "body 5"),
    (
        "a verb of wanting that wants something is content",
        "wil de minister dat gemeenten iets doen",
        "body 5",
    ),
    ("wanting alone asks about nothing", "wil dat", "none"),
    ("the asker's own wanting asks about nothing", "ik wil dat", "none"),
    ("subject of the letter", "waar gaat de brief over?", "body 1"),
    ("subject word of the title", "wat is een fietsstraat?", "body 2"),
    ("English", "who uses the new routes most", "body 4"),
    (
        "English: `play` of `what role does X play` is the question's frame",
        "what role do parents play",
        "body 4",
    ),
    ("focus: a detail the letter lacks", "wat is het budget van de fietsstraten?", "none"),
    ("focus: a detail the letter lacks", "wat is het telefoonnummer van de vaste commissie?", "none"),
    ("focus: a detail the letter lacks", "wat is het adres van de minister?", "none"),
    (
        "focus: what kind of a thing the letter lacks",
        "wat voor subsidie krijgen gemeenten voor fietsstraten",
        "none",
    ),
    (
        "focus: what kind of a thing the letter names",
        "wat voor asfalt gebruiken gemeenten in fietsstraten",
        "body 2",
    ),
    ("focus: a speaker the letter lacks", "wat zegt de burgemeester over fietsstraten?", "none"),
    ("focus: the topic, after the letter as speaker", "wat zegt de brief over rood asfalt?", "body 2"),
    ("focus: a topic the letter lacks", "wat staat er in de brief over parkeervergunningen?", "none"),
    ("focus: whether a thing the letter lacks exists", "is er een website van de fietsstraten?", "none"),
    ("focus: whether a thing the letter lacks exists", "is er subsidie voor een fietsstraat", "none"),
    ("focus: whether a thing the letter names exists", "is er een plan voor veilig fietsverkeer", "body 5"),
    ("focus: what `ook` adds, which the letter lacks", "krijgen gemeenten ook subsidie voor fietsstraten", "none"),
    ("focus: what `ook` adds, which the letter names", "gebruiken ook forensen de nieuwe routes", "body 4"),
    ("a relation between two things the letter names", "wat is het verschil tussen scholieren en forensen", "body 4"),
    // `anything` is a pronoun, not the one whose view is asked: the letter says it.
    (
        "focus: the topic, after the letter as speaker",
        "does the letter say anything about red asphalt",
        "body 2",
    ),
    ("a number is asked for", "hoe lang duurt de aanleg van een fietsstraat?", "none"),
    ("a number is asked for", "hoeveel fietsstraten zijn er aangelegd?", "none"),
    ("a moment is asked for", "tot wanneer mogen gemeenten zelf beslissen waar fietsstraten komen", "none"),
    ("a moment is asked for", "vanaf wanneer beslissen gemeenten zelf over fietsstraten", "none"),
    ("a place the letter does not name", "wat doet rotterdam met rood asfalt", "none"),
    ("a place the letter does not name", "wie gebruiken in zwolle de nieuwe routes het meest", "none"),
    ("a province the letter does not name", "leggen gemeenten in zeeland ook rood asfalt", "none"),
    ("a province the letter does not name", "gebruiken forensen in gelderland de nieuwe routes", "none"),
    (
        "a country the letter does not name",
        "beslissen gemeenten in belgie zelf waar ze fietsstraten aanleggen",
        "none",
    ),
    (
        "a country the letter does not name",
        "gebruiken scholieren en forensen in duitsland de nieuwe routes het meest",
        "none",
    ),
    (
        "a country the letter does not name",
        "do municipalities in germany decide where bicycle streets go",
        "none",
    ),
    (
        "the documents' own country restricts nothing",
        "wie beslist in nederland waar fietsstraten komen",
        "body 3",
    ),
    (
        "someone else's view the letter does not give",
        "hoe reageerden de scholieren op de fietsstraten?",
        "none",
    ),
    ("which most, where the letter compares nothing", "welke kennis deelt het rijk het meest", "none"),
    (
        "which most, where the letter compares nothing",
        "welke richtlijnen van het rijk volgen gemeenten het vaakst",
        "none",
    ),
    ("which most, where the letter says it", "wie gebruiken de nieuwe routes het meest", "body 4"),
    ("who pays, where the letter speaks of no paying", "wie betaalt de aanleg van fietsstraten", "none"),
    ("who pays, where the letter speaks of no paying", "who pays for the red asphalt", "none"),
    (
        "how to join, where the letter says nothing of signing up",
        "hoe meld ik me aan voor een fietsstraat",
        "none",
    ),
    (
        "how to join, where the letter says nothing of signing up",
        "how do i sign up for the cycle routes",
        "none",
    ),
    (
        "how to join, where the letter says nothing of signing up",
        "hoe schrijf ik me in voor rood asfalt",
        "none",
    ),
    (
        "how to join, where the letter says nothing of signing up",
        "hoe word ik deelnemer aan het plan voor veilig fietsverkeer",
        "none",
    ),
    (
        "how to reach someone, where the letter gives no way",
        "hoe bereik ik de gemeente over een fietsstraat",
        "none",
    ),
    (
        "how to reach someone, where the letter gives no way",
        "how can i contact the municipality about red asphalt",
        "none",
    ),
    (
        "how to reach someone, where the letter gives no way",
        "how do i reach the school about the new cycle routes",
        "none",
    ),
    (
        "someone else's view in the perfect tense, where the letter gives none",
        "hoe hebben de scholieren gereageerd op de fietsstraten",
        "none",
    ),
    (
        "someone's reaction, where the letter reports none",
        "waren de scholieren tevreden over de nieuwe routes",
        "none",
    ),
    ("which is best, where the letter weighs nothing", "welke fietsroute is het beste", "none"),
    ("which is best, where the letter weighs nothing", "waar werkt een fietsstraat het best", "none"),
    ("what happened after the letter", "is de maximumsnelheid in fietsstraten inmiddels verlaagd?", "none"),
    ("what happened after the letter", "wanneer komt de volgende brief over fietsstraten?", "none"),
    (
        "the view of the one who signed is the letter's",
        "wat vindt van nieuwenhuizen van rood asfalt",
        "body 2",
    ),
    (
        "the topic of the signer's view must be in the letter",
        "wat vindt de minister van tolheffing op veilige fietsroutes",
        "none",
    ),
    (
        "the topic of the signer's view must be in the letter",
        "wat vindt de minister van rood asfalt",
        "body 2",
    ),
    (
        "telling before asking",
        "ik fiets elke dag naar mijn werk door de stad, maar wie gebruiken die nieuwe routes nou het meest?",
        "body 4",
    ),
    (
        "a signature names, it does not tell about the one it names",
        "wat heeft van nieuwenhuizen gestudeerd",
        "none",
    ),
    (
        "a signature names, it does not tell about the one it names",
        "waar woont van nieuwenhuizen wijbenga",
        "none",
    ),
    ("a signature answers who someone is", "wie is van nieuwenhuizen wijbenga", "signature 1"),
    (
        "who-is is answered by a passage that names the one asked about",
        "wie zijn de forensen op de nieuwe routes",
        "body 4",
    ),
    (
        "who-is is not answered by a passage that names no such one",
        "wie is de minister van rood asfalt",
        "none",
    ),
    (
        "who-is is not answered by a passage that names no such one",
        "who is the chairman of the cycle routes",
        "none",
    ),
    ("the sender's name names the letter", "wat zegt wijbenga ovr rood asfalt", "body 2"),
    ("the sender's name alone anchors no paragraph", "hoe oud is wijbenga", "none"),
    ("a duration names its unit", "hoe lang is wijbenga al minister", "none"),
    ("a past-tense when asks for a date", "wanneer werd de eerste fietsstraat aangelegd", "none"),
    ("a past-tense when asks for a date", "when was the first cycle street built", "none"),
    ("a when in the perfect tense asks for a date", "wanneer is de eerste fietsstraat aangelegd", "none"),
    ("a when in the perfect tense asks for a date", "wanneer is het rood asfalt ontstaan", "none"),
    (
        "a when with a verb of starting asks for a date",
        "wanneer begint de aanleg van de fietsstraten",
        "none",
    ),
    (
        "a when with a verb of starting in the past asks for a date",
        "wanneer begon de aanleg van de fietsstraten",
        "none",
    ),
    (
        "the one who thinks stands before 'denkt dat'",
        "ik ben benieuwd of de minister denkt dat rood asfalt helpt",
        "body 2",
    ),
    ("an English slip is read as the word meant", "what do the municipalites decide", "body 3"),
    ("off-topic", "wat voor weer wordt het morgen?", "none"),
    (
        "what the letter answers is in its opening",
        "is die brief een reactie op een vraag van een kamerlid",
        "body 1",
    ),
    (
        "what the letter answers is in its opening",
        "was this letter a response to a question from an mp",
        "body 1",
    ),
    ("a letter goes to its addressee", "ging die brief naar de eerste of de tweede kamer", "addressee 1"),
    ("the name under a letter is its signature", "wiens naam staat onder de brief", "signature 1"),
    ("the name under a letter is its signature", "whose name is at the bottom", "signature 1"),
    ("a wordnet synonym stands in for a word no document holds", "wat berichten ouders", "body 4"),
    (
        "a wordnet synonym stands in for a word no document holds",
        "wie beschikt waar fietsstraten komen",
        "body 3",
    ),
    (
        "a word only a wordnet synonym links is held only where that synonym stands",
        "welke wetenschap hebben scholieren",
        "none",
    ),
    (
        "three of a long question's words in one paragraph answer it, though they cover little",
        "mijn neefje van twaalf fietst elke ochtend alleen langs het kanaal naar de brugklas, gebruiken scholieren die nieuwe routes nou echt",
        "body 4",
    ),
    (
        "neighbours in a question name one thing: two things held cover too little",
        "blijven nieuwe routes bij storm, ijzel of sneeuw begaanbaar voor ouders",
        "none",
    ),
];

#[test]
fn every_mechanism_works_on_another_letter() {
    let searcher = other_letter();
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|(mechanism, question, expected)| {
            let got = first_passage(&searcher, question);
            (got != *expected).then(|| format!("{mechanism}: {question:?}: expected {expected}, got {got}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), TABLE.len(), failures.join("\n"));
}

/// A separable verb's particle and verb are one word in either order (`leggen ... aan` is
/// `aanleggen`), but not a join that stems as one of its words (`dingen samen` is no verb
/// `samendingen`, whose stem would be that of `samen`).
#[test]
fn a_separable_verb_joins_in_both_orders_and_only_as_a_verb_of_its_own() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert!(words("waar leggen gemeenten fietsstraten aan").contains(&"aanleggen".to_string()));
    assert!(words("waar gemeenten fietsstraten aan leggen").contains(&"aanleggen".to_string()));
    // A particle that closes the clause joins its verb however long the middle field; one
    // that a conjunction's clause stands before does not.
    let long = "waarom leggen gemeenten in hun eigen straten nu nog geen fietsstraten aan";
    assert!(words(long).contains(&"aanleggen".to_string()), "{:?}", words(long));
    let other = "waarom leggen gemeenten iets neer terwijl ze in hun eigen straten fietsstraten aan";
    assert!(!words(other).contains(&"aanleggen".to_string()), "{:?}", words(other));
    // The participation letter holds `samen` (`samenwerken`), so the stem of `samendingen` is
    // one it knows.
    let letter = library::load(Source::FolderOrEmbedded("seeds".as_ref())).expect("the seed letter loads");
    let apart = group_words(&letter, "hoe regelen mensen die dingen samen");
    assert!(!apart.iter().any(|w| w.starts_with("samen") && w != "samen"), "{apart:?}");
    // After its verb, a particle that opens a noun phrase is a preposition: the letter's
    // `doorgaans` stems as `doorgaan`, which `gaat ... door de` is not.
    let preposition = group_words(&letter, "gaat de aow omhoog door de participatiesamenleving");
    assert!(!preposition.iter().any(|w| w.starts_with("door")), "{preposition:?}");
    // Before a question word that opens a noun phrase too: `op wiens verzoek kwam` is no
    // `opkomen` (which the letter holds).
    let asked = group_words(&letter, "op wiens verzoek kwam dit er");
    assert!(!asked.iter().any(|w| w.starts_with("op")), "{asked:?}");
    // A particle before `te` is the te-infinitive's: `komen ... in te halen` is no `inkomen`
    // (which the corpus holds).
    let infinitive = group_words(&corpus(), "komen er zomerscholen om de achterstand in te halen");
    assert!(!infinitive.contains(&"inkomen".to_string()), "{infinitive:?}");
    // Right after the verb, `die` opens its subject, not a relative clause that would end the
    // verb's own clause before its particle.
    let subject = group_words(&corpus(), "wanneer gaat die verlaging van het eigen risico in");
    assert!(subject.contains(&"ingaat".to_string()), "{subject:?}");
    let relative = group_words(&corpus(), "wanneer gaat de regel die de verlaging regelt in");
    assert!(!relative.contains(&"ingaat".to_string()), "{relative:?}");
}

/// A chat question's frame (`ik vroeg me af of ...`, `we vroegen ons af of ...`) asks for
/// nothing: every form of a frame verb is a frame word beside its subject, and the particle of
/// a separable verb that a conjunction follows ends its clause, so it names nothing either.
#[test]
fn the_frame_of_wondering_asks_for_nothing() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("ik vroeg me af of gemeenten beslissen"), ["gemeenten", "beslissen"]);
    assert_eq!(words("we vroegen ons af of gemeenten beslissen"), ["gemeenten", "beslissen"]);
    assert_eq!(words("ik vraag me af dat scholieren fietsen"), ["scholieren", "fietsen"]);
    assert_eq!(words("gemeenten beslissen dat geloof ik zelf"), ["gemeenten", "beslissen"]);
    // What the asker was told: the teller is part of the frame.
    assert_eq!(words("mijn opa zegt dat gemeenten beslissen"), ["gemeenten", "beslissen"]);
    assert_eq!(words("my friend said municipalities decide"), ["municipalities", "decide"]);
    // One of the asker's circle is the asker's situation, no subject (`data/relatives.txt`).
    assert_eq!(words("mijn zoon fietst naar school"), words("fietst naar school"));
    assert_eq!(words("mijn ouders fietsen naar school"), words("fietsen naar school"));
    assert_eq!(words("my neighbour cycles to school"), words("cycles to school"));
    assert_eq!(words("de zoon fietst naar school")[0], "zoon", "only after the asker's possessive");
}

/// Chat abbreviations stand for the words they abbreviate (`vbn` for `voorbeelden`; in
/// English chat about a government letter, `pm` for the prime minister).
#[test]
fn chat_abbreviations_are_asked_as_their_words() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("welke vbn van fietsstraten"), ["voorbeelden", "fietsstraten"]);
    assert_eq!(words("what does the pm say about bicycle streets")[..2], ["minister", "president"]);
    assert_eq!(words("is the govt building bicycle streets")[0], "government");
    // How the answer should be put names nothing.
    assert_eq!(words("leg fietsstraat ff uit in jip en janneke taal"), ["fietsstraat"]);
}

/// `staat` after an article is the state, a noun asked about; elsewhere it is the verb of
/// `wat staat er in de brief`, which asks nothing.
#[test]
fn a_stop_word_that_is_a_noun_after_an_article_is_asked_about() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert!(words("betaalt de staat de fietsstraten").contains(&"staat".to_string()));
    assert!(!words("wat staat er in de brief over fietsstraten").contains(&"staat".to_string()));
}

/// `waar` with a verb of writing asks where the letter was written, but not where it says
/// something (`waar schrijft de minister *dat* ...`), and `stelt`/`gestolen`, whose stem is that
/// of `stelde`, is no verb of writing; nor where to find what the letter's text tells of.
#[test]
fn a_verb_of_writing_asks_the_place_of_the_letter_only_of_the_letter() {
    let searcher = other_letter();
    let asks_place = |question: &str| group_words(&searcher, question).contains(&"(place)".to_string());
    assert!(asks_place("waar is de brief geschreven"));
    assert!(asks_place("where was this letter written"));
    assert!(!asks_place("waar schrijft de minister dat gemeenten zelf beslissen"));
    assert!(!asks_place("where does the letter say that municipalities decide"));
    assert!(!asks_place("waar stelt de minister dat gemeenten zelf beslissen"));
    assert!(!asks_place("mijn fiets is gestolen, waar doe ik aangifte"));
    // Nor where to find what the letter's text tells of: a place of the world.
    assert!(!asks_place("waar leggen gemeenten rood asfalt en sturen ze de scholieren heen"));
    assert!(!asks_place("waar schrijven scholieren zich in voor een fietsroute"));
    // Nor does `gestolen` ask the letter's date, purpose or sender; `stelde ... op` its sender.
    let words = |question: &str| group_words(&searcher, question);
    for question in
        ["wanneer is mijn fiets gestolen", "waarom is mijn fiets gestolen", "wie heeft mijn fiets gestolen"]
    {
        assert!(!words(question).iter().any(|w| w.starts_with('(')), "{question}: {:?}", words(question));
    }
    assert!(words("wie stelde de brief op").contains(&"(sender)".to_string()));
}

/// The present as the time of the question (`tegenwoordig`, `currently`) names nothing, as
/// the stop word `nu` does: letters date what they say instead.
#[test]
fn the_present_as_the_time_of_a_question_names_nothing() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("fietsen scholieren tegenwoordig veiliger"), ["fietsen", "scholieren", "veiliger"]);
    assert_eq!(words("do commuters currently use the routes"), ["commuters", "use", "routes"]);
}

/// The question word a question's focus groups come from, if it has a focus.
fn focus_word(searcher: &Searcher, question: &str) -> Option<String> {
    let query = searcher.query(question);
    query.focus.map(|groups| query.groups[groups.start].word.clone())
}

/// Before a neuter noun an adjective has no `-e` after `welk`, `een` or `geen`: the noun is
/// the focus (`welk landelijk *programma*`), not the adjective.
#[test]
fn an_adjective_without_its_e_after_welk_leaves_the_focus_to_its_noun() {
    let searcher = other_letter();
    let focus = |question: &str| focus_word(&searcher, question);
    assert_eq!(focus("welk landelijk programma steunt fietsers").as_deref(), Some("programma"));
    assert_eq!(focus("welke landelijke regels gelden voor fietsers").as_deref(), Some("regels"));
    assert_eq!(focus("welk budget krijgen gemeenten").as_deref(), Some("budget"));
}

/// The focus noun stands after a question word and an article, with at most a copula between:
/// `wat is het budget` asks about a budget, `wat doet het Rijk` asks what the Rijk does.
#[test]
fn a_verb_after_the_question_word_asks_no_focus_noun() {
    let searcher = other_letter();
    let focus = |question: &str| focus_word(&searcher, question);
    assert_eq!(focus("wat is het budget van de fietsstraten?").as_deref(), Some("budget"));
    assert_eq!(focus("hoeveel geld krijgen gemeenten?").as_deref(), Some("geld"));
    assert_eq!(focus("wat doet het Rijk voor fietsers?"), None);
    assert_eq!(focus("wat gebeurt er met de routes?"), None);
    assert_eq!(focus("wat zegt de burgemeester over fietsstraten?").as_deref(), Some("burgemeester"));
    assert_eq!(focus("wat vindt de minister van fietsstraten?"), None);
    assert_eq!(focus("wat staat er in de brief over rood asfalt?").as_deref(), Some("rood"));
    assert_eq!(focus("wat voor subsidie krijgen gemeenten?").as_deref(), Some("subsidie"));
    assert_eq!(focus("wat voor een plan maakt elke gemeente?").as_deref(), Some("plan"));
    assert_eq!(focus("what kind of subsidy do cities get?").as_deref(), Some("subsidy"));
    assert_eq!(focus("is er een soort website van de fietsstraten").as_deref(), Some("website"));
    assert_eq!(focus("are there rules for bicycle streets").as_deref(), Some("rules"));
    // Nothing named that the noun belongs to: the asker's word for what the letter may call otherwise.
    assert_eq!(focus("is er een stappenplan voor hoe dit moet"), None);
    assert_eq!(focus("wat is er veranderd aan de fietsstraten"), None);
    assert_eq!(focus("krijgen gemeenten ook subsidie voor fietsstraten").as_deref(), Some("subsidie"));
    assert_eq!(focus("doen de provincies ook mee?"), None);
    // A relation frames the question: no focus, and no word of it.
    assert_eq!(focus("wat is het verschil tussen scholieren en forensen"), None);
    assert!(!group_words(&searcher, "what is the difference between pupils and commuters")
        .contains(&"difference".to_string()));
    assert_eq!(focus("wat is het verschil van de routes?").as_deref(), Some("verschil"));
    // A day or date after the question word asks when: the answer holds a date, not the noun.
    assert_eq!(focus("op welke dag vroeg de commissie om de brief?"), None);
    assert_eq!(focus("which day did the committee ask for it?"), None);
    assert_eq!(focus("welke dag fietsen de scholieren?"), None);
}

/// The one whose view is asked (`what did the *king* say`) is, like the focus, a word the
/// answering document must hold; the document's own voice is not (`the minister`).
#[test]
fn a_third_party_speaker_restricts_the_answer_to_documents_that_name_it() {
    let searcher = other_letter();
    let restricting = |question: &str| {
        let query = searcher.query(question);
        query.restricting_groups().iter().map(|&g| query.groups[g].word.clone()).collect::<Vec<_>>()
    };
    // The topic of the view (`about *cycle* streets`) restricts too.
    assert_eq!(restricting("what did the king say about cycle streets"), ["cycle", "king"]);
    assert_eq!(restricting("hoe reageerden de scholieren op de fietsstraten?"), ["scholieren"]);
    for own_voice in [
        "what does the minister say about red asphalt",
        "ik ben benieuwd of de minister denkt dat rood asfalt helpt",
    ] {
        assert!(!restricting(own_voice).contains(&"minister".to_string()), "{own_voice}");
    }
    // English puts the speaker before the verb: what comes after it is what is said.
    let speakers = |question: &str| speakers_asked(&searcher, question);
    assert!(speakers("why do they say the routes are safer").is_empty());
    assert_eq!(speakers("what did parents think of the routes"), ["parents"]);
    // The Dutch perfect puts the participle last: the speaker is the subject after the
    // auxiliary, not the word before the participle.
    assert_eq!(speakers("wat hebben de scholieren gezegd over de fietsstraten"), ["scholier"]);
    assert_eq!(speakers("heeft de wethouder in de raad iets over rood asfalt gezegd"), ["wethouder"]);
    // An inflected adjective says which: the noun after it is the one whose view is asked,
    // as it is the noun a question word asks about and the topic of a view.
    assert_eq!(speakers("wat vinden buitenlandse studenten van de fietsstraten"), ["student"]);
    assert_eq!(restricting("hoeveel brede rijstroken heeft een fietsstraat"), ["rijstroken"]);
    assert_eq!(restricting("wat vinden ouders van de nieuwe routes"), ["routes", "ouders"]);
}

/// `wanneer` with a verb of coming into force later in its clause asks for a moment, which
/// only a passage with a date or number answers (`wanneer gaat de nieuwe richtlijn in`), a
/// separable verb with the particle that closes the clause; `wanneer` with another verb may
/// ask for a condition, as before.
#[test]
fn wanneer_with_a_verb_of_coming_into_force_asks_for_a_moment() {
    let searcher = other_letter();
    let asks_moment = |question: &str| {
        searcher.query(question).answer_types.iter().any(|t| t.required && !t.when_verbs.is_empty())
    };
    assert!(asks_moment("wanneer gaat de nieuwe richtlijn voor fietsstraten in"));
    assert!(asks_moment("wanneer wordt de maximumsnelheid in fietsstraten ingevoerd"));
    assert!(!asks_moment("wanneer gaan scholieren in de fietsstraat fietsen"));
    assert!(!asks_moment("gaat de richtlijn voor fietsstraten in, en wanneer fietsen scholieren"));
    assert_eq!(first_passage(&searcher, "wanneer gaat de nieuwe richtlijn voor fietsstraten in"), "none");
}

/// A name no document holds restricts the answer, but a word near one a document holds is no
/// name: a slip of it, however many words are as close (`aanqal`: `aanval`, `aantal`), or a
/// compound the splitter does not know that opens with it (`fietsstraatqqq`).
#[test]
fn a_word_near_a_held_word_is_no_name() {
    let searcher = corpus();
    let names = |question: &str| {
        let query = searcher.query(question);
        query.names.iter().map(|&g| query.groups[g].word.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names("wat zegt bergsma over het aantal asielzoekers"), ["bergsma"]);
    assert!(names("hoe groot is het aanqal asielzoekers").is_empty());
    assert!(names("hoe zit het met fietsstraatqqq").is_empty());
}

/// A question whether something exists for a thing (`is er subsidie voor *crowdfunding*`) is
/// about that thing: a letter about subsidies for insulation does not answer it, a letter
/// that names the thing may.
#[test]
fn the_thing_an_existential_question_is_for_restricts_the_answer() {
    let searcher = corpus();
    for question in [
        "is er subsidie voor crowdfunding",
        "zijn er taallessen voor mantelzorgers",
        "zijn er wachtlijsten voor respijtzorg",
    ] {
        assert_eq!(first_passage(&searcher, question), "none", "{question}");
    }
    let query = searcher.query("is er geld voor buurtpreventie");
    let restricting: Vec<&str> =
        query.restricting_groups().iter().map(|&g| query.groups[g].word.as_str()).collect();
    assert!(restricting.contains(&"buurtpreventie"), "{restricting:?}");
    assert_ne!(first_passage(&searcher, "is er geld voor buurtpreventie"), "none");
}

/// `vinden` is also to find: with a word of quantity for its object in its clause, or after
/// `te`, it asks nobody's view (`waarom vinden scholieren geen fietsstraat`), while a view
/// has a predicate or a clause (`vinden scholieren de routes te druk`).
#[test]
fn vinden_that_finds_something_asks_no_view() {
    let searcher = other_letter();
    let speakers = |question: &str| speakers_asked(&searcher, question);
    for finding in [
        "waarom vinden scholieren geen veilige route naar school",
        "vinden forensen nog genoeg fietsstraten in de stad",
        "kunnen scholieren geen fietsstraat vinden, klopt dat",
        "is het voor scholieren lastig om een route te vinden",
    ] {
        assert!(speakers(finding).is_empty(), "{finding}: {:?}", speakers(finding));
    }
    assert_eq!(speakers("vinden scholieren de routes te druk"), ["scholier"]);
    assert_eq!(speakers("vinden scholieren dat er geen fietsstraten genoeg zijn"), ["scholier"]);
}

/// A Dutch compound splits into Dutch words: a part far more common in English than in
/// Dutch is no part (`energieopwekking` is `energie` + `opwekking`, whose `king` is not the
/// English word), while loanwords Dutch uses as its own stay parts (`wijk` + `team`).
#[test]
fn an_english_word_is_no_part_of_a_dutch_compound() {
    let searcher = other_letter();
    let analyzer = searcher.index.analyzer();
    assert_eq!(analyzer.forms("energieopwekking").part_stems, ["energ", "opwek"]);
    assert_eq!(analyzer.forms("wijkteams").part_stems, ["wijk", "team"]);
}

/// An English loanword finds its Dutch form through the regular endings (`regulate` →
/// `reguleren`, `administration` → `administratie`, `programme` → `programma`), in letters other than the participation
/// letter.
#[test]
fn english_loanwords_find_their_dutch_forms() {
    let corpus = corpus();
    for (question, document) in [
        ("how does the cabinet want to regulate rents", "betaalbare-huur-2023-03-06"),
        ("who helps people put their administration in order", "schuldhulp-2020-06-29"),
        ("who works together with schools in this programme", "sociale-basis-2022-04-11"),
    ] {
        let answer = answer(&corpus, question, Language::English).expect("question accepted");
        let hit = answer.hits.first().filter(|_| answer.reply.answered()).expect(question);
        let source = &corpus.index.documents()[hit.id.document].source;
        assert!(source.contains(document), "{question}: answered from {source}");
    }
}

/// The source file and `body 3`, `signature 1`, ... of the passage that answers first, if any.
fn first_in_corpus(corpus: &Searcher, question: &str) -> Option<String> {
    let answer = answer(corpus, question, Language::Dutch).expect("question accepted");
    let hit = answer.hits.first().filter(|_| answer.reply.answered())?;
    let passage = corpus.index.passage(hit.id);
    Some(format!(
        "{} {} {}",
        corpus.index.documents()[hit.id.document].source,
        passage.kind.as_str(),
        passage.number
    ))
}

/// A question word the passage lacks points to another letter only when that letter also
/// holds a word the passage matched: `straat` is in letters on cycle streets and rain, which
/// say nothing of dykes or trees, so the dyke paragraph answers; `bibliotheken` is in the
/// library letter beside `versterken`, so the same question about libraries is declined.
#[test]
fn a_lacked_word_points_to_another_letter_only_beside_a_matched_one() {
    let corpus = corpus();
    let first = |question: &str| first_in_corpus(&corpus, question);
    let street = first("mag mijn straat meepraten als er bomen weg moeten voor de dijkversterking");
    assert!(
        street.as_deref().is_some_and(|s| s.ends_with("dijkversterking-2021-05-17.txt body 4")),
        "{street:?}"
    );
    let libraries = first("mogen bibliotheken meepraten als er bomen weg moeten voor de dijkversterking");
    assert_eq!(libraries, None);
}

/// A question how to reach someone is answered by a passage that gives a way (here the one
/// website where an association's rules will stand), as the same question about a letter
/// that gives none is declined (see [`TABLE`]).
#[test]
fn a_way_to_reach_someone_answers_how_to_reach_them() {
    let corpus = corpus();
    let first = first_in_corpus(
        &corpus,
        "hoe kan ik contact opnemen over de regels voor besturen van kleine verenigingen",
    );
    assert!(
        first.as_deref().is_some_and(|s| s.ends_with("vrijwillige-inzet-2019-12-09.txt body 2")),
        "{first:?}"
    );
}

/// With several letters loaded and none under discussion, a question about "the letter"
/// itself is answered by asking which letter is meant, so it ranks nothing (at 10,000 letters
/// that ranking read every date line, 2-5 ms, for a reply that quotes none of them); in a
/// conversation about one letter it is answered from that letter.
#[test]
fn a_question_about_the_letter_itself_among_several_ranks_nothing() {
    let corpus = corpus();
    let (query, hits) = corpus.search_about("wanneer is de brief verstuurd", None);
    assert!(query.is_about_the_document_only(&corpus.index));
    assert!(hits.is_empty(), "{} hits", hits.len());
    let (_, hits) = corpus.search_about("wanneer is de brief verstuurd", Some("fietsstraten-2021-03-15"));
    let first = hits.first().expect("answered from the letter under discussion");
    assert_eq!(corpus.index.documents()[first.id.document].meta.id, "fietsstraten-2021-03-15");
    let answer = answer(&corpus, "wanneer is de brief verstuurd", Language::Dutch).expect("accepted");
    assert!(answer.reply.quotes.is_empty() && answer.shown == 0, "asks which letter");
}

/// A question about "the letter" whose other words no document holds names no letter: among
/// several it asks which letter is meant rather than quote the signature or date line of the
/// first one (`wie heeft de brief over windmolens ondertekend` quoted the asylum letter's
/// signature when no letter speaks of windmills).
#[test]
fn a_letter_named_by_words_no_document_holds_is_asked_about() {
    let corpus = corpus();
    for question in ["wie heeft de brief over windmolens ondertekend", "which mp wanted this letter"] {
        let answer = answer(&corpus, question, Language::Dutch).expect("accepted");
        assert!(answer.reply.quotes.is_empty() && answer.shown == 0, "{question}: asks which letter");
    }
    let answer = answer(&corpus, "wie heeft de brief over fietsstraten ondertekend", Language::Dutch)
        .expect("accepted");
    assert!(!answer.reply.quotes.is_empty(), "a letter named by its subject is answered");
}

/// The year of a document's date names it, as its sender does: in the 29-letter corpus, `de
/// brief van 2019` about cycling is the letter on fast cycle routes of 2019, `de brief van
/// 2021` the one on cycle streets of 2021 (neither paragraph holds the year).
#[test]
fn a_year_names_the_document_of_that_year() {
    let corpus = corpus();
    let first = |question: &str| first_in_corpus(&corpus, question).unwrap_or_default();
    assert!(first("wat zegt de brief van 2019 over fietsen").contains("snelfietsroutes-2019"));
    assert!(first("wat zegt de brief van 2021 over fietsen").contains("fietsstraten-2021"));
    assert!(first("what does the 2021 letter say about cycling").contains("fietsstraten-2021"));
}

/// `hoeveel X` is answered by a number next to X, not by any number in a passage that names X:
/// in the 29-letter corpus, `Zorgverzekeraars passen hun systemen aan; ... pas over twee jaar`
/// does not say how many insurers there are.
#[test]
fn a_number_answers_how_many_only_next_to_what_it_counts() {
    let corpus = corpus();
    let first = |question: &str| first_in_corpus(&corpus, question);
    assert_eq!(first("hoeveel zorgverzekeraars passen hun systemen aan"), None);
    let counted = first("hoeveel zorgkosten betaalt iedere verzekerde zelf").expect("answered");
    assert!(counted.contains("eigen-risico-2022-10-17"), "{counted}");
}

/// A question's compound part that no document holds as a word stands for the documents'
/// compounds that open with it: `asiel` of `asielbeleid` finds `asielzoekers`, which the
/// lexicon keeps whole (it is more common than its parts); before, the question covered too
/// little of any passage and was declined.
#[test]
fn a_compound_part_only_the_documents_compounds_hold_finds_them() {
    let corpus = corpus();
    let query = corpus.query("wat doen gemeenten aan het asielbeleid");
    let asiel = query.groups.iter().find(|g| g.word == "asiel").expect("asiel is a part");
    assert!(asiel.alternatives.iter().any(|a| a.stem == "asielzoeker"), "{:?}", asiel.alternatives);
    let first = first_in_corpus(&corpus, "hoe regelen gemeenten de asielopvang").expect("answered");
    assert!(first.contains("asielopvang-2023-08-28"), "{first}");
}

/// A number before a unit of time is a duration: `in de komende vier jaar` does not say how
/// many people do volunteer work, but it does say for how many years; and `hoeveel tijd`
/// asks how long.
#[test]
fn a_number_of_years_answers_how_many_years_not_how_many_people() {
    let corpus = corpus();
    let first = |question: &str| first_in_corpus(&corpus, question);
    let four_years = "vrijwillige-inzet-2019-12-09.txt body 3";
    let people = first("hoeveel mensen doen vrijwilligerswerk");
    assert!(people.as_deref().is_none_or(|p| !p.ends_with(four_years)), "{people:?}");
    let years = first("hoeveel jaar stelt het kabinet geld beschikbaar voor vrijwilligerscentrales");
    assert!(years.as_deref().is_some_and(|y| y.ends_with(four_years)), "{years:?}");
    // `hoeveel later` asks for a duration itself: `acht maanden later` answers it.
    let later = first("hoeveel later gaat de aow in als mensen langer leven");
    assert!(later.as_deref().is_some_and(|l| l.ends_with("pensioenen-2020-06-12.txt body 3")), "{later:?}");
    // `hoeveel tijd` asks for a duration, which needs no number: `een jaar de tijd` answers it.
    let time = first("hoeveel tijd krijgen provincies voor hun plannen");
    assert!(time.as_deref().is_some_and(|t| t.ends_with("stikstof-2022-06-10.txt body 3")), "{time:?}");
    // An adverb of a stretch of time is a duration: `wekenlang stilleggen` says how long.
    let weeks = first("hoe lang ligt de dienstverlening van een gemeente stil na een aanval");
    assert!(
        weeks.as_deref().is_some_and(|w| w.ends_with("cyberweerbaarheid-2022-11-14.txt body 2")),
        "{weeks:?}"
    );
}

/// An English word in an English question is not taken for a Dutch compound: `schoolyard`
/// is not `school` + `yard`, one of which the letter holds (`production` was `product` +
/// `ion`).
#[test]
fn english_words_are_not_split_as_dutch_compounds() {
    let searcher = other_letter();
    let query = searcher.query("what does the minister say about the schoolyard");
    let words: Vec<&str> = query.groups.iter().map(|g| g.word.as_str()).collect();
    assert_eq!(words, ["minister", "schoolyard"]);
}

/// An English phrase is translated as one (`take part` → `deelnemen`), and a translation
/// brings its Dutch synonyms one step further removed (`participeren`, `meedoen`).
#[test]
fn an_english_phrase_is_translated_with_the_synonyms_of_its_translation() {
    use briefbot::search::query::MatchKind;
    let searcher = other_letter();
    let query = searcher.query("who cannot take part");
    let group = query.groups.iter().find(|g| g.word == "take part").expect("the phrase is one group");
    let translation =
        group.alternatives.iter().find(|a| a.kind == MatchKind::Translation).expect("translated");
    let synonyms: Vec<&str> =
        group.alternatives.iter().filter(|a| a.kind == MatchKind::Synonym).map(|a| a.stem.as_str()).collect();
    assert!(!synonyms.is_empty(), "no synonyms of {}", translation.stem);
    assert!(group.alternatives.iter().all(|a| a.kind != MatchKind::Synonym || a.weight < translation.weight));
}

/// A number typed in digits finds it spelled out and the other way round: the letter writes
/// `tien tot twintig jaar` and `26 november 2013`.
#[test]
fn digits_and_spelled_numbers_match_each_other() {
    let letter = library::load(Source::Folder("seeds".as_ref())).expect("the letter loads");
    for (question, number) in
        [("wat is er in 20 jaar veranderd", "twintig"), ("wat vroeg slob op zesentwintig november", "26")]
    {
        let answer = answer(&letter, question, Language::Dutch).expect("question accepted");
        let hit = answer.hits.first().expect(question);
        let stem = letter.index.analyzer().stem(number);
        let matched = hit.matched_stems(&letter.index);
        assert!(matched.contains(&stem), "{question}: matched {matched:?}");
    }
    // A number no document holds is no compound: `vijfenzeventig` asks for no `vijf`.
    assert_eq!(group_words(&letter, "vijfenzeventig netwerken"), ["vijfenzeventig", "netwerken"]);
}

/// A word matched through its translation is as much in the passage as a Dutch word matched
/// as typed: an English question whose every word translates covers the whole question, so
/// English questions meet the same decline threshold as Dutch ones.
#[test]
fn a_translated_word_covers_its_part_of_the_question_fully() {
    let letter = other_letter();
    let answer =
        answer(&letter, "who uses the new routes most", Language::English).expect("question accepted");
    let best = answer.hits.first().expect("a hit");
    assert!(best.coverage > 0.99, "coverage {}", best.coverage);
}

/// The unit after a range of numbers measures both ends: `de afgelopen tien tot twintig jaar`
/// is a duration, so it does not answer how many people.
#[test]
fn a_range_of_years_answers_no_question_of_how_many() {
    let letter = library::load(Source::Folder("seeds".as_ref())).expect("the letter loads");
    assert_eq!(first_passage(&letter, "hoeveel mensen zijn er mondiger geworden"), "none");
    assert_eq!(first_passage(&letter, "wat is er de afgelopen twintig jaar veranderd"), "body 2");
}

/// An English term whose Dutch is a phrase of several words (`social media` → `sociale
/// media`, `prime minister` → `minister-president`) is looked for word by word: the
/// documents hold the words, never the phrase as one token.
#[test]
fn a_translation_into_a_dutch_phrase_finds_its_words() {
    let letter = library::load(Source::Folder("seeds".as_ref())).expect("the letter loads");
    let media =
        answer(&letter, "what does the letter say about social media", Language::English).expect("accepted");
    assert!(media.reply.answered(), "declined");
    let matched = media.hits.first().expect("a hit").matched_stems(&letter.index);
    for word in ["sociale", "media"] {
        assert!(matched.contains(&letter.index.analyzer().stem(word)), "{word}: {matched:?}");
    }
    let prime_minister = answer(&letter, "who is the prime minister", Language::English).expect("accepted");
    let matched = prime_minister.hits.first().expect("a hit").matched_stems(&letter.index);
    assert!(matched.iter().any(|s| s == "president"), "{matched:?}");
}

/// Negation agreement (`src/search/negation.rs`), on the participation letter, which names
/// networks twice: `netwerken van familie` (paragraph 2) and `geen netwerk hebben`
/// (paragraph 7). A question about people without one is answered by the passage that
/// negates it; before the rule, paragraph 2 came first.
#[test]
fn a_passage_that_negates_what_the_question_negates_ranks_first() {
    let letter = library::load(Source::Folder("tests/fixtures/letter".as_ref())).expect("the letter loads");
    for question in ["hoe zit het met mensen zonder netwerk", "what happens to people without a network"] {
        let language = if question.starts_with("what") { Language::English } else { Language::Dutch };
        let answer = answer(&letter, question, language).expect("question accepted");
        let first = answer.hits.first().map(|h| letter.index.passage(h.id).number);
        assert_eq!(first, Some(7), "{question}");
    }
}

/// A passage that says what it means by a word (`Onder de sociale basis verstaan we ...`)
/// answers a question that asks what is meant by it (`wat wordt er bedoeld met ...`), before
/// the letter's opening paragraph that names the same words.
#[test]
fn a_passage_that_says_what_it_means_by_a_word_defines_it() {
    let corpus = corpus();
    for question in ["wat wordt er bedoeld met de sociale basis", "wat verstaan ze onder de sociale basis"] {
        let first = first_in_corpus(&corpus, question);
        assert!(
            first.as_deref().is_some_and(|f| f.ends_with("sociale-basis-2022-04-11.txt body 2")),
            "{question}: {first:?}"
        );
    }
}

/// A what-is question is answered by the paragraph that opens a sentence with the word after
/// an indefinite article (a generic statement: `In een deelauto ...`), not by the shorter
/// paragraph that only mentions it; on a made-up letter with no copula after the word.
#[test]
fn a_generic_sentence_about_the_word_answers_what_is_it() {
    let dir = tempfile::tempdir().unwrap();
    let letter = "Mobiliteit in dorpen\n\nBRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\n\
        Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 3 mei 2022\n\n\
        Met deze brief informeer ik uw Kamer over de proef met een deelauto in tien dorpen.\n\n\
        Veel dorpen hebben geen bushalte meer. Ouderen kunnen daardoor moeilijk naar de huisarts.\n\n\
        In een deelauto rijden bewoners om beurten. Zij reserveren de auto vooraf via een app \
        en betalen per kilometer.\n\nDe provincies betalen de helft van de kosten van de proef.\n\n\
        De Minister van Infrastructuur en Waterstaat,\nM. Jansen\n";
    std::fs::write(dir.path().join("mobiliteit-dorpen.txt"), letter).unwrap();
    let searcher = library::load(Source::Folder(dir.path())).expect("the made-up letter loads");
    for question in ["wat is een deelauto", "wat is een deelauto eigenlijk?"] {
        assert_eq!(first_passage(&searcher, question), "body 3", "{question}");
    }
}

/// An idiom's words carry no subject together (`wat heeft X met Y *te maken*`), though each
/// may elsewhere (`hoe maak je een fietsstraat`): `data/chat.toml` function phrases.
#[test]
fn an_idioms_words_are_not_searched_for() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("wat heeft rood asfalt met fietsstraten te maken"), ["rood", "asfalt", "fietsstraten"]);
    assert!(words("hoe maken gemeenten een fietsstraat").contains(&"maken".to_string()));
}

/// How the answer should be put (`in simpele woorden`, `kort gezegd`) is no subject of the
/// question, though its words may be elsewhere (`welke woorden`): `data/chat.toml` function
/// phrases.
#[test]
fn asking_for_simple_words_is_not_searched_for() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("wat is een fietsstraat in simpele woorden"), ["fietsstraat"]);
    assert_eq!(words("wat is kort gezegd een fietsstraat"), ["fietsstraat"]);
    assert!(words("welke simpele woorden staan bij een fietsstraat").contains(&"woorden".to_string()));
}

/// A verb of reading, hearing or knowing is the frame of a question near a subject pronoun
/// or before a complement, its content elsewhere; a word before a participle the lexicon
/// holds joined to it is a separable verb written apart (`dicht gegaan`), not the adjective
/// (`dicht bij huis`): `data/chat.toml` frame words, `query::joined_with_next`.
#[test]
fn a_frame_verb_is_content_outside_the_frame_and_a_participle_joins_its_particle() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("ik las dat fietsstraten rood zijn"), ["fietsstraten", "rood"]);
    assert_eq!(words("hoeveel scholieren lezen over fietsstraten"), ["scholieren", "fietsstraten"]);
    assert_eq!(words("hoeveel scholieren kunnen niet lezen"), ["scholieren", "lezen"]);
    assert_eq!(words("waarom is de straat dicht gegaan"), ["straat", "dichtgegaan"]);
    assert_eq!(words("ligt de school dicht bij huis"), ["ligt", "school", "dicht", "huis"]);
}

/// A question word no document holds that is the acronym of a name a document's title gives
/// (`wmo`, `Wet maatschappelijke ondersteuning`) is read as that name (`acronyms.rs`); one
/// that is the acronym of no name stays as typed.
#[test]
fn an_acronym_of_a_title_finds_the_letter_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let letter =
        "De Wet maatschappelijke ondersteuning\n\nBRIEF VAN DE STAATSSECRETARIS VAN VOLKSGEZONDHEID\n\n\
        Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 3 mei 2022\n\n\
        Met deze brief informeer ik uw Kamer over de evaluatie van de wet.\n\n\
        Sinds de invoering regelen gemeenten huishoudelijke hulp en dagbesteding voor inwoners \
        die dat zelf niet kunnen.\n\nDe eigen bijdrage wordt voortaan per huishouden berekend.\n\n\
        De Staatssecretaris van Volksgezondheid,\nM. Jansen\n";
    std::fs::write(dir.path().join("wmo-2022-05-03.txt"), letter).unwrap();
    let meta = "title = \"Brief van de staatssecretaris van Volksgezondheid over de Wet maatschappelijke ondersteuning\"\n\
        date = \"2022-05-03\"\n";
    std::fs::write(dir.path().join("wmo-2022-05-03.toml"), meta).unwrap();
    let searcher = library::load(Source::Folder(dir.path())).expect("the made-up letter loads");
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(
        words("wat regelen gemeenten via de wmo"),
        ["regelen", "gemeenten", "via", "wet", "maatschappelijke", "ondersteuning"]
    );
    assert_eq!(words("wat regelen gemeenten via de xyz"), ["regelen", "gemeenten", "via", "xyz"]);
    assert_eq!(first_passage(&searcher, "wat regelen gemeenten via de wmo"), "body 2");
}

/// A word the documents write in two at a hyphen (`back-ups`) is found when typed as one
/// (`backups`): two words of the documents that stand side by side and spell it.
#[test]
fn a_word_typed_whole_finds_the_documents_hyphenated_spelling() {
    let corpus = corpus();
    let words = |question: &str| group_words(&corpus, question);
    assert_eq!(words("maken kleine gemeenten backups"), ["maken", "kleine", "gemeenten", "back", "ups"]);
    // `upsback`: both halves are words of the documents, but never side by side in this order.
    assert_eq!(words("wat is upsback"), ["upsback"]);
    let first = first_in_corpus(&corpus, "helpt het rijk kleine gemeenten met backups").expect("answered");
    assert!(first.contains("cyberweerbaarheid-2022-11-14"), "{first}");
}

/// A date or a reference holds no count: `op 26 november 2013` and `nr. 28` do not answer
/// `hoeveel`, a number of what the question counts does, and a number in a passage without
/// the word counted counts something else.
#[test]
fn dates_and_references_answer_no_question_of_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Wegbeheer in provincies\n\nBRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\n\
        Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 1 juni 2022\n\n\
        Op 26 november 2021 heeft de minister met de provincies gesproken over het onderhoud van \
        bruggen (Kamerstuk 35 300, nr. 28).\n\n\
        Daarnaast beheren zij samen 40 sluizen.\n\n\
        De Minister van Infrastructuur en Waterstaat,\nM. Harbers\n";
    std::fs::write(dir.path().join("wegbeheer-2022-06-01.txt"), text).unwrap();
    let meta = "title = \"Brief van de minister van Infrastructuur en Waterstaat over wegbeheer\"\n\
        date = \"2022-06-01\"\nsender = \"De Minister van Infrastructuur en Waterstaat (M. Harbers)\"\n";
    std::fs::write(dir.path().join("wegbeheer-2022-06-01.toml"), meta).unwrap();
    let letter = library::load(Source::Folder(dir.path())).expect("the letter loads");
    assert_eq!(first_passage(&letter, "hoeveel bruggen worden er onderhouden"), "none");
    assert_eq!(first_passage(&letter, "hoeveel sluizen worden er beheerd"), "body 2");
    // The 40 count sluizen, which a passage without bridges does not turn into bridges.
    assert_eq!(first_passage(&letter, "hoeveel bruggen beheren zij samen"), "none");
}

/// A pronominal adverb (`er`, `hier` or `daar` with a preposition) points back at what the
/// message already named and names nothing itself, whichever preposition it has
/// (`data/chat.toml`).
#[test]
fn every_pronominal_adverb_is_a_function_word() {
    let searcher = other_letter();
    for adverb in
        ["hierdoor", "daarover", "erin", "hieronder", "daartegen", "eruit", "hiervan", "eraf", "daarheen"]
    {
        let question = format!("fietsen scholieren {adverb} vaker");
        let words = group_words(&searcher, &question);
        assert!(!words.contains(&adverb.to_string()), "{question}: {words:?}");
        assert!(words.contains(&"scholieren".to_string()), "{question}: {words:?}");
    }
}

/// Personal and possessive pronouns name nothing, also those the Snowball stop list leaves
/// out (`wij`, `onze`, `hen`; it has `we`, `ons`, `hun`), nor does `nergens` (as `ergens`).
#[test]
fn every_personal_pronoun_is_a_function_word() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("wij fietsen met onze kinderen"), ["fietsen", "kinderen"]);
    assert_eq!(words("fietsen scholieren met hen nergens veilig"), ["fietsen", "scholieren", "veilig"]);
}

/// Conjunctions join clauses and name nothing, also those the Snowball stop list leaves out
/// (`zodat`, `terwijl`, `zowel`: from the Dutch UD treebanks, see `data/stopwords-nl.txt`).
#[test]
fn every_conjunction_is_a_function_word() {
    let searcher = other_letter();
    let words = group_words(&searcher, "fietsen scholieren zodat ouders zowel thuis werken terwijl");
    assert!(!words.iter().any(|w| ["zodat", "zowel", "terwijl"].contains(&w.as_str())), "{words:?}");
    assert!(words.contains(&"scholieren".to_string()), "{words:?}");
}

/// A clipped everyday word is the word (`info`, `bieb`, `ov`: `data/chat.toml`), and
/// `bijvoorbeeld`, typed whole or as `bijv`, names nothing.
#[test]
fn a_clipped_word_is_the_word_and_bijvoorbeeld_names_nothing() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("info over fietsstraten bij de bieb"), ["informatie", "fietsstraten", "bibliotheek"]);
    assert_eq!(words("fietsen scholieren met het ov"), ["fietsen", "scholieren", "openbaar", "vervoer"]);
    assert_eq!(words("fietsen bijv scholieren bijvoorbeeld veiliger"), ["fietsen", "scholieren", "veiliger"]);
}

/// `elke` and `ieder` (like the stop words `al` and `alle`) and the near future as the time of
/// the question (`straks`, like `nu` and `tegenwoordig`) name nothing.
#[test]
fn determiners_of_every_one_and_the_near_future_name_nothing() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    assert_eq!(words("fietsen elke scholieren straks veiliger"), ["fietsen", "scholieren", "veiliger"]);
    assert_eq!(
        words("mag iedere gemeente zometeen fietsstraten aanleggen"),
        ["gemeente", "fietsstraten", "aanleggen"]
    );
}

/// A compound the documents lack is searched for by its parts, which together weigh as the
/// one word asked: the parts of `hockeyclub` share its rarity, so together they weigh no more
/// than any single word can, and a compound does not outweigh the rest of the question.
#[test]
fn the_parts_of_a_compound_share_the_weight_of_the_word() {
    let searcher = other_letter();
    let query = searcher.query("mag mijn hockeyclub een fietsstraat aanleggen");
    let parts: Vec<f32> = query
        .groups
        .iter()
        .filter(|g| ["hockey", "club"].contains(&g.word.as_str()))
        .map(|g| g.rarity)
        .collect();
    assert_eq!(parts.len(), 2, "{:?}", query.groups);
    assert!(parts[0] == parts[1] && parts[0] + parts[1] <= 1.0, "{parts:?}");
}

/// A letter's opening announces its subject in the subject's own words, so it matches every
/// question about the subject; unasked, it ranks below the paragraph that tells of it (`wat
/// gebeurt er in een burgerberaad`: `In een burgerberaad praten gelote inwoners ...`, not `In
/// deze brief informeer ik uw Kamer over het voorstel om een burgerberaad ... te houden`).
/// Asked what a letter named by its subject is about, the opening answers.
#[test]
fn an_unasked_opening_ranks_below_the_paragraph_that_tells_of_the_subject() {
    let corpus = corpus();
    let first = |question: &str| first_in_corpus(&corpus, question).unwrap_or_default();
    assert!(first("wat gebeurt er in een burgerberaad").ends_with("burgerberaad-2023-05-15.txt body 2"));
    for (question, letter) in [
        ("waar gaat de brief over burgerberaden over", "burgerberaad-2023-05-15.txt body 1"),
        ("waar gaat de brief over mantelzorg over", "mantelzorg-2019-06-12.txt body 1"),
    ] {
        assert!(first(question).ends_with(letter), "{question}: {}", first(question));
    }
    // Without the frame's closing `over`, the words after it are what is asked about.
    assert!(!first("wat zegt de brief over mantelzorg").ends_with("body 1"));
}

/// An English word whose translation no document holds as a word stands, like a Dutch
/// compound's part, for the documents' compounds that open with that translation: `asylum` →
/// `asiel` → `asielzoekers` (before, the question covered too little of any passage).
#[test]
fn an_unheld_translation_finds_the_compounds_that_open_with_it() {
    let corpus = corpus();
    let query = corpus.query("why were asylum seekers sleeping outside");
    let asylum = query.groups.iter().find(|g| g.word == "asylum").expect("asylum is asked");
    assert!(asylum.alternatives.iter().any(|a| a.stem == "asielzoeker"), "{:?}", asylum.alternatives);
    let answer =
        answer(&corpus, "why were asylum seekers sleeping outside", Language::English).expect("accepted");
    let hit = answer.hits.first().filter(|_| answer.reply.answered()).expect("answered");
    assert_eq!(corpus.index.documents()[hit.id.document].meta.id, "asielopvang-2023-08-28");
    // A derivation is no compound: `moeilijk` does not open with `moeien` (a translation of
    // `involve`), as `lijk` is the suffix there.
    let involved = corpus.query("are companies also involved in this");
    let involved = involved.groups.iter().find(|g| g.word == "involved").expect("involved is asked");
    assert!(!involved.alternatives.iter().any(|a| a.stem == "moeilijk"), "{:?}", involved.alternatives);
}

/// `hoe heet ...` asks for a name: a passage that names nothing (no word with a capital inside
/// a sentence) does not say what someone is called, however well it matches (`De wijkagent is
/// het aanspreekpunt voor buurtwachten` names no officer); one that names the thing does.
#[test]
fn a_question_for_a_name_is_answered_only_by_a_passage_that_names_something() {
    let corpus = corpus();
    assert_eq!(first_in_corpus(&corpus, "hoe heet de wijkagent in onze buurt"), None);
    let named = first_in_corpus(&corpus, "hoe heet het actieprogramma tegen eenzaamheid").expect("answered");
    assert!(named.contains("eenzaamheid-2018-03-26") && named.ends_with("body 1"), "{named}");
}

/// A cut in spending is asked about where the documents speak of costs (`data/glossary.toml`
/// `[nl]`, looked up by stem): every form of `bezuinigen` reaches `kosten`.
#[test]
fn a_cut_in_spending_is_searched_as_costs() {
    let corpus = corpus();
    let costs = corpus.index.analyzer().stem("kosten");
    for question in ["wordt er bezuinigd op de bus", "komen er bezuinigingen", "is dit bezuinigen"] {
        let query = corpus.query(question);
        let reaches_costs = query.groups.iter().flat_map(|g| &g.alternatives).any(|a| a.stem == costs);
        assert!(reaches_costs, "{question}");
    }
}

/// A paragraph that names the question's words together outranks a shorter one that lists
/// each in another sentence (`SPAN_WINDOW`): a made-up letter whose first paragraph is a
/// list and whose second says both things in one sentence, at more length.
#[test]
fn words_said_together_outrank_words_listed_apart() {
    let dir = tempfile::tempdir().unwrap();
    let list = "De gemeente plant bomen langs de rivier en bomen in het park. Verder komen er nieuwe speeltuinen in \
                elke wijk, betere verlichting bij de stations, meer bankjes op de pleinen van het \
                centrum en groene daken op scholen en sporthallen, waarover de raad na overleg met de \
                wijkraden in het najaar beslist. Voor bewoners komt er een regeling met subsidie.";
    let together = "Bewoners die bomen, hagen, struiken en bloeiende planten in hun eigen tuin \
                    zetten, krijgen daarvoor subsidie van de provincie. Het loket beantwoordt vragen \
                    over de aanvraag, de voorwaarden, de termijnen en de controle achteraf, en houdt \
                    een lijst bij van kwekerijen, hoveniers, adviseurs en vrijwilligers in de regio \
                    die bewoners helpen bij het kiezen en het onderhoud in de eerste jaren daarna.";
    let letter = common::letter("Groen in de wijk", &[list.to_string(), together.to_string()]);
    std::fs::write(dir.path().join("groen-2021-03-15.txt"), letter).unwrap();
    let searcher = library::load(Source::Folder(dir.path())).unwrap();
    assert_eq!(first_passage(&searcher, "krijg ik subsidie voor bomen"), "body 2");
}

/// A time noun after a question word asks when (`in welk jaar`, `op welke dag`, `which
/// year`): it is no word a paragraph must match, so a paragraph that says `jaar` is no
/// better an answer; the same noun elsewhere is a word of the question.
#[test]
fn a_time_noun_after_a_question_word_asks_when_and_names_nothing() {
    let searcher = other_letter();
    let words = |question: &str| group_words(&searcher, question);
    for question in [
        "in welk jaar legden gemeenten fietsstraten aan",
        "which year did municipalities build bicycle streets",
    ] {
        let words = words(question);
        assert!(!words.iter().any(|w| w == "jaar" || w == "year"), "{question}: {words:?}");
        assert!(words.len() >= 2, "{question}: {words:?}");
    }
    assert!(words("hoe lang duurt het jaar van de fiets").contains(&"jaar".to_string()));
}

/// A wordnet synonym written as several words (`notulen` → `proces-verbaal`) is asked as
/// those words when the documents hold each of them, as if it had been typed.
#[test]
fn a_synonym_of_several_words_is_asked_as_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let letter = std::fs::read_to_string("tests/fixtures/other-letter/fietsstraten-2021-03-15.txt").unwrap();
    let schouw = "Na elke schouw van een fietsstraat maakt de wegbeheerder een proces-verbaal op.\n\nIk wil";
    std::fs::write(dir.path().join("fietsstraten.txt"), letter.replace("Ik wil", schouw)).unwrap();
    let searcher = library::load(Source::Folder(dir.path())).unwrap();
    let words = group_words(&searcher, "wie maakt de notulen van een schouw");
    assert!(words.contains(&"proces".to_string()) && words.contains(&"verbaal".to_string()), "{words:?}");
    assert_eq!(first_passage(&searcher, "wat staat er in de notulen"), "body 5");
    assert_eq!(first_passage(&other_letter(), "wat staat er in de notulen"), "none", "not without its words");
}

/// Someone's view asked (`wat vindt de fietsersbond`, in the perfect `hoe heeft de
/// fietsersbond gereageerd`) is answered by a passage that reports it, whichever verb or
/// phrase of saying it uses (stop words like `zegt` and `volgens` included, which the index
/// does not hold), not by one that only names them.
#[test]
fn a_view_asked_needs_a_passage_that_reports_it() {
    let with_sentence = |sentence: &str| {
        let dir = tempfile::tempdir().unwrap();
        let letter =
            std::fs::read_to_string("tests/fixtures/other-letter/fietsstraten-2021-03-15.txt").unwrap();
        let letter = letter.replace("Ik wil", &format!("{sentence}\n\nIk wil"));
        std::fs::write(dir.path().join("fietsstraten.txt"), letter).unwrap();
        library::load(Source::Folder(dir.path())).unwrap()
    };
    let named = with_sentence("De fietsersbond telt elk jaar de fietsers in de fietsstraten.");
    for reported in [
        "De fietsersbond heeft positief gereageerd op de eerste fietsstraten.",
        "De fietsersbond zegt dat de eerste fietsstraten goed bevallen.",
        "Volgens de fietsersbond bevallen de eerste fietsstraten goed.",
    ] {
        let reported = with_sentence(reported);
        for question in [
            "hoe heeft de fietsersbond gereageerd op de fietsstraten",
            "wat vindt de fietsersbond van de fietsstraten",
        ] {
            assert_eq!(first_passage(&reported, question), "body 5", "{question}");
            assert_eq!(first_passage(&named, question), "none", "{question}: naming them reports no view");
        }
    }
    // The sender's own reaction is no one else's, though the letter names them elsewhere.
    let own = with_sentence(
        "De fietsersbond telt de fietsers.\n\nMet deze brief reageer ik op vragen over de eerste fietsstraten.",
    );
    assert_eq!(first_passage(&own, "hoe reageerde de fietsersbond op de fietsstraten"), "none");
}

/// An English phrase of function words only is meant word by word (`how they want to *do
/// it*` is no `do it` of wordnet, whose Dutch words are vulgar; `get in the way` is no `get
/// in`, to enter), while a phrase with a content word is still one (`take part`).
#[test]
fn a_phrase_of_function_words_is_not_translated_as_one() {
    let searcher = other_letter();
    for question in ["is red asphalt how they want to do it", "does red asphalt get in the way of cars"] {
        let words = group_words(&searcher, question);
        assert!(!words.iter().any(|w| w == "do it" || w == "get in"), "{question}: {words:?}");
    }
    assert!(group_words(&searcher, "can pupils take part in the plan").contains(&"take part".to_string()));
}

/// What `hoeveel X` counts may be counted under a wordnet synonym of X, even where the letter
/// holds X itself elsewhere (`tests/fixtures/counting`: `gezinnen` in the paragraph about
/// priority, the number beside `huishoudens`); a paragraph that names X without a number
/// still does not answer.
#[test]
fn a_count_under_a_synonym_of_the_word_counted_answers() {
    let letter = counting_letter();
    assert_eq!(
        first_passage(&letter, "hoeveel gezinnen wachten op een aansluiting op het warmtenet"),
        "body 2"
    );
    assert_eq!(first_passage(&letter, "hoeveel gezinnen krijgen voorrang"), "none");
}

/// A question that asks when is answered by a year or a number of units of time (`over drie
/// jaar`), not by a count of something else (`tests/fixtures/counting`: `achtduizend
/// huishoudens` names no moment).
#[test]
fn only_a_year_or_units_of_time_answer_when() {
    let letter = counting_letter();
    assert_eq!(first_passage(&letter, "in welk jaar gingen de huishoudens wachten op het warmtenet"), "none");
    assert_eq!(first_passage(&letter, "wanneer begint de aansluiting van de laatste wijken"), "body 4");
}

/// A province is a place (`data/places-nl.txt`): the letter that names it answers a question
/// about it, and the others do not (the table above: `zeeland`, `gelderland`).
#[test]
fn a_province_the_letter_names_is_answered_from_it() {
    let corpus = corpus();
    let answer =
        answer(&corpus, "wat gebeurde er in limburg met de kleine rivieren", Language::Dutch).expect("asked");
    let quoted = answer.hits.first().filter(|_| answer.reply.answered());
    let document = quoted.map(|hit| corpus.index.documents()[hit.id.document].meta.id.as_str());
    assert_eq!(document, Some("dijkversterking-2021-05-17"));
}
