//! Natives behind `fs.js`: each file-system operation is parsed from its
//! JavaScript arguments into an `Op` on the JavaScript thread, performed
//! either there (the `*Sync` API) or on the I/O pool, and its `Output` turned
//! back into JavaScript values. An error carries what Node's carries: code,
//! errno, syscall, path and dest.

use std::ffi::CString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rquickjs::function::Opt;
use rquickjs::{Array, ArrayBuffer, Ctx, Function, IntoJs, Object, Result, TypedArray, Value};

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::io::Deliver;
use crate::event_loop::{Next, Request};
use crate::os::stdio;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "fs")?;
    let h = host.clone();
    native.set(
        "sync",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, op: String, args: Array<'js>, api: Opt<String>| -> Result<Value<'js>> {
                // The tracer points out synchronous I/O that stalls the loop.
                if let (true, Some(api)) = (h.event_loop.tracing, api.0) {
                    h.event_loop.trace(&ctx, "syncIo", (api,));
                }
                match Op::parse(&op, &args)?.perform() {
                    Ok(output) => output.into_js(&ctx),
                    Err(err) => Err(ctx.throw(err.to_js(&ctx)?)),
                }
            },
        )?,
    )?;
    let h = host.clone();
    native.set(
        "async",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  name: String,
                  args: Array<'js>,
                  callback: Function<'js>,
                  label: Option<Utf8>,
                  next: Opt<String>| {
                let op = Op::parse(&name, &args)?;
                // Labelled: a new operation for the tracer; else the next step
                // of the one whose callback is running (a readFile's fstat).
                let next = match next.0.as_deref() {
                    Some("more") => Next::More,
                    Some("more-if-ok") => Next::MoreIfOk,
                    _ => Next::Done,
                };
                let request = match label.as_deref() {
                    Some(label) => Request::Operation { label, next, steps: next != Next::Done },
                    None => Request::Step { next },
                };
                let completer = h.event_loop.start_io(&ctx, callback, request);
                let id = completer.id();
                // The step's name, when the operation has several.
                let step = match name.as_str() {
                    "readFile" => "read",
                    "writeFile" => "write",
                    "open" => "open",
                    "fstat" => "fstat",
                    "close" => "close",
                    _ => "",
                };
                h.event_loop.io.run_blocking(completer, step, move || {
                    let result = op.perform();
                    let failure = result.as_ref().err().map(|e| e.code());
                    let deliver: Deliver = Box::new(move |ctx| {
                        Ok(match result {
                            Ok(output) => vec![Value::new_undefined(ctx.clone()), output.into_js(ctx)?],
                            Err(err) => vec![err.to_js(ctx)?],
                        })
                    });
                    (failure, deliver)
                });
                // The operation's id, for ref()/unref() (a read of stdin).
                Ok::<_, rquickjs::Error>(id as f64)
            },
        )?,
    )?;
    Ok(())
}

/// One file-system operation, owning its arguments so it can move to the pool.
enum Op {
    Open {
        path: String,
        flags: i32,
        mode: u32,
    },
    Close {
        fd: i32,
    },
    Read {
        fd: i32,
        length: usize,
        position: Option<u64>,
    },
    Write {
        fd: i32,
        data: Vec<u8>,
        position: Option<u64>,
    },
    /// The whole file: by path (opened with `flags`) or from an open fd.
    ReadFile {
        path: Option<String>,
        fd: i32,
        flags: i32,
    },
    WriteFile {
        path: Option<String>,
        fd: i32,
        data: Vec<u8>,
        flags: i32,
        mode: u32,
    },
    Stat {
        path: String,
        follow: bool,
    },
    Fstat {
        fd: i32,
    },
    Readdir {
        path: String,
        recursive: bool,
    },
    Mkdir {
        path: String,
        recursive: bool,
        mode: u32,
    },
    Rm {
        path: String,
        recursive: bool,
        force: bool,
    },
    Rmdir {
        path: String,
    },
    Unlink {
        path: String,
    },
    Rename {
        from: String,
        to: String,
    },
    CopyFile {
        from: String,
        to: String,
        exclusive: bool,
    },
    Access {
        path: String,
        mode: i32,
    },
    Chmod {
        path: String,
        mode: u32,
    },
    Realpath {
        path: String,
    },
    Symlink {
        target: String,
        path: String,
    },
    Link {
        from: String,
        to: String,
    },
    Readlink {
        path: String,
    },
    Truncate {
        path: Option<String>,
        fd: i32,
        length: u64,
    },
    Utimes {
        path: String,
        atime: f64,
        mtime: f64,
    },
    Fsync {
        fd: i32,
    },
    Mkdtemp {
        prefix: String,
    },
    Exists {
        path: String,
    },
}

enum Output {
    Undefined,
    Number(f64),
    Bool(bool),
    Text(String),
    Bytes(Vec<u8>),
    /// dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs,
    /// mtimeMs, ctimeMs, birthtimeMs: the order of Node's `Stats` fields.
    Stats([f64; 14]),
    /// Paths relative to the listed directory, with libuv's dirent type codes.
    Entries(Vec<(String, u8)>),
}

use crate::os::errno::SystemError as FsError;

type FsResult = std::result::Result<Output, FsError>;

impl Op {
    /// Parses an operation. One that writes to fd 1 or 2 first flushes what
    /// console.log has buffered, so the output keeps its order.
    fn parse<'js>(op: &str, args: &Array<'js>) -> Result<Op> {
        let parsed = Self::parse_args(op, args)?;
        if let Op::Write { fd: 1 | 2, .. } | Op::WriteFile { path: None, fd: 1 | 2, .. } = parsed {
            stdio::flush();
        }
        Ok(parsed)
    }

    fn parse_args<'js>(op: &str, args: &Array<'js>) -> Result<Op> {
        let text = |i: usize| args.get::<Utf8>(i).map(String::from);
        let int = |i: usize| args.get::<i32>(i);
        let flag = |i: usize| args.get::<bool>(i);
        let position = |i: usize| args.get::<f64>(i).map(|p| (p >= 0.0).then_some(p as u64));
        let bytes = |i: usize| -> Result<Vec<u8>> {
            let array: TypedArray<u8> = args.get(i)?;
            // SAFETY: copied out at once; nothing runs in between.
            Ok(unsafe { array.as_bytes() }.unwrap_or_default().to_vec())
        };
        let path_or_fd = |i: usize| -> Result<(Option<String>, i32)> {
            let value: Value = args.get(i)?;
            Ok(match value.as_number() {
                Some(fd) => (None, fd as i32),
                None => (Some(text(i)?), -1),
            })
        };
        Ok(match op {
            "open" => Op::Open { path: text(0)?, flags: int(1)?, mode: int(2)? as u32 },
            "close" => Op::Close { fd: int(0)? },
            "read" => Op::Read { fd: int(0)?, length: args.get::<f64>(1)? as usize, position: position(2)? },
            "write" => Op::Write { fd: int(0)?, data: bytes(1)?, position: position(2)? },
            "readFile" => {
                let (path, fd) = path_or_fd(0)?;
                Op::ReadFile { path, fd, flags: int(1)? }
            }
            "writeFile" => {
                let (path, fd) = path_or_fd(0)?;
                Op::WriteFile { path, fd, data: bytes(1)?, flags: int(2)?, mode: int(3)? as u32 }
            }
            "stat" => Op::Stat { path: text(0)?, follow: true },
            "lstat" => Op::Stat { path: text(0)?, follow: false },
            "fstat" => Op::Fstat { fd: int(0)? },
            "readdir" => Op::Readdir { path: text(0)?, recursive: flag(1)? },
            "mkdir" => Op::Mkdir { path: text(0)?, recursive: flag(1)?, mode: int(2)? as u32 },
            "rm" => Op::Rm { path: text(0)?, recursive: flag(1)?, force: flag(2)? },
            "rmdir" => Op::Rmdir { path: text(0)? },
            "unlink" => Op::Unlink { path: text(0)? },
            "rename" => Op::Rename { from: text(0)?, to: text(1)? },
            "copyFile" => Op::CopyFile { from: text(0)?, to: text(1)?, exclusive: int(2)? & 1 != 0 },
            "access" => Op::Access { path: text(0)?, mode: int(1)? },
            "chmod" => Op::Chmod { path: text(0)?, mode: int(1)? as u32 },
            "realpath" => Op::Realpath { path: text(0)? },
            "symlink" => Op::Symlink { target: text(0)?, path: text(1)? },
            "link" => Op::Link { from: text(0)?, to: text(1)? },
            "readlink" => Op::Readlink { path: text(0)? },
            "truncate" => {
                let (path, fd) = path_or_fd(0)?;
                Op::Truncate { path, fd, length: args.get::<f64>(1)?.max(0.0) as u64 }
            }
            "utimes" => Op::Utimes { path: text(0)?, atime: args.get(1)?, mtime: args.get(2)? },
            "fsync" => Op::Fsync { fd: int(0)? },
            "mkdtemp" => Op::Mkdtemp { prefix: text(0)? },
            "exists" => Op::Exists { path: text(0)? },
            _ => return Err(rquickjs::Error::new_from_js_message("string", "fs operation", op)),
        })
    }

    fn perform(self) -> FsResult {
        match self {
            Op::Open { path, flags, mode } => {
                let fd = open(&path, flags, mode).map_err(|e| fail(e, "open", &path))?;
                Ok(Output::Number(fd as f64))
            }
            Op::Close { fd } => {
                // SAFETY: closing a descriptor the program owns, as close(2) does.
                if unsafe { libc::close(fd) } != 0 {
                    return Err(fail_fd(io::Error::last_os_error(), "close"));
                }
                Ok(Output::Undefined)
            }
            Op::Read { fd, length, position } => {
                let file = borrow_fd(fd);
                let mut data = vec![0; length];
                let n = match position {
                    Some(at) => file.read_at(&mut data, at),
                    None => (&*file).read(&mut data),
                }
                .map_err(|e| fail_fd(e, "read"))?;
                data.truncate(n);
                Ok(Output::Bytes(data))
            }
            Op::Write { fd, data, position } => {
                let file = borrow_fd(fd);
                let n = match position {
                    Some(at) => file.write_at(&data, at),
                    None => (&*file).write(&data),
                }
                .map_err(|e| fail_fd(e, "write"))?;
                Ok(Output::Number(n as f64))
            }
            Op::ReadFile { path, fd, flags } => with_file(&path, fd, flags, 0o666, "read", |mut file| {
                let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                if size > MAX_READ_FILE {
                    // Node's ERR_FS_FILE_TOO_LARGE, made by fs.js from this.
                    return Err(io::Error::new(io::ErrorKind::FileTooLarge, size.to_string()));
                }
                let mut data = Vec::with_capacity(size as usize);
                file.read_to_end(&mut data)?;
                Ok(Output::Bytes(data))
            }),
            Op::WriteFile { path, fd, data, flags, mode } => with_file(&path, fd, flags, mode, "write", |mut file| {
                file.write_all(&data)?;
                Ok(Output::Undefined)
            }),
            Op::Stat { path, follow } => {
                let meta = if follow { fs::metadata(&path) } else { fs::symlink_metadata(&path) };
                let syscall = if follow { "stat" } else { "lstat" };
                Ok(Output::Stats(stats(&meta.map_err(|e| fail(e, syscall, &path))?)))
            }
            Op::Fstat { fd } => Ok(Output::Stats(stats(&borrow_fd(fd).metadata().map_err(|e| fail_fd(e, "fstat"))?))),
            Op::Readdir { path, recursive } => Ok(Output::Entries(readdir(&path, recursive)?)),
            Op::Mkdir { path, recursive, mode } => {
                if recursive {
                    return Ok(mkdir_recursive(Path::new(&path), mode)
                        .map_err(|e| fail(e, "mkdir", &path))?
                        .map_or(Output::Undefined, |p| Output::Text(p.display().to_string())));
                }
                fs::DirBuilder::new().mode(mode).create(&path).map_err(|e| fail(e, "mkdir", &path))?;
                Ok(Output::Undefined)
            }
            Op::Rm { path, recursive, force } => {
                let meta = match fs::symlink_metadata(&path) {
                    Err(e) if force && e.kind() == io::ErrorKind::NotFound => return Ok(Output::Undefined),
                    other => other.map_err(|e| fail(e, "lstat", &path))?,
                };
                let removed = match (meta.is_dir(), recursive) {
                    (true, true) => fs::remove_dir_all(&path),
                    // Node's ERR_FS_EISDIR, made by fs.js from this.
                    (true, false) => Err(io::Error::from_raw_os_error(libc::EISDIR)),
                    (false, _) => fs::remove_file(&path),
                };
                removed.map_err(|e| fail(e, "rm", &path))?;
                Ok(Output::Undefined)
            }
            Op::Rmdir { path } => {
                fs::remove_dir(&path).map_err(|e| fail(e, "rmdir", &path))?;
                Ok(Output::Undefined)
            }
            Op::Unlink { path } => {
                fs::remove_file(&path).map_err(|e| fail(e, "unlink", &path))?;
                Ok(Output::Undefined)
            }
            Op::Rename { from, to } => {
                fs::rename(&from, &to).map_err(|e| fail2(e, "rename", &from, &to))?;
                Ok(Output::Undefined)
            }
            Op::CopyFile { from, to, exclusive } => {
                copy_file(&from, &to, exclusive).map_err(|e| fail2(e, "copyfile", &from, &to))?;
                Ok(Output::Undefined)
            }
            Op::Access { path, mode } => {
                let c_path = c_string(&path).map_err(|e| fail(e, "access", &path))?;
                // SAFETY: a valid NUL-terminated path.
                if unsafe { libc::access(c_path.as_ptr(), mode) } != 0 {
                    return Err(fail(io::Error::last_os_error(), "access", &path));
                }
                Ok(Output::Undefined)
            }
            Op::Chmod { path, mode } => {
                fs::set_permissions(&path, fs::Permissions::from_mode(mode)).map_err(|e| fail(e, "chmod", &path))?;
                Ok(Output::Undefined)
            }
            Op::Symlink { target, path } => {
                std::os::unix::fs::symlink(&target, &path).map_err(|e| fail2(e, "symlink", &target, &path))?;
                Ok(Output::Undefined)
            }
            Op::Link { from, to } => {
                fs::hard_link(&from, &to).map_err(|e| fail2(e, "link", &from, &to))?;
                Ok(Output::Undefined)
            }
            Op::Readlink { path } => {
                let target = fs::read_link(&path).map_err(|e| fail(e, "readlink", &path))?;
                Ok(Output::Text(target.display().to_string()))
            }
            Op::Truncate { path, fd, length } => {
                let truncated = match &path {
                    Some(p) => OpenOptions::new().write(true).open(p).and_then(|f| f.set_len(length)),
                    None => borrow_fd(fd).set_len(length),
                };
                let syscall = if path.is_some() { "open" } else { "ftruncate" };
                truncated.map_err(|err| FsError { path, ..FsError::new(err, syscall) })?;
                Ok(Output::Undefined)
            }
            Op::Utimes { path, atime, mtime } => {
                // Seconds since the epoch, either side of it; a time no file can hold is EINVAL.
                let time = |secs: f64| {
                    let span = std::time::Duration::try_from_secs_f64(secs.abs()).ok()?;
                    let epoch = std::time::UNIX_EPOCH;
                    if secs >= 0.0 { epoch.checked_add(span) } else { epoch.checked_sub(span) }
                };
                let (Some(atime), Some(mtime)) = (time(atime), time(mtime)) else {
                    return Err(fail(io::Error::from_raw_os_error(libc::EINVAL), "utime", &path));
                };
                let times = fs::FileTimes::new().set_accessed(atime).set_modified(mtime);
                // utimes(2) needs no write access; opening for read is enough to set times as owner.
                File::open(&path).and_then(|f| f.set_times(times)).map_err(|e| fail(e, "utime", &path))?;
                Ok(Output::Undefined)
            }
            Op::Fsync { fd } => {
                borrow_fd(fd).sync_all().map_err(|e| fail_fd(e, "fsync"))?;
                Ok(Output::Undefined)
            }
            Op::Realpath { path } => {
                let real = fs::canonicalize(&path).map_err(|e| fail(e, "realpath", &path))?;
                Ok(Output::Text(real.display().to_string()))
            }
            Op::Mkdtemp { prefix } => {
                let template = format!("{prefix}XXXXXX");
                let c_template = c_string(&template).map_err(|e| fail(e, "mkdtemp", &template))?;
                let mut raw = c_template.into_bytes_with_nul();
                // SAFETY: a writable NUL-terminated template ending in XXXXXX.
                let failed = unsafe { libc::mkdtemp(raw.as_mut_ptr().cast()) }.is_null();
                raw.pop();
                // The name tried (its XXXXXX replaced), as Node reports it.
                let name = String::from_utf8_lossy(&raw).into_owned();
                if failed {
                    return Err(fail(io::Error::last_os_error(), "mkdtemp", &name));
                }
                Ok(Output::Text(name))
            }
            Op::Exists { path } => Ok(Output::Bool(fs::metadata(path).is_ok())),
        }
    }
}

/// The largest file readFile reads whole, as in Node (2 GiB − 1).
const MAX_READ_FILE: u64 = (1 << 31) - 1;

fn fail(err: io::Error, syscall: &'static str, path: &str) -> FsError {
    FsError::new(err, syscall).path(path)
}

fn fail2(err: io::Error, syscall: &'static str, path: &str, dest: &str) -> FsError {
    FsError::new(err, syscall).path(path).dest(dest)
}

/// Errors on a descriptor name no path, as in Node.
fn fail_fd(err: io::Error, syscall: &'static str) -> FsError {
    FsError::new(err, syscall)
}

fn c_string(path: &str) -> io::Result<CString> {
    CString::new(path).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

fn open(path: &str, flags: i32, mode: u32) -> io::Result<i32> {
    let c_path = c_string(path)?;
    // SAFETY: a valid NUL-terminated path; the descriptor is handed to the program.
    let fd = unsafe { libc::open(c_path.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 { Err(io::Error::last_os_error()) } else { Ok(fd) }
}

/// Runs `body` on the file at `path` (opened with `flags`, closed after) or
/// on the open descriptor `fd`; its errors are reported as `syscall`.
fn with_file(
    path: &Option<String>,
    fd: i32,
    flags: i32,
    mode: u32,
    syscall: &'static str,
    body: impl FnOnce(&File) -> io::Result<Output>,
) -> FsResult {
    let result = match path {
        Some(path) => {
            let fd = open(path, flags, mode).map_err(|e| fail(e, "open", path))?;
            // SAFETY: a descriptor just opened, owned (and closed) here.
            body(&unsafe { File::from_raw_fd(fd) })
        }
        None => body(&borrow_fd(fd)),
    };
    result.map_err(|e| fail_fd(e, syscall))
}

/// The program's open descriptor as a `File` that does not close it.
fn borrow_fd(fd: i32) -> ManuallyDrop<File> {
    // A negative descriptor is never open: one no process can have fails
    // with EBADF as it would (-1 itself is not allowed in a `File`).
    let fd = if fd < 0 { i32::MAX } else { fd };
    // SAFETY: never closed through this value (ManuallyDrop); a bad fd fails with EBADF.
    ManuallyDrop::new(unsafe { File::from_raw_fd(fd) })
}

/// What `fs.Stats` holds, in Node's order (the natives hand it over as an
/// object of these).
const STAT_FIELDS: [&str; 14] = [
    "dev",
    "mode",
    "nlink",
    "uid",
    "gid",
    "rdev",
    "blksize",
    "ino",
    "size",
    "blocks",
    "atimeMs",
    "mtimeMs",
    "ctimeMs",
    "birthtimeMs",
];

fn stats(meta: &fs::Metadata) -> [f64; 14] {
    let ms = |secs: i64, nanos: i64| secs as f64 * 1e3 + nanos as f64 / 1e6;
    let ctime = ms(meta.ctime(), meta.ctime_nsec());
    let birth = meta
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(ctime, |d| ms(d.as_secs() as i64, d.subsec_nanos() as i64));
    [
        meta.dev() as f64,
        meta.mode() as f64,
        meta.nlink() as f64,
        meta.uid() as f64,
        meta.gid() as f64,
        meta.rdev() as f64,
        meta.blksize() as f64,
        meta.ino() as f64,
        meta.size() as f64,
        meta.blocks() as f64,
        ms(meta.atime(), meta.atime_nsec()),
        ms(meta.mtime(), meta.mtime_nsec()),
        ctime,
        birth,
    ]
}

/// Entries sorted by name, as libuv's scandir returns them; recursive
/// listings go level by level, as Node's `readdirSync`.
fn readdir(root: &str, recursive: bool) -> std::result::Result<Vec<(String, u8)>, FsError> {
    let mut out = Vec::new();
    let mut queue = std::collections::VecDeque::from([String::new()]);
    while let Some(relative) = queue.pop_front() {
        let dir = if relative.is_empty() { PathBuf::from(root) } else { Path::new(root).join(&relative) };
        let shown = dir.display().to_string();
        let mut entries = Vec::new();
        for entry in fs::read_dir(&dir).map_err(|e| fail(e, "scandir", &shown))? {
            let entry = entry.map_err(|e| fail(e, "scandir", &shown))?;
            let kind = entry.file_type().map(dirent_type).unwrap_or(0);
            entries.push((entry.file_name().as_bytes().to_vec(), kind));
        }
        entries.sort();
        for (name, kind) in entries {
            let name = String::from_utf8_lossy(&name);
            let path = if relative.is_empty() { name.into_owned() } else { format!("{relative}/{name}") };
            if recursive && kind == 2 {
                queue.push_back(path.clone());
            }
            out.push((path, kind));
        }
        if !recursive {
            break;
        }
    }
    Ok(out)
}

/// libuv's `uv_dirent_type_t`, which Node's `Dirent` keeps.
fn dirent_type(kind: fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    match () {
        _ if kind.is_file() => 1,
        _ if kind.is_dir() => 2,
        _ if kind.is_symlink() => 3,
        _ if kind.is_fifo() => 4,
        _ if kind.is_socket() => 5,
        _ if kind.is_char_device() => 6,
        _ if kind.is_block_device() => 7,
        _ => 0,
    }
}

/// `mkdir -p`; returns the first directory it had to create, as Node does.
fn mkdir_recursive(path: &Path, mode: u32) -> io::Result<Option<PathBuf>> {
    let mut missing = Vec::new();
    let mut at = path;
    loop {
        match fs::metadata(at) {
            Ok(meta) if meta.is_dir() => break,
            Ok(_) if missing.is_empty() => return Err(io::Error::from_raw_os_error(libc::EEXIST)),
            Ok(_) => return Err(io::Error::from_raw_os_error(libc::ENOTDIR)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(at.to_path_buf()),
            Err(e) => return Err(e),
        }
        match at.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => at = parent,
            _ => break,
        }
    }
    for dir in missing.iter().rev() {
        match fs::DirBuilder::new().mode(mode).create(dir) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            other => other?,
        }
    }
    Ok(missing.pop())
}

fn copy_file(from: &str, to: &str, exclusive: bool) -> io::Result<()> {
    let mut source = File::open(from)?;
    let mode = source.metadata()?.permissions().mode();
    let mut options = OpenOptions::new();
    options.write(true).mode(mode);
    if exclusive {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    let mut target = options.open(to)?;
    io::copy(&mut source, &mut target)?;
    Ok(())
}

impl Output {
    fn into_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        match self {
            Output::Undefined => Ok(Value::new_undefined(ctx.clone())),
            Output::Number(n) => n.into_js(ctx),
            Output::Bool(b) => b.into_js(ctx),
            Output::Text(s) => s.into_js(ctx),
            Output::Bytes(bytes) => ArrayBuffer::new(ctx.clone(), bytes)?.into_js(ctx),
            Output::Stats(fields) => {
                let stats = Object::new(ctx.clone())?;
                for (name, value) in STAT_FIELDS.iter().zip(fields) {
                    stats.set(*name, value)?;
                }
                Ok(stats.into_value())
            }
            Output::Entries(entries) => {
                let (names, types): (Vec<String>, Vec<u8>) = entries.into_iter().unzip();
                let listing = Object::new(ctx.clone())?;
                listing.set("names", names)?;
                listing.set("types", types)?;
                Ok(listing.into_value())
            }
        }
    }
}
