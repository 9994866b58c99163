async function* gen() { yield 'a'; yield 'b'; }
for await (const x of gen()) console.log('gen', x);
for await (const x of [Promise.resolve(1), 2, new Promise((r) => setTimeout(() => r(3), 5))]) console.log('array', x);
const iterable = {
  [Symbol.asyncIterator]() {
    let n = 0;
    return { next: async () => ({ done: n >= 2, value: n++ }), return: async () => { console.log('closed'); return { done: true }; } };
  },
};
for await (const x of iterable) { console.log('custom', x); break; }
