//! tock: a JavaScript runtime whose event loop you can read.
//!
//! - `cli`: the command line.
//! - `engine`: QuickJS-ng glue.
//! - `modules`: Node's module resolution, the ES module loader.
//! - `event_loop`: the turn of the loop, the timer heap, the immediate queue.
//! - `host`: the APIs a program sees (console, process, timers…), Rust natives
//!   beside their embedded JavaScript in `src/js/`.

pub mod cli;
pub mod engine;
pub mod event_loop;
pub mod host;
pub mod modules;
pub mod trace;
