//! Prints what briefbot makes of an upload (PDF, HTML/XML or text): the proposal's metadata,
//! and its text in the documents format. `cargo run --example extract_upload -- FILE`
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let upload = briefbot::import::Upload {
        file_name: path.clone(),
        bytes: std::fs::read(&path).expect("readable"),
        size: 0,
    };
    let lexicon = briefbot::text::lexicon::Lexicon::default();
    match briefbot::import::propose(&upload, &Default::default(), u64::MAX, &lexicon) {
        Ok(p) => {
            println!("{:?}\n{} paragraphs, {} pages\n---\n{}", p.metadata, p.paragraphs, p.pages, p.text)
        }
        Err(e) => println!("error: {e}"),
    }
}
