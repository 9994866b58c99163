//! Natives behind `url.js`: WHATWG URL parsing and setters, from the `url`
//! crate (the parser Servo and many Rust HTTP stacks use).

use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Result};
use url::{Url, quirks};

use crate::engine::text::Utf8;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let native = &super::group(ctx, native, "url")?;
    native.set(
        "parse",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, input: Utf8, base: Opt<Option<Utf8>>| -> Result<Option<Object<'js>>> {
                let base = match base.0.flatten() {
                    Some(base) => match Url::parse(&base) {
                        Ok(base) => Some(base),
                        Err(_) => return Ok(None),
                    },
                    None => None,
                };
                Url::options().base_url(base.as_ref()).parse(&input).ok().map(|url| parts(&ctx, &url)).transpose()
            },
        )?,
    )?;
    native.set(
        "set",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, href: Utf8, part: Utf8, value: Utf8| -> Result<Option<Object<'js>>> {
                let Ok(mut url) = Url::parse(&href) else { return Ok(None) };
                // Invalid values leave the URL as it was, as the standard says.
                let _ = match &*part {
                    "protocol" => quirks::set_protocol(&mut url, &value),
                    "username" => quirks::set_username(&mut url, &value),
                    "password" => quirks::set_password(&mut url, &value),
                    "host" => quirks::set_host(&mut url, &value),
                    "hostname" => quirks::set_hostname(&mut url, &value),
                    "port" => quirks::set_port(&mut url, &value),
                    "pathname" => {
                        quirks::set_pathname(&mut url, &value);
                        Ok(())
                    }
                    "search" => {
                        quirks::set_search(&mut url, &value);
                        Ok(())
                    }
                    "hash" => {
                        quirks::set_hash(&mut url, &value);
                        Ok(())
                    }
                    _ => Err(()),
                };
                parts(&ctx, &url).map(Some)
            },
        )?,
    )?;
    native.set(
        "pathToFileHref",
        Function::new(ctx.clone(), |path: Utf8| Url::from_file_path(&*path).ok().map(String::from))?,
    )?;
    native.set(
        "searchParse",
        Function::new(ctx.clone(), |query: Utf8| {
            url::form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| vec![k.into_owned(), v.into_owned()])
                .collect::<Vec<_>>()
        })?,
    )?;
    native.set(
        "searchSerialize",
        Function::new(ctx.clone(), |pairs: Vec<Vec<Utf8>>| {
            let mut out = url::form_urlencoded::Serializer::new(String::new());
            for pair in &pairs {
                out.append_pair(&pair[0], &pair[1]);
            }
            out.finish()
        })?,
    )?;
    Ok(())
}

/// `{ href, protocol, username, password, host, hostname, port, pathname,
/// search, hash, origin }`: what `url.js` reads.
fn parts<'js>(ctx: &Ctx<'js>, url: &Url) -> Result<Object<'js>> {
    let parts = Object::new(ctx.clone())?;
    parts.set("href", quirks::href(url))?;
    parts.set("protocol", quirks::protocol(url))?;
    parts.set("username", quirks::username(url))?;
    parts.set("password", quirks::password(url))?;
    parts.set("host", quirks::host(url))?;
    parts.set("hostname", quirks::hostname(url))?;
    parts.set("port", quirks::port(url))?;
    parts.set("pathname", quirks::pathname(url))?;
    parts.set("search", quirks::search(url))?;
    parts.set("hash", quirks::hash(url))?;
    parts.set("origin", quirks::origin(url))?;
    Ok(parts)
}
