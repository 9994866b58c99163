//! The baseline for tock's loop overhead: a bare rquickjs host that evaluates
//! a script and drains the job queue with `execute_pending_job`, nothing else.
//! Usage: bare-engine FILE

use rquickjs::{Context, Function, Runtime, context::EvalOptions};

fn main() {
    let path = std::env::args().nth(1).expect("usage: bare-engine FILE");
    let source = std::fs::read_to_string(&path).expect("readable file");
    let runtime = Runtime::new().unwrap();
    let context = Context::full(&runtime).unwrap();
    context.with(|ctx| {
        let log = Function::new(ctx.clone(), |s: rquickjs::Coerced<String>| println!("{}", s.0)).unwrap();
        let console = rquickjs::Object::new(ctx.clone()).unwrap();
        console.set("log", log).unwrap();
        ctx.globals().set("console", console).unwrap();
        let mut options = EvalOptions::default();
        options.strict = false;
        ctx.eval_with_options::<(), _>(source, options).unwrap();
    });
    while runtime.execute_pending_job().unwrap_or(true) {}
}
