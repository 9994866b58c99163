//! Any arguments (NUL-separated) as tock's command line: options or a
//! reason to stop, never a panic or an exit.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let args = data.split(|&b| b == 0).map(|arg| String::from_utf8_lossy(arg).into_owned());
    let _ = tock::cli::parse_from(std::iter::once("tock".to_owned()).chain(args));
});
