// node:cluster. The primary forks workers (child_process.fork, with
// NODE_UNIQUE_ID) and talks to them over the IPC channel with internal
// messages (`{ cmd: 'NODE_CLUSTER' }`). Workers share a listening port
// through SO_REUSEPORT: the primary reserves the port (bound, not
// listening), each worker listens on it, and the kernel spreads the
// connections — not Node's round robin through the primary (see README).

const { EventEmitter } = require('internal/events');
const { kReservePort } = require('internal/net');

const SCHED_NONE = 1;
const SCHED_RR = 2;
// A worker's id is its own, not its children's: read once, then removed.
const isWorker = Object.hasOwn(process.env, 'NODE_UNIQUE_ID');
const workerId = isWorker ? Number(process.env.NODE_UNIQUE_ID) : undefined;
delete process.env.NODE_UNIQUE_ID;

const cluster = new EventEmitter();
cluster.isWorker = isWorker;
cluster.isMaster = !isWorker;
cluster.isPrimary = !isWorker;
cluster.Worker = Worker;
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
const policy = process.env.NODE_CLUSTER_SCHED_POLICY;
cluster.schedulingPolicy = policy === 'none' ? SCHED_NONE : SCHED_RR;

// --- the protocol ---

let sequence = 0;
const callbacks = new Map();

// Sends an internal message; `callback(reply)` hears the answer.
function send(target, message, callback) {
  message = { cmd: 'NODE_CLUSTER', ...message };
  if (callback) {
    message.seq = ++sequence;
    callbacks.set(message.seq, callback);
  }
  if (target.connected !== false) target.send(message);
}

function onInternal(handler) {
  return (message, handle) => {
    if (message?.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined && callbacks.has(message.ack)) {
      const callback = callbacks.get(message.ack);
      callbacks.delete(message.ack);
      callback(message, handle);
      return;
    }
    handler(message, handle);
  };
}

// --- Worker ---

function Worker(options = {}) {
  if (!(this instanceof Worker)) return new Worker(options);
  EventEmitter.call(this);
  this.exitedAfterDisconnect = undefined;
  this.state = options.state || 'none';
  this.id = options.id | 0;
  if (options.process) {
    this.process = options.process;
    this.process.on('error', (err) => this.emit('error', err));
    this.process.on('message', (message, handle) => this.emit('message', message, handle));
  }
}
Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Worker, EventEmitter);

Worker.prototype.send = function (...args) {
  return this.process.send(...args);
};

Worker.prototype.isDead = function () {
  return this.process.exitCode != null || this.process.signalCode != null;
};

Worker.prototype.isConnected = function () {
  return Boolean(this.process.connected);
};

// --- the primary ---

let ids = 0;
let initialized = false;
cluster.workers = {};
cluster.settings = {};
// Ports reserved for the workers' servers: by address and the index of
// the server among a worker's servers on that address, what the primary
// bound (a net.Server, not listening) and told the workers.
const reserved = new Map();

cluster.setupPrimary = function (options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (initialized) {
    cluster.emit('setup', settings);
    return;
  }
  initialized = true;
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

cluster.fork = function (env) {
  cluster.setupPrimary();
  const id = ++ids;
  const { settings } = cluster;
  const child = require('node/child_process').fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    execArgv: settings.execArgv,
    silent: settings.silent,
    stdio: settings.stdio,
    uid: settings.uid,
    gid: settings.gid,
    serialization: settings.serialization,
  });
  const worker = new Worker({ id, process: child });
  worker.on('message', function (message, handle) {
    cluster.emit('message', this, message, handle);
  });
  child.on('internalMessage', onInternal((message) => onWorkerMessage(worker, message)));
  child.once('exit', (code, signal) => {
    if (worker.state !== 'disconnected') removeWorker(worker);
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'dead';
    worker.emit('exit', code, signal);
    cluster.emit('exit', worker, code, signal);
  });
  child.once('disconnect', () => {
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'disconnected';
    removeWorker(worker);
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.process.once('spawn', () => {});
  cluster.workers[id] = worker;
  process.nextTick(() => cluster.emit('fork', worker));
  return worker;
};

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) {
    for (const { server } of reserved.values()) server.close();
    reserved.clear();
  }
}

function onWorkerMessage(worker, message) {
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      // A worker told to disconnect gets no more servers.
      if (worker.exitedAfterDisconnect) break;
      reserve(message, (answer) => send(worker.process, { ack: message.seq, ...answer }));
      break;
    case 'listening': {
      const address = { addressType: message.addressType, address: message.address, port: message.port, fd: undefined };
      worker.state = 'listening';
      worker.emit('listening', address);
      cluster.emit('listening', worker, address);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      send(worker.process, { ack: message.seq });
      break;
  }
}

// The port a worker's server listens on: the one reserved for its address
// and index (port 0 gets one chosen now, the same for every worker), or the
// failure to reserve it.
function reserve({ address, port, addressType, index, backlog }, reply) {
  if (addressType === -1) return reply({ port });
  const key = `${address}:${port}:${addressType}:${index}`;
  let entry = reserved.get(key);
  if (!entry) {
    const server = new (require('node/net').Server)();
    server[kReservePort] = true;
    entry = { server, answer: null, waiting: [] };
    reserved.set(key, entry);
    const settle = (answer) => {
      entry.answer = answer;
      for (const waiting of entry.waiting.splice(0)) waiting(answer);
    };
    server.once('listening', () => settle({ port: server.address().port }));
    server.once('error', (err) => {
      reserved.delete(key);
      settle({ errno: err.errno, code: err.code });
    });
    server.listen({ host: address ?? undefined, port, backlog });
  }
  if (entry.answer) reply(entry.answer);
  else entry.waiting.push(reply);
}

Worker.prototype.disconnect = function () {
  if (isWorker) return workerDisconnect(this);
  this.exitedAfterDisconnect = true;
  if (this.isConnected()) send(this.process, { act: 'disconnect' });
  return this;
};

// In the primary, kill() only signals the process (as Node 20 does).
Worker.prototype.kill = Worker.prototype.destroy = function (signal = 'SIGTERM') {
  if (isWorker) {
    if (!this.isConnected()) process.exit(0);
    if (this.state === 'destroying') return;
    this.state = 'destroying';
    send(process, { act: 'exitedAfterDisconnect' }, () => {
      if (process.connected) process.disconnect();
    });
    process.once('disconnect', () => process.exit(0));
    return;
  }
  this.process.kill(signal);
};

cluster.disconnect = function (callback) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    if (callback) process.nextTick(callback);
    return;
  }
  let left = workers.length;
  for (const worker of workers) {
    worker.once('disconnect', () => {
      if (--left === 0 && callback) callback();
    });
    worker.disconnect();
  }
};

// --- a worker ---

// The servers this worker listens with, closed by disconnect().
const servers = new Set();

// The primary that asked for it knows already: no need to tell it.
function workerDisconnect(worker, primaryInitiated) {
  // Once: a second request while disconnecting changes nothing.
  if (worker.state === 'disconnecting' || worker.state === 'destroying') return worker;
  worker.state = 'disconnecting';
  worker.exitedAfterDisconnect = true;
  let left = servers.size;
  const disconnect = () => {
    if (process.connected) process.disconnect();
  };
  const done = () => (primaryInitiated ? disconnect() : send(process, { act: 'exitedAfterDisconnect' }, disconnect));
  if (left === 0) done();
  for (const server of [...servers]) {
    servers.delete(server);
    server.close(() => {
      if (--left === 0) done();
    });
  }
  return worker;
}

// The indexes of this worker's servers, by address: the second server on
// port 0 shares its port with every worker's second one.
const indexes = new Map();

// net.Server.listen in a worker: the port comes from the primary.
cluster._getServer = function (server, options, callback) {
  const { address, port, addressType, backlog } = options;
  const indexesKey = `${address}:${port}:${addressType}`;
  let taken = indexes.get(indexesKey);
  if (!taken) indexes.set(indexesKey, (taken = { next: 0, live: new Set() }));
  const index = taken.next++;
  taken.live.add(index);
  server.once('close', () => {
    taken.live.delete(index);
    if (taken.live.size === 0) indexes.delete(indexesKey);
  });
  send(process, { act: 'queryServer', address, port, addressType, index, backlog }, (reply) => {
    if (reply.errno) {
      callback(reply);
      return;
    }
    servers.add(server);
    server.once('close', () => servers.delete(server));
    callback(null, reply.port);
  });
};

cluster._listening = function (address) {
  send(process, { act: 'listening', ...address });
};

if (isWorker) {
  const worker = new Worker({ id: workerId, process, state: 'online' });
  cluster.worker = worker;
  process.on('internalMessage', onInternal((message) => {
    if (message.act === 'disconnect') workerDisconnect(worker, true);
  }));
  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away: nothing more to do here.
      process.exit(0);
    }
  });
  send(process, { act: 'online' });
  delete cluster.workers;
  delete cluster.fork;
  delete cluster.setupPrimary;
  delete cluster.setupMaster;
  delete cluster.disconnect;
} else {
  cluster.worker = undefined;
}

module.exports = cluster;
