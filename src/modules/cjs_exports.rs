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
    Argument, AssignmentExpression, CallExpression, Expression, ObjectPropertyKind, VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_parser::{ParseOptions, Parser};
use oxc_span::SourceType;

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
    let mut finder = Finder::default();
    if !parsed.panicked {
        finder.visit_program(&parsed.program);
    }
    let mut exports = finder.exports;
    exports.names.sort();
    exports.names.dedup();
    exports.reexports.dedup();
    exports
}

#[derive(Default)]
struct Finder {
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

impl Finder {
    fn name(&mut self, name: &str) {
        self.exports.names.push(name.to_owned());
    }

    fn reexport(&mut self, specifier: &str) {
        self.exports.reexports.push(specifier.to_owned());
    }

    /// `module.exports = <value>`.
    fn whole(&mut self, value: &Expression<'_>) {
        if let Some(specifier) = required(value) {
            return self.reexport(specifier);
        }
        let Expression::ObjectExpression(object) = value.get_inner_expression() else { return };
        for property in &object.properties {
            match property {
                ObjectPropertyKind::ObjectProperty(p) => {
                    if let Some(key) = p.key.static_name() {
                        self.name(&key);
                    }
                }
                ObjectPropertyKind::SpreadProperty(spread) => {
                    if let Some(specifier) = required(&spread.argument) {
                        self.reexport(specifier);
                    }
                }
            }
        }
    }
}

impl<'a> Visit<'a> for Finder {
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if let Some(member) = it.left.as_member_expression() {
            if member.object().is_specific_id("module") && member.static_property_name() == Some("exports") {
                self.whole(&it.right);
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
        let src = "exports.a = 1;\nmodule.exports.b = 2; if (exports.c == 3) {}\nObject.defineProperty(exports, 'd', {});\n\
                   module.exports = { e, f: 1, 'g': 2, ...require('./h') };\nexports['i'] = 0;\n\
                   __exportStar(require('./j'), exports);\nvar _k = require('k'); Object.keys(_k).forEach(function (key) {});";
        let found = exports_of(src);
        assert_eq!(found.names, ["a", "b", "d", "e", "f", "g", "i"]);
        assert_eq!(found.reexports, ["./h", "./j", "k"]);
    }

    #[test]
    fn a_whole_require_is_a_reexport() {
        assert_eq!(exports_of("module.exports = require('./lib/x.js');").reexports, ["./lib/x.js"]);
        assert_eq!(exports_of("0 && (module.exports = { a, b });").names, ["a", "b"]);
    }
}
