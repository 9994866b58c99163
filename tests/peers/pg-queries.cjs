// The pg package against a PostgreSQL server this program starts (initdb
// and pg_ctl as the postgres user, on loopback): queries with parameters,
// an error with its SQLSTATE, a rolled-back transaction, a pool.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { Client, Pool } = require('pg');
const bin = fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`)[0];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-pg-'));
fs.chmodSync(dir, 0o777);
const asPostgres = (cmd, args) => execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
asPostgres(`${bin}/initdb`, ['-D', `${dir}/data`, '-A', 'trust', '-U', 'tock']);
const probe = net.createServer().listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(async () => {
    asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-w', '-l', `${dir}/log`, '-o', `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off`, 'start']);
    try {
      const client = new Client({ host: '127.0.0.1', port, user: 'tock', database: 'postgres' });
      await client.connect();
      console.log((await client.query('SELECT 1 + 1 AS two')).rows);
      await client.query('CREATE TABLE t (id serial PRIMARY KEY, name text, at timestamptz DEFAULT now())');
      const inserted = await client.query('INSERT INTO t (name) VALUES ($1), ($2) RETURNING id, name', ['ada', 'grace']);
      console.log(inserted.rowCount, inserted.rows);
      try {
        await client.query('SELECT * FROM missing');
      } catch (e) {
        console.log('error', e.code, e.message);
      }
      await client.query('BEGIN');
      await client.query("UPDATE t SET name = 'x'");
      await client.query('ROLLBACK');
      console.log((await client.query('SELECT name FROM t ORDER BY id')).rows.map((r) => r.name));
      await client.end();
      const pool = new Pool({ host: '127.0.0.1', port, user: 'tock', database: 'postgres', max: 3 });
      const counts = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.query('SELECT $1::int * 2 AS n', [n])));
      console.log(counts.map((r) => r.rows[0].n));
      await pool.end();
      console.log('done');
    } finally {
      asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
