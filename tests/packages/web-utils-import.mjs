// Checks small HTTP-ish utilities under import: mime (ESM + mime/lite), and CJS mime-types, content-type, bytes, qs, ms, iconv-lite.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mime from 'mime';
import mimeLite from 'mime/lite';
import mimeTypes, { lookup, extension } from 'mime-types';
import contentType from 'content-type';
import bytes from 'bytes';
import qs from 'qs';
import ms from 'ms';
import iconv from 'iconv-lite';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['mime', 'mime/lite', 'mime-types', 'mime-db', 'content-type', 'bytes', 'qs', 'ms', 'iconv-lite', 'safer-buffer']) console.log(s, '->', where(s));
console.log(mime.getType('a/b.json'), mime.getExtension('text/html'), mimeLite.getType('x.png'), lookup('file.css'), extension('application/javascript'), typeof mimeTypes.charset);
console.log(JSON.stringify(contentType.parse('text/plain; charset=utf-8')), bytes(1536), bytes('2KB'), ms(90000), ms('1.5h'), ms(60000, { long: true }));
console.log(qs.parse('a[b][c]=1&list[]=x&list[]=y'), qs.stringify({ p: { q: [1, 2] } }, { encode: false }));
console.log(iconv.decode(Buffer.from([0xe9, 0x74, 0xe9]), 'latin1'), [...iconv.encode('€', 'win1252')], iconv.encodingExists('utf-16le'));
