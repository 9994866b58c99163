//! tock: a JavaScript runtime whose event loop you can read.
//!
//! Dependencies point one way, from the top:
//! - `runtime`: one runtime — engine, state, natives, the main program, the loop.
//! - `host`: the natives behind the JavaScript APIs (`src/js/`), one file per API.
//! - `event_loop`: the turn of the loop and its queues (timers, immediates,
//!   I/O completions, close callbacks).
//! - `modules`: Node's module resolution, the ES module loader.
//! - `cli`: the command line, parsed into plain options.
//! - `trace`: load-time instrumentation for the tracer.
//! - `sqlite`: SQLite's connections, statements and connection threads.
//! - `engine`: QuickJS-ng glue; `os`: stdio, signals, errno.

pub mod cli;
pub mod engine;
pub mod event_loop;
pub mod host;
pub mod modules;
pub mod os;
pub mod runtime;
pub mod sqlite;
pub mod trace;
pub mod worker;
