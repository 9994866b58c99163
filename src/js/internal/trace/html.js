// The HTML replay of a recorded run: one self-contained page (the viewer,
// src/js/trace-viewer.html) with the events and the sources they point to.

function htmlReplay(events, program, cwd) {
  const files = new Set();
  for (const e of events) if (e.site && e.site.file) files.add(e.site.file);
  const sources = {};
  for (const file of files) {
    const text = native.modules.sourceText(file.startsWith('/') ? file : `${cwd}/${file}`) ?? native.modules.sourceText(file);
    if (text !== undefined) sources[file] = text;
  }
  const data = JSON.stringify({ program, events, sources }).replace(/</g, '\\u003c');
  return native.trace.viewer.replace('/*TRACE-DATA*/null', data);
}

module.exports = htmlReplay;
