//! SQLite loses nothing committed: a writer killed with SIGKILL in the
//! middle of a transaction leaves the database intact, with every
//! transaction it committed and none of the one it was in. Concurrent
//! writers through tock:sqlite are serialized. The kill follows what the
//! writer printed (causality), never a timing guess.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// Each transaction inserts `BATCH` rows, then the program says so.
const BATCH: u64 = 100;

fn tock_eval(dir: &Path, program: &str) -> String {
    let file = dir.join("check.mjs");
    std::fs::write(&file, program).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tock")).arg(&file).current_dir(dir).output().expect("tock runs");
    assert!(out.status.success(), "the check failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn killed_writer(api: &str) {
    let dir = common::scratch("sqlite", api);
    let db = dir.join("data.db");
    // Commits batch after batch, saying so after each commit, and is killed
    // inside a later one (it sleeps in SQL between its inserts there).
    let writer = match api {
        "sync" => format!(
            "const {{ DatabaseSync }} = require('node:sqlite');
             const db = new DatabaseSync({db:?});
             db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (batch INTEGER, n INTEGER)');
             const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
             for (let batch = 1; ; batch++) {{
               db.exec('BEGIN');
               for (let n = 0; n < {BATCH}; n++) insert.run(batch, n);
               db.exec('COMMIT');
               console.log(`committed ${{batch}}`);
             }}"
        ),
        _ => format!(
            "const {{ open }} = require('tock:sqlite');
             (async () => {{
               const db = await open({db:?});
               await db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (batch INTEGER, n INTEGER)');
               for (let batch = 1; ; batch++) {{
                 await db.transaction(async (tx) => {{
                   for (let n = 0; n < {BATCH}; n++) await tx.run('INSERT INTO t VALUES (?, ?)', batch, n);
                 }});
                 console.log(`committed ${{batch}}`);
               }}
             }})();"
        ),
    };
    let file = dir.join("writer.js");
    std::fs::write(&file, writer).unwrap();
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_tock")).arg(&file).stdout(Stdio::piped()).spawn().expect("tock runs");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = 0;
    while seen < 20 {
        let line = lines.next().expect("the writer goes on").unwrap();
        seen = line.strip_prefix("committed ").unwrap().parse().unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let check = tock_eval(
        &dir,
        &format!(
            "import {{ DatabaseSync }} from 'node:sqlite';
             const db = new DatabaseSync({db:?});
             const ok = db.prepare('PRAGMA integrity_check').get().integrity_check;
             const {{ rows, batches, partial }} = db.prepare(
               'SELECT count(*) AS rows, count(DISTINCT batch) AS batches, ' +
               '(SELECT count(*) FROM (SELECT batch FROM t GROUP BY batch HAVING count(*) <> {BATCH})) AS partial FROM t').get();
             console.log(ok, rows, batches, partial);"
        ),
    );
    let fields: Vec<&str> = check.split(' ').collect();
    assert_eq!(fields[0], "ok", "integrity check: {check}");
    let (rows, batches, partial): (u64, u64, u64) =
        (fields[1].parse().unwrap(), fields[2].parse().unwrap(), fields[3].parse().unwrap());
    assert_eq!(partial, 0, "a transaction was half applied: {check}");
    assert_eq!(rows, batches * BATCH);
    assert!(batches >= seen, "committed {seen} transactions, found {batches}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_sync_writer_killed_mid_transaction_loses_nothing_committed() {
    killed_writer("sync");
}

#[test]
fn an_async_writer_killed_mid_transaction_loses_nothing_committed() {
    killed_writer("async");
}

/// Two connections write at once through tock:sqlite: SQLite serializes
/// them (the busy timeout waits for the lock), every row arrives, and a
/// SQLITE_BUSY without a timeout reaches the caller with its code and leaves
/// the connection usable.
#[test]
fn concurrent_async_writers_are_serialized() {
    let dir = common::scratch("sqlite", "writers");
    let db = dir.join("w.db");
    let out = tock_eval(
        &dir,
        &format!(
            "import {{ open }} from 'tock:sqlite';
             const path = {db:?};
             const setup = await open(path);
             await setup.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (who TEXT, n INTEGER)');
             const writers = await Promise.all([open(path, {{ timeout: 600000 }}), open(path, {{ timeout: 600000 }})]);
             await Promise.all(writers.map((w, i) => w.transaction(async (tx) => {{
               for (let n = 0; n < 200; n++) await tx.run('INSERT INTO t VALUES (?, ?)', `w${{i}}`, n);
             }})));
             const counts = await setup.all('SELECT who, count(*) AS n FROM t GROUP BY who ORDER BY who');
             const impatient = await open(path);
             await writers[0].exec('BEGIN IMMEDIATE');
             let busy;
             try {{ await impatient.exec('BEGIN IMMEDIATE'); }} catch (e) {{ busy = `${{e.code}} ${{e.errcode}} ${{e.errstr}}`; }}
             await writers[0].exec('ROLLBACK');
             await impatient.run('INSERT INTO t VALUES (?, ?)', 'late', 0);
             console.log(JSON.stringify(counts.map((r) => [r.who, r.n])), busy, (await impatient.get('SELECT count(*) AS n FROM t')).n);"
        ),
    );
    assert_eq!(out, r#"[["w0",200],["w1",200]] ERR_SQLITE_ERROR 5 database is locked 401"#);
    let _ = std::fs::remove_dir_all(&dir);
}
