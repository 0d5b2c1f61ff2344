package org.civitas.audit.merkle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A node store in a map, for tests and for tools that build a tree from downloaded leaves. */
public final class InMemoryNodeStore implements NodeStore {

  private final Map<NodeId, byte[]> nodes = new HashMap<>();
  private final MerkleFrontier frontier = MerkleFrontier.empty();

  /** Appends leaves given by their leaf hashes, keeping every complete subtree. */
  public void appendLeafHashes(List<byte[]> leafHashes) {
    for (byte[] leafHash : leafHashes) {
      frontier.append(leafHash, node -> nodes.put(node.id(), node.hash()));
    }
  }

  public void appendLeafHash(byte[] leafHash) {
    appendLeafHashes(List.of(leafHash));
  }

  public long size() {
    return frontier.size();
  }

  /** Replaces a stored hash, to test that tampering is detected. */
  public void overwrite(NodeId id, byte[] hash) {
    nodes.put(id, hash.clone());
  }

  @Override
  public byte[] node(NodeId id) {
    byte[] hash = nodes.get(id);
    if (hash == null) {
      throw new IllegalStateException("Merkle node not stored: " + id);
    }
    return hash;
  }
}
