//! The metadata parser on any text: a result or an error with a line inside the text.
#![no_main]

use briefbot::document::Metadata;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err((line, _message)) = Metadata::parse("fuzz", text) {
        assert!(line >= 1 && line <= text.lines().count().max(1) + 1, "line {line} of {text:?}");
    }
});
