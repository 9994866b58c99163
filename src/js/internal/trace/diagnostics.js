// The diagnostics of async misuse (`--diagnose`): what each one says. The
// recorder (internal/trace.js) notices the situation; each function here
// returns [kind, key (one report per key), message, site].

const { where } = require('internal/trace/text');

// `await 5`: nothing to wait for, yet a microtask is spent.
exports.awaitNonPromise = (id, awaited, s) => [
  'await-non-promise',
  `await:${id}`,
  `await on ${awaited} at ${where(s)}: it waits for nothing, yet resumes only after a microtask`,
  s,
];

// Two awaits one after the other, the second not using the first's result.
exports.sequentialAwaits = (id, first, s, waitedMs) => [
  'sequential-awaits',
  `seq:${id}`,
  `awaits at ${where(first)} and ${where(s)} wait one after the other (the first waited ${waitedMs.toFixed(0)} ms), ` +
    `but the second does not use the first's result: start both, then await Promise.all([...])`,
  s,
];

// process.exit() (or a fatal error) while work was still pending.
exports.exitWithPendingWork = (reason, alive) => [
  'exit-with-pending-work',
  'exit',
  `exit (${reason}) while still pending: ${alive.join('; ')}`,
];

// A top-level await nothing could settle (exit code 13).
exports.unsettledAwait = (id, s) => ['unsettled-await', `tla:${id}`, `top-level await at ${where(s)} never settled`, s];

// A macrotask that ran longer than --block-threshold.
exports.blockedLoop = (task, duration) => [
  'blocked-loop',
  `block:${task.id}`,
  `task #${task.id} (${task.label}) ran ${duration.toFixed(0)} ms without yielding: CPU-bound work blocks the loop, and await cannot help`,
  task.site,
];

// Synchronous file I/O after the main script.
exports.syncIo = (name, at, task) => [
  'sync-io',
  `sync:${where(at)}`,
  `fs.${name}Sync at ${where(at)} blocks the loop inside ${task.label}: nothing else runs until it returns; fs.promises.${name} or fs.${name} would let other tasks go on`,
  at,
];

// A synchronous node:sqlite call after the main script, longer than the threshold.
exports.syncSqlite = (what, ms, at, task) => [
  'sync-sqlite',
  `sqlite:${where(at)}`,
  `node:sqlite ran ${what} for ${ms.toFixed(0)} ms at ${where(at)}, blocking the loop inside ${task.label}: tock:sqlite runs queries off the loop's thread`,
  at,
];

// EMFILE: too many operations at once.
exports.tooManyOpenFiles = (op, inFlight) => [
  'too-many-open-files',
  'emfile',
  `${op ? `I/O #${op.n} ${op.label} (started at ${where(op.at)})` : 'an I/O operation'} failed with EMFILE: ${inFlight} operations were in flight; run fewer at once (batches instead of one Promise.all over everything)`,
  op?.at,
];

// A signal ended the run: what was still keeping it alive.
exports.interrupted = (name, alive) => [
  'interrupted',
  'interrupt',
  `interrupted (${name}); still keeping the process alive: ${alive.length ? alive.join('; ') : 'nothing'}`,
];

// A rejection nothing handled by the end of the microtask checkpoint.
exports.unhandledRejection = (n, shown, at, created) => [
  'unhandled-rejection',
  `unhandled:${n}`,
  `unhandled rejection (${shown}): rejected at ${where(at)}${created ? `, error created at ${created}` : ''}; nothing handled it once the microtask queue was empty`,
  at,
];
