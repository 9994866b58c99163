for (let i = 0; i < 4; i++) {
  setTimeout(() => {
    console.log('timer', i);
    Promise.resolve().then(() => console.log('promise after timer', i));
    process.nextTick(() => console.log('tick after timer', i));
  }, 5);
}
