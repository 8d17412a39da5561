//! The conversation-script parser on any text: a script or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = briefbot::script::parse(std::path::Path::new("fuzz.conv"), text);
});
