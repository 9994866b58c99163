async function* numbers() {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 1));
    yield i;
  }
}
const it = numbers();
console.log(await it.next());
console.log(await it.next());
console.log(await it.return('done'));
console.log(await it.next());
