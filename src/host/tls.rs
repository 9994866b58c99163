//! Natives behind `tls.js`: secure contexts (certificates, keys, trusted
//! CAs from PEM; Mozilla's roots as Node bundles them, plus
//! `NODE_EXTRA_CA_CERTS`), starting TLS on a socket handle (rustls), and
//! what a session says (protocol, cipher, ALPN, the peer's certificate in
//! Node's shape).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use rquickjs::{Ctx, Exception, FromJs, Function, IntoJs, Object, Result, TypedArray, Value};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::tls::Verdict;

/// What `tls.createSecureContext()` holds.
struct Context {
    chain: Vec<CertificateDer<'static>>,
    key: Option<PrivateKeyDer<'static>>,
    roots: Arc<RootCertStore>,
    /// The `ca` certificates given, whole (for `getPeerCertificate(true)`).
    authorities: Vec<CertificateDer<'static>>,
}

/// PEM text (a string or bytes, or an array of them) as bytes.
fn pem_bytes<'js>(value: &Value<'js>) -> Result<Vec<Vec<u8>>> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if let Some(array) = value.as_array() {
        let mut all = Vec::new();
        for item in array.iter::<Value>() {
            all.extend(pem_bytes(&item?)?);
        }
        return Ok(all);
    }
    if let Some(text) = value.as_string() {
        return Ok(vec![text.to_string()?.into_bytes()]);
    }
    let bytes = TypedArray::<u8>::from_js(value.ctx(), value.clone())?;
    // SAFETY: copied before JavaScript runs again.
    Ok(vec![unsafe { bytes.as_bytes() }.unwrap_or_default().to_vec()])
}

fn throw_coded(ctx: &Ctx<'_>, code: &str, message: &str) -> rquickjs::Error {
    crate::modules::esm::throw_coded(ctx, message, code)
}

fn certificates(ctx: &Ctx<'_>, pems: &[Vec<u8>]) -> Result<Vec<CertificateDer<'static>>> {
    let mut all = Vec::new();
    for pem in pems {
        let found: Vec<_> =
            CertificateDer::pem_slice_iter(pem).collect::<std::result::Result<_, _>>().map_err(|_| {
                throw_coded(ctx, "ERR_OSSL_PEM_BAD_BASE64_DECODE", "error:1E08010C:DECODER routines::unsupported")
            })?;
        if found.is_empty() {
            return Err(throw_coded(ctx, "ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line"));
        }
        all.extend(found);
    }
    Ok(all)
}

/// A trust anchor from a certificate webpki will not parse (X.509 v1, as
/// OpenSSL still accepts for a CA): its subject and public key.
fn anchor_of_v1(cert: &CertificateDer<'_>) -> Option<rustls::pki_types::TrustAnchor<'static>> {
    let (_, parsed) = x509_parser::parse_x509_certificate(cert).ok()?;
    Some(rustls::pki_types::TrustAnchor {
        subject: parsed.subject().as_raw().to_vec().into(),
        subject_public_key_info: parsed.public_key().raw.to_vec().into(),
        name_constraints: None,
    })
}

/// Our chain as OpenSSL sends it: the certificates given, then the issuers
/// found among our `ca`, up to a self-signed one.
fn completed_chain(
    mut chain: Vec<CertificateDer<'static>>,
    authorities: &[CertificateDer<'static>],
) -> Vec<CertificateDer<'static>> {
    let names = |der: &CertificateDer<'_>| {
        x509_parser::parse_x509_certificate(der)
            .ok()
            .map(|(_, c)| (c.subject().as_raw().to_vec(), c.issuer().as_raw().to_vec()))
    };
    while let Some((subject, issuer)) = chain.last().and_then(names) {
        if subject == issuer || chain.len() > 10 {
            break;
        }
        let next = authorities.iter().find(|ca| names(ca).is_some_and(|(s, _)| s == issuer) && !chain.contains(ca));
        match next {
            Some(ca) => chain.push(ca.clone()),
            None => break,
        }
    }
    chain
}

/// Mozilla's roots, and the certificates of `NODE_EXTRA_CA_CERTS`.
fn default_roots() -> RootCertStore {
    let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    if let Some(file) = std::env::var_os("NODE_EXTRA_CA_CERTS")
        && let Ok(pem) = std::fs::read(&file)
    {
        for cert in CertificateDer::pem_slice_iter(&pem).flatten() {
            let _ = roots.add(cert);
        }
    }
    roots
}

/// Checks the server's chain against the trusted roots but not its name
/// (Node checks that in JavaScript, `checkServerIdentity`), and never
/// fails the handshake: it records OpenSSL's code for `authorizationError`.
#[derive(Debug)]
struct Verifier {
    roots: Arc<RootCertStore>,
    /// The `ca` certificates given: one the server presents as its own is
    /// trusted as it is, as OpenSSL trusts a certificate of its store.
    authorities: Vec<CertificateDer<'static>>,
    verdict: Verdict,
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl Verifier {
    fn code_of(&self, err: &rustls::Error, end_entity: &CertificateDer<'_>, intermediates: usize) -> &'static str {
        let self_signed = x509_parser::parse_x509_certificate(end_entity).is_ok_and(|(_, c)| c.subject() == c.issuer());
        match err {
            rustls::Error::InvalidCertificate(CertificateError::Expired | CertificateError::ExpiredContext { .. }) => {
                "CERT_HAS_EXPIRED"
            }
            rustls::Error::InvalidCertificate(
                CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. },
            ) => "CERT_NOT_YET_VALID",
            _ if self_signed => "DEPTH_ZERO_SELF_SIGNED_CERT",
            _ if intermediates > 0 => "SELF_SIGNED_CERT_IN_CHAIN",
            _ => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        }
    }
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        if self.authorities.iter().any(|ca| ca.as_ref() == end_entity.as_ref()) {
            *self.verdict.lock().expect("one thread") = None;
            return Ok(ServerCertVerified::assertion());
        }
        let checked =
            rustls::client::WebPkiServerVerifier::builder_with_provider(self.roots.clone(), self.provider.clone())
                .build()
                .map_err(|e| rustls::Error::General(e.to_string()))
                .and_then(|v| v.verify_server_cert(end_entity, intermediates, server_name, ocsp, now));
        let code = match checked {
            Ok(_) => None,
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => None,
            Err(err) => Some(self.code_of(&err, end_entity, intermediates.len())),
        };
        *self.verdict.lock().expect("one thread") = code;
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        vec![
            SignatureScheme::RSA_PSS_SHA256,
            SignatureScheme::RSA_PSS_SHA384,
            SignatureScheme::RSA_PSS_SHA512,
            SignatureScheme::RSA_PKCS1_SHA256,
            SignatureScheme::RSA_PKCS1_SHA384,
            SignatureScheme::RSA_PKCS1_SHA512,
            SignatureScheme::ECDSA_NISTP256_SHA256,
            SignatureScheme::ECDSA_NISTP384_SHA384,
            SignatureScheme::ED25519,
        ]
    }
}

/// A handshake signature checked with the certificate's public key (ring),
/// whatever the certificate's version: OpenSSL accepts an X.509 v1
/// certificate, which webpki's parser refuses.
fn verify_signature(
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
    use ring::signature as sig;
    let invalid = || rustls::Error::InvalidCertificate(CertificateError::BadSignature);
    let (_, parsed) = x509_parser::parse_x509_certificate(cert).map_err(|_| invalid())?;
    let key = &parsed.public_key().subject_public_key.data;
    let algorithm: &dyn sig::VerificationAlgorithm = match dss.scheme {
        SignatureScheme::RSA_PKCS1_SHA256 => &sig::RSA_PKCS1_2048_8192_SHA256,
        SignatureScheme::RSA_PKCS1_SHA384 => &sig::RSA_PKCS1_2048_8192_SHA384,
        SignatureScheme::RSA_PKCS1_SHA512 => &sig::RSA_PKCS1_2048_8192_SHA512,
        SignatureScheme::RSA_PSS_SHA256 => &sig::RSA_PSS_2048_8192_SHA256,
        SignatureScheme::RSA_PSS_SHA384 => &sig::RSA_PSS_2048_8192_SHA384,
        SignatureScheme::RSA_PSS_SHA512 => &sig::RSA_PSS_2048_8192_SHA512,
        SignatureScheme::ECDSA_NISTP256_SHA256 => &sig::ECDSA_P256_SHA256_ASN1,
        SignatureScheme::ECDSA_NISTP384_SHA384 => &sig::ECDSA_P384_SHA384_ASN1,
        SignatureScheme::ED25519 => &sig::ED25519,
        _ => {
            return Err(rustls::Error::PeerMisbehaved(
                rustls::PeerMisbehaved::SignedHandshakeWithUnadvertisedSigScheme,
            ));
        }
    };
    sig::UnparsedPublicKey::new(algorithm, key.as_ref()).verify(message, dss.signature()).map_err(|_| invalid())?;
    Ok(HandshakeSignatureValid::assertion())
}

/// `Jun 17 21:40:37 2296 GMT`, as OpenSSL prints a time.
fn openssl_time(time: &x509_parser::time::ASN1Time) -> String {
    let t = time.to_datetime();
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS[usize::from(u8::from(t.month())) - 1],
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.year()
    )
}

fn hex_colons(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(":")
}

/// `{ C: 'US', CN: 'agent1', … }`: repeated names become arrays.
fn name_js<'js>(ctx: &Ctx<'js>, name: &x509_parser::x509::X509Name<'_>) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    out.set_prototype(None)?;
    for attr in name.iter_attributes() {
        let oid = attr.attr_type();
        let key = x509_parser::objects::oid2abbrev(oid, x509_parser::objects::oid_registry())
            .map(|k| if k == "Email" { "emailAddress".to_owned() } else { k.to_owned() })
            .unwrap_or_else(|_| oid.to_id_string());
        let value = attr.as_str().unwrap_or_default().to_owned();
        match out.get::<_, Option<Value>>(key.as_str())? {
            None => out.set(key.as_str(), value)?,
            Some(existing) if existing.is_array() => {
                let array = existing.into_array().expect("an array");
                array.set(array.len(), value)?;
            }
            Some(existing) => {
                let array = rquickjs::Array::new(ctx.clone())?;
                array.set(0, existing)?;
                array.set(1, value)?;
                out.set(key.as_str(), array)?;
            }
        }
    }
    Ok(out)
}

/// A certificate as Node's `getPeerCertificate()` shows it.
fn certificate_js<'js>(ctx: &Ctx<'js>, der: &[u8]) -> Result<Value<'js>> {
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(der) else {
        return Ok(Value::new_undefined(ctx.clone()));
    };
    let out = Object::new(ctx.clone())?;
    out.set("subject", name_js(ctx, cert.subject())?)?;
    out.set("issuer", name_js(ctx, cert.issuer())?)?;
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        use x509_parser::extensions::GeneralName;
        let names: Vec<String> = san
            .value
            .general_names
            .iter()
            .filter_map(|name| match name {
                GeneralName::DNSName(dns) => Some(format!("DNS:{dns}")),
                GeneralName::RFC822Name(mail) => Some(format!("email:{mail}")),
                GeneralName::URI(uri) => Some(format!("URI:{uri}")),
                GeneralName::IPAddress(ip) => match ip.len() {
                    4 => Some(format!("IP Address:{}", std::net::Ipv4Addr::from(<[u8; 4]>::try_from(*ip).ok()?))),
                    // OpenSSL writes every group, in upper case.
                    16 => Some(format!(
                        "IP Address:{}",
                        ip.chunks(2)
                            .map(|g| format!("{:X}", u16::from_be_bytes([g[0], g[1]])))
                            .collect::<Vec<_>>()
                            .join(":")
                    )),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        out.set("subjectaltname", names.join(", "))?;
    }
    out.set("ca", cert.is_ca())?;
    let spki = cert.public_key();
    if let Ok(x509_parser::public_key::PublicKey::RSA(rsa)) = spki.parsed() {
        let modulus = rsa.modulus.iter().skip_while(|&&b| b == 0).collect::<Vec<_>>();
        out.set("modulus", modulus.iter().map(|b| format!("{b:02X}")).collect::<String>())?;
        out.set("bits", modulus.len() * 8)?;
        let exponent = rsa.exponent.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b));
        out.set("exponent", format!("0x{exponent:x}"))?;
    } else if let Ok(x509_parser::public_key::PublicKey::EC(point)) = spki.parsed() {
        out.set("bits", (point.data().len().saturating_sub(1) / 2) * 8)?;
    }
    out.set("pubkey", buffer(ctx, spki.raw)?)?;
    out.set("valid_from", openssl_time(&cert.validity().not_before))?;
    out.set("valid_to", openssl_time(&cert.validity().not_after))?;
    let digest = |algorithm| hex_colons(ring::digest::digest(algorithm, der).as_ref());
    out.set("fingerprint", digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY))?;
    out.set("fingerprint256", digest(&ring::digest::SHA256))?;
    out.set("fingerprint512", digest(&ring::digest::SHA512))?;
    if let Ok(Some(usage)) = cert.extended_key_usage() {
        let mut oids = Vec::new();
        let u = &usage.value;
        for (on, oid) in [
            (u.server_auth, "1.3.6.1.5.5.7.3.1"),
            (u.client_auth, "1.3.6.1.5.5.7.3.2"),
            (u.code_signing, "1.3.6.1.5.5.7.3.3"),
            (u.email_protection, "1.3.6.1.5.5.7.3.4"),
            (u.time_stamping, "1.3.6.1.5.5.7.3.8"),
            (u.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
        ] {
            if on {
                oids.push(oid.to_owned());
            }
        }
        oids.extend(u.other.iter().map(|o| o.to_id_string()));
        out.set("ext_key_usage", oids)?;
    }
    out.set("serialNumber", cert.raw_serial().iter().map(|b| format!("{b:02X}")).collect::<String>())?;
    out.set("raw", buffer(ctx, der)?)?;
    Ok(out.into_value())
}

/// A Node Buffer of the bytes (the JavaScript side's `Buffer.from`).
fn buffer<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    let from: Function = ctx.globals().get::<_, Object>("Buffer")?.get("from")?;
    from.call((rquickjs::ArrayBuffer::new(ctx.clone(), bytes.to_vec())?,))
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The protocol versions from Node's `minVersion` / `maxVersion`.
fn versions(options: &Object<'_>) -> Result<Vec<&'static rustls::SupportedProtocolVersion>> {
    let min: Option<Utf8> = options.get("minVersion")?;
    let max: Option<Utf8> = options.get("maxVersion")?;
    let rank = |v: &str| match v {
        "TLSv1.3" => 3,
        "TLSv1.2" => 2,
        _ => 1,
    };
    let (min, max) = (min.map_or(2, |v| rank(&v)), max.map_or(3, |v| rank(&v)));
    let mut all = Vec::new();
    if min <= 3 && max >= 3 {
        all.push(&rustls::version::TLS13);
    }
    if min <= 2 && max >= 2 {
        all.push(&rustls::version::TLS12);
    }
    Ok(all)
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "tls")?;
    let contexts: Rc<RefCell<HashMap<u32, Rc<Context>>>> = Rc::default();
    let next = Rc::new(Cell::new(1u32));
    let all = contexts.clone();
    // context({ cert, key, ca }): the id of a secure context.
    native.set(
        "context",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, options: Object<'js>| {
            let chain = certificates(&ctx, &pem_bytes(&options.get("cert")?)?)?;
            let keys = pem_bytes(&options.get("key")?)?;
            let key = match keys.first() {
                None => None,
                Some(pem) => Some(PrivateKeyDer::from_pem_slice(pem).map_err(|_| {
                    throw_coded(&ctx, "ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line")
                })?),
            };
            let ca = pem_bytes(&options.get("ca")?)?;
            let authorities = certificates(&ctx, &ca)?;
            let roots = if ca.is_empty() {
                default_roots()
            } else {
                let mut roots = RootCertStore::empty();
                for cert in &authorities {
                    if roots.add(cert.clone()).is_err()
                        && let Some(anchor) = anchor_of_v1(cert)
                    {
                        roots.roots.push(anchor);
                    }
                }
                roots
            };
            let chain = completed_chain(chain, &authorities);
            let id = next.get();
            next.set(id + 1);
            all.borrow_mut().insert(id, Rc::new(Context { chain, key, roots: Arc::new(roots), authorities }));
            Ok::<_, rquickjs::Error>(id)
        })?,
    )?;
    let all = contexts.clone();
    let h = host.clone();
    // start(socket, { server, context, servername, alpn, minVersion, maxVersion }).
    native.set(
        "start",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, socket: u64, options: Object<'js>| {
            let context: u32 = options.get("context")?;
            let Some(context) = all.borrow().get(&context).cloned() else {
                return Err(Exception::throw_type(&ctx, "unknown secure context"));
            };
            let alpn: Vec<Vec<u8>> = options
                .get::<_, Option<Vec<Utf8>>>("alpn")?
                .unwrap_or_default()
                .into_iter()
                .map(|p| p.0.into_bytes())
                .collect();
            let versions = versions(&options)?;
            let verdict: Verdict = Arc::new(Mutex::new(None));
            let provider = provider();
            let tls_error = |e: rustls::Error| throw_coded(&ctx, "ERR_SSL_NO_PROTOCOLS_AVAILABLE", &e.to_string());
            // The chain and key as given: OpenSSL does not refuse an X.509
            // v1 certificate of our own (webpki would), so neither do we.
            let certified = |key: &PrivateKeyDer<'static>| -> Result<Arc<rustls::sign::SingleCertAndKey>> {
                let signer = provider
                    .key_provider
                    .load_private_key(key.clone_key())
                    .map_err(|e| throw_coded(&ctx, "ERR_OSSL_UNSUPPORTED", &e.to_string()))?;
                let certified = rustls::sign::CertifiedKey::new(context.chain.clone(), signer);
                Ok(Arc::new(rustls::sign::SingleCertAndKey::from(certified)))
            };
            let conn = if options.get::<_, Option<bool>>("server")?.unwrap_or(false) {
                let Some(key) = context.key.as_ref() else {
                    return Err(throw_coded(
                        &ctx,
                        "ERR_SSL_NO_SHARED_CIPHER",
                        "no certificate or key given to the server",
                    ));
                };
                let resolver = certified(key)?;
                let mut config = rustls::ServerConfig::builder_with_provider(provider.clone())
                    .with_protocol_versions(&versions)
                    .map_err(tls_error)?
                    .with_no_client_auth()
                    .with_cert_resolver(resolver);
                config.alpn_protocols = alpn;
                rustls::Connection::Server(rustls::ServerConnection::new(Arc::new(config)).map_err(tls_error)?)
            } else {
                let verifier = Verifier {
                    roots: context.roots.clone(),
                    authorities: context.authorities.clone(),
                    verdict: verdict.clone(),
                    provider: provider.clone(),
                };
                let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
                    .with_protocol_versions(&versions)
                    .map_err(tls_error)?
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(verifier));
                let mut config = match &context.key {
                    Some(key) if !context.chain.is_empty() => builder.with_client_cert_resolver(certified(key)?),
                    _ => builder.with_no_client_auth(),
                };
                config.alpn_protocols = alpn;
                config.enable_sni = true;
                // No servername (or one that is no DNS name): no SNI, which
                // rustls leaves out for an address.
                let name = options.get::<_, Option<Utf8>>("servername")?.map(|n| n.0).unwrap_or_default();
                let server_name =
                    ServerName::try_from(name).unwrap_or(ServerName::IpAddress(std::net::Ipv4Addr::UNSPECIFIED.into()));
                rustls::Connection::Client(
                    rustls::ClientConnection::new(Arc::new(config), server_name).map_err(tls_error)?,
                )
            };
            h.event_loop.io.net.start_tls(socket, conn, verdict);
            Ok(())
        })?,
    )?;
    let h = host.clone();
    // info(socket): { protocol, cipher, alpn, servername, authorizationError }.
    native.set(
        "info",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, socket: u64| {
            let info = Object::new(ctx.clone())?;
            h.event_loop.io.net.with_tls(socket, |tls| -> Result<()> {
                let conn = &tls.conn;
                info.set(
                    "protocol",
                    conn.protocol_version().map(|v| match v {
                        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
                        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
                        _ => "unknown",
                    }),
                )?;
                info.set("cipher", conn.negotiated_cipher_suite().map(|s| format!("{:?}", s.suite())))?;
                info.set("alpn", conn.alpn_protocol().map(|p| String::from_utf8_lossy(p).into_owned()))?;
                if let rustls::Connection::Server(server) = conn {
                    info.set("servername", server.server_name())?;
                }
                info.set("authorizationError", *tls.verdict.lock().expect("one thread"))?;
                Ok(())
            });
            Ok::<_, rquickjs::Error>(info)
        })?,
    )?;
    let h = host.clone();
    // peerCertificate(socket, index): the peer's certificate (0: its own,
    // 1: its issuer's…), or undefined.
    native.set(
        "peerCertificate",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, socket: u64, index: usize| {
            let der = h
                .event_loop
                .io
                .net
                .with_tls(socket, |tls| tls.conn.peer_certificates().and_then(|c| c.get(index)).map(|c| c.to_vec()))
                .flatten();
            match der {
                Some(der) => certificate_js(&ctx, &der),
                None => Ok(Value::new_undefined(ctx.clone())),
            }
        })?,
    )?;
    let all = contexts.clone();
    // issuer(context, der): the trusted CA certificate that issued `der`.
    native.set(
        "issuer",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, context: u32, der: TypedArray<'js, u8>| {
            // SAFETY: read before JavaScript runs again.
            let der = unsafe { der.as_bytes() }.unwrap_or_default();
            let issuer = x509_parser::parse_x509_certificate(der).ok().and_then(|(_, cert)| {
                let contexts = all.borrow();
                contexts.get(&context)?.authorities.iter().find_map(|ca| {
                    let (_, parsed) = x509_parser::parse_x509_certificate(ca).ok()?;
                    (parsed.subject().as_raw() == cert.issuer().as_raw()).then(|| ca.to_vec())
                })
            });
            match issuer {
                Some(der) => certificate_js(&ctx, &der),
                None => Ok(Value::new_undefined(ctx.clone())),
            }
        })?,
    )?;
    let all = contexts;
    // certificate(context): the context's own certificate.
    native.set(
        "certificate",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, context: u32| {
            let der = all.borrow().get(&context).and_then(|c| c.chain.first().map(|c| c.to_vec()));
            match der {
                Some(der) => certificate_js(&ctx, &der),
                None => Ok(Value::new_undefined(ctx.clone())),
            }
        })?,
    )?;
    native.set(
        "rootCertificates",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Value<'js>> {
            let _ = &ctx;
            // Node lists them as PEM; webpki-roots carries only the parts
            // needed to verify (not whole certificates), so the list is empty.
            Vec::<String>::new().into_js(&ctx)
        })?,
    )?;
    Ok(())
}
