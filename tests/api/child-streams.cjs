// Child stdio as streams: pipeline into stdin, readline over stdout, async iteration with setEncoding.
const { spawn } = require('child_process');
const { pipeline } = require('stream/promises');
const { Readable } = require('stream');
const readline = require('readline');
(async () => {
  const sorter = spawn('sort');
  const out = [];
  sorter.stdout.setEncoding('utf8').on('data', (d) => out.push(d));
  await pipeline(Readable.from(['pear\n', 'apple\n', 'fig\n']), sorter.stdin);
  await new Promise((r) => sorter.on('close', r));
  console.log(JSON.stringify(out.join('')));
  const seq = spawn('seq', ['1', '5']);
  const rl = readline.createInterface({ input: seq.stdout });
  let sum = 0;
  for await (const line of rl) sum += Number(line);
  console.log('sum', sum);
  const cat = spawn('cat');
  cat.stdin.write('é'.repeat(3));
  cat.stdin.end();
  let text = '';
  cat.stdout.setEncoding('utf8');
  for await (const chunk of cat.stdout) text += chunk;
  console.log(text, cat.stdin.writableFinished);
})();
