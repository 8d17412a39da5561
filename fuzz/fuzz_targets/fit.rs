//! Fitting text into a limit: never more characters than the limit, never a cut inside a
//! character (the result is a `String`), and splitting keeps every word.
#![no_main]

use briefbot::fit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, &str)| {
    let (max, text) = input;
    let max = usize::from(max % 3000);
    assert!(fit::truncate(text, max).chars().count() <= max);
    let pieces = fit::split(text, max.max(1));
    assert!(pieces.iter().all(|p| p.chars().count() <= max.max(1)));
    let words: usize = pieces.iter().map(|p| p.split_whitespace().count()).sum();
    assert!(words >= text.split_whitespace().count());
});
