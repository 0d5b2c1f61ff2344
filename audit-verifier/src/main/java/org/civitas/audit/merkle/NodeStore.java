package org.civitas.audit.merkle;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where the hashes of complete subtrees are kept; {@link MerkleMath} only ever reads them. */
public interface NodeStore {

  /**
   * The hash of the given complete subtree.
   *
   * @throws IllegalStateException when the node has not been stored
   */
  byte[] node(NodeId id);

  /**
   * The hashes of several nodes at once. Stores backed by a database override this to fetch them in
   * one round trip; every id asked for must be in the result.
   */
  default Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
    Map<NodeId, byte[]> result = new HashMap<>();
    for (NodeId id : ids) {
      result.put(id, node(id));
    }
    return result;
  }
}
