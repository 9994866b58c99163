// node:diagnostics_channel: named channels that libraries publish to and
// tools subscribe to, and tracing channels (start, end, asyncStart,
// asyncEnd, error) around a call. A subscriber that throws does not stop
// the others: its error is thrown on the next tick, as an uncaught one.

const { invalidArgType } = require('internal/errors');

const channels = new Map();

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
}

class Channel {
  #subscribers = [];
  #stores = new Map();

  constructor(name) {
    this.name = name;
  }

  get hasSubscribers() {
    return this.#subscribers.length > 0 || this.#stores.size > 0;
  }

  subscribe(onMessage) {
    validateFunction(onMessage, 'subscription');
    this.#subscribers = [...this.#subscribers, onMessage];
  }

  unsubscribe(onMessage) {
    const at = this.#subscribers.indexOf(onMessage);
    if (at === -1) return false;
    this.#subscribers = [...this.#subscribers.slice(0, at), ...this.#subscribers.slice(at + 1)];
    return true;
  }

  publish(message) {
    for (const onMessage of this.#subscribers) {
      try {
        onMessage(message, this.name);
      } catch (err) {
        process.nextTick(() => {
          throw err;
        });
      }
    }
  }

  bindStore(store, transform) {
    this.#stores.set(store, transform);
  }

  unbindStore(store) {
    return this.#stores.delete(store);
  }

  // Runs fn with each bound store entered (store.run), after publishing.
  runStores(data, fn, thisArg, ...args) {
    let run = () => Reflect.apply(fn, thisArg, args);
    for (const [store, transform] of this.#stores) {
      const inner = run;
      let value = data;
      if (typeof transform === 'function') {
        try {
          value = transform(data);
        } catch (err) {
          process.nextTick(() => {
            throw err;
          });
          continue;
        }
      }
      run = () => store.run(value, inner);
    }
    this.publish(data);
    return run();
  }
}

function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw invalidArgType('channel', 'of type string or symbol', name);
  }
  let found = channels.get(name);
  if (!found) channels.set(name, (found = new Channel(name)));
  return found;
}

function subscribe(name, onMessage) {
  channel(name).subscribe(onMessage);
}

function unsubscribe(name, onMessage) {
  return channels.has(name) ? channels.get(name).unsubscribe(onMessage) : false;
}

function hasSubscribers(name) {
  return channels.has(name) ? channels.get(name).hasSubscribers : false;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

// The synchronous part of a traced call, inside `start`'s stores: a throw
// is published on `error`, and `end` follows either way.
function traced(channels, context, call) {
  return channels.start.runStores(context, () => {
    try {
      return call();
    } catch (err) {
      context.error = err;
      channels.error.publish(context);
      throw err;
    } finally {
      channels.end.publish(context);
    }
  });
}

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of traceEvents) this[event] = channel(`tracing:${nameOrChannels}:${event}`);
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const event of traceEvents) {
        if (!(nameOrChannels[event] instanceof Channel)) {
          throw invalidArgType(`nameOrChannels.${event}`, 'an instance of Channel', nameOrChannels[event]);
        }
        this[event] = nameOrChannels[event];
      }
    } else {
      throw invalidArgType('nameOrChannels', 'of type string or an instance of TracingChannel or Object', nameOrChannels);
    }
  }

  get hasSubscribers() {
    return traceEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of traceEvents) if (handlers[event]) this[event].subscribe(handlers[event]);
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of traceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    return traced(this, context, () => {
      context.result = Reflect.apply(fn, thisArg, args);
      return context.result;
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return traced(this, context, () => {
      let promise = Reflect.apply(fn, thisArg, args);
      if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
      return promise.then(resolve, reject);
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    const { asyncStart, asyncEnd, error } = this;
    function wrapped(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position < 0 ? args.length + position : position, 1, wrapped);
    return traced(this, context, () => Reflect.apply(fn, thisArg, args));
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = { channel, hasSubscribers, subscribe, unsubscribe, tracingChannel, Channel };
