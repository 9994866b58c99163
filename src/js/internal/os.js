// node:os: facts about the machine and the user, from src/host/os.rs.

const { sysname, release, version, machine } = native.os.uname();
const archOf = { x86_64: 'x64', aarch64: 'arm64', armv7l: 'arm', i686: 'ia32', riscv64: 'riscv64' };

function userInfo(options) {
  const user = native.os.user();
  if (!user) {
    throw require('internal/errors').codedError(Error, 'ERR_SYSTEM_ERROR', 'A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)');
  }
  const { uid, gid, username, homedir, shell } = user;
  const info = Object.create(null);
  Object.assign(info, { uid, gid, username, homedir, shell });
  if (options?.encoding === 'buffer') for (const key of ['username', 'homedir', 'shell']) info[key] = Buffer.from(info[key]);
  return info;
}

function tmpdir() {
  let dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  return dir;
}

const priority = {
  PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
};
const errno = {};
for (const [name, number] of [
  ['EPERM', 1], ['ENOENT', 2], ['ESRCH', 3], ['EINTR', 4], ['EIO', 5], ['EBADF', 9], ['EAGAIN', 11], ['ENOMEM', 12],
  ['EACCES', 13], ['EBUSY', 16], ['EEXIST', 17], ['EXDEV', 18], ['ENOTDIR', 20], ['EISDIR', 21], ['EINVAL', 22],
  ['EMFILE', 24], ['ENOSPC', 28], ['EROFS', 30], ['EPIPE', 32], ['ENAMETOOLONG', 36], ['ENOTEMPTY', 39], ['ELOOP', 40],
]) errno[name] = number;

// A netmask's prefix length: 255.255.0.0 → 16.
function prefixLength(netmask) {
  const parts = netmask.includes(':') ? netmask.split(':').map((g) => parseInt(g || '0', 16)) : netmask.split('.').map(Number);
  const bits = netmask.includes(':') ? 16 : 8;
  let length = 0;
  for (const part of parts) {
    for (let bit = bits - 1; bit >= 0; bit--) {
      if (part & (1 << bit)) length++;
      else return length;
    }
  }
  return length;
}

function networkInterfaces() {
  const interfaces = {};
  for (const [name, address, netmask, family, mac, internal, scopeid] of native.os.networkInterfaces()) {
    const entry = { address, netmask, family, mac, internal, cidr: `${address}/${prefixLength(netmask)}` };
    if (family === 'IPv6') entry.scopeid = scopeid;
    (interfaces[name] ??= []).push(entry);
  }
  return interfaces;
}

exports.os = {
  networkInterfaces,
  arch: () => archOf[machine] ?? machine,
  availableParallelism: () => native.os.cpus().length || 1,
  cpus: () => native.os.cpus().map(({ model, speed, times: [user, nice, sys, idle, irq] }) => ({ model, speed, times: { user, nice, sys, idle, irq } })),
  endianness: () => 'LE',
  freemem: () => native.os.memory().free,
  homedir: () => process.env.HOME || native.os.user()?.homedir || '',
  hostname: () => native.os.uname().nodename,
  loadavg: () => native.os.loadavg(),
  machine: () => machine,
  platform: () => 'linux',
  release: () => release,
  tmpdir,
  totalmem: () => native.os.memory().total,
  type: () => sysname,
  uptime: () => native.os.uptime(),
  userInfo,
  version: () => version,
  constants: { signals: { ...native.child.signals }, errno, priority },
  EOL: '\n',
  devNull: '/dev/null',
};
