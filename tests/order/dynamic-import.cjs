console.log('before import');
import('./fixtures/b.mjs').then((m) => console.log('imported', m.b));
setTimeout(() => console.log('timer'), 100);
