// node:readline and node:readline/promises: lines from a readable stream,
// as 'line' events, an async iterator, or answers to question().

const { EventEmitter } = require('internal/events');
const { StringDecoder } = require('internal/stream');

class Interface extends EventEmitter {
  #input;
  #output;
  #decoder = new StringDecoder('utf8');
  #partial = '';
  #questions = [];
  #prompt = '> ';
  #paused = false;
  closed = false;
  terminal = false;
  line = '';
  constructor(input, output) {
    super();
    const options = input && typeof input.on === 'function' ? { input, output } : input ?? {};
    this.#input = options.input;
    this.#output = options.output;
    if (options.prompt !== undefined) this.#prompt = options.prompt;
    const input$ = this.#input;
    if (!input$) return;
    this.onData = (chunk) => this.#take(typeof chunk === 'string' ? chunk : this.#decoder.write(chunk));
    this.onEnd = () => {
      this.#take(this.#decoder.end());
      if (this.#partial.length > 0) this.#emitLine(this.#partial);
      this.#partial = '';
      this.close();
    };
    input$.on('data', this.onData);
    input$.on('end', this.onEnd);
    input$.resume?.();
  }
  // Lines end at \n, \r\n or \r. One scan over the text (no re-slicing
  // of the rest), so long inputs stay linear; text without \r (the usual
  // case) is split with indexOf, much faster than the regex.
  #take(text) {
    const all = this.#partial + text;
    let start = 0;
    if (!all.includes('\r')) {
      for (let end = all.indexOf('\n'); end !== -1 && !this.closed; end = all.indexOf('\n', start)) {
        this.#emitLine(all.slice(start, end));
        start = end + 1;
      }
      this.#partial = all.slice(start);
      return;
    }
    const endings = /\r\n|\n|\r/g;
    let match;
    while (!this.closed && (match = endings.exec(all)) !== null) {
      // A \r at the very end may be the first half of \r\n: wait for more.
      if (match[0] === '\r' && match.index === all.length - 1) break;
      this.#emitLine(all.slice(start, match.index));
      start = endings.lastIndex;
    }
    this.#partial = all.slice(start);
  }
  #emitLine(line) {
    if (this.#questions.length > 0) this.#questions.shift()(line);
    else this.emit('line', line);
  }
  question(query, options, callback) {
    if (typeof options === 'function') callback = options;
    if (this.closed) throw require('internal/errors').codedError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
    this.#output?.write(query);
    this.#questions.push(callback);
  }
  setPrompt(prompt) {
    this.#prompt = prompt;
  }
  getPrompt() {
    return this.#prompt;
  }
  prompt() {
    this.#output?.write(this.#prompt);
  }
  write(data) {
    if (typeof data === 'string') this.#take(data);
  }
  pause() {
    if (this.#paused) return this;
    this.#paused = true;
    this.#input?.pause?.();
    this.emit('pause');
    return this;
  }
  resume() {
    if (!this.#paused) return this;
    this.#paused = false;
    this.#input?.resume?.();
    this.emit('resume');
    return this;
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    if (this.#input) {
      this.#input.removeListener('data', this.onData);
      this.#input.removeListener('end', this.onEnd);
      this.#input.pause?.();
    }
    this.emit('close');
  }
  [Symbol.asyncIterator]() {
    const lines = [];
    let wake = null;
    let done = this.closed;
    this.on('line', (line) => {
      lines.push(line);
      wake?.();
    });
    this.once('close', () => {
      done = true;
      wake?.();
    });
    const rl = this;
    return {
      async next() {
        while (lines.length === 0 && !done) await new Promise((resolve) => { wake = resolve; });
        wake = null;
        if (lines.length > 0) return { value: lines.shift(), done: false };
        return { value: undefined, done: true };
      },
      async return() {
        rl.close();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

const createInterface = (input, output) => new Interface(input, output);

// readline/promises: question() returns a promise of the answer.
class PromisesInterface extends Interface {
  question(query, options) {
    return new Promise((resolve) => super.question(query, options, resolve));
  }
}

exports.readline = {
  Interface,
  createInterface,
  clearLine: (stream, dir, callback) => stream.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', callback),
  cursorTo: (stream, x, y, callback) => stream.write(typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`, callback),
  promises: { Interface: PromisesInterface, createInterface: (input, output) => new PromisesInterface(input, output) },
};
