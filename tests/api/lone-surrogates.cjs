// A string with a lone surrogate leaving JavaScript: encoded as UTF-8 it becomes U+FFFD (ef bf bd)
// everywhere (stdout, Buffer, fs data and paths, env, argv, errors); inspect/JSON escape it; URI encoders throw.
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const hex = (b) => Buffer.from(b).toString('hex');
const strings = ['ab\ud83d', '\udc00x', '\ud83d\ude00']; // the last, a valid pair, is the control
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-surrogates-'));

strings.forEach((s, i) => {
  const name = JSON.stringify(s);
  // The exact bytes a child writes to its stdout (a pipe) for console.log and process.stdout.write.
  const out = cp.execFileSync(process.execPath, ['-e', 'const s = JSON.parse(process.argv[1]); console.log(s); process.stdout.write(s)', name]);
  console.log(name, 'stdout bytes', hex(out));
  console.log(name, 'TextEncoder', hex(new TextEncoder().encode(s)), new TextEncoder().encodeInto(s, new Uint8Array(8)).written);
  console.log(name, 'Buffer', hex(Buffer.from(s)), Buffer.byteLength(s), hex(Buffer.from(s, 'utf16le')), Buffer.from(s, 'utf16le').toString('utf16le') === s);
  const big = Buffer.alloc(8);
  console.log(name, 'buf.write', big.write(s), hex(big), Buffer.alloc(4).write(s), Buffer.alloc(3).write(s));
  console.log(name, 'isWellFormed', s.isWellFormed(), hex(s.toWellFormed()), Buffer.from(s).toString() === s.toWellFormed());
  console.log(name, 'inspect', util.inspect(s), util.inspect({ s, [s]: 1 }), util.format('%s|%j|%o', s, s, s));
  console.log(name, 'JSON', JSON.stringify(s), JSON.stringify({ [s]: [s] }));
  console.log(name, 'URL', new URL('http://x/' + s).href, new URL('http://x/?q=' + s).search, new URL('http://x/#' + s).hash);
  console.log(name, 'URLSearchParams', new URLSearchParams({ q: s }).toString(), escape(s));
  for (const [what, f] of [['encodeURIComponent', encodeURIComponent], ['encodeURI', encodeURI]]) {
    try { console.log(name, what, f(s)); } catch (e) { console.log(name, what, 'throws', e.name, e.code, e.message); }
  }
  // File contents and file names.
  const file = path.join(dir, 'data' + i);
  fs.writeFileSync(file, s);
  console.log(name, 'file data', fs.readFileSync(file, 'hex'));
  const sub = path.join(dir, 'names' + i);
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, s), 'x');
  console.log(name, 'file name', fs.readdirSync(sub, { encoding: 'buffer' }).map(hex), JSON.stringify(fs.readdirSync(sub)), fs.existsSync(path.join(sub, s.toWellFormed())));
  // The environment and argv of a child.
  process.env.TOCK_SURROGATE = s;
  console.log(name, 'env', hex(process.env.TOCK_SURROGATE));
  const env = cp.execFileSync(process.execPath, ['-e', 'console.log(Buffer.from(process.env.TOCK_SURROGATE).toString("hex"))']);
  const argv = cp.execFileSync(process.execPath, ['-e', 'console.log(Buffer.from(process.argv[1]).toString("hex"))', s]);
  console.log(name, 'child env', String(env).trim(), 'child argv', String(argv).trim());
  // An uncaught error whose message holds it: the child's stderr line that starts with 'Error'.
  const r = cp.spawnSync(process.execPath, ['-e', 'throw new Error("m " + JSON.parse(process.argv[1]))', name]);
  console.log(name, 'throw', r.status, String(r.stderr).split('\n').filter((l) => l.startsWith('Error')).map((l) => hex(l)));
});
// Going the other way: the WTF-8 bytes of a lone surrogate are invalid UTF-8, each byte becomes U+FFFD.
console.log('decode eda0bd', hex(Buffer.from('eda0bd', 'hex').toString()), hex(new TextDecoder().decode(Buffer.from('eda0bd', 'hex'))));
fs.rmSync(dir, { recursive: true });
