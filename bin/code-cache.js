'use strict';
/**
 * The V8 code cache of the CLI bundle (dist/cli.js), made at build time: the bytecode of every function
 * a lint of the example letters compiled, so that a one-letter run does not parse and compile them
 * again (a third of what imr-lint spent beyond a bare `node` on one letter).
 *
 *   dist/cli.js          ends with `//# imr-bundle-id=<sha256 of the text before it>` (scripts/bundle.js)
 *   dist/cli.code-cache  one header line {"bundle": id, "node": version, "arch": …}, then V8's data
 *                        (scripts/code-cache.js runs the lint and writes it, atomically)
 *
 * The cache holds compiled code of the bundle, nothing of the letters it linted. It is used only for the
 * bundle it was made from (the id; V8 itself checks only the text's length), the same Node version and
 * architecture, and only when V8 accepts it (same V8 flags); otherwise, and when it is missing or
 * unreadable, the bundle is compiled as `require` would. Nothing is written at run time.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const ID_MARK = '\n//# imr-bundle-id=';

/** The id a bundle's text carries (see stampBundle), or undefined. */
function bundleIdOf(text) {
  const at = text.lastIndexOf(ID_MARK);
  if (at < 0) return undefined;
  const id = text.slice(at + ID_MARK.length).trim();
  return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
}

/** Appends the id line to a freshly built bundle (scripts/bundle.js). */
function stampBundle(file) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.lastIndexOf(ID_MARK);
  const body = at < 0 ? text : text.slice(0, at);
  const id = require('crypto').createHash('sha256').update(body).digest('hex');
  fs.writeFileSync(file, `${body}${ID_MARK}${id}\n`);
}

/** Where the code cache of `bundle` lives. */
function cacheFileFor(bundle) {
  return bundle.replace(/\.js$/, '') + '.code-cache';
}

function header(id) {
  return JSON.stringify({ bundle: id, node: process.version, arch: process.arch });
}

/** The V8 data of the cache for a bundle with id `id`, when it was made for it here; else undefined. */
function readCache(file, id) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = buf.indexOf(10);
  if (nl < 0 || buf.toString('utf8', 0, nl) !== header(id)) return undefined;
  return buf.subarray(nl + 1);
}

/**
 * Loads a CommonJS bundle as `require(file)` would, through its code cache when there is a valid one.
 * Returns its exports and, for scripts/code-cache.js, the compiled script (whose createCachedData()
 * gives the cache after a run).
 */
function loadBundle(file) {
  const text = fs.readFileSync(file, 'utf8');
  const id = bundleIdOf(text);
  const cachedData = id ? readCache(cacheFileFor(file), id) : undefined;
  const script = new vm.Script(Module.wrap(text), { filename: file, cachedData });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  // called as Node calls a CommonJS module: `this` is module.exports
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script, id, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the cache of a loaded bundle (after it ran), replacing any older one atomically. */
function writeCache(file, loaded) {
  if (!loaded.id) throw new Error(`${file} carries no bundle id (a --dev or --watch build): no code cache`);
  const target = cacheFileFor(file);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(header(loaded.id) + '\n'), loaded.script.createCachedData()]));
  fs.renameSync(tmp, target);
  return target;
}

module.exports = { bundleIdOf, stampBundle, cacheFileFor, loadBundle, writeCache };
