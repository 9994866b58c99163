//! The `tock` command: parse the command line, start the engine, run the
//! loop (the library, `src/lib.rs`, holds the rest).

use tock::host::stdio;
use tock::{cli, engine, event_loop, host};

fn main() {
    // A bug in tock must never reach the user as a panic dump.
    std::panic::set_hook(Box::new(|info| {
        stdio::flush();
        eprintln!("tock: internal error: {info}\nPlease report this as a bug.");
        std::process::exit(70);
    }));
    host::signals::start();
    let options = cli::parse();
    let host = host::Host::new(options);
    let engine = match engine::Engine::new(&host) {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("tock: cannot start the JavaScript engine: {e}");
            std::process::exit(70);
        }
    };
    let event_loop = event_loop::EventLoop::new(engine.context.clone(), host);
    event_loop.run_entry();
    let code = event_loop.run();
    stdio::exit(code);
}
