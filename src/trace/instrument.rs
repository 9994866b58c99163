//! Load-time instrumentation for tracing: QuickJS runs `await` continuations
//! as internal jobs that no hook reports, so traced sources are rewritten
//! (with a real parser, oxc) before they are compiled:
//!
//! - `await ARG` becomes `__tockTrace.r(await __tockTrace.a(ARG, SITE), SITE)`:
//!   `a` sees what is awaited and hands it on untouched (or, for a thenable,
//!   as the promise `await` would have made of it), so the order of jobs is
//!   unchanged; `r` runs first thing in the continuation when the awaited
//!   value fulfils. A rejection skips `r`: `a` registers a rejection reaction
//!   for promises not yet fulfilled, which runs just before the continuation.
//! - an async function's body starts with `__tockTrace.enter(SITE);`.
//!
//! Insertions never add a line break, so line numbers stay true.

use oxc_allocator::Allocator;
use std::collections::HashMap;

use oxc_allocator::Vec as ArenaVec;
use oxc_ast::ast::{
    ArrowFunctionExpression, AwaitExpression, Expression, Function, FunctionBody, IdentifierReference,
    MethodDefinition, ObjectProperty, Statement, VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::{ParseOptions, Parser};
use oxc_span::{GetSpan, SourceType};
use oxc_syntax::scope::ScopeFlags;

/// A place in the source the trace refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub line: u32,
    pub column: u32,
    /// The enclosing async function (`main`, `<anonymous>`…).
    pub function: String,
    pub kind: SiteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteKind {
    Await,
    AsyncFunction,
}

/// How the source will be compiled.
#[derive(Clone, Copy)]
pub enum Goal {
    Script,
    CommonJs,
    Module,
}

/// What instrumenting a source produced.
pub struct Instrumented {
    pub code: String,
    /// Numbered from `first_site`.
    pub sites: Vec<Site>,
    /// Pairs of await sites in consecutive statements, `const a = await f();
    /// const b = await g();`, where the second does not use what the first
    /// bound: if both really wait, they could have waited together.
    pub sequential: Vec<(u32, u32)>,
}

/// The rewritten source, or `None` when the source does not parse (QuickJS
/// will report the error) or has nothing to instrument.
pub fn instrument(source: &str, goal: Goal, first_site: u32) -> Option<Instrumented> {
    let allocator = Allocator::default();
    let source_type = match goal {
        Goal::Module => SourceType::mjs(),
        Goal::Script | Goal::CommonJs => SourceType::cjs(),
    };
    let options =
        ParseOptions { allow_return_outside_function: matches!(goal, Goal::CommonJs), ..ParseOptions::default() };
    let parsed = Parser::new(&allocator, source, source_type).with_options(options).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        return None;
    }
    let mut collector = Collector {
        source,
        first_site,
        sites: Vec::new(),
        edits: Vec::new(),
        names: vec![],
        pending_name: None,
        await_sites: HashMap::new(),
        sequential: Vec::new(),
    };
    collector.visit_program(&parsed.program);
    if collector.edits.is_empty() {
        return None;
    }
    // Openings in visiting order, closings of nested sites innermost first.
    collector.edits.sort_by_key(|e| (e.at, e.opening, if e.opening { e.order as i64 } else { -(e.order as i64) }));
    let mut out = String::with_capacity(source.len() + collector.edits.len() * 24);
    let mut last = 0;
    for edit in &collector.edits {
        out.push_str(&source[last..edit.at as usize]);
        out.push_str(&edit.text);
        last = edit.at as usize;
    }
    out.push_str(&source[last..]);
    Some(Instrumented { code: out, sites: collector.sites, sequential: collector.sequential })
}

struct Edit {
    at: u32,
    opening: bool,
    order: usize,
    text: String,
}

struct Collector<'s> {
    source: &'s str,
    first_site: u32,
    sites: Vec<Site>,
    edits: Vec<Edit>,
    /// Names of the enclosing functions.
    names: Vec<String>,
    /// The name a binding or key gives to the function about to be visited.
    pending_name: Option<String>,
    /// Site of each `await`, by the offset where it starts.
    await_sites: HashMap<u32, u32>,
    sequential: Vec<(u32, u32)>,
}

/// `const x = await f(…)` / `x = await f(…)`: the await that starts work
/// (a call) and the names its result is bound to.
fn awaited_call<'s, 'a>(statement: &'s Statement<'a>) -> Option<(&'s AwaitExpression<'a>, Vec<String>)> {
    let (expr, names) = match statement {
        Statement::VariableDeclaration(decl) if decl.declarations.len() == 1 => {
            let declarator = &decl.declarations[0];
            let names = declarator.id.get_binding_identifiers().iter().map(|id| id.name.to_string()).collect();
            (declarator.init.as_ref()?, names)
        }
        Statement::ExpressionStatement(stmt) => match &stmt.expression {
            Expression::AssignmentExpression(assign) => {
                (&assign.right, assign.left.get_identifier_name().map(|n| vec![n.to_string()]).unwrap_or_default())
            }
            _ => return None,
        },
        _ => return None,
    };
    match expr {
        Expression::AwaitExpression(await_expr)
            if !names.is_empty()
                && matches!(await_expr.argument, Expression::CallExpression(_) | Expression::NewExpression(_)) =>
        {
            Some((await_expr, names))
        }
        _ => None,
    }
}

/// The identifiers an expression reads.
#[derive(Default)]
struct References(Vec<String>);

impl<'a> Visit<'a> for References {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.0.push(it.name.to_string());
    }
}

impl Collector<'_> {
    fn site(&mut self, offset: u32, kind: SiteKind) -> u32 {
        let before = &self.source[..offset as usize];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        let function = self.names.last().cloned().unwrap_or_else(|| "<top level>".into());
        self.sites.push(Site { line, column, function, kind });
        self.first_site + self.sites.len() as u32 - 1
    }

    fn insert(&mut self, at: u32, opening: bool, text: String) {
        let order = self.edits.len();
        self.edits.push(Edit { at, opening, order, text });
    }

    /// `__tockTrace.enter(SITE);` as the first statement after the directives.
    fn enter_body(&mut self, body: &FunctionBody<'_>, at: u32) {
        let site = self.site(at, SiteKind::AsyncFunction);
        let after = body.directives.last().map_or(body.span.start + 1, |d| d.span.end);
        self.insert(after, true, format!("__tockTrace.enter({site});"));
    }

    fn take_name(&mut self, own: Option<&str>) -> String {
        let pending = self.pending_name.take();
        own.map(str::to_owned).or(pending).unwrap_or_else(|| "<anonymous>".into())
    }
}

fn is_function(expr: &Expression<'_>) -> bool {
    matches!(expr, Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_))
}

impl<'a> Visit<'a> for Collector<'_> {
    fn visit_statements(&mut self, statements: &ArenaVec<'a, Statement<'a>>) {
        walk::walk_statements(self, statements);
        for pair in statements.windows(2) {
            let (Some((first, bound)), Some((second, _))) = (awaited_call(&pair[0]), awaited_call(&pair[1])) else {
                continue;
            };
            let mut reads = References::default();
            reads.visit_expression(&second.argument);
            if reads.0.iter().any(|name| bound.contains(name)) {
                continue;
            }
            if let (Some(&a), Some(&b)) =
                (self.await_sites.get(&first.span.start), self.await_sites.get(&second.span.start))
            {
                self.sequential.push((a, b));
            }
        }
    }

    fn visit_await_expression(&mut self, it: &AwaitExpression<'a>) {
        let site = self.site(it.span.start, SiteKind::Await);
        self.await_sites.insert(it.span.start, site);
        self.insert(it.span.start, true, "__tockTrace.r(".into());
        self.insert(it.span.end, false, format!(", {site})"));
        let arg = it.argument.span();
        self.insert(arg.start, true, "__tockTrace.a(".into());
        self.insert(arg.end, false, format!(", {site})"));
        walk::walk_await_expression(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        let name = self.take_name(it.id.as_ref().map(|id| id.name.as_str()));
        self.names.push(name);
        if it.r#async
            && !it.generator
            && let Some(body) = &it.body
        {
            self.enter_body(body, it.span.start);
        }
        walk::walk_function(self, it, flags);
        self.names.pop();
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        let name = self.take_name(None);
        self.names.push(name);
        if it.r#async {
            if let Some(expr) = it.get_expression() {
                let site = self.site(it.span.start, SiteKind::AsyncFunction);
                let span = expr.span();
                self.insert(span.start, true, format!("(__tockTrace.enter({site}), "));
                self.insert(span.end, false, ")".into());
            } else if let Some(body) = it.get_function_body() {
                self.enter_body(body, it.span.start);
            }
        }
        walk::walk_arrow_function_expression(self, it);
        self.names.pop();
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if it.init.as_ref().is_some_and(is_function) {
            self.pending_name = it.id.get_identifier_name().map(|n| n.to_string());
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        if is_function(&it.value) {
            self.pending_name = it.key.static_name().map(|n| n.into_owned());
        }
        walk::walk_object_property(self, it);
    }

    fn visit_method_definition(&mut self, it: &MethodDefinition<'a>) {
        self.pending_name = it.key.static_name().map(|n| n.into_owned());
        walk::walk_method_definition(self, it);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_awaits_and_marks_async_bodies() {
        let Instrumented { code, sites, .. } =
            instrument("async function main() {\n  const x = await f(1);\n  return await await x;\n}", Goal::Script, 0)
                .unwrap();
        assert_eq!(
            code,
            "async function main() {__tockTrace.enter(0);\n  const x = __tockTrace.r(await __tockTrace.a(f(1), 1), 1);\n  return __tockTrace.r(await __tockTrace.a(__tockTrace.r(await __tockTrace.a(x, 3), 3), 2), 2);\n}"
        );
        assert_eq!(sites[1], Site { line: 2, column: 13, function: "main".into(), kind: SiteKind::Await });
    }

    #[test]
    fn arrow_expression_bodies_and_names() {
        let Instrumented { code, sites, .. } = instrument("const go = async () => await p;", Goal::Module, 10).unwrap();
        assert_eq!(
            code,
            "const go = async () => (__tockTrace.enter(10), __tockTrace.r(await __tockTrace.a(p, 11), 11));"
        );
        assert_eq!(sites[1].function, "go");
    }

    #[test]
    fn directives_stay_first_and_top_level_await_is_traced() {
        let Instrumented { code, .. } =
            instrument("async function f() { 'use strict'; }\nawait 1;", Goal::Module, 0).unwrap();
        assert_eq!(
            code,
            "async function f() { 'use strict';__tockTrace.enter(0); }\n__tockTrace.r(await __tockTrace.a(1, 1), 1);"
        );
    }

    #[test]
    fn independent_sequential_awaits_are_paired() {
        let source = "async function f() {\n  const a = await get(1);\n  const b = await get(2);\n  const c = await get(a);\n  x = await load();\n}";
        let done = instrument(source, Goal::Script, 0).unwrap();
        // a→b are independent; b→c too (c reads a, not b); c→x as well.
        // Site 0 is the function, then one site per await.
        assert_eq!(done.sequential, [(1, 2), (2, 3), (3, 4)]);
        let dependent = instrument(
            "async function f() {\n  const a = await get(1);\n  const b = await get(a);\n}",
            Goal::Script,
            0,
        )
        .unwrap();
        assert!(dependent.sequential.is_empty());
    }

    #[test]
    fn syntax_errors_are_left_to_the_engine() {
        assert!(instrument("await (", Goal::Module, 0).is_none());
        assert!(instrument("const x = 1;", Goal::Script, 0).is_none());
    }
}
