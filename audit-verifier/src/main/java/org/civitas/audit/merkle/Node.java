package org.civitas.audit.merkle;

/** The hash of one complete subtree. */
public record Node(NodeId id, byte[] hash) {

  public Node(int level, long index, byte[] hash) {
    this(new NodeId(level, index), hash);
  }
}
