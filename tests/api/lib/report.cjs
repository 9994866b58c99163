// Runs `code` in a child and prints its exit and its stderr as both node and tock can print it: what
// only Node has (frames in its internals, excerpts of its internal sources, its name and version) left out.
const cp = require('child_process');

// Drop what only Node has: frames in its internals (and the V8 names of user functions in frames: only
// top-level `at [eval]:L:C` frames stay), excerpts of its internal sources, the runtime's name and version.
const runtime = require('path').basename(process.execPath);
function meaningful(stderr) {
  const lines = stderr.replaceAll(`\`${runtime} --trace-uncaught`, '`RUNTIME --trace-uncaught').split('\n');
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^node:internal\/\S+:\d+$/.test(l)) { i += 3; continue; } // file:line, source line, caret, blank
    if (/^ +at /.test(l) && !/^ +at \[eval\]:\d+:\d+$/.test(l)) continue;
    kept.push(l);
  }
  const trim = () => { while (kept.length && kept[kept.length - 1] === '') kept.pop(); };
  trim();
  if (/^\S+ v?\d+\.\d+\.\d+$/.test(kept[kept.length - 1])) kept.pop(); // "Node.js v20.20.2"
  trim();
  return kept.join('\n');
}

function run(what, code, show = (s) => JSON.stringify(s)) {
  const r = cp.spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  console.log(what, 'exit', r.status, r.signal, 'stdout', JSON.stringify(r.stdout), 'stderr', show(meaningful(r.stderr)));
}

module.exports = { run };
