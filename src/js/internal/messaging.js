// Messages between ports: MessageChannel, MessagePort, MessageEvent,
// BroadcastChannel and structuredClone, as Node has them. A port's
// messages arrive through the loop (src/host/messaging.rs): each one is a
// macrotask of the poll phase, its microtasks drained before the next.
// A port is started by its first 'message' listener (or start()), and
// keeps the loop alive while it has one, unless unref'd.

const { EventTarget, Event, DOMException, kListeners } = require('internal/abort');
const { codedError, invalidArgType } = require('internal/errors');
const { pooled } = require('internal/buffer');

const kNodeValue = Symbol('kNodeValue');

// This runtime's ports (and broadcast channels) by id.
const ports = new Map();

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;
  constructor(type, options = {}) {
    super(type, options);
    if (options?.source !== undefined && options.source !== null && !(options.source instanceof MessagePort)) {
      throw invalidArgType('init.source', 'an instance of MessagePort', options.source);
    }
    if (options?.ports !== undefined) {
      if (typeof options.ports?.[Symbol.iterator] !== 'function') throw new TypeError('init.ports is not iterable');
      [...options.ports].forEach((port, i) => {
        if (!(port instanceof MessagePort)) throw invalidArgType(`init.ports[${i}]`, 'an instance of MessagePort', port);
      });
    }
    this.#data = options?.data ?? null;
    this.#origin = `${options?.origin ?? ''}`;
    this.#lastEventId = `${options?.lastEventId ?? ''}`;
    this.#source = options?.source ?? null;
    this.#ports = Object.freeze([...(options?.ports ?? [])]);
  }
  get data() {
    return this.#data;
  }
  get origin() {
    return this.#origin;
  }
  get lastEventId() {
    return this.#lastEventId;
  }
  get source() {
    return this.#source;
  }
  get ports() {
    return this.#ports;
  }
}

// EventEmitter-style listeners: the wrapper registered, and the listener.
const nodeStyle = new WeakMap();

// Node's event targets also take EventEmitter-style listeners, which get the
// event's value (a message's data) rather than the event.
class NodeEventTarget extends EventTarget {
  #wrappers = new Map();
  #counts = new Map();
  listenerCount(type) {
    return this.#counts.get(`${type}`) ?? 0;
  }
  addEventListener(type, listener, options) {
    const before = this.listenerCount(type);
    super.addEventListener(type, listener, options);
    if (this[kListeners](type).length > before) {
      this.#counts.set(`${type}`, before + 1);
      internals.get(this)?.added?.(`${type}`, before);
    }
  }
  removeEventListener(type, listener, options) {
    const before = this[kListeners](type).length;
    super.removeEventListener(type, listener, options);
    if (this[kListeners](type).length < before) {
      this.#counts.set(`${type}`, before - 1);
      internals.get(this)?.removed?.(`${type}`, before - 1);
    }
  }
  on(type, listener) {
    if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
    let byType = this.#wrappers.get(`${type}`);
    if (!byType) this.#wrappers.set(`${type}`, (byType = new Map()));
    const wrapper = (event) => listener.call(this, kNodeValue in event ? event[kNodeValue] : event);
    byType.set(listener, wrapper);
    nodeStyle.set(wrapper, listener);
    this.addEventListener(type, wrapper);
    return this;
  }
  addListener(type, listener) {
    return this.on(type, listener);
  }
  once(type, listener) {
    const once = (...args) => {
      this.off(type, once);
      return listener.apply(this, args);
    };
    return this.on(type, once);
  }
  off(type, listener) {
    const wrapper = this.#wrappers.get(`${type}`)?.get(listener);
    if (wrapper) {
      this.#wrappers.get(`${type}`).delete(listener);
      this.removeEventListener(type, wrapper);
    }
    return this;
  }
  removeListener(type, listener) {
    return this.off(type, listener);
  }
  removeAllListeners(type) {
    const types = type === undefined ? [...this.#counts.keys()] : [`${type}`];
    for (const t of types) {
      for (const listener of this[kListeners](t)) this.removeEventListener(t, listener);
      this.#wrappers.delete(t);
    }
    return this;
  }
  eventNames() {
    return [...this.#counts].filter(([, n]) => n > 0).map(([t]) => t);
  }
  // Dispatches `type`: EventEmitter-style listeners get `value`, the others
  // the event `create()` makes.
  emit(type, value, create = () => new Event(type)) {
    const listeners = this[kListeners](type);
    if (listeners.every((listener) => nodeStyle.has(listener))) {
      // Only EventEmitter-style listeners: no event object is needed.
      for (const listener of listeners) {
        try {
          nodeStyle.get(listener).call(this, value);
        } catch (err) {
          process.nextTick(() => {
            throw err;
          });
        }
      }
      return listeners.length > 0;
    }
    const event = create();
    event[kNodeValue] = value;
    this.dispatchEvent(event);
    return true;
  }
}
// `onmessage` and the like: one listener, replaced by each assignment.
function defineEventHandler(proto, type) {
  const handlers = new WeakMap();
  Object.defineProperty(proto, `on${type}`, {
    get() {
      return handlers.get(this)?.handler ?? null;
    },
    set(handler) {
      const old = handlers.get(this);
      if (old) this.removeEventListener(type, old.listener);
      if (typeof handler !== 'function') {
        handlers.delete(this);
        return;
      }
      const listener = (event) => handler.call(this, event);
      handlers.set(this, { handler, listener });
      this.addEventListener(type, listener);
    },
    enumerable: true,
    configurable: true,
  });
}

// What tock keeps of each port and broadcast channel of this runtime, out
// of programs' reach: its id, its state, and what the loop calls on it.
const internals = new WeakMap();
function own(target) {
  const internal = internals.get(target);
  if (internal === undefined) throw new TypeError('Illegal invocation');
  return internal;
}

// MessagePort is a constructor no program may call; ports are made by
// channels (and arrive in messages).
function MessagePort() {
  throw codedError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
}

class Port extends NodeEventTarget {
  postMessage(value, transfer) {
    const port = own(this);
    if (arguments.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    if (port.closed) return;
    const [list, portIds] = transferList(transfer, this);
    native.messaging.post(port.id, value, list, portIds);
    detachPorts(portIds);
  }
  start() {
    const port = own(this);
    if (port.started || port.closed) return;
    port.started = true;
    native.messaging.start(port.id);
  }
  close(callback) {
    const port = own(this);
    if (typeof callback === 'function') this.once('close', callback);
    if (port.closed) return;
    port.closed = true;
    native.messaging.close(port.id);
    updateRef(this, port);
    closed(this);
  }
  ref() {
    own(this).refed = true;
    updateRef(this, own(this));
    return this;
  }
  unref() {
    own(this).refed = false;
    updateRef(this, own(this));
    return this;
  }
  hasRef() {
    const port = own(this);
    return !port.closed && port.refed && this.listenerCount('message') > 0;
  }
  get [Symbol.toStringTag]() {
    return 'MessagePort';
  }
}
Object.defineProperty(Port.prototype, 'constructor', { value: MessagePort, writable: true, configurable: true });
MessagePort.prototype = Port.prototype;
Object.setPrototypeOf(MessagePort, NodeEventTarget);
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
require('internal/clone').portPrototype = MessagePort.prototype;

function updateRef(target, port) {
  if (ports.has(port.id)) native.messaging.ref(port.id, target.hasRef());
}

// The MessagePort of port `id` of this runtime.
function createPort(id) {
  const target = new Port();
  const port = {
    id,
    closed: false,
    started: false,
    refed: true,
    added(type, before) {
      if (type !== 'message' || before !== 0) return;
      updateRef(target, port);
      target.start();
    },
    removed(type, after) {
      if (type === 'message' && after === 0) updateRef(target, port);
    },
    // A message arrived (the loop's dispatch): delivered if the port is started.
    // Messages that arrived before a close() are still delivered.
    deliver() {
      if (!port.started) return;
      const received = native.messaging.receive(id);
      if (received === undefined) return;
      const [data, transferred] = received;
      target.emit('message', data, () => new MessageEvent('message', { data, ports: transferred }));
    },
    // The channel closed (the other end closed it, or its thread ended).
    onClose() {
      if (port.closed) return;
      port.closed = true;
      closed(target);
    },
  };
  internals.set(target, port);
  ports.set(id, target);
  return target;
}

// A closed port's 'close' event comes in the loop's close phase, as a
// handle's; it delivers nothing more.
function closed(target) {
  native.handles.closeCallback(() => target.emit('close', undefined));
}

// Ports moved away in a message: dead here, without closing the channel.
function detachPorts(ids) {
  for (const id of ids) {
    const target = ports.get(id);
    if (target === undefined) continue;
    ports.delete(id);
    internals.get(target).closed = true;
  }
}

function MessageChannel() {
  if (new.target === undefined) throw codedError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`');
  const [a, b] = native.messaging.channel();
  Object.defineProperty(this, 'port1', { value: createPort(a), enumerable: true });
  Object.defineProperty(this, 'port2', { value: createPort(b), enumerable: true });
}

// The ArrayBuffers and MessagePorts of a transfer list (an array or
// `{ transfer }`), checked; and the ids of the ports.
const untransferable = new WeakSet();
function transferList(transfer, source) {
  if (transfer === undefined || transfer === null) return [undefined, []];
  let list = transfer;
  if (typeof list !== 'object') throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  if (typeof list[Symbol.iterator] !== 'function') {
    list = list.transfer;
    if (list === undefined || list === null) return [undefined, []];
    if (typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
      throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable');
    }
  }
  const objects = [];
  const portIds = [];
  const seen = new Set();
  for (const item of list) {
    const kind = item instanceof MessagePort ? 'MessagePort' : item instanceof ArrayBuffer ? 'ArrayBuffer' : undefined;
    if (kind === undefined) throw codedError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    if (seen.has(item)) throw new DOMException(`Transfer list contains duplicate ${kind}`, 'DataCloneError');
    seen.add(item);
    if (kind === 'MessagePort') {
      if (item === source) throw new DOMException('Transfer list contains source port', 'DataCloneError');
      const port = internals.get(item);
      if (port === undefined || port.closed) continue;
      portIds.push(port.id);
    } else if (untransferable.has(item) || pooled.has(item)) {
      // Copied rather than moved, as Node does.
      continue;
    }
    objects.push(item);
  }
  return [objects, portIds];
}

class BroadcastChannel extends NodeEventTarget {
  constructor(name) {
    if (arguments.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    if (typeof name === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    super();
    const [id, token] = native.messaging.joinBroadcast(`${name}`);
    const target = this;
    const channel = {
      id,
      token,
      name: `${name}`,
      refed: true,
      deliver() {
        const received = native.messaging.receive(id);
        if (received === undefined || channel.token === undefined) return;
        const data = received[0];
        target.emit('message', data, () => new MessageEvent('message', { data }));
      },
      onClose() {
        channel.token = undefined;
      },
    };
    internals.set(this, channel);
    ports.set(id, this);
    native.messaging.start(id);
    updateChannelRef(channel);
  }
  get name() {
    return own(this).name;
  }
  postMessage(message) {
    const channel = own(this);
    if (arguments.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    if (channel.token === undefined) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    native.messaging.postBroadcast(channel.token, channel.name, message);
  }
  close() {
    const channel = own(this);
    if (channel.token === undefined) return;
    native.messaging.leaveBroadcast(channel.token);
    channel.token = undefined;
    updateChannelRef(channel);
  }
  ref() {
    own(this).refed = true;
    updateChannelRef(own(this));
    return this;
  }
  unref() {
    own(this).refed = false;
    updateChannelRef(own(this));
    return this;
  }
}

// A broadcast channel keeps the loop alive from the start, listeners or
// not (as Node's), until closed or unref'd.
function updateChannelRef(channel) {
  native.messaging.ref(channel.id, channel.refed && channel.token !== undefined);
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

// Every port's completions: a message arrived, or the channel closed.
function dispatch(id, event) {
  const target = ports.get(id);
  if (target === undefined) return;
  if (event === 'close') {
    ports.delete(id);
    native.messaging.forget(id);
    internals.get(target).onClose();
    return;
  }
  internals.get(target).deliver();
}
native.messaging.setup(require('internal/clone'), dispatch, createPort);

function structuredClone(value, options) {
  if (arguments.length === 0) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const [list, portIds] = transferList(options ?? undefined, undefined);
  const copy = native.messaging.structuredClone(value, list, portIds);
  detachPorts(portIds);
  return copy;
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  const received = native.messaging.receive(own(port).id);
  return received === undefined ? undefined : { message: received[0] };
}

module.exports = {
  MessageChannel,
  MessagePort,
  MessageEvent,
  BroadcastChannel,
  structuredClone,
  receiveMessageOnPort,
  markAsUntransferable: (object) => {
    if (object instanceof ArrayBuffer) untransferable.add(object);
  },
  isMarkedAsUntransferable: (object) => untransferable.has(object) || pooled.has(object),
  createPort,
  transferList,
  detachPorts,
};
