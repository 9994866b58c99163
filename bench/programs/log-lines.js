// 1,000,000 console.log lines: the output path (each line is written at
// once, as Node writes to files and pipes).
for (let i = 0; i < 1e6; i++) console.log(`line ${i} of the output`);
