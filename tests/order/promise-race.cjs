const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.race([delay(20, 'twenty'), delay(8, 'eight')]).then((v) => console.log('race', v));
Promise.race([Promise.resolve('sync-resolved'), 'plain']).then((v) => console.log('race 2', v));
Promise.race([new Promise((_, rej) => setTimeout(() => rej(new Error('fail')), 1)), delay(30, 'late')]).catch((e) => console.log('race rejected', e.message));
