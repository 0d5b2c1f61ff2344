package org.civitas.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * RFC 9162 §2.1 over stored complete subtrees. Every range the RFC's recursions visit splits into
 * at most one complete subtree per bit of its size, so a root, an inclusion proof or a consistency
 * proof needs O(log n) stored nodes. Each computation first walks the tree to learn which nodes it
 * needs, fetches them with one {@link NodeStore#nodes} call, then computes.
 */
public final class MerkleMath {

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final byte[] EMPTY_ROOT = sha256().digest();

  /** SHA-256 of the empty string: the root of the empty tree. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** SHA-256(0x00 ‖ leaf bytes). */
  public static byte[] leafHash(byte[] leafBytes) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    return digest.digest(leafBytes);
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    digest.update(left);
    return digest.digest(right);
  }

  /** MTH of the first {@code size} leaves. */
  public static byte[] root(long size, NodeStore store) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative");
    }
    if (size == 0) {
      return emptyRoot();
    }
    return prefetched(store, nodes -> rangeHash(0, size, nodes));
  }

  /** PATH(leafIndex, D[0:treeSize]) of RFC 9162 §2.1.3.1, nearest sibling first. */
  public static List<byte[]> inclusionProof(long leafIndex, long treeSize, NodeStore store) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException("leaf index must be in [0, tree size)");
    }
    return prefetched(
        store,
        nodes -> {
          List<byte[]> path = new ArrayList<>();
          path(leafIndex, 0, treeSize, nodes, path);
          return path;
        });
  }

  /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when the sizes are equal. */
  public static List<byte[]> consistencyProof(long first, long second, NodeStore store) {
    if (first < 1 || first > second) {
      throw new IllegalArgumentException("sizes must satisfy 0 < first <= second");
    }
    return prefetched(
        store,
        nodes -> {
          List<byte[]> proof = new ArrayList<>();
          subproof(first, 0, second, true, nodes, proof);
          return proof;
        });
  }

  private static void path(long m, long start, long n, NodeStore nodes, List<byte[]> out) {
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, k, nodes, out);
      out.add(rangeHash(start + k, n - k, nodes));
    } else {
      path(m - k, start + k, n - k, nodes, out);
      out.add(rangeHash(start, k, nodes));
    }
  }

  private static void subproof(
      long m, long start, long n, boolean complete, NodeStore nodes, List<byte[]> out) {
    if (m == n) {
      if (!complete) {
        out.add(rangeHash(start, n, nodes));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, k, complete, nodes, out);
      out.add(rangeHash(start + k, n - k, nodes));
    } else {
      subproof(m - k, start + k, n - k, false, nodes, out);
      out.add(rangeHash(start, k, nodes));
    }
  }

  /**
   * MTH(D[start:start+size]) for a range the RFC recursions produce: start is a multiple of the
   * largest power of two below size, so the left halves are always stored complete subtrees.
   */
  private static byte[] rangeHash(long start, long size, NodeStore nodes) {
    if (Long.bitCount(size) == 1 && start % size == 0) {
      int level = Long.numberOfTrailingZeros(size);
      return nodes.node(new NodeId(level, start >> level));
    }
    long k = largestPowerOfTwoBelow(size);
    return nodeHash(rangeHash(start, k, nodes), rangeHash(start + k, size - k, nodes));
  }

  /** The largest power of two strictly smaller than n (n > 1). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static <T> T prefetched(NodeStore store, Function<NodeStore, T> computation) {
    Set<NodeId> needed = new LinkedHashSet<>();
    byte[] placeholder = new byte[32];
    computation.apply(
        id -> {
          needed.add(id);
          return placeholder;
        });
    Map<NodeId, byte[]> fetched = new HashMap<>(store.nodes(needed));
    return computation.apply(new FetchedNodes(fetched));
  }

  private record FetchedNodes(Map<NodeId, byte[]> nodes) implements NodeStore {
    @Override
    public byte[] node(NodeId id) {
      byte[] hash = nodes.get(id);
      if (hash == null) {
        throw new IllegalStateException("Merkle node not stored: " + id);
      }
      return hash;
    }

    @Override
    public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
      Map<NodeId, byte[]> hashes = new HashMap<>();
      for (NodeId id : ids) {
        hashes.put(id, node(id));
      }
      return hashes;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private MerkleMath() {}
}
