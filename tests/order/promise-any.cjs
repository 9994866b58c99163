Promise.any([Promise.reject(1), Promise.resolve(2), Promise.resolve(3)]).then((v) => console.log('any', v));
Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]).catch((e) => {
  console.log(e.constructor.name, e.errors.map((x) => x.message));
});
