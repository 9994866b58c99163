const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.all([delay(20, 'slow'), delay(5, 'fast'), 3, Promise.resolve('now')]).then((v) => console.log('all', v));
Promise.all([delay(5, 'x'), Promise.reject(new Error('nope'))]).catch((e) => console.log('all rejected', e.message));
Promise.all([]).then((v) => console.log('empty', v));
