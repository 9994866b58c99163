//! Where should socket readiness be handled? Two designs for the I/O of a
//! stream, measured on one workload: a ping-pong of small messages with a
//! peer that echoes them (a chatty protocol: the case where the cost per
//! operation, not bandwidth, decides).
//!
//! - hop: what tock does for pipes today. A Tokio reactor on a thread of its
//!   own reads and writes; each chunk read crosses to the JavaScript thread
//!   over a channel (the poll phase's wake-up), and each write crosses back.
//! - local: the JavaScript thread polls readiness itself, in the poll phase
//!   (a current-thread reactor driven by the loop): no thread crossing.
//!
//! Run: `cargo run --release --example reactor-bench [ROUND_TRIPS]`.
//! Prints the median of 5 runs of each, interleaved.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

const MESSAGE: &[u8] = b"ping-0123456789abcdef";

/// A peer echoing everything back, on a thread of its own (the other process).
fn echo_peer() -> UnixStream {
    let (ours, mut theirs) = UnixStream::pair().expect("socket pair");
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = theirs.read(&mut buffer) {
            if n == 0 || theirs.write_all(&buffer[..n]).is_err() {
                break;
            }
        }
    });
    ours
}

/// Readiness on a reactor thread; data crosses to the loop thread by channel.
fn hop(round_trips: usize) -> Duration {
    let socket = echo_peer();
    socket.set_nonblocking(true).expect("non-blocking");
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_io().build().expect("runtime");
    let stream = {
        let _entered = runtime.enter();
        tokio::net::UnixStream::from_std(socket).expect("registered")
    };
    let (mut reader, mut writer) = stream.into_split();
    let (to_loop, from_reactor) = mpsc::channel::<Vec<u8>>();
    let (to_writer, mut writes) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    runtime.spawn(async move {
        let mut buffer = vec![0u8; 64 * 1024];
        while let Ok(n) = reader.read(&mut buffer).await {
            if n == 0 || to_loop.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    runtime.spawn(async move {
        while let Some(bytes) = writes.recv().await {
            if writer.write_all(&bytes).await.is_err() {
                break;
            }
        }
    });
    let start = Instant::now();
    for _ in 0..round_trips {
        to_writer.send(MESSAGE.to_vec()).expect("writer alive");
        let mut got = 0;
        while got < MESSAGE.len() {
            got += from_reactor.recv().expect("reader alive").len();
        }
    }
    start.elapsed()
}

/// Readiness polled on the loop thread itself.
fn local(round_trips: usize) -> Duration {
    let socket = echo_peer();
    socket.set_nonblocking(true).expect("non-blocking");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build().expect("runtime");
    let mut stream = {
        let _entered = runtime.enter();
        tokio::net::UnixStream::from_std(socket).expect("registered")
    };
    let mut buffer = vec![0u8; 64 * 1024];
    let start = Instant::now();
    for _ in 0..round_trips {
        // One turn: the write request, then the poll phase waits for the reply.
        runtime.block_on(async {
            stream.write_all(MESSAGE).await.expect("written");
            let mut got = 0;
            while got < MESSAGE.len() {
                got += stream.read(&mut buffer).await.expect("read");
            }
        });
    }
    start.elapsed()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let round_trips: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(50_000);
    let (mut hops, mut locals) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        hops.push(hop(round_trips));
        locals.push(local(round_trips));
    }
    let (hop, local) = (median(hops), median(locals));
    let per = |d: Duration| d.as_secs_f64() * 1e6 / round_trips as f64;
    println!("{round_trips} round trips of {} bytes with an echoing peer (median of 5, interleaved)", MESSAGE.len());
    println!(
        "hop   (reactor thread + channel): {:8.1} ms  {:6.2} µs per round trip",
        hop.as_secs_f64() * 1e3,
        per(hop)
    );
    println!(
        "local (readiness on the loop thread): {:6.1} ms  {:6.2} µs per round trip",
        local.as_secs_f64() * 1e3,
        per(local)
    );
    println!("local / hop: {:.2}x", local.as_secs_f64() / hop.as_secs_f64());
}
