// ES module: top-level await on fs/promises, import.meta with URL helpers,
// and the I/O phase ordering seen from a module.
import { readFile, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';

const here = fileURLToPath(import.meta.url);
console.log(basename(here), dirname(here) === import.meta.dirname, pathToFileURL(here).href === import.meta.url);
console.log((await readFile(new URL(import.meta.url), 'utf8')).split('\n')[0]);
const dir = await mkdtemp(join(tmpdir(), 'tock-esm-'));
await writeFile(join(dir, 'x.json'), JSON.stringify({ ok: true }));
console.log(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')));
const text = await readFile(join(dir, 'x.json'), 'utf8');
console.log('after await readFile', text.length);
await rm(dir, { recursive: true });
// Resumed from an I/O completion (the poll phase): the check phase comes
// before the next timers phase.
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
console.log('done');
