async function* g() {
  try { yield 1; yield 2; } finally { console.log('cleanup'); }
}
(async () => {
  for await (const v of g()) { console.log(v); if (v === 1) break; }
  console.log('after loop');
})();
Promise.resolve().then(() => console.log('tick'));
