// A file read and a child process, for the viewer's "I/O in flight" panel.
const fs = require('fs');
fs.readFile(__filename, 'utf8', (err, text) => {
  console.log('read', text.length > 0);
  require('child_process').exec('echo child', (err, out) => console.log(out.trim()));
});
