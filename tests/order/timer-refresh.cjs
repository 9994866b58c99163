const start = Date.now();
const t = setTimeout(() => console.log('refreshed timer fired late enough:', Date.now() - start >= 25), 20);
setTimeout(() => t.refresh(), 10);
