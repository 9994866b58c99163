// 1e6 awaits in a loop: the cost of suspending and resuming an async function.
async function main() {
  let sum = 0;
  for (let i = 0; i < 1e6; i++) sum += await i;
  return sum;
}
main().then((sum) => console.log(sum));
