/**
 * The RFC 9162 Merkle tree over the audit log: stored subtree hashes, roots, inclusion and
 * consistency proofs, and their verification.
 */
package org.civitas.audit.merkle;
