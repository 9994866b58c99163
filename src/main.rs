//! The `tock` command: parse the command line, run the program (the library,
//! `src/lib.rs`, holds the rest).

use tock::os::{signals, stdio};
use tock::{cli, runtime};

fn main() {
    // A bug in tock must never reach the user as a panic dump.
    std::panic::set_hook(Box::new(|info| {
        stdio::flush();
        eprintln!("tock: internal error: {info}\nPlease report this as a bug.");
        std::process::exit(70);
    }));
    signals::start();
    let options = cli::parse();
    match runtime::run(options) {
        Ok(code) => stdio::exit(code),
        Err(e) => {
            eprintln!("tock: cannot start the JavaScript engine: {e}");
            std::process::exit(70);
        }
    }
}
