const EventEmitter = require('events');
const { once } = require('node:events');
class Job extends EventEmitter {}
const job = new Job();
job.on('newListener', (name) => console.log('newListener', name));
job.on('data', (x) => console.log('data 1', x));
job.prependListener('data', (x) => console.log('data 0 (prepended)', x));
job.once('data', function (x) { console.log('once', x, this === job); });
console.log(job.emit('data', 'a'), job.emit('data', 'b'), job.emit('nothing'));
console.log(job.listenerCount('data'), job.eventNames(), EventEmitter.listenerCount(job, 'data'));
const handler = () => console.log('removed?');
job.on('x', handler);
job.off('x', handler);
console.log(job.emit('x'), job.listeners('data').length, job.rawListeners('data').length);
try { job.emit('error', new Error('boom')); } catch (e) { console.log('thrown', e.message); }
try { job.emit('error', 'not an error'); } catch (e) { console.log('thrown', e.code, e.message); }
job.on(EventEmitter.errorMonitor, (e) => console.log('monitor saw', e.message));
job.on('error', (e) => console.log('handled', e.message));
job.emit('error', new Error('second'));
job.removeAllListeners('data');
console.log(job.listenerCount('data'), new Job());
once(job, 'ready').then((args) => console.log('once resolved with', args));
process.nextTick(() => job.emit('ready', 1, 2));
