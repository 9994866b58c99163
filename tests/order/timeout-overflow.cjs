setTimeout(() => console.log('huge delay becomes 1ms'), 2 ** 31);
setTimeout(() => console.log('after 10ms'), 10);
