// The readable side of a stream handle of the I/O layer
// (src/event_loop/stream.rs): a child's stdout or stderr, a piped stdin.
// What the handle reads is pushed in; it reads only while the buffer has
// room (Node's read start / stop), so a paused stream stops the writer at
// the other end once the pipe is full. `flow(reading)` starts (true), stops
// (false) or closes (null) the handle's reading; `used` says whether anyone
// has read or listened (a child's unused output is drained at its exit).
const { Readable } = require('internal/stream').stream;

class HandleReadable extends Readable {
  used = false;
  reading = true;
  // Ended or destroyed: our end of the pipe is closing.
  done = false;
  #flow;
  constructor(flow, { reading = true } = {}) {
    // 'close' comes from the loop's close phase, as a libuv handle's.
    super({ emitClose: false });
    this.#flow = flow;
    this.reading = reading;
  }
  _read() {
    if (!this.reading) this.#setReading(true);
  }
  push(chunk) {
    const more = super.push(chunk);
    if (chunk === null) this.#setReading(false);
    else if (!more && this.reading) this.#setReading(false);
    return more;
  }
  #setReading(reading) {
    this.reading = reading;
    this.#flow(reading);
  }
  // Our end of the pipe closes: a child still writing gets EPIPE.
  _destroy(err, callback) {
    this.reading = false;
    this.done = true;
    this.#flow(null);
    native.handles.closeCallback(() => this.emit('close'));
    callback(err);
  }
  on(event, listener) {
    if (event === 'data' || event === 'readable') this.used = true;
    return super.on(event, listener);
  }
  read(n) {
    this.used = true;
    return super.read(n);
  }
  pipe(destination, options) {
    this.used = true;
    return super.pipe(destination, options);
  }
}
HandleReadable.prototype.addListener = HandleReadable.prototype.on;

exports.HandleReadable = HandleReadable;
