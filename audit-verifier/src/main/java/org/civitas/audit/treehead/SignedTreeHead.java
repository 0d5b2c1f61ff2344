package org.civitas.audit.treehead;

/**
 * A signed statement of the log's size and root at a time (CONTRACT §7.2). Hashes and the signature
 * are standard base64 with padding; {@code timestamp} is milliseconds since the epoch.
 */
public record SignedTreeHead(
    long treeSize, String rootHash, long timestamp, String signature, String keyId) {}
