//! Tracing: what the loop does, made visible. `instrument` rewrites traced
//! sources at load time; the events are collected and rendered (text, JSON,
//! Chrome trace, HTML replay) by `src/js/internal/trace.js` and `src/js/internal/trace/`.

pub mod instrument;
