const t = setTimeout(function () {
  console.log('this is the timeout', this === t);
  const i = setImmediate(function () {
    console.log('immediate this', this === i);
  });
  console.log(i.constructor.name, typeof i.ref, typeof i.unref, i.hasRef());
}, 1);
console.log(typeof t.ref, typeof t.unref, typeof t.hasRef, typeof t.refresh, typeof t[Symbol.toPrimitive]);
console.log(t.constructor.name, t.hasRef());
