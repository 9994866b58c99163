//! Natives behind `crypto.js`: hashes and HMACs (ring; MD5 from RustCrypto),
//! and random bytes from the system's generator.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use md5::Digest;
use ring::rand::SecureRandom;
use rquickjs::{ArrayBuffer, Ctx, Function, Object, Result, TypedArray};

use crate::engine::text::Utf8;

/// A hash or HMAC being computed.
enum State {
    Digest(ring::digest::Context),
    Hmac(ring::hmac::Context),
    Md5(md5::Md5),
}

fn algorithm(name: &str) -> Option<&'static ring::digest::Algorithm> {
    Some(match name.to_ascii_lowercase().as_str() {
        "sha1" | "sha-1" | "rsa-sha1" => &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
        "sha256" | "sha-256" | "rsa-sha256" => &ring::digest::SHA256,
        "sha384" | "sha-384" | "rsa-sha384" => &ring::digest::SHA384,
        "sha512" | "sha-512" | "rsa-sha512" => &ring::digest::SHA512,
        "sha512-256" => &ring::digest::SHA512_256,
        _ => return None,
    })
}

fn hmac_algorithm(name: &str) -> Option<ring::hmac::Algorithm> {
    Some(match name.to_ascii_lowercase().as_str() {
        "sha1" => ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
        "sha256" => ring::hmac::HMAC_SHA256,
        "sha384" => ring::hmac::HMAC_SHA384,
        "sha512" => ring::hmac::HMAC_SHA512,
        _ => return None,
    })
}

fn bytes<'a>(data: &'a TypedArray<'_, u8>) -> &'a [u8] {
    // SAFETY: read before JavaScript runs again.
    unsafe { data.as_bytes() }.unwrap_or_default()
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let native = &super::group(ctx, native, "crypto")?;
    let states: Rc<RefCell<HashMap<u32, State>>> = Rc::default();
    let next = Rc::new(Cell::new(1u32));
    let (all, ids) = (states.clone(), next.clone());
    // hash(algorithm): an id, or 0 for an unknown algorithm.
    native.set(
        "hash",
        Function::new(ctx.clone(), move |name: Utf8| {
            let state = match name.to_ascii_lowercase().as_str() {
                "md5" | "rsa-md5" => State::Md5(md5::Md5::new()),
                _ => match algorithm(&name) {
                    Some(algorithm) => State::Digest(ring::digest::Context::new(algorithm)),
                    None => return 0,
                },
            };
            let id = ids.get();
            ids.set(id + 1);
            all.borrow_mut().insert(id, state);
            id
        })?,
    )?;
    let (all, ids) = (states.clone(), next);
    native.set(
        "hmac",
        Function::new(ctx.clone(), move |name: Utf8, key: TypedArray<'js, u8>| {
            let Some(algorithm) = hmac_algorithm(&name) else { return 0 };
            let id = ids.get();
            ids.set(id + 1);
            let key = ring::hmac::Key::new(algorithm, bytes(&key));
            all.borrow_mut().insert(id, State::Hmac(ring::hmac::Context::with_key(&key)));
            id
        })?,
    )?;
    let all = states.clone();
    native.set(
        "update",
        Function::new(ctx.clone(), move |id: u32, data: TypedArray<'js, u8>| match all.borrow_mut().get_mut(&id) {
            Some(State::Digest(c)) => c.update(bytes(&data)),
            Some(State::Hmac(c)) => c.update(bytes(&data)),
            Some(State::Md5(c)) => c.update(bytes(&data)),
            None => {}
        })?,
    )?;
    let all = states;
    // digest(id): the result as an ArrayBuffer; the state is gone after.
    native.set(
        "digest",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32| {
            let out = match all.borrow_mut().remove(&id) {
                Some(State::Digest(c)) => c.finish().as_ref().to_vec(),
                Some(State::Hmac(c)) => c.sign().as_ref().to_vec(),
                Some(State::Md5(c)) => c.finalize().to_vec(),
                None => Vec::new(),
            };
            ArrayBuffer::new(ctx, out)
        })?,
    )?;
    let random = Rc::new(ring::rand::SystemRandom::new());
    // fill(bytes): fills a Uint8Array with random bytes.
    native.set(
        "fill",
        Function::new(ctx.clone(), move |data: TypedArray<'js, u8>| {
            // SAFETY: written before JavaScript runs again; the view is ours.
            if let Some(raw) = unsafe { data.as_bytes() } {
                let raw = unsafe { std::slice::from_raw_parts_mut(raw.as_ptr().cast_mut(), raw.len()) };
                let _ = random.fill(raw);
            }
        })?,
    )?;
    Ok(())
}
