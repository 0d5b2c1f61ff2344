package org.civitas.audit.verify;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import org.civitas.audit.log.CanonicalizationException;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.merkle.MerkleFrontier;
import org.civitas.audit.merkle.MerkleMath;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.TreeHeadSignatures;

/**
 * Recomputes the log's root from the events themselves and compares it with a signed tree head.
 * Leaves are fed in order, one at a time, so a log of any length needs memory for O(log n) hashes.
 * An altered, removed, added or reordered event changes the root (or breaks the index sequence), so
 * it cannot pass.
 */
final class LogVerifier {

  private final PublicKey key;
  private final SignedTreeHead head;
  private final SignedTreeHead trusted;
  private final MerkleFrontier frontier = MerkleFrontier.empty();
  private byte[] rootAtTrustedSize;

  /**
   * @param trusted a head verified earlier that the log must extend, or null
   * @throws VerificationFailed when a head's signature or key id does not check out
   */
  LogVerifier(PublicKey key, SignedTreeHead head, SignedTreeHead trusted)
      throws VerificationFailed {
    this.key = key;
    this.head = head;
    this.trusted = trusted;
    checkSignature(head, "the tree head");
    if (trusted != null) {
      checkSignature(trusted, "the trusted tree head");
      if (trusted.treeSize() > head.treeSize()) {
        throw new VerificationFailed(
            "the log shrank: the trusted head has "
                + trusted.treeSize()
                + " events, the current head "
                + head.treeSize());
      }
      if (trusted.treeSize() == 0) {
        rootAtTrustedSize = MerkleMath.emptyRoot();
      }
    }
  }

  /** Feeds the next leaf; it must be leaf number {@link #verifiedCount()}. */
  void accept(LeafItem item) throws VerificationFailed {
    long expected = frontier.size();
    if (expected >= head.treeSize()) {
      throw new VerificationFailed(
          "more events than the signed tree head covers (" + head.treeSize() + ")");
    }
    if (item.leafIndex() != expected) {
      throw new VerificationFailed(
          "expected the event at leaf "
              + expected
              + " but got leaf "
              + item.leafIndex()
              + ": events are missing, duplicated or out of order");
    }
    byte[] leafHash;
    try {
      leafHash = MerkleMath.leafHash(JsonCanonicalizer.canonicalize(item.event()));
    } catch (CanonicalizationException e) {
      throw new VerificationFailed(
          "the event at leaf " + expected + " has no canonical form (" + e.reason() + ")");
    }
    if (item.leafHash() != null
        && !MessageDigest.isEqual(leafHash, decode(item.leafHash(), "leaf " + expected))) {
      throw new VerificationFailed(
          "the event at leaf " + expected + " does not match its leaf hash: it was altered");
    }
    frontier.append(leafHash);
    if (trusted != null && frontier.size() == trusted.treeSize()) {
      rootAtTrustedSize = frontier.root();
    }
  }

  long verifiedCount() {
    return frontier.size();
  }

  /** Checks the root once every leaf has been fed. */
  void finish() throws VerificationFailed {
    if (frontier.size() != head.treeSize()) {
      throw new VerificationFailed(
          "the signed tree head covers "
              + head.treeSize()
              + " events but only "
              + frontier.size()
              + " were supplied");
    }
    if (!MessageDigest.isEqual(frontier.root(), decode(head.rootHash(), "the root hash"))) {
      throw new VerificationFailed(
          "the root recomputed from the events does not match the signed tree head:"
              + " an event was altered, removed, added or reordered");
    }
    if (trusted != null
        && !MessageDigest.isEqual(
            rootAtTrustedSize, decode(trusted.rootHash(), "the trusted root hash"))) {
      throw new VerificationFailed(
          "the first "
              + trusted.treeSize()
              + " events no longer hash to the trusted tree head: the log was rewritten");
    }
  }

  private void checkSignature(SignedTreeHead signed, String what) throws VerificationFailed {
    String keyId = TreeHeadSignatures.keyId(key);
    if (signed.keyId() != null && !signed.keyId().equals(keyId)) {
      throw new VerificationFailed(
          what + " names key id " + signed.keyId() + " but the public key's id is " + keyId);
    }
    if (!TreeHeadSignatures.verify(key, signed)) {
      throw new VerificationFailed(what + "'s signature does not verify with the public key");
    }
  }

  static byte[] decode(String base64, String what) throws VerificationFailed {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new VerificationFailed(what + " is not base64");
    }
  }
}
