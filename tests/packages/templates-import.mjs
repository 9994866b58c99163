// Checks templating under import: mustache (.mjs), handlebars (CJS main, "browser" ignored), ejs (top-level condition sugar), marked (ESM, "browser" ignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import Handlebars from 'handlebars';
import ejs from 'ejs';
import { marked, Marked } from 'marked';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['mustache', 'mustache/mustache.js', 'handlebars', 'handlebars/runtime', 'ejs', 'marked']) console.log(s, '->', where(s));
console.log(Mustache.render('Hi {{name}}{{#items}} [{{.}}]{{/items}}', { name: 'm', items: [1, 2] }));
Handlebars.registerHelper('up', (s) => s.toUpperCase());
console.log(Handlebars.compile('{{up who}} has {{#each xs}}{{this}};{{/each}}')({ who: 'hb', xs: ['a', 'b'] }));
console.log(ejs.render('<% for (const x of xs) { %><b><%= x %></b><% } %>', { xs: ['<e>', 'f'] }));
console.log(marked.parse('# Title\n\n- *one*\n- `two`\n').trim().split('\n'));
console.log(new Marked({ gfm: true }).parseInline('**bold** ~~gone~~'));
