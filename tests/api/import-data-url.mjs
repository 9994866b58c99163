// data: URL modules: JavaScript (plain and base64), JSON with its attribute,
// and import.meta.resolve leaving them as they are.
import 'data:text/javascript,console.log("side effect")';
import { x } from 'data:text/javascript,export const x = 40 + 2;';

const base64 = Buffer.from('export default "from base64"').toString('base64');
console.log(x, (await import(`data:text/javascript;base64,${base64}`)).default);
console.log((await import('data:application/json,{"a":%5B1,2%5D}', { with: { type: 'json' } })).default);
try {
  await import('data:application/json,[1]');
} catch (err) {
  console.log(err.name, err.code);
}
console.log(import.meta.resolve('data:text/javascript,1'));
