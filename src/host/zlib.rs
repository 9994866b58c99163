//! Natives behind `zlib.js`: compression engines (deflate, inflate, gzip,
//! gunzip, raw, unzip on flate2's zlib-rs; brotli on the brotli crate), each
//! named by an id. A chunk is processed at once for the `*Sync` calls, or
//! on the blocking pool — as Node runs zlib on libuv's threadpool — with its
//! output delivered as an I/O completion.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use brotli::HeapAlloc;
use brotli_decompressor::{BrotliDecompressStream, BrotliResult};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use rquickjs::{ArrayBuffer, Ctx, Function, IntoJs, Object, Result, TypedArray, Value};

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::io::Deliver;
use crate::event_loop::{Next, Request};

// zlib's flush values, as Node's constants give them.
const Z_PARTIAL_FLUSH: i32 = 1;
const Z_SYNC_FLUSH: i32 = 2;
const Z_FULL_FLUSH: i32 = 3;
const Z_FINISH: i32 = 4;
// Brotli's operations.
const BROTLI_FLUSH: i32 = 1;
const BROTLI_FINISH: i32 = 2;

/// A failure as Node's zlib reports it: message, code and errno.
#[derive(Debug)]
struct Failure {
    message: String,
    code: &'static str,
    errno: i32,
}

impl Failure {
    fn data(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), code: "Z_DATA_ERROR", errno: -3 }
    }

    fn to_js<'js>(&self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let info = Object::new(ctx.clone())?;
        info.set("message", self.message.as_str())?;
        info.set("code", self.code)?;
        info.set("errno", self.errno)?;
        info.into_js(ctx)
    }
}

type BrotliState =
    brotli_decompressor::BrotliState<HeapAlloc<u8>, HeapAlloc<u32>, HeapAlloc<brotli_decompressor::HuffmanCode>>;

enum Engine {
    Deflate(Compress),
    Inflate(Inflater),
    BrotliEncode(Option<Box<brotli::CompressorWriter<Vec<u8>>>>),
    BrotliDecode(Box<BrotliState>, bool),
}

/// What a chunk gave: its output, and how many of its bytes the engine took
/// (the rest followed the end of the stream).
type Processed = std::result::Result<(Vec<u8>, usize), Failure>;

/// Inflate, gunzip, raw or unzip (the header tells gzip from zlib).
struct Inflater {
    decompress: Decompress,
    kind: Kind,
    window_bits: u8,
    dictionary: Option<Vec<u8>>,
    /// The stream's end was read: what follows is ignored (or, for gunzip,
    /// another member).
    ended: bool,
    /// Unzip before its first bytes.
    undecided: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Zlib,
    Gzip,
    Raw,
}

fn decompressor(kind: Kind, window_bits: u8) -> Decompress {
    match kind {
        Kind::Zlib => Decompress::new_with_window_bits(true, window_bits),
        Kind::Raw => Decompress::new_with_window_bits(false, window_bits),
        Kind::Gzip => Decompress::new_gzip(window_bits),
    }
}

/// Runs `step` over all of `input`, growing the output as it fills.
fn drain(
    mut step: impl FnMut(&[u8], &mut Vec<u8>) -> std::result::Result<(usize, bool), Failure>,
    input: &[u8],
) -> std::result::Result<Vec<u8>, Failure> {
    let mut output = Vec::with_capacity(input.len().max(64));
    let mut at = 0;
    loop {
        if output.capacity() - output.len() < 1024 {
            output.reserve(output.capacity().max(16 * 1024));
        }
        let (read, done) = step(&input[at..], &mut output)?;
        at += read;
        if done {
            return Ok(output);
        }
    }
}

impl Engine {
    fn process(&mut self, input: &[u8], flush: i32) -> Processed {
        match self {
            Engine::Deflate(compress) => {
                let mode = match flush {
                    Z_PARTIAL_FLUSH => FlushCompress::Partial,
                    Z_SYNC_FLUSH => FlushCompress::Sync,
                    Z_FULL_FLUSH => FlushCompress::Full,
                    Z_FINISH => FlushCompress::Finish,
                    _ => FlushCompress::None,
                };
                let output = drain(
                    |rest, out| {
                        let before = compress.total_in();
                        let room = out.capacity() - out.len();
                        let status =
                            compress.compress_vec(rest, out, mode).map_err(|e| Failure::data(e.to_string()))?;
                        let read = (compress.total_in() - before) as usize;
                        let filled = out.capacity() - out.len() == 0 && room > 0;
                        Ok((read, status == Status::StreamEnd || (read == rest.len() && !filled)))
                    },
                    input,
                )?;
                Ok((output, input.len()))
            }
            Engine::Inflate(inflater) => inflater.process(input, flush),
            Engine::BrotliEncode(writer) => {
                let Some(encoder) = writer.as_mut() else { return Ok((Vec::new(), 0)) };
                encoder.write_all(input).map_err(|e| Failure::data(e.to_string()))?;
                if flush == BROTLI_FINISH {
                    return Ok((writer.take().map(|w| w.into_inner()).unwrap_or_default(), input.len()));
                }
                if flush == BROTLI_FLUSH {
                    encoder.flush().map_err(|e| Failure::data(e.to_string()))?;
                }
                Ok((std::mem::take(encoder.get_mut()), input.len()))
            }
            Engine::BrotliDecode(state, ended) => brotli_decode(state, ended, input, flush),
        }
    }
}

/// Brotli's decoder over one chunk; bytes after the stream's end are left.
fn brotli_decode(state: &mut BrotliState, ended: &mut bool, input: &[u8], flush: i32) -> Processed {
    let mut output = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    let (mut available_in, mut input_offset) = (input.len(), 0);
    while !*ended {
        let (mut available_out, mut output_offset, mut total) = (chunk.len(), 0, 0);
        let result = BrotliDecompressStream(
            &mut available_in,
            &mut input_offset,
            input,
            &mut available_out,
            &mut output_offset,
            &mut chunk,
            &mut total,
            state,
        );
        output.extend_from_slice(&chunk[..output_offset]);
        match result {
            BrotliResult::ResultSuccess => *ended = true,
            BrotliResult::NeedsMoreOutput => {}
            BrotliResult::NeedsMoreInput => break,
            BrotliResult::ResultFailure => {
                // Node's code: "ERR_" and the decoder's name of the error
                // without its BROTLI_DECODER prefix.
                let name = format!("{:?}", state.error_code);
                let code = format!("ERR_{}", name.trim_start_matches("BROTLI_DECODER"));
                return Err(Failure {
                    message: "Decompression failed".into(),
                    code: Box::leak(code.into_boxed_str()),
                    errno: state.error_code as i32,
                });
            }
        }
    }
    if flush == BROTLI_FINISH && !*ended {
        return Err(Failure { message: "unexpected end of file".into(), code: "Z_BUF_ERROR", errno: -5 });
    }
    Ok((output, input_offset))
}

impl Inflater {
    fn process(&mut self, input: &[u8], flush: i32) -> Processed {
        let mut output = Vec::new();
        let mut rest = input;
        while !rest.is_empty() {
            if self.ended {
                // Only gunzip goes on, with the next member; zero bytes
                // after one are padding, as zlib users treat them.
                if self.kind != Kind::Gzip || rest[0] == 0 {
                    break;
                }
                if rest[0] != 0x1f || rest.get(1).is_some_and(|b| *b != 0x8b) {
                    return Err(Failure::data("incorrect header check"));
                }
                self.decompress = decompressor(Kind::Gzip, self.window_bits);
                self.ended = false;
            }
            if self.undecided {
                self.undecided = false;
                if rest[0] == 0x1f && rest.get(1).is_none_or(|b| *b == 0x8b) {
                    self.kind = Kind::Gzip;
                    self.decompress = decompressor(Kind::Gzip, self.window_bits);
                }
            }
            let read = self.inflate(rest, &mut output)?;
            rest = &rest[read..];
            if read == 0 && !self.ended {
                break;
            }
        }
        if flush == Z_FINISH && !self.ended {
            return Err(Failure { message: "unexpected end of file".into(), code: "Z_BUF_ERROR", errno: -5 });
        }
        Ok((output, input.len() - rest.len()))
    }

    /// Inflates what it can of `input` into `output`: the bytes read.
    fn inflate(&mut self, input: &[u8], output: &mut Vec<u8>) -> std::result::Result<usize, Failure> {
        let mut at = 0;
        loop {
            if output.capacity() - output.len() < 1024 {
                output.reserve(output.capacity().max(16 * 1024));
            }
            let before = self.decompress.total_in();
            let room = output.capacity() - output.len();
            let status = match self.decompress.decompress_vec(&input[at..], output, FlushDecompress::None) {
                Ok(status) => status,
                Err(err) => {
                    if err.needs_dictionary().is_some() {
                        let Some(dictionary) = &self.dictionary else {
                            return Err(Failure {
                                message: "Missing dictionary".into(),
                                code: "Z_NEED_DICT",
                                errno: 2,
                            });
                        };
                        if self.decompress.set_dictionary(dictionary).is_err() {
                            return Err(Failure { message: "Bad dictionary".into(), code: "Z_NEED_DICT", errno: 2 });
                        }
                        at += (self.decompress.total_in() - before) as usize;
                        continue;
                    }
                    return Err(Failure::data(err.message().unwrap_or("invalid data").to_owned()));
                }
            };
            let read = (self.decompress.total_in() - before) as usize;
            at += read;
            if status == Status::StreamEnd {
                self.ended = true;
                return Ok(at);
            }
            let full = output.capacity() - output.len() == 0 && room > 0;
            if at == input.len() && !full {
                return Ok(at);
            }
            if read == 0 && !full && status == Status::BufError {
                return Ok(at);
            }
        }
    }
}

type Engines = Rc<RefCell<HashMap<u64, Arc<Mutex<Engine>>>>>;

fn create(kind: &str, options: &Object<'_>) -> Result<Option<Engine>> {
    let number =
        |key: &str, fallback: i32| options.get::<_, Value>(key).map(|v| v.as_number().map_or(fallback, |n| n as i32));
    let level = number("level", 6)?;
    let level = Compression::new(if level < 0 { 6 } else { level as u32 });
    // zlib-rs takes 9 to 15; 0 (the header's size) reads any window.
    let window_bits = match number("windowBits", 15)? {
        0 => 15,
        bits => bits.clamp(9, 15) as u8,
    };
    let dictionary: Option<Vec<u8>> = TypedArray::<u8>::from_value(options.get("dictionary")?)
        .ok()
        // SAFETY: copied at once.
        .map(|bytes| unsafe { bytes.as_bytes() }.unwrap_or_default().to_vec());
    let inflater = |kind: Kind, undecided: bool| {
        let mut decompress = decompressor(kind, window_bits);
        // A raw stream names no dictionary: it is in force from the start.
        if let (Kind::Raw, Some(dictionary)) = (kind, &dictionary) {
            let _ = decompress.set_dictionary(dictionary);
        }
        Engine::Inflate(Inflater {
            decompress,
            kind,
            window_bits,
            dictionary: dictionary.clone(),
            ended: false,
            undecided,
        })
    };
    Ok(Some(match kind {
        "deflate" | "deflateRaw" => {
            let mut compress = Compress::new_with_window_bits(level, kind == "deflate", window_bits);
            if let Some(dictionary) = &dictionary {
                let _ = compress.set_dictionary(dictionary);
            }
            Engine::Deflate(compress)
        }
        "gzip" => Engine::Deflate(Compress::new_gzip(level, window_bits)),
        "inflate" => inflater(Kind::Zlib, false),
        "inflateRaw" => inflater(Kind::Raw, false),
        "gunzip" => inflater(Kind::Gzip, false),
        "unzip" => inflater(Kind::Zlib, true),
        "brotliCompress" => {
            let quality = number("quality", 11)?.clamp(0, 11) as u32;
            let lgwin = number("lgwin", 22)?.clamp(10, 24) as u32;
            Engine::BrotliEncode(Some(Box::new(brotli::CompressorWriter::new(Vec::new(), 16 * 1024, quality, lgwin))))
        }
        "brotliDecompress" => Engine::BrotliDecode(
            Box::new(BrotliState::new(HeapAlloc::new(0), HeapAlloc::new(0), HeapAlloc::new(Default::default()))),
            false,
        ),
        _ => return Ok(None),
    }))
}

/// `[failure]`, or `[undefined, output, bytes taken]`.
fn output_js<'js>(ctx: &Ctx<'js>, result: Processed) -> Result<Vec<Value<'js>>> {
    Ok(match result {
        Ok((bytes, taken)) => vec![
            Value::new_undefined(ctx.clone()),
            ArrayBuffer::new(ctx.clone(), bytes)?.into_value(),
            (taken as f64).into_js(ctx)?,
        ],
        Err(failure) => vec![failure.to_js(ctx)?],
    })
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "zlib")?;
    let engines: Engines = Rc::default();
    let h = host.clone();
    let all = engines.clone();
    // create(kind, { level, windowBits, dictionary, quality, lgwin }): the id,
    // or undefined for an unknown kind.
    native.set(
        "create",
        Function::new(ctx.clone(), move |kind: Utf8, options: Object<'js>| -> Result<Option<f64>> {
            let Some(engine) = create(&kind.0, &options)? else { return Ok(None) };
            let id = h.event_loop.io.next_id();
            all.borrow_mut().insert(id, Arc::new(Mutex::new(engine)));
            Ok(Some(id as f64))
        })?,
    )?;
    let all = engines.clone();
    // processSync(id, bytes, flush): [failure] or [undefined, output, taken].
    native.set(
        "processSync",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u64, input: TypedArray<'js, u8>, flush: i32| {
            let Some(engine) = all.borrow().get(&id).cloned() else {
                return output_js(
                    &ctx,
                    Err(Failure { message: "zlib binding closed".into(), code: "ERR_ZLIB_BINDING_CLOSED", errno: 0 }),
                );
            };
            // SAFETY: read at once, before JavaScript runs again.
            let bytes = unsafe { input.as_bytes() }.unwrap_or_default();
            let result = engine.lock().expect("engine lock").process(bytes, flush);
            output_js(&ctx, result)
        })?,
    )?;
    let all = engines.clone();
    let h = host.clone();
    // process(id, bytes, flush, callback): on the pool; callback(failure) or
    // callback(undefined, output, taken).
    native.set(
        "process",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u64, input: TypedArray<'js, u8>, flush: i32, callback: Function<'js>| {
                let engine = all.borrow().get(&id).cloned();
                // SAFETY: copied at once.
                let bytes = unsafe { input.as_bytes() }.unwrap_or_default().to_vec();
                let completer = h.event_loop.start_io(
                    &ctx,
                    callback,
                    Request::Operation { label: "zlib", next: Next::Done, steps: false },
                );
                h.event_loop.io.run_blocking(completer, "", move || {
                    let result = match engine {
                        Some(engine) => engine.lock().expect("engine lock").process(&bytes, flush),
                        None => Err(Failure {
                            message: "zlib binding closed".into(),
                            code: "ERR_ZLIB_BINDING_CLOSED",
                            errno: 0,
                        }),
                    };
                    let failure = result.as_ref().err().map(|f| f.code);
                    let deliver: Deliver = Box::new(move |ctx| output_js(ctx, result));
                    (failure, deliver)
                });
            },
        )?,
    )?;
    let all = engines.clone();
    // params(id, level): a new level from now on (deflate only).
    native.set(
        "params",
        Function::new(ctx.clone(), move |id: u64, level: i32| {
            if let Some(engine) = all.borrow().get(&id)
                && let Engine::Deflate(compress) = &mut *engine.lock().expect("engine lock")
            {
                let _ = compress.set_level(Compression::new(if level < 0 { 6 } else { level as u32 }));
            }
        })?,
    )?;
    let all = engines.clone();
    native.set("close", Function::new(ctx.clone(), move |id: u64| all.borrow_mut().remove(&id).is_some())?)?;
    // crc32(bytes, initial): zlib's CRC-32, continued from `initial`.
    native.set(
        "crc32",
        Function::new(ctx.clone(), |input: TypedArray<'js, u8>, initial: u32| {
            // SAFETY: read at once.
            let bytes = unsafe { input.as_bytes() }.unwrap_or_default();
            if initial != 0 {
                return crc32_continue(initial, bytes);
            }
            let mut hasher = flate2::Crc::new();
            hasher.update(bytes);
            hasher.sum()
        })?,
    )?;
    Ok(())
}

/// CRC-32 (IEEE) of `bytes` continued from `initial`, bit by bit.
fn crc32_continue(initial: u32, bytes: &[u8]) -> u32 {
    let mut crc = !initial;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
