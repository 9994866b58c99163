// The text timeline: one event of the recorder (internal/trace.js) as the
// lines `tock trace` prints. `inCheckpoint` indents what runs inside the
// microtask checkpoint.

// "file:line" of a site (or what it says of itself).
const where = (s) => (s ? s.where || `${s.file}:${s.line}` : '?');

function idleText(e) {
  const waits = [];
  if (e.next) waits.push(`${e.next} due in ${e.waitMs} ms`);
  if (e.io) waits.push(`I/O (${e.io} in flight)`);
  if (!waits.length) return `waiting ${e.waitMs} ms`;
  return `waiting for ${waits.join(' or ')}`;
}

const pad = (t) => t.toFixed(2).padStart(9);
function textLine(e, inCheckpoint) {
  const indent = inCheckpoint ? '      ' : '    ';
  switch (e.type) {
    case 'task':
      return `\n[${pad(e.t)} ms] ▶ task #${e.task} ${e.label}\n`;
    case 'checkpoint':
      return `    ── microtask checkpoint\n`;
    case 'taskEnd':
      return `  ◀ end of task #${e.task} (${e.duration.toFixed(2)} ms)\n`;
    case 'idle':
      return `\n[${pad(e.t)} ms] … idle: ${idleText(e)}\n`;
    case 'microtask':
      return `${indent}- microtask: ${e.label}${e.site ? ` (${where(e.site)})` : ''}\n`;
    case 'call':
      return `${indent}→ call async ${e.fn}() (${where(e.site)})\n`;
    case 'await':
      return `${indent}~ ${e.fn} awaits ${e.awaited} at ${where(e.site)}: suspends, control returns to ${e.resumer}\n`;
    case 'resume':
      return `${indent}- microtask: await continuation: ${e.fn} resumes after ${where(e.site)} (${e.outcome})\n`;
    case 'console':
      return `${indent}${e.stream === 2 ? '⚠' : '✎'} console: ${JSON.stringify(e.text)}\n`;
    case 'schedule':
      return `${indent}+ ${e.what} #${e.id}${e.label ? ` ${e.label}` : ''}${e.delay !== undefined ? ` (${e.delay} ms)` : ''} ${e.what === 'I/O' ? 'started' : 'scheduled'} at ${where(e.site)}\n`;
    case 'clear':
      return `${indent}− ${e.what} #${e.id} cleared\n`;
    case 'settle':
      return `${indent}✓ the promise ${e.fn} awaits at ${where(e.awaitedAt)} is fulfilled: its continuation is queued\n`;
    case 'reject':
      return `${indent}✗ promise rejected at ${where(e.site)}: ${e.reason}\n`;
    case 'diagnostic':
      return `${indent}‼ ${e.kind}: ${e.message}\n`;
    case 'exit':
      return `\n[${pad(e.t)} ms] ■ exit ${e.code}: ${e.reason}\n`;
    default:
      return `${indent}${e.type}\n`;
  }
}


module.exports = { textLine, where };
