//! The named exports an ES module can import from a CommonJS file, found
//! without running it, as Node's cjs-module-lexer finds them — here with
//! oxc's parser, which tock links already.
//!
//! Detected shapes: `exports.a =`, `exports['a'] =`, `module.exports.a =`,
//! `Object.defineProperty(exports, 'a', …)`, `module.exports = { a, b: …,
//! 'c': … }` (including esbuild's `0 && (module.exports = {…})` hint), and
//! re-exports: `module.exports = require('x')`, `...require('x')` in that
//! object, TypeScript's `__exportStar(require('x'), exports)` /
//! `__export(require('x'))`, and Babel's `Object.keys(_x).forEach(…)` over a
//! `var _x = require('x')`.

use std::collections::HashMap;

use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, AssignmentExpression, CallExpression, Expression, ObjectPropertyKind, Statement, VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::{ParseOptions, Parser};
use oxc_span::{GetSpan, SourceType};

/// What a CommonJS file exports: its own names, and the specifiers whose
/// exports it passes on.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Exports {
    pub names: Vec<String>,
    pub reexports: Vec<String>,
}

pub fn exports_of(source: &str) -> Exports {
    let allocator = Allocator::default();
    let options = ParseOptions { allow_return_outside_function: true, ..ParseOptions::default() };
    let parsed = Parser::new(&allocator, source, SourceType::cjs()).with_options(options).parse();
    let mut finder = Finder { source, exports: Exports::default(), required: HashMap::new() };
    if !parsed.panicked {
        finder.visit_program(&parsed.program);
    }
    let mut exports = finder.exports;
    exports.names.sort();
    exports.names.dedup();
    exports.reexports.dedup();
    exports
}

struct Finder<'s> {
    source: &'s str,
    exports: Exports,
    /// `var _x = require('x')`: binding name → specifier.
    required: HashMap<String, String>,
}

/// `'x'` of `require('x')`.
fn required<'a>(expression: &Expression<'a>) -> Option<&'a str> {
    match expression.get_inner_expression() {
        Expression::CallExpression(call) if call.is_require_call() => match call.arguments.first() {
            Some(Argument::StringLiteral(s)) => Some(s.value.as_str()),
            _ => None,
        },
        _ => None,
    }
}

fn is_exports(expression: &Expression<'_>) -> bool {
    expression.is_specific_id("exports") || expression.is_specific_member_access("module", "exports")
}

impl Finder<'_> {
    fn name(&mut self, name: &str) {
        self.exports.names.push(name.to_owned());
    }

    fn reexport(&mut self, specifier: &str) {
        self.exports.reexports.push(specifier.to_owned());
    }

    /// `module.exports = <value>`. An object literal is read as Node's
    /// lexer reads it: entries up to the first one it cannot follow — after
    /// `key: value` it goes on only when the value is a plain identifier.
    fn whole(&mut self, source: &str, value: &Expression<'_>) {
        if let Some(specifier) = required(value) {
            return self.reexport(specifier);
        }
        let Expression::ObjectExpression(object) = value.get_inner_expression() else { return };
        for property in &object.properties {
            match property {
                ObjectPropertyKind::ObjectProperty(p) => {
                    let Some(key) = p.key.static_name().filter(|_| !p.computed && !p.method) else { return };
                    if p.shorthand {
                        self.name(&key);
                        continue;
                    }
                    let starts_with_word = source[p.value.span().start as usize..]
                        .starts_with(|c: char| c.is_alphabetic() || c == '_' || c == '$');
                    if starts_with_word {
                        self.name(&key);
                    }
                    if !matches!(p.value, Expression::Identifier(_)) {
                        return;
                    }
                }
                ObjectPropertyKind::SpreadProperty(spread) => match required(&spread.argument) {
                    Some(specifier) => self.reexport(specifier),
                    None if matches!(spread.argument, Expression::Identifier(_)) => {}
                    None => return,
                },
            }
        }
    }
}

/// `Object.defineProperty(exports, 'x', descriptor)` exports `x` when the
/// descriptor is one Node's lexer accepts: a `value`, or a getter returning
/// a name or a property.
fn plain_descriptor(descriptor: Option<&Argument<'_>>) -> bool {
    let Some(Argument::ObjectExpression(object)) = descriptor else { return false };
    object.properties.iter().any(|property| {
        let ObjectPropertyKind::ObjectProperty(p) = property else { return false };
        match p.key.static_name().as_deref() {
            Some("value") => true,
            Some("get") => {
                let body = match &p.value {
                    Expression::FunctionExpression(f) => f.body.as_deref(),
                    _ => None,
                };
                body.is_some_and(|b| match b.statements.as_slice() {
                    [Statement::ReturnStatement(r)] => r
                        .argument
                        .as_ref()
                        .is_some_and(|a| matches!(a, Expression::Identifier(_)) || a.as_member_expression().is_some()),
                    _ => false,
                })
            }
            _ => false,
        }
    })
}

impl<'a> Visit<'a> for Finder<'_> {
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if let Some(member) = it.left.as_member_expression() {
            if member.object().is_specific_id("module") && member.static_property_name() == Some("exports") {
                self.whole(self.source, &it.right);
            } else if is_exports(member.object())
                && let Some(name) = member.static_property_name()
            {
                self.name(name);
            }
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let (Some(id), Some(init)) = (it.id.get_binding_identifier(), &it.init)
            && let Some(specifier) = required(init)
        {
            self.required.insert(id.name.to_string(), specifier.to_owned());
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let callee = it.callee.get_inner_expression();
        let first = it.arguments.first().and_then(Argument::as_expression);
        let callee_name = match callee {
            Expression::Identifier(id) => Some(id.name.as_str()),
            _ => callee.as_member_expression().and_then(|m| m.static_property_name()),
        };
        if callee.is_specific_member_access("Object", "defineProperty")
            && first.is_some_and(is_exports)
            && let Some(Argument::StringLiteral(name)) = it.arguments.get(1)
            && plain_descriptor(it.arguments.get(2))
        {
            self.name(name.value.as_str());
        } else if matches!(callee_name, Some(n) if n.ends_with("__exportStar") || n.ends_with("__export"))
            && let Some(specifier) = first.and_then(required)
        {
            self.reexport(specifier);
        } else if let Some(member) = callee.as_member_expression()
            && member.static_property_name() == Some("forEach")
            && let Expression::CallExpression(keys) = member.object().get_inner_expression()
            && keys.callee.is_specific_member_access("Object", "keys")
            && let Some(Expression::Identifier(source)) = keys.arguments.first().and_then(Argument::as_expression)
            && let Some(specifier) = self.required.get(source.name.as_str()).cloned()
        {
            self.reexport(&specifier);
        }
        walk::walk_call_expression(self, it);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_reexports() {
        let src = "exports.a = 1;\nmodule.exports.b = 2; if (exports.c == 3) {}\nObject.defineProperty(exports, 'd', { value: 1 });\n\
                   module.exports = { e, f: x, 'g': y, ...require('./h') };\nexports['i'] = 0;\n\
                   __exportStar(require('./j'), exports);\nvar _k = require('k'); Object.keys(_k).forEach(function (key) {});";
        let found = exports_of(src);
        assert_eq!(found.names, ["a", "b", "d", "e", "f", "g", "i"]);
        assert_eq!(found.reexports, ["./h", "./j", "k"]);
    }

    #[test]
    fn a_whole_require_is_a_reexport() {
        assert_eq!(exports_of("module.exports = require('./lib/x.js');").reexports, ["./lib/x.js"]);
        assert_eq!(exports_of("0 && (module.exports = { a, b });").names, ["a", "b"]);
        // Node's lexer stops after the first value that is not a name.
        assert_eq!(exports_of("module.exports = { a, b: x.y, c };").names, ["a", "b"]);
        assert_eq!(exports_of("module.exports = { a: 1, c };").names, Vec::<String>::new());
    }
}
