// Promise.allKeyed and Promise.allSettledKeyed (TC39 proposal "Await
// Dictionary", stage 2.7), which QuickJS-ng lacks. Like Promise.all and
// Promise.allSettled, but over an object's own enumerable properties, giving
// a null-prototype object of results. Steps follow the proposal's text.

const { apply, construct, ownKeys, getOwnPropertyDescriptor, defineProperty } = Reflect;

// IsConstructor, without observable side effects: a proxy has [[Construct]]
// exactly when its target does, and its trap replaces the real construction.
const constructTrap = { construct: () => ({}) };
function isConstructor(value) {
  if (typeof value !== 'function') return false;
  try {
    construct(new Proxy(value, constructTrap), []);
    return true;
  } catch {
    return false;
  }
}

// NewPromiseCapability(C)
function newPromiseCapability(C) {
  // 1. If IsConstructor(C) is false, throw a TypeError exception.
  if (!isConstructor(C)) throw new TypeError('Promise.allKeyed called on a non-constructor');
  const capability = { promise: undefined, resolve: undefined, reject: undefined };
  // The executor is an anonymous built-in-like function of length 2.
  const executor = [(resolve, reject) => {
    if (capability.resolve !== undefined) throw new TypeError('Promise executor already called: resolve is set');
    if (capability.reject !== undefined) throw new TypeError('Promise executor already called: reject is set');
    capability.resolve = resolve;
    capability.reject = reject;
  }][0];
  capability.promise = construct(C, [executor]);
  if (typeof capability.resolve !== 'function') throw new TypeError('Promise resolve function is not callable');
  if (typeof capability.reject !== 'function') throw new TypeError('Promise reject function is not callable');
  return capability;
}

// GetPromiseResolve(C)
function getPromiseResolve(C) {
  const promiseResolve = C.resolve;
  if (typeof promiseResolve !== 'function') throw new TypeError('Promise resolve is not callable');
  return promiseResolve;
}

// CreateKeyedPromiseCombinatorResultObject(keys, values)
function createResultObject(keys, values) {
  const result = Object.create(null);
  for (let i = 0; i < keys.length; i++) {
    defineProperty(result, keys[i], { value: values[i], writable: true, enumerable: true, configurable: true });
  }
  return result;
}

// PerformPromiseAllKeyed(variant, promises, constructor, resultCapability, promiseResolve)
function performPromiseAllKeyed(settled, promises, C, capability, promiseResolve) {
  // 1. Let allKeys be ? promises.[[OwnPropertyKeys]]().
  const allKeys = ownKeys(promises);
  const keys = [];
  const values = [];
  const remaining = { value: 1 };
  const settle = () => {
    remaining.value -= 1;
    if (remaining.value === 0) return apply(capability.resolve, undefined, [createResultObject(keys, values)]);
    return undefined;
  };
  for (const key of allKeys) {
    // a. Let desc be ? promises.[[GetOwnProperty]](key).
    const desc = getOwnPropertyDescriptor(promises, key);
    // b. If desc is not undefined and desc.[[Enumerable]] is true, then
    if (desc === undefined || !desc.enumerable) continue;
    const value = promises[key];
    const index = keys.length;
    keys.push(key);
    values.push(undefined);
    const nextPromise = apply(promiseResolve, C, [value]);
    const alreadyCalled = { value: false };
    const onFulfilled = [(x) => {
      if (alreadyCalled.value) return undefined;
      alreadyCalled.value = true;
      values[index] = settled ? { status: 'fulfilled', value: x } : x;
      return settle();
    }][0];
    const onRejected = settled
      ? [(reason) => {
          if (alreadyCalled.value) return undefined;
          alreadyCalled.value = true;
          values[index] = { status: 'rejected', reason };
          return settle();
        }][0]
      : capability.reject;
    remaining.value += 1;
    // Invoke(nextPromise, "then", « onFulfilled, onRejected »)
    const then = nextPromise.then;
    apply(then, nextPromise, [onFulfilled, onRejected]);
  }
  settle();
  return capability.promise;
}

// Promise.allKeyed / Promise.allSettledKeyed ( promises )
function keyedCombinator(settled, C, promises) {
  const capability = newPromiseCapability(C);
  let promiseResolve;
  try {
    promiseResolve = getPromiseResolve(C);
  } catch (err) {
    apply(capability.reject, undefined, [err]);
    return capability.promise;
  }
  if ((typeof promises !== 'object' || promises === null) && typeof promises !== 'function') {
    apply(capability.reject, undefined, [new TypeError('Promise.allKeyed expects an object')]);
    return capability.promise;
  }
  try {
    return performPromiseAllKeyed(settled, promises, C, capability, promiseResolve);
  } catch (err) {
    apply(capability.reject, undefined, [err]);
    return capability.promise;
  }
}

const methods = {
  allKeyed(promises) {
    return keyedCombinator(false, this, promises);
  },
  allSettledKeyed(promises) {
    return keyedCombinator(true, this, promises);
  },
};
for (const name of ['allKeyed', 'allSettledKeyed']) {
  defineProperty(Promise, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
}
