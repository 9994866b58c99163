// Checks templating under require: mustache.js, handlebars lib/index.js, ejs "require" condition, and require(esm) of marked.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['mustache', 'handlebars', 'handlebars/runtime', 'handlebars/dist/handlebars.js', 'ejs', 'marked']) console.log(s, '->', where(s));
const Mustache = require('mustache');
console.log(Mustache.render('{{a}} & {{{a}}}', { a: '<x>' }), Mustache.parse('{{q}}').length);
const Handlebars = require('handlebars');
console.log(Handlebars.compile('{{#if ok}}yes{{else}}no{{/if}} {{len}}')({ ok: true, len: 2 }), typeof require('handlebars/runtime').template);
const ejs = require('ejs');
console.log(ejs.render('<%- include("x") %>', {}, { includer: () => ({ template: 'included <%= 1 + 1 %>' }) }));
const { marked } = require('marked');
console.log(marked.parse('a [link](http://x.test) _em_').trim());
