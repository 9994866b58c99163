async function main() {
  try {
    await Promise.reject(new Error('awaited rejection'));
  } catch (e) {
    console.log('caught', e.message);
  }
  try {
    await new Promise((_, reject) => setTimeout(() => reject(new Error('timer rejection')), 1));
  } catch (e) {
    console.log('caught', e.message);
  }
  return 'ok';
}
main().then(console.log);
