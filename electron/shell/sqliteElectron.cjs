// Stands in for 'better-sqlite3-multiple-ciphers' inside the Electron bundle (scripts/build.mjs
// aliases the package to this file): every Database opened in the app gets the Electron build of
// the driver through the `nativeBinding` option, set by main.ts before the first open.
'use strict';
const Real = require('better-sqlite3-multiple-ciphers');

function Database(filename, options) {
  const binding = globalThis.__perdiemNativeBinding;
  const opts = binding && !(options && 'nativeBinding' in options) ? { ...(options || {}), nativeBinding: binding } : options;
  return new Real(filename, opts);
}
Object.setPrototypeOf(Database, Real);
Database.prototype = Real.prototype;
module.exports = Database;
module.exports.default = Database;
