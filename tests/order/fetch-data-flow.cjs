function fetchData() {
  return new Promise((resolve) => setTimeout(() => resolve({ id: 1 }), 10));
}
async function main() {
  console.log('main: start');
  const data = await fetchData();
  console.log('main: got', data);
  return data.id;
}
main().then((id) => console.log('main resolved', id));
console.log('script end');
