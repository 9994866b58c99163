//! The one way a JavaScript string leaves JavaScript.
//!
//! JavaScript strings are UTF-16 and may hold lone surrogates; Rust strings
//! and the bytes tock writes are UTF-8. QuickJS encodes a lone surrogate as
//! the three bytes `ED A0..BF xx` (not UTF-8), which Rust refuses. Node writes
//! U+FFFD for each one, and so does every conversion here: stdio, console,
//! fs paths and data, Buffer, TextEncoder, URL, the environment, child-process
//! arguments, error reports and traces all take a string through `Utf8`.

use std::ffi::c_char;

use rquickjs::{Ctx, FromJs, Result, Value, qjs};

/// A JavaScript string as UTF-8, each lone surrogate replaced by U+FFFD.
/// Use it instead of `String` for every argument a native takes from
/// JavaScript: `|path: Utf8| … path.0 …`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Utf8(pub String);

impl<'js> FromJs<'js> for Utf8 {
    fn from_js(ctx: &Ctx<'js>, value: Value<'js>) -> Result<Self> {
        let string = rquickjs::String::from_js(ctx, value)?;
        Ok(Utf8(to_utf8(&string)?))
    }
}

impl std::ops::Deref for Utf8 {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Utf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Utf8> for String {
    fn from(text: Utf8) -> String {
        text.0
    }
}

/// A JavaScript string as UTF-8, lone surrogates replaced by U+FFFD.
pub fn to_utf8(string: &rquickjs::String<'_>) -> Result<String> {
    with_utf8(string, str::to_owned)
}

/// Lends a JavaScript string's UTF-8 (lone surrogates replaced by U+FFFD)
/// to `use_it`, without a copy when the string is well-formed: the output
/// path writes it straight from the engine's buffer.
pub fn with_utf8<R>(string: &rquickjs::String<'_>, use_it: impl FnOnce(&str) -> R) -> Result<R> {
    let ctx = string.ctx();
    let mut len = 0usize;
    // SAFETY: the context and value are live; QuickJS returns a buffer of
    // `len` bytes (or null on an exception), freed below.
    let ptr: *const c_char = unsafe { qjs::JS_ToCStringLen(ctx.as_raw().as_ptr(), &mut len, string.as_raw()) };
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: `ptr` points to `len` initialised bytes until it is freed.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    let result = match std::str::from_utf8(bytes) {
        Ok(text) => use_it(text),
        Err(_) => use_it(&replace_lone_surrogates(bytes)),
    };
    // SAFETY: `ptr` came from JS_ToCStringLen on this context.
    unsafe { qjs::JS_FreeCString(ctx.as_raw().as_ptr(), ptr) };
    Ok(result)
}

/// A JavaScript string's UTF-16 code units, lone surrogates kept (for the
/// encodings that work on units: utf16le, latin1, ascii).
pub fn to_utf16(string: &rquickjs::String<'_>) -> Result<Vec<u16>> {
    let ctx = string.ctx();
    let mut len = 0;
    // SAFETY: as in `to_utf8`; the buffer holds `len` code units.
    let ptr = unsafe { qjs::JS_ToCStringLenUTF16(ctx.as_raw().as_ptr(), &mut len, string.as_raw()) };
    let len = len as usize;
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: `ptr` points to `len` initialised units until it is freed.
    let units = unsafe { std::slice::from_raw_parts(ptr, len) }.to_vec();
    // SAFETY: `ptr` came from JS_ToCStringLenUTF16 on this context.
    unsafe { qjs::JS_FreeCStringUTF16(ctx.as_raw().as_ptr(), ptr) };
    Ok(units)
}

/// A JavaScript string made of UTF-16 code units, lone surrogates and all.
pub fn from_utf16<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    // SAFETY: QuickJS copies `units.len()` units; the new value (or an
    // exception) is owned by the `Value`.
    let value = unsafe {
        Value::from_raw(ctx.clone(), qjs::JS_NewStringUTF16(ctx.as_raw().as_ptr(), units.as_ptr(), units.len() as _))
    };
    if value.is_exception() { Err(rquickjs::Error::Exception) } else { Ok(value) }
}

/// QuickJS's encoding of a string with lone surrogates, as UTF-8. A
/// surrogate's three bytes become U+FFFD's three bytes, so the length holds.
fn replace_lone_surrogates(bytes: &[u8]) -> String {
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i + 2 < out.len() {
        if out[i] == 0xED && out[i + 1] >= 0xA0 {
            out[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::replace_lone_surrogates;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        // 'a' U+D83D 'b' U+DC00, as QuickJS encodes them.
        let wtf8 = [b'a', 0xED, 0xA0, 0xBD, b'b', 0xED, 0xB0, 0x80];
        assert_eq!(replace_lone_surrogates(&wtf8), "a\u{FFFD}b\u{FFFD}");
        // Hangul (ED 80..9F) is ordinary UTF-8 and stays.
        assert_eq!(replace_lone_surrogates("\u{D55C}\u{D7FF}".as_bytes()), "\u{D55C}\u{D7FF}");
    }
}
