// net errors: ECONNREFUSED on a closed port (error then close(hadError=true)), EADDRINUSE when listening twice
// (with a host and with the default '::'), write after end (ERR_STREAM_WRITE_AFTER_END), destroy(err) giving
// 'error' then 'close', server.close() when not running (ERR_SERVER_NOT_RUNNING), and synchronous argument
// errors. Ports in messages are printed as PORT.
const net = require('net');

let port = 0;
const norm = (s) => String(s).split(String(port)).join('PORT');
const show = (what, err) => console.log(what, err.code, norm(err.message), err.syscall, err.errno !== undefined ? typeof err.errno : '', norm(err.address), err.port === port ? 'PORT' : err.port);

const steps = [
  function refused(next) {
    // Find a port that was just free, then connect to it with nothing listening.
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      port = probe.address().port;
      probe.close(() => {
        const sock = net.connect(port, '127.0.0.1');
        sock.on('connect', () => console.log('unexpected connect'));
        sock.on('error', (err) => show('refused:', err));
        sock.on('close', (hadError) => {
          console.log('refused close hadError', hadError, 'destroyed', sock.destroyed);
          next();
        });
      });
    });
  },
  function inUse(next) {
    const first = net.createServer().listen(0, '127.0.0.1', () => {
      port = first.address().port;
      const second = net.createServer();
      second.on('error', (err) => {
        show('in use (host):', err);
        console.log('second listening', second.listening);
        first.close(next);
      });
      second.listen(port, '127.0.0.1');
    });
  },
  function inUseDefaultHost(next) {
    const first = net.createServer().listen(0, () => {
      port = first.address().port;
      console.log('default host', first.address().address, first.address().family);
      net.createServer().on('error', (err) => {
        show('in use (default):', err);
        first.close(next);
      }).listen(port);
    });
  },
  function writeAfterEnd(next) {
    const server = net.createServer((s) => s.resume()).listen(0, '127.0.0.1', () => {
      const sock = net.connect(server.address().port, '127.0.0.1', () => {
        sock.end();
        const ret = sock.write('late', (err) => console.log('write callback', err.code));
        console.log('write after end returns', ret);
      });
      sock.on('error', (err) => show('write after end:', err));
      sock.on('close', (hadError) => {
        console.log('close hadError', hadError);
        server.close(next);
      });
    });
  },
  function destroyWithError(next) {
    const server = net.createServer((s) => s.resume()).listen(0, '127.0.0.1', () => {
      const sock = net.connect(server.address().port, '127.0.0.1', () => {
        const order = [];
        sock.on('error', (err) => order.push(`error ${err.message} ${err.code}`));
        sock.on('close', (hadError) => {
          order.push(`close hadError=${hadError}`);
          console.log('destroy(err):', order.join(' | '), '| errored', sock.errored && sock.errored.message);
          server.close(next);
        });
        process.nextTick(() => order.push('tick'));
        sock.destroy(Object.assign(new Error('boom'), { code: 'EBOOM' }));
        order.push(`after destroy: destroyed=${sock.destroyed}`);
      });
    });
  },
  function notRunning(next) {
    const server = net.createServer();
    server.close((err) => {
      show('close not running:', err);
      // A server that was listening and closed reports the same on a second close.
      const s2 = net.createServer().listen(0, '127.0.0.1', () => {
        s2.close(() => console.log('first close ok'));
        s2.close((e) => {
          show('second close:', e);
          next();
        });
      });
    });
  },
  function syncErrors(next) {
    for (const f of [() => net.connect({ port: -1 }), () => net.connect({ port: 65536 }), () => net.createServer().listen({ port: 'x' }), () => net.connect({})]) {
      try {
        f();
        console.log('no throw');
      } catch (err) {
        console.log('throws', err.code, err.name, err.message);
      }
    }
    next();
  },
];

(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else console.log('done');
})(0);
