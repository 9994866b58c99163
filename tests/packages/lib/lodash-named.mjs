// Helper for lodash-import.mjs (not a test program): a named import that cjs-module-lexer cannot find in lodash's UMD build.
import { chunk } from 'lodash';
export default chunk;
