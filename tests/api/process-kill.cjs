// process.kill (signal 0, unknown signals, killing a child) and process.getuid.
console.log(process.kill(process.pid, 0), typeof process.getuid(), process.getuid() === require('os').userInfo().uid);
try { process.kill(2 ** 22 + 12345, 0) } catch (e) { console.log(e.message, e.code, e.errno, e.syscall) }
try { process.kill(process.pid, 'SIGNOPE') } catch (e) { console.log(e.message, e.code) }
const c = require('child_process').spawn('sleep', ['5']);
c.on('exit', (code, sig) => console.log('child', code, sig));
process.kill(c.pid, 'SIGKILL');
