// The IPC channel of child_process.fork, at either end: `send()` and
// 'message' on the ChildProcess in the parent and on `process` in the child.
// Messages travel as JSON lines — Node's 'json' serialization — so tock and
// Node processes can talk to each other.

const { codedError, invalidArgType } = require('internal/errors');

// `refWhileListening`: the child's end keeps its process alive only while
// someone listens for 'message' or 'disconnect', as in Node.
exports.setupChannel = function setupChannel(target, fd, refWhileListening) {
  let pending = new Uint8Array(0);
  let closed = false;
  // Messages sent but not yet written: disconnect() waits for them.
  let sending = 0;
  let closeWhenSent = false;
  const disconnected = () => {
    if (closed) return;
    closed = true;
    target.connected = false;
    if (sending > 0) closeWhenSent = true;
    else native.ipc.close(id);
    process.nextTick(() => target.emit('disconnect'));
  };
  const id = native.ipc.open(fd, (event, bytes) => {
    if (event === 'end') return disconnected();
    const chunk = new Uint8Array(bytes);
    const all = new Uint8Array(pending.length + chunk.length);
    all.set(pending);
    all.set(chunk, pending.length);
    // '\n' never occurs inside a UTF-8 sequence: split on the byte.
    let start = 0;
    for (let end = all.indexOf(10); end !== -1; end = all.indexOf(10, start)) {
      const message = JSON.parse(native.buffer.decode(all, 'utf8', start, end));
      // Node's own messages (cluster's) are 'internalMessage'.
      const internal = typeof message?.cmd === 'string' && message.cmd.startsWith('NODE_');
      process.nextTick(() => target.emit(internal ? 'internalMessage' : 'message', message));
      start = end + 1;
    }
    pending = all.slice(start);
  });
  if (id === undefined || id === null) return;
  target.connected = true;
  target.send = function send(message, handle, options, callback) {
    callback = [handle, options, callback].find((f) => typeof f === 'function');
    if (message === undefined) throw invalidArgType('message', 'one of type string, object, number, or boolean', message);
    if (!target.connected) {
      const err = codedError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
      process.nextTick(() => (callback ? callback(err) : target.emit('error', err)));
      return false;
    }
    // The callback runs once the message is written.
    let bytes = require('internal/buffer').Buffer.from(`${JSON.stringify(message)}\n`);
    // Written at once when nothing is queued (as libuv tries first): a
    // process that exits right after sending has still sent.
    if (sending === 0) {
      const written = native.ipc.trySend(id, bytes);
      if (written === bytes.length) {
        if (callback) process.nextTick(callback, null);
        return true;
      }
      if (written > 0) bytes = bytes.subarray(written);
    }
    sending++;
    native.ipc.send(id, bytes, (failed) => {
      if (--sending === 0 && closeWhenSent) native.ipc.close(id);
      if (callback) callback(failed ? codedError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed') : null);
    });
    return true;
  };
  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', codedError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    disconnected();
  };
  if (refWhileListening) {
    const watched = ['message', 'disconnect', 'internalMessage'];
    const refresh = () => native.child.ref(id, !closed && watched.some((event) => target.listenerCount(event) > 0));
    refresh();
    target.on('newListener', (event) => watched.includes(event) && process.nextTick(refresh));
    target.on('removeListener', (event) => watched.includes(event) && process.nextTick(refresh));
    target.channel = { ref: () => native.child.ref(id, true), unref: () => native.child.ref(id, false) };
  }
};
