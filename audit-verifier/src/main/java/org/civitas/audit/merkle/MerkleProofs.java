package org.civitas.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, written from the RFC and
 * independent of how proofs are produced, so that a verifier trusts nothing but the hashes.
 */
public final class MerkleProofs {

  /**
   * Whether {@code auditPath} proves that the leaf with {@code leafHash} sits at {@code leafIndex}
   * in the tree of {@code treeSize} leaves whose root is {@code rootHash}.
   */
  public static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath, byte[] rootHash) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : auditPath) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleMath.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleMath.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, rootHash);
  }

  /**
   * Whether {@code proof} shows that the tree of {@code second} leaves with root {@code secondHash}
   * extends the tree of {@code first} leaves with root {@code firstHash}. Equal sizes need an empty
   * proof and equal roots; the empty tree is a prefix of every tree.
   */
  public static boolean verifyConsistency(
      long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
    }
    if (first == 0) {
      return proof.isEmpty() && MessageDigest.isEqual(firstHash, MerkleMath.emptyRoot());
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstHash);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleMath.nodeHash(c, fr);
        sr = MerkleMath.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = MerkleMath.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash) && sn == 0;
  }

  private MerkleProofs() {}
}
