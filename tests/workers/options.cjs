// Worker options: environmentData, env (copy / SHARE_ENV / custom object), argv, execArgv, workerData; resourceLimits keys.
const wt = require('worker_threads');
const { Worker, SHARE_ENV, isMainThread, parentPort, workerData } = wt;
const path = require('path');

if (!isMainThread) {
  process.env.SET_BY_WORKER = 'yes';
  parentPort.postMessage(require('util').inspect({
    env: [process.env.TOCK_A, process.env.TOCK_B, process.env.TOCK_C],
    envData: [wt.getEnvironmentData('greeting'), wt.getEnvironmentData('missing')],
    argv: process.argv.slice(2), argv1: path.basename(process.argv[1]),
    execArgv: process.execArgv, workerData, resourceLimits: Object.keys(wt.resourceLimits).sort().join(),
  }, { breakLength: Infinity }));
  wt.setEnvironmentData('greeting', 'changed in worker'); // only affects this worker (and its children)
  return;
}

process.env.TOCK_A = 'from parent';
delete process.env.TOCK_B;
delete process.env.TOCK_C;
wt.setEnvironmentData('greeting', { hi: 'there' });
wt.setEnvironmentData('missing', 'set then removed');
wt.setEnvironmentData('missing', undefined);
console.log('main getEnvironmentData', wt.getEnvironmentData('greeting'), wt.getEnvironmentData('missing'));
console.log('main resourceLimits', wt.resourceLimits);
const runs = [
  ['default env', {}],
  ['SHARE_ENV', { env: SHARE_ENV }],
  ['custom env', { env: { TOCK_B: 42, TOCK_C: undefined } }],
  ['argv + execArgv', { argv: ['x', 7, { y: 1 }], execArgv: ['--no-warnings'] }],
  ['workerData', { workerData: { list: [1, 2], when: new Date(0) } }],
];
(async () => {
  for (const [label, opts] of runs) {
    await new Promise((resolve) => {
      delete process.env.SET_BY_WORKER;
      const w = new Worker(__filename, opts);
      w.on('message', (m) => console.log(label, m));
      w.on('exit', (code) => {
        console.log(`  exit ${code}; parent sees SET_BY_WORKER=${process.env.SET_BY_WORKER}`);
        resolve();
      });
    });
  }
  console.log('main still has', wt.getEnvironmentData('greeting'), 'SHARE_ENV is', typeof SHARE_ENV, SHARE_ENV.toString());
})();
