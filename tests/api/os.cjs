// node:os: the shape of each answer (values that differ between machines are
// checked against what the system says, not printed).
const os = require('os');
const { execSync } = require('child_process');
console.log(os.platform(), os.type(), os.EOL === '\n', os.devNull, os.endianness());
console.log(os.arch() === process.arch, os.release() === execSync('uname -r', { encoding: 'utf8' }).trim());
console.log(os.hostname() === execSync('uname -n', { encoding: 'utf8' }).trim(), os.machine() === execSync('uname -m', { encoding: 'utf8' }).trim());
console.log(os.cpus().length === os.availableParallelism(), Object.keys(os.cpus()[0]), Object.keys(os.cpus()[0].times));
const user = os.userInfo();
console.log(Object.getPrototypeOf(user), Object.keys(user), user.uid === process.getuid?.() || typeof user.uid === 'number');
console.log(os.homedir() === process.env.HOME, os.tmpdir() === (process.env.TMPDIR || '/tmp').replace(/(.)\/$/, '$1'));
console.log(os.totalmem() > os.freemem(), os.freemem() > 0, os.loadavg().length, os.uptime() > 0);
console.log(os.constants.signals.SIGKILL, os.constants.signals.SIGTERM, os.constants.errno.ENOENT, os.constants.priority.PRIORITY_LOW);
