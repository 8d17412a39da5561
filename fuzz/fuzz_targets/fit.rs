//! Fitting text into a limit: never more characters than the limit, never a cut inside a
//! character (the result is a `String`), and what is kept is a prefix of the text.
#![no_main]

use briefbot::fit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, &str)| {
    let (max, text) = input;
    let max = usize::from(max % 3000);
    let fitted = fit::truncate(text, max);
    assert!(fitted.chars().count() <= max);
    let kept = fitted.trim_end_matches(fit::CUT_MARK).trim_end();
    assert!(text.starts_with(kept), "{kept:?} is not a prefix of {text:?}");
});
