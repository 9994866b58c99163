//! The command line: `tock [run] FILE [ARGS...]`, `-e CODE`, `-p CODE`.

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "tock",
    version,
    about = "A JavaScript runtime with a Node-faithful, explicit event loop",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  tock app.js           run a program (same as `tock run app.js`)\n  tock -e 'console.log(1)'\n  tock -p '1 + 2'"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Evaluate CODE as a script
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Option<String>,

    /// Evaluate CODE and print the result
    #[arg(short = 'p', long = "print", value_name = "CODE", conflicts_with = "eval")]
    print: Option<String>,

    #[command(flatten)]
    flags: Flags,

    /// The program to run, then its arguments
    #[arg(value_name = "FILE", trailing_var_arg = true, allow_hyphen_values = true)]
    program: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program
    Run {
        #[command(flatten)]
        flags: Flags,
        /// The program to run, then its arguments
        #[arg(value_name = "FILE", required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        program: Vec<String>,
    },
    /// Run a program and write a timeline of its event loop to stderr
    Trace {
        #[command(flatten)]
        flags: Flags,
        /// The program to run, then its arguments
        #[arg(value_name = "FILE", required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        program: Vec<String>,
    },
}

#[derive(clap::Args, Clone, Default)]
struct Flags {
    /// What an unhandled promise rejection does (as Node's flag)
    #[arg(long, value_enum, value_name = "MODE", global = true)]
    unhandled_rejections: Option<UnhandledRejections>,

    /// Record the event loop: a text timeline, JSON lines, a Chrome trace or an HTML replay
    #[arg(long, value_enum, value_name = "FORMAT", global = true)]
    trace: Option<TraceFormat>,

    /// Where the trace goes (default: stderr for text and json, tock-trace.json / tock-trace.html)
    #[arg(long, value_name = "PATH", global = true)]
    trace_out: Option<String>,

    /// Report misuse of async code: awaits on non-promises, blocked loop, unhandled rejections…
    #[arg(long, global = true)]
    diagnose: bool,

    /// The macrotask duration (ms) that counts as blocking the loop
    #[arg(long, value_name = "MS", default_value_t = 50.0, global = true, value_parser = positive_ms)]
    block_threshold: f64,

    /// Run FILE as a test262 test, with `print` and `$262` (conformance runs only)
    #[arg(long, global = true, hide = true)]
    test262_host: bool,

    /// test262: a harness file to evaluate first, as a global script
    #[arg(long = "test262-prelude", value_name = "FILE", global = true, hide = true)]
    test262_preludes: Vec<String>,

    /// test262: run the preludes and FILE in strict mode
    #[arg(long, global = true, hide = true)]
    test262_strict: bool,

    /// test262: run FILE as a module (and every imported .js file)
    #[arg(long, global = true, hide = true)]
    test262_module: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum UnhandledRejections {
    #[default]
    Throw,
    Strict,
    Warn,
    WarnWithErrorCode,
    None,
}

impl UnhandledRejections {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Throw => "throw",
            Self::Strict => "strict",
            Self::Warn => "warn",
            Self::WarnWithErrorCode => "warn-with-error-code",
            Self::None => "none",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    Text,
    Json,
    Chrome,
    Html,
}

impl TraceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::Chrome => "chrome",
            Self::Html => "html",
        }
    }
}

/// Tracing and diagnostics (`tock trace`, `--trace`, `--diagnose`).
pub struct Trace {
    pub format: Option<TraceFormat>,
    pub out: Option<String>,
    pub diagnose: bool,
    pub block_threshold_ms: f64,
}

/// What to run.
pub enum Entry {
    File(String),
    Eval { code: String, print: bool },
}

/// How a test262 test is run (`--test262-host`).
pub struct Test262 {
    pub preludes: Vec<String>,
    pub strict: bool,
    pub module: bool,
}

pub struct Options {
    pub entry: Entry,
    pub test262: Option<Test262>,
    pub trace: Option<Trace>,
    /// `process.argv` after the executable: the script path (absolute) and its arguments.
    pub argv: Vec<String>,
    /// Node's own options given before the program (`process.execArgv`).
    pub exec_argv: Vec<String>,
    pub unhandled_rejections: UnhandledRejections,
}

/// A duration in milliseconds: a finite number above zero.
fn positive_ms(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(ms) if ms.is_finite() && ms > 0.0 => Ok(ms),
        _ => Err(format!("expected a number of milliseconds above 0, got '{text}'")),
    }
}

/// Why the command line runs no program: help or the version asked for
/// (exit 0, on stdout), or a bad command line (Node's exit 9 for a bad
/// option, on stderr), with what to print.
pub struct Stop {
    pub message: String,
    pub code: i32,
}

fn bad_option(message: String) -> Stop {
    Stop { message: format!("tock: {message}\n"), code: 9 }
}

/// `--trace-out` must be writable before the program runs: finding out at
/// exit would lose the trace of the whole run.
fn check_writable(path: &str) -> Result<(), Stop> {
    let target = std::path::Path::new(path);
    let probe = match target.parent().filter(|p| !p.as_os_str().is_empty()) {
        _ if target.exists() => target,
        Some(parent) => parent,
        None => std::path::Path::new("."),
    };
    let c_path = std::ffi::CString::new(probe.as_os_str().as_encoded_bytes()).ok();
    // SAFETY: access(2) only reads the NUL-terminated path.
    let writable = c_path.is_some_and(|p| unsafe { libc::access(p.as_ptr(), libc::W_OK) } == 0);
    let reason = if !probe.exists() {
        "no such directory".to_owned()
    } else if !writable {
        crate::os::errno::text(&std::io::Error::last_os_error())
    } else if probe != target && !probe.is_dir() {
        "not a directory".to_owned()
    } else {
        return Ok(());
    };
    Err(bad_option(format!("cannot write the trace to '{path}': {reason}")))
}

/// Parses the command line; `--help`, `--version` and bad command lines end
/// the process here.
pub fn parse() -> Options {
    parse_from(std::env::args_os()).unwrap_or_else(|stop| {
        use std::io::Write;
        let _ = match stop.code {
            0 => std::io::stdout().write_all(stop.message.as_bytes()),
            _ => std::io::stderr().write_all(stop.message.as_bytes()),
        };
        std::process::exit(stop.code)
    })
}

/// Node's options tock takes as Node does: they go to `process.execArgv`,
/// where the built-ins that honour them look (`--no-warnings`,
/// `--tls-min-v1.2`, `--max-http-header-size=N`…).
const NODE_FLAGS: &[&str] = &[
    "--expose-gc",
    "--expose_gc",
    "--no-warnings",
    "--no-deprecation",
    "--throw-deprecation",
    "--trace-deprecation",
    "--pending-deprecation",
    "--trace-warnings",
    "--insecure-http-parser",
    "--use-bundled-ca",
    "--use-openssl-ca",
    "--tls-min-v1.0",
    "--tls-min-v1.1",
    "--tls-min-v1.2",
    "--tls-min-v1.3",
    "--tls-max-v1.2",
    "--tls-max-v1.3",
    "--enable-network-family-autoselection",
    "--no-network-family-autoselection",
];
const NODE_VALUED_FLAGS: &[&str] =
    &["--max-http-header-size=", "--tls-cipher-list=", "--network-family-autoselection-attempt-timeout="];

fn is_node_flag(arg: &str) -> bool {
    NODE_FLAGS.contains(&arg) || NODE_VALUED_FLAGS.iter().any(|prefix| arg.starts_with(prefix))
}

/// The options of a command line (the executable's name first), or why it
/// runs no program. Nothing here ends the process.
pub fn parse_from<I, T>(args: I) -> Result<Options, Stop>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::CommandFactory;
    // Node's options before the program are set aside for execArgv.
    let mut exec_argv = Vec::new();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    let mut before_program = true;
    for (i, arg) in args.into_iter().map(Into::into).enumerate() {
        let text = arg.to_str().unwrap_or("");
        if i > 0 && before_program && is_node_flag(text) {
            exec_argv.push(text.to_owned());
            continue;
        }
        if i > 0 && !text.starts_with('-') {
            before_program = false;
        }
        rest.push(arg);
    }
    let cli = Cli::try_parse_from(rest).map_err(|err| {
        use clap::error::ErrorKind;
        let code = if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) { 0 } else { 9 };
        Stop { message: err.render().to_string(), code }
    })?;
    let (flags, program) = match cli.command {
        Some(Command::Run { flags, program }) => (flags, program),
        Some(Command::Trace { mut flags, program }) => {
            flags.trace.get_or_insert(TraceFormat::Text);
            flags.diagnose = true;
            (flags, program)
        }
        None => (cli.flags, cli.program),
    };
    let test262 = flags.test262_host.then(|| Test262 {
        preludes: flags.test262_preludes.clone(),
        strict: flags.test262_strict,
        module: flags.test262_module,
    });
    // A conformance test may leave rejections unhandled on purpose.
    let default_mode = if test262.is_some() { UnhandledRejections::None } else { UnhandledRejections::Throw };
    let unhandled_rejections = flags.unhandled_rejections.unwrap_or(default_mode);
    let (entry, argv) = match (cli.eval, cli.print) {
        (Some(code), _) => (Entry::Eval { code, print: false }, program),
        (_, Some(code)) => (Entry::Eval { code, print: true }, program),
        _ => {
            let Some((file, args)) = program.split_first() else {
                return Err(Stop { message: Cli::command().render_help().to_string(), code: 9 });
            };
            // Options come before the program; one tock does not know is an error.
            if file.starts_with('-') && file != "-" {
                return Err(bad_option(format!("bad option: {file}")));
            }
            let path = std::path::absolute(file).map(|p| crate::os::normalize(&p).display().to_string());
            let path = path.unwrap_or_else(|_| file.clone());
            let argv = std::iter::once(path.clone()).chain(args.iter().cloned()).collect();
            (Entry::File(path), argv)
        }
    };
    if let Some(out) = &flags.trace_out {
        check_writable(out)?;
    }
    let trace = (flags.trace.is_some() || flags.diagnose).then(|| Trace {
        format: flags.trace,
        out: flags.trace_out.clone(),
        diagnose: flags.diagnose,
        block_threshold_ms: flags.block_threshold,
    });
    Ok(Options { entry, test262, trace, argv, exec_argv, unhandled_rejections })
}
