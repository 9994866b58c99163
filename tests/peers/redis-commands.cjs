// The redis package against a redis-server this program starts on loopback:
// strings, counters, hashes, MULTI, and publish/subscribe on a second
// connection.
const { spawn } = require('child_process');
const net = require('net');
const { createClient } = require('redis');
const probe = net.createServer().listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    server.stdout.on('data', async (chunk) => {
      seen += chunk;
      if (!seen.includes('Ready to accept connections')) return;
      seen = '';
      const client = createClient({ url: `redis://127.0.0.1:${port}` });
      client.on('error', (e) => console.log('client error', e.message));
      await client.connect();
      console.log('set', await client.set('greeting', 'hello'));
      console.log('get', await client.get('greeting'));
      console.log('incr', await client.incr('counter'), await client.incr('counter'));
      await client.hSet('h', { a: '1', b: '2' });
      console.log('hgetall', await client.hGetAll('h'));
      console.log('pipeline', await client.multi().set('x', '1').get('x').exec());
      // The message and the publisher's reply come on two connections:
      // which is read first is up to the kernel, so both are awaited.
      const sub = client.duplicate();
      await sub.connect();
      const received = new Promise((resolve) => sub.subscribe('news', resolve));
      const [published, message] = await Promise.all([client.publish('news', 'extra'), received]);
      console.log('published', published, 'message', message);
      await sub.quit();
      await client.quit();
      console.log('quit');
      server.kill();
    });
  });
});
