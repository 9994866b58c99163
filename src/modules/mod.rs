//! Modules as Node has them: resolution (`resolve`), the ES module loader
//! (`esm`), and the named exports of CommonJS files (`cjs_exports`).
//! CommonJS loading itself is `src/js/modules.js`, on these natives.

pub mod cjs_exports;
pub mod esm;
pub mod resolve;
