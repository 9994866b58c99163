//! Natives behind `url.js`: WHATWG URL parsing and setters, from the `url`
//! crate (the parser Servo and many Rust HTTP stacks use).

use rquickjs::{Ctx, Function, Object, Result};
use url::{Url, quirks};

use crate::engine::text::Utf8;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let native = &super::group(ctx, native, "url")?;
    native.set(
        "parse",
        Function::new(ctx.clone(), |input: Utf8, base: Option<Utf8>| {
            let base = match base {
                Some(base) => Some(Url::parse(&base).ok()?),
                None => None,
            };
            Url::options().base_url(base.as_ref()).parse(&input).ok().map(|url| parts(&url))
        })?,
    )?;
    native.set(
        "set",
        Function::new(ctx.clone(), |href: Utf8, part: Utf8, value: Utf8| {
            let mut url = Url::parse(&href).ok()?;
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
            Some(parts(&url))
        })?,
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

/// href, protocol, username, password, host, hostname, port, pathname,
/// search, hash, origin: the order `url.js` reads them in.
fn parts(url: &Url) -> Vec<String> {
    vec![
        quirks::href(url).to_owned(),
        quirks::protocol(url).to_owned(),
        quirks::username(url).to_owned(),
        quirks::password(url).to_owned(),
        quirks::host(url).to_owned(),
        quirks::hostname(url).to_owned(),
        quirks::port(url).to_owned(),
        quirks::pathname(url).to_owned(),
        quirks::search(url).to_owned(),
        quirks::hash(url).to_owned(),
        quirks::origin(url),
    ]
}
