// node:cluster: the primary forks two workers (env passed through); per worker the cluster and worker
// events 'fork', 'online', 'listening' (address and addressType) and messages arrive in order (each
// worker's list is printed, by worker id, since the two workers race each other); both workers listen on
// port 0 and share one port; HTTP requests to it are answered by one of them; worker.send() and
// process.send() both ways; what cluster looks like inside a worker (isWorker, worker.id, no workers
// table); cluster.disconnect(callback): each worker 'disconnect' and 'exit' with code 0, signal null,
// exitedAfterDisconnect true, state 'dead', the callback once cluster.workers is empty. Workers print nothing: their stdout
// would interleave with the primary's.
const cluster = require('cluster');
const http = require('http');

if (cluster.isWorker) {
  const server = http.createServer((req, res) => {
    res.end(`worker ${cluster.worker.id}`);
  });
  process.on('message', (msg) => {
    if (msg.cmd === 'ping') process.send({ cmd: 'pong', n: msg.n + 1, from: cluster.worker.id });
  });
  process.send({
    cmd: 'hello',
    isPrimary: cluster.isPrimary,
    isMaster: cluster.isMaster,
    isWorker: cluster.isWorker,
    idMatchesEnv: String(cluster.worker.id) === process.env.EXPECTED_ID,
    label: process.env.LABEL,
    workers: typeof cluster.workers,
    fork: typeof cluster.fork,
    connected: process.connected,
    workerConnected: cluster.worker.isConnected(),
    workerIsDead: cluster.worker.isDead(),
  });
  server.listen(0, '127.0.0.1');
} else {
  console.log('primary: isPrimary', cluster.isPrimary, 'isMaster', cluster.isMaster, 'isWorker', cluster.isWorker,
    'worker', cluster.worker, 'workers', JSON.stringify(cluster.workers));
  const events = {}; // worker id -> lines, in arrival order
  const add = (worker, line) => (events[worker.id] = events[worker.id] || []).push(line);
  const disconnects = {}; // worker id -> lines
  const exits = {}; // worker id -> lines
  const ports = {};

  cluster.on('fork', (worker) => add(worker, 'cluster fork'));
  cluster.on('online', (worker) => add(worker, 'cluster online'));
  cluster.on('listening', (worker, address) => {
    add(worker, `cluster listening address ${address.address} addressType ${address.addressType} port is a number ${typeof address.port === 'number'}`);
    ports[worker.id] = address.port;
    if (Object.keys(ports).length === 2) ready();
  });
  cluster.on('disconnect', (worker) => disconnects[worker.id].push('cluster disconnect'));
  cluster.on('exit', (worker, code, signal) => {
    exits[worker.id].push(`cluster exit code ${code} signal ${signal} exitedAfterDisconnect ${worker.exitedAfterDisconnect} state ${worker.state} isDead ${worker.isDead()}`);
  });

  const workers = [1, 2].map((id) => {
    const worker = cluster.fork({ EXPECTED_ID: String(id), LABEL: `label-${id}` });
    disconnects[worker.id] = [];
    exits[worker.id] = [];
    console.log(`forked worker ${worker.id} (expected ${id}), state ${worker.state}, in cluster.workers ${cluster.workers[worker.id] === worker}`,
      `pid is a number ${typeof worker.process.pid === 'number'}`);
    worker.on('online', () => add(worker, 'worker online'));
    worker.on('listening', (address) => add(worker, `worker listening ${address.address}`));
    worker.on('message', (msg) => {
      const { cmd, ...rest } = msg;
      add(worker, `message ${cmd} ${JSON.stringify(rest)}`);
      if (cmd === 'pong' && msg.n < 4) worker.send({ cmd: 'ping', n: msg.n + 1 });
      if (cmd === 'pong' && msg.n === 4 && ++pongsDone === 2) requests();
    });
    worker.on('disconnect', () => disconnects[worker.id].push(`worker disconnect, isConnected ${worker.isConnected()} exitedAfterDisconnect ${worker.exitedAfterDisconnect}`));
    worker.on('exit', (code, signal) => exits[worker.id].push(`worker exit ${code} ${signal}`));
    return worker;
  });
  let pongsDone = 0;

  function ready() {
    console.log('both listening; same port', ports[1] === ports[2]);
    for (const worker of workers) worker.send({ cmd: 'ping', n: 1 });
  }

  async function requests() {
    for (let i = 0; i < 4; i++) {
      const body = await new Promise((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: ports[1], path: `/${i}`, agent: false }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve(`${res.statusCode} ${text}`));
        }).on('error', reject);
      });
      console.log(`request ${i}: answered by one of the workers ${['200 worker 1', '200 worker 2'].includes(body)}`);
    }
    cluster.disconnect(() => {
      console.log('cluster.disconnect callback; workers left', Object.keys(cluster.workers).length);
    });
    console.log('disconnect called; states', workers.map((w) => w.state).join(' '));
  }

  process.on('exit', () => {
    for (const id of Object.keys(events).sort()) {
      console.log(`--- worker ${id}`);
      for (const line of events[id]) console.log(line);
      // 'disconnect' and 'exit' of one worker can come in either order; each pair is in a fixed order.
      for (const line of disconnects[id]) console.log(line);
      for (const line of exits[id]) console.log(line);
    }
    console.log('at exit: cluster.workers', JSON.stringify(cluster.workers));
  });
}
