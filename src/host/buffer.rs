//! Natives behind `buffer.js`: converting between strings and bytes in
//! Node's encodings. `buffer.js` passes canonical encoding names.

use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use rquickjs::{ArrayBuffer, Ctx, Exception, Function, IntoJs, Object, Result, TypedArray, Value};

use crate::engine::text::{self, Utf8};

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let native = &super::group(ctx, native, "buffer")?;
    native.set(
        "encode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, text: rquickjs::String<'js>, encoding: Utf8| -> Result<ArrayBuffer<'js>> {
                let bytes = match &*encoding {
                    // Node keeps the low byte of each UTF-16 unit for both.
                    "latin1" | "ascii" => text::to_utf16(&text)?.into_iter().map(|unit| unit as u8).collect(),
                    // Lone surrogates survive a round trip through UTF-16.
                    "utf16le" => text::to_utf16(&text)?.into_iter().flat_map(u16::to_le_bytes).collect(),
                    _ => encode(&text::to_utf8(&text)?, &encoding).ok_or_else(|| unknown_encoding(&ctx, &encoding))?,
                };
                ArrayBuffer::new(ctx, bytes)
            },
        )?,
    )?;
    native.set(
        "decode",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             bytes: TypedArray<'js, u8>,
             encoding: Utf8,
             start: usize,
             end: usize|
             -> Result<Value<'js>> {
                // SAFETY: read at once; nothing runs while the slice is alive.
                let all = unsafe { bytes.as_bytes() }.unwrap_or_default();
                let end = end.min(all.len());
                let bytes = &all[start.min(end)..end];
                if &*encoding == "utf16le" {
                    // Lone surrogates survive the round trip, as in Node.
                    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
                    return text::from_utf16(&ctx, &units);
                }
                let decoded = decode(bytes, &encoding).ok_or_else(|| unknown_encoding(&ctx, &encoding))?;
                decoded.into_js(&ctx)
            },
        )?,
    )?;
    native.set(
        "isUtf8",
        Function::new(ctx.clone(), |bytes: TypedArray<'js, u8>| {
            // SAFETY: read at once; nothing runs while the slice is alive.
            std::str::from_utf8(unsafe { bytes.as_bytes() }.unwrap_or_default()).is_ok()
        })?,
    )?;
    native.set(
        "compare",
        Function::new(ctx.clone(), |a: TypedArray<'js, u8>, b: TypedArray<'js, u8>| {
            // SAFETY: both read at once; nothing runs while the slices are alive.
            let (a, b) = unsafe { (a.as_bytes().unwrap_or_default(), b.as_bytes().unwrap_or_default()) };
            a.cmp(b) as i32
        })?,
    )?;
    // The first match at or after `from` (the last at or before it when
    // `backwards`), or -1.
    native.set(
        "indexOf",
        Function::new(
            ctx.clone(),
            |haystack: TypedArray<'js, u8>, needle: TypedArray<'js, u8>, from: usize, backwards: bool| {
                // SAFETY: both read at once; nothing runs while the slices are alive.
                let (haystack, needle) =
                    unsafe { (haystack.as_bytes().unwrap_or_default(), needle.as_bytes().unwrap_or_default()) };
                let found = if needle.is_empty() {
                    Some(from.min(haystack.len()))
                } else if backwards {
                    let end = (from + needle.len()).min(haystack.len());
                    haystack[..end].windows(needle.len()).rposition(|w| w == needle)
                } else {
                    haystack
                        .get(from..)
                        .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
                        .map(|i| i + from)
                };
                found.map_or(-1.0, |i| i as f64)
            },
        )?,
    )?;
    native.set("utf8Length", Function::new(ctx.clone(), |text: Utf8| text.len())?)?;
    Ok(())
}

fn unknown_encoding(ctx: &Ctx<'_>, encoding: &str) -> rquickjs::Error {
    Exception::throw_type(ctx, &format!("Unknown encoding: {encoding}"))
}

fn encode(text: &str, encoding: &str) -> Option<Vec<u8>> {
    Some(match encoding {
        "utf8" => text.as_bytes().to_vec(),
        "hex" => {
            // Node stops at the first pair that is not hex.
            let digits = text.as_bytes();
            let value = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
            digits.chunks_exact(2).map_while(|pair| Some(value(pair[0])? << 4 | value(pair[1])?)).collect()
        }
        "base64" | "base64url" => decode_base64(text),
        _ => return None,
    })
}

/// Node's forgiving base64: either alphabet, padding optional, whitespace and
/// other stray characters skipped, decoding stops at `=`.
fn decode_base64(text: &str) -> Vec<u8> {
    let mut clean: Vec<u8> = text
        .bytes()
        .take_while(|&b| b != b'=')
        .filter_map(|b| match b {
            b'-' => Some(b'+'),
            b'_' => Some(b'/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' => Some(b),
            _ => None,
        })
        .collect();
    if clean.len() % 4 == 1 {
        clean.pop(); // a lone trailing sextet carries no whole byte
    }
    let config = GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true);
    GeneralPurpose::new(&base64::alphabet::STANDARD, config).decode(&clean).unwrap_or_default()
}

fn decode(bytes: &[u8], encoding: &str) -> Option<String> {
    Some(match encoding {
        "utf8" => String::from_utf8_lossy(bytes).into_owned(),
        "latin1" => bytes.iter().map(|&b| b as char).collect(),
        "ascii" => bytes.iter().map(|&b| (b & 0x7f) as char).collect(),
        "hex" => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            bytes.iter().flat_map(|b| [DIGITS[(b >> 4) as usize] as char, DIGITS[(b & 15) as usize] as char]).collect()
        }
        "base64" => base64::engine::general_purpose::STANDARD.encode(bytes),
        "base64url" => base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_forgiving_like_node() {
        assert_eq!(decode_base64("aGVsbG8="), b"hello");
        assert_eq!(decode_base64("aGVs bG8"), b"hello");
        assert_eq!(decode_base64("_-8"), [0xff, 0xef]);
        assert_eq!(decode_base64("aGVsbG8=garbage"), b"hello");
    }

    #[test]
    fn hex_stops_at_the_first_bad_pair() {
        assert_eq!(encode("6869zz41", "hex").unwrap(), b"hi");
        assert_eq!(encode("686", "hex").unwrap(), b"h");
    }
}
