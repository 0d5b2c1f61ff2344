package org.civitas.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The right edge of a Merkle tree: the roots of the complete subtrees that the leaves so far fall
 * into, one per set bit of the tree size (largest first). That is all an append needs, so a log of
 * any size is extended, and its root computed, from at most 63 hashes.
 */
public final class MerkleFrontier {

  private final List<Node> subtrees;
  private long size;

  private MerkleFrontier(List<Node> subtrees, long size) {
    this.subtrees = subtrees;
    this.size = size;
  }

  public static MerkleFrontier empty() {
    return new MerkleFrontier(new ArrayList<>(), 0);
  }

  /** The complete subtrees whose hashes make up the frontier of a tree of the given size. */
  public static List<NodeId> nodeIdsFor(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative");
    }
    List<NodeId> ids = new ArrayList<>();
    long start = 0;
    for (int level = 62; level >= 0; level--) {
      long width = 1L << level;
      if ((size & width) != 0) {
        ids.add(new NodeId(level, start >> level));
        start += width;
      }
    }
    return ids;
  }

  /** The frontier of a stored tree of the given size, read with one batch from the store. */
  public static MerkleFrontier load(long size, NodeStore store) {
    List<NodeId> ids = nodeIdsFor(size);
    var hashes = store.nodes(ids);
    List<Node> subtrees = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      byte[] hash = hashes.get(id);
      if (hash == null) {
        throw new IllegalStateException("Merkle node not stored: " + id);
      }
      subtrees.add(new Node(id, hash));
    }
    return new MerkleFrontier(subtrees, size);
  }

  /**
   * Appends one leaf. {@code stored} receives the new leaf node and every subtree the leaf
   * completes, in the order they are formed, so that a store can keep them.
   */
  public void append(byte[] leafHash, Consumer<Node> stored) {
    Node node = new Node(0, size, leafHash);
    stored.accept(node);
    while (!subtrees.isEmpty()
        && subtrees.get(subtrees.size() - 1).id().level() == node.id().level()) {
      Node left = subtrees.remove(subtrees.size() - 1);
      node =
          new Node(
              node.id().level() + 1,
              left.id().index() >> 1,
              MerkleMath.nodeHash(left.hash(), node.hash()));
      stored.accept(node);
    }
    subtrees.add(node);
    size++;
  }

  public void append(byte[] leafHash) {
    append(leafHash, node -> {});
  }

  public long size() {
    return size;
  }

  /** MTH of the whole tree (RFC 9162 §2.1.1): the frontier folded from the right. */
  public byte[] root() {
    if (subtrees.isEmpty()) {
      return MerkleMath.emptyRoot();
    }
    byte[] root = subtrees.get(subtrees.size() - 1).hash();
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      root = MerkleMath.nodeHash(subtrees.get(i).hash(), root);
    }
    return root;
  }
}
