// The await flow, step by step: an async main awaits fetchData(), whose
// promise a timer resolves. Run it with `tock examples/fetch-data.mjs`.
function fetchData(id) {
  console.log(`  fetchData(${id}): request sent, a timer will answer`);
  return new Promise((resolve) => setTimeout(() => resolve({ id, name: `item ${id}` }), 20));
}

async function main() {
  console.log('main: start');
  const first = await fetchData(1); // main suspends here; the loop runs other work
  console.log('main: resumed with', first);
  const [a, b] = await Promise.all([fetchData(2), fetchData(3)]); // both wait together
  console.log('main: resumed with', a.name, 'and', b.name);
  return 'done';
}

main().then((result) => console.log('main() settled:', result));
process.nextTick(() => console.log('nextTick: in an ES module, after the promise jobs of its body'));
Promise.resolve().then(() => console.log('microtask: runs before the timer'));
console.log('script end: main() returned a pending Promise');
