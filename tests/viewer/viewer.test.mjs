// Drives tock's HTML trace replay in headless Chromium: loads recorded traces,
// steps through them with the keyboard and buttons, checks what the panels
// show, and takes a screenshot.
// Usage: node viewer.test.mjs TRACE.html BIG.html SCREENSHOT.png IO.html
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const [page1, bigPage, screenshot, ioPage] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

async function open(file) {
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // The page must work offline: any request other than the file itself fails the test.
  page.on('request', (req) => { if (!req.url().startsWith('file://')) errors.push(`network request: ${req.url()}`); });
  await page.goto(`file://${file}`);
  return { browser, page, errors };
}

const text = (page, id) => page.locator(`#${id}`).innerText();

async function stepUntil(page, pattern, limit = 500) {
  for (let i = 0; i < limit; i++) {
    if (pattern.test(await text(page, 'step'))) return;
    await page.keyboard.press('ArrowRight');
  }
  assert.fail(`no step matched ${pattern}`);
}

test('the replay of fetch-data.mjs shows the loop step by step', async () => {
  const { browser, page, errors } = await open(page1);
  try {
    const total = Number((await text(page, 'counter')).split('/')[1]);
    assert.ok(total > 20, `only ${total} steps`);
    assert.match(await text(page, 'counter'), /^1 \/ \d+$/);
    assert.match(await text(page, 'step'), /macrotask #1: main script fetch-data\.mjs/);
    assert.match(await text(page, 'program'), /fetch-data\.mjs/);

    // main suspends at its first await: the source panel shows that line.
    await stepUntil(page, /main awaits a pending Promise/);
    assert.equal(await page.locator('#source .current').getAttribute('data-line'), '10');
    assert.match(await text(page, 'source'), /const first = await fetchData\(1\)/);
    assert.match(await text(page, 'timers'), /timer #1 \(20 ms\) from .*fetch-data\.mjs:5/);
    assert.match(await text(page, 'console'), /main: start/);
    assert.doesNotMatch(await text(page, 'console'), /script end/);

    // The rest of the main task, then the checkpoint's microtasks are listed ahead.
    await stepUntil(page, /console: script end/);
    assert.match(await text(page, 'microtasks'), /then callback/);
    assert.match(await text(page, 'stack'), /macrotask #1: main script/);

    // Idle: the stack is empty and the loop waits for the timer.
    await stepUntil(page, /idle/);
    assert.match(await text(page, 'stack'), /the loop is waiting/);
    assert.match(await text(page, 'timers'), /timer #1/);

    // The timer fires; main's await continuation runs as a microtask.
    await stepUntil(page, /macrotask #2: timer #1/);
    assert.doesNotMatch(await text(page, 'timers'), /timer #1 /);
    await stepUntil(page, /await continuation: main resumes after .*fetch-data\.mjs:10/);
    assert.match(await text(page, 'stack'), /main/);

    // Buttons and the scrubber move too.
    const before = await text(page, 'counter');
    await page.click('#prev');
    assert.notEqual(await text(page, 'counter'), before);
    await page.click('#next');
    assert.equal(await text(page, 'counter'), before);
    await page.locator('#scrubber').fill('3');
    assert.match(await text(page, 'counter'), /^4 \//);

    await page.keyboard.press('End');
    assert.equal(await text(page, 'counter'), `${total} / ${total}`);
    assert.match(await text(page, 'step'), /exit 0/);
    assert.match(await text(page, 'console'), /main\(\) settled: done/);
    await page.keyboard.press('Home');
    await stepUntil(page, /main awaits a pending Promise/);
    await page.screenshot({ path: screenshot });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('I/O in flight: listed from its start to its last completion', async () => {
  const { browser, page, errors } = await open(ioPage);
  try {
    assert.match(await text(page, 'io'), /\(none\)/);
    await stepUntil(page, /\+ I\/O #1 fs\.readFile\('.*io\.cjs'\) started at .*io\.cjs:3/);
    assert.match(await text(page, 'io'), /I\/O #1 fs\.readFile\('.*io\.cjs'\) from .*io\.cjs:3/);
    await stepUntil(page, /macrotask #\d+: I\/O #1 fs\.readFile\('.*io\.cjs'\): open \(in progress/);
    assert.match(await text(page, 'io'), /I\/O #1 fs\.readFile/);
    await stepUntil(page, /macrotask #\d+: I\/O #1 fs\.readFile\('.*io\.cjs'\): close \(done/);
    assert.doesNotMatch(await text(page, 'io'), /I\/O #1 /);
    await stepUntil(page, /\+ I\/O #2 child process '\/bin\/sh -c echo child' started/);
    assert.match(await text(page, 'io'), /I\/O #2 child process/);
    await stepUntil(page, /I\/O #2 child process .*: close \(done/);
    assert.match(await text(page, 'io'), /\(none\)/);
    await page.keyboard.press('End');
    assert.match(await text(page, 'console'), /child/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a 100,000-event trace still renders and scrubs', async () => {
  const { browser, page, errors } = await open(bigPage);
  try {
    const total = Number((await text(page, 'counter')).split('/')[1]);
    assert.ok(total >= 100000, `only ${total} events`);
    const start = Date.now();
    await page.keyboard.press('End');
    assert.match(await text(page, 'step'), /exit 0/);
    await page.locator('#scrubber').fill(String(Math.floor(total / 2)));
    assert.match(await text(page, 'counter'), new RegExp(`^${Math.floor(total / 2) + 1} /`));
    assert.ok(Date.now() - start < 10000, 'scrubbing took too long');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
