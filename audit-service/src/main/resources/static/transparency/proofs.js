// Civitas log proofs, checked in the browser with WebCrypto: Ed25519 signatures of tree heads and
// reports (CONTRACT §7.2, §7.3) and the Merkle proofs of RFC 9162 §2.1. No libraries.
'use strict';

window.CivitasProofs = (function () {
  function base64ToBytes(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function bytesToBase64(bytes) {
    let binary = '';
    new Uint8Array(bytes).forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary);
  }

  function base64Url(bytes) {
    return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function equalBytes(a, b) {
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }

  // RFC 8785 for the values reports and audit events hold (strings, integers, booleans, null,
  // no floating-point numbers): sorted keys, no whitespace; JSON.stringify already escapes
  // strings the way RFC 8785 requires.
  function canonical(value) {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
    return '{' + Object.keys(value).sort().map((k) =>
      JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }

  function requireCrypto() {
    if (!window.crypto || !window.crypto.subtle) {
      throw new Error('this browser offers no WebCrypto here (it needs HTTPS or localhost)');
    }
  }

  async function sha256(bytes) {
    requireCrypto();
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    parts.forEach((p) => { out.set(p, offset); offset += p.length; });
    return out;
  }

  // RFC 9162 §2.1.1: leaves and interior nodes are hashed with different prefixes.
  const LEAF = new Uint8Array([0]);
  const NODE = new Uint8Array([1]);
  const leafHash = (leafBytes) => sha256(concat(LEAF, leafBytes));
  const nodeHash = (left, right) => sha256(concat(NODE, left, right));

  /** The leaf hash of an audit event as the log stores it: SHA-256(0x00 ‖ JCS bytes). */
  function eventLeafHash(event) {
    return leafHash(new TextEncoder().encode(canonical(event)));
  }

  // Tree sizes and indexes are integers up to 2^63; BigInt keeps the bit arithmetic exact.
  const isOdd = (n) => (n & 1n) === 1n;

  /**
   * RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof cannot be
   * valid for that index and size.
   */
  async function inclusionRoot(leafIndex, treeSize, leaf, path) {
    let fn = BigInt(leafIndex);
    let sn = BigInt(treeSize) - 1n;
    if (fn > sn) return null;
    let r = leaf;
    for (const p of path) {
      if (sn === 0n) return null;
      if (isOdd(fn) || fn === sn) {
        r = await nodeHash(p, r);
        if (!isOdd(fn)) {
          while (!isOdd(fn) && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n ? r : null;
  }

  /** RFC 9162 §2.1.4.2: whether the tree of size second extends the tree of size first. */
  async function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
    const f = BigInt(first);
    const s = BigInt(second);
    if (f < 1n || f > s) return false;
    if (f === s) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
    if (proof.length === 0) return false;
    const path = (f & (f - 1n)) === 0n ? [firstRoot].concat(proof) : proof.slice();
    let fn = f - 1n;
    let sn = s - 1n;
    while (isOdd(fn)) { fn >>= 1n; sn >>= 1n; }
    let fr = path[0];
    let sr = path[0];
    for (const c of path.slice(1)) {
      if (sn === 0n) return false;
      if (isOdd(fn) || fn === sn) {
        fr = await nodeHash(c, fr);
        sr = await nodeHash(c, sr);
        if (!isOdd(fn)) {
          while (!isOdd(fn) && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
        }
      } else {
        sr = await nodeHash(sr, c);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
  }

  function pemToDer(pem) {
    return base64ToBytes(pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, ''));
  }

  /** The log's Ed25519 key and its key id (base64 SHA-256 of the SubjectPublicKeyInfo). */
  async function importKey(pem) {
    requireCrypto();
    const der = pemToDer(pem);
    const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    return { key, keyId: bytesToBase64(await sha256(der)) };
  }

  function verifySignature(key, signature, text) {
    return crypto.subtle.verify({ name: 'Ed25519' }, key, base64ToBytes(signature),
      new TextEncoder().encode(text));
  }

  /** A signed tree head's signature covers "treeSize\nrootHash\ntimestamp". */
  function verifyHead(key, head) {
    return verifySignature(key, head.signature,
      head.treeSize + '\n' + head.rootHash + '\n' + head.timestamp);
  }

  return {
    base64ToBytes,
    bytesToBase64,
    base64Url,
    equalBytes,
    canonical,
    sha256,
    eventLeafHash,
    inclusionRoot,
    verifyConsistency,
    importKey,
    verifySignature,
    verifyHead,
  };
}());
