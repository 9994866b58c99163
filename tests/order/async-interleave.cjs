async function worker(name, steps) {
  for (let i = 0; i < steps; i++) {
    console.log(name, i);
    await null;
  }
  return name;
}
Promise.all([worker('A', 3), worker('B', 2)]).then((r) => console.log('done', r));
