package org.civitas.audit.merkle;

/**
 * A complete subtree: the node at {@code level} with this {@code index} covers the leaves {@code
 * [index * 2^level, (index + 1) * 2^level)}. Level 0 nodes are the leaves.
 */
public record NodeId(int level, long index) {

  public NodeId {
    if (level < 0 || level > 62 || index < 0) {
      throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
    }
  }

  public long firstLeaf() {
    return index << level;
  }
}
