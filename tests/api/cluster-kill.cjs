// node:cluster ending workers: worker.kill() (in Node 20 the primary just signals the process, SIGTERM, no
// disconnect first, so exitedAfterDisconnect stays false), worker.process.kill('SIGKILL') (exit code null,
// signal SIGKILL), a worker calling process.exit(3), worker.kill('SIGINT'), and worker.disconnect() then
// worker.kill() from its 'disconnect' (exitedAfterDisconnect true, signal SIGTERM); isPrimary / isWorker
// seen from both sides; cluster.workers emptied once every worker is gone. Workers stay alive with a timer
// until killed, so a disconnected worker cannot exit on its own. Each worker's events are printed by
// worker id; where 'disconnect' and 'exit' race (a killed worker's channel closes as it dies) 'disconnect'
// is printed first.
const cluster = require('cluster');

if (cluster.isWorker) {
  setInterval(() => {}, 1 << 30);
  process.on('message', (msg) => {
    if (msg === 'exit') process.exit(3);
  });
  process.send({ isPrimary: cluster.isPrimary, isWorker: cluster.isWorker, id: cluster.worker.id });
} else {
  console.log('primary: isPrimary', cluster.isPrimary, 'isWorker', cluster.isWorker);
  const plans = {
    1: ['worker.kill()', (w) => w.kill()],
    2: ["worker.process.kill('SIGKILL')", (w) => w.process.kill('SIGKILL')],
    3: ["send('exit') -> process.exit(3)", (w) => w.send('exit')],
    4: ["worker.kill('SIGINT')", (w) => w.kill('SIGINT')],
    5: ['worker.disconnect(), then kill() on disconnect', (w) => {
      w.once('disconnect', () => w.kill());
      return w.disconnect() === w;
    }],
  };
  const ordered = { 5: true }; // killed only after its 'disconnect'
  const logs = {};
  let hellos = 0;
  const workers = Object.keys(plans).map((key) => {
    const worker = cluster.fork();
    const id = worker.id;
    const log = (line) => logs[id].push(line);
    logs[id] = [];
    worker.on('message', (msg) => {
      log(`message ${JSON.stringify(msg)}`);
      if (++hellos === workers.length) act();
    });
    // What a racing worker's 'disconnect' and 'exit' see of each other is not printed.
    worker.on('disconnect', () => log(`disconnect: isConnected ${worker.isConnected()}` +
      (ordered[id] ? ` isDead ${worker.isDead()} exitedAfterDisconnect ${worker.exitedAfterDisconnect}` : '')));
    worker.on('exit', (code, signal) => log(`exit: code ${code} signal ${signal} exitedAfterDisconnect ${worker.exitedAfterDisconnect}` +
      ` state ${worker.state} isDead ${worker.isDead()}` + (ordered[id] ? ` isConnected ${worker.isConnected()}` : '')));
    return worker;
  });
  console.log('forked ids', workers.map((w) => w.id).join(' '), 'cluster.workers', Object.keys(cluster.workers).join(' '));

  function act() {
    for (const worker of workers) {
      const [label, how] = plans[worker.id];
      const result = how(worker);
      logs[worker.id].push(`${label} returned ${result}, exitedAfterDisconnect now ${worker.exitedAfterDisconnect}`);
    }
  }

  cluster.on('exit', (worker, code, signal) => logs[worker.id].push(`exit: (cluster event) code ${code} signal ${signal}`));
  process.on('exit', () => {
    for (const worker of workers) {
      console.log(`--- worker ${worker.id}`);
      const lines = logs[worker.id];
      const head = lines.filter((l) => !/^(disconnect|exit):/.test(l));
      const tail = lines.filter((l) => /^(disconnect|exit):/.test(l));
      for (const line of head) console.log(line);
      const rank = (line) => (line.startsWith('disconnect') ? 0 : 1); // a stable sort: the 'exit' pair keeps its order
      for (const line of ordered[worker.id] ? tail : tail.sort((a, b) => rank(a) - rank(b))) console.log(line);
    }
    console.log('at exit: cluster.workers', JSON.stringify(cluster.workers));
  });
}
