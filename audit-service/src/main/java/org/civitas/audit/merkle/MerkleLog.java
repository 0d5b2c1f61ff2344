package org.civitas.audit.merkle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored Merkle tree of the audit log. Appends extend it from its frontier and store every
 * completed subtree in the caller's transaction; roots and proofs read O(log n) stored nodes.
 */
@Component
public class MerkleLog {

  private final JdbcTemplate jdbc;
  private final JdbcNodeStore nodes;

  MerkleLog(JdbcTemplate jdbc, JdbcNodeStore nodes) {
    this.jdbc = jdbc;
    this.nodes = nodes;
  }

  /**
   * Locks the tree for appending until the surrounding transaction ends, and returns its size: the
   * leaf index the next appended leaf gets.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long lockForAppend() {
    return jdbc.queryForObject(
        "select tree_size from merkle_tree where id = 1 for update", Long.class);
  }

  /**
   * Appends leaves, given by their leaf hashes, to a tree of {@code size} leaves that the caller
   * has locked with {@link #lockForAppend()} in the same transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(long size, List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return;
    }
    MerkleFrontier frontier = MerkleFrontier.load(size, nodes);
    List<Node> created = new ArrayList<>(leafHashes.size() * 2);
    for (byte[] leafHash : leafHashes) {
      frontier.append(leafHash, created::add);
    }
    nodes.insert(created);
    int updated =
        jdbc.update(
            "update merkle_tree set tree_size = ? where id = 1 and tree_size = ?",
            frontier.size(),
            size);
    if (updated != 1) {
      throw new IllegalStateException("the Merkle tree changed under an append");
    }
  }

  /** The number of leaves committed so far. */
  public long size() {
    return jdbc.queryForObject("select tree_size from merkle_tree where id = 1", Long.class);
  }

  public byte[] root(long size) {
    return MerkleMath.root(size, nodes);
  }

  public byte[] leafHash(long leafIndex) {
    return nodes.node(new NodeId(0, leafIndex));
  }

  public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
    return MerkleMath.inclusionProof(leafIndex, treeSize, nodes);
  }

  /** A leaf's hash and its audit path, nearest sibling first. */
  public record Inclusion(byte[] leafHash, List<byte[]> auditPath) {}

  /**
   * The leaf hash and the audit path together, read with one query: the leaf's node is fetched
   * along with the nodes the path needs.
   */
  public Inclusion inclusion(long leafIndex, long treeSize) {
    NodeId leaf = new NodeId(0, leafIndex);
    Map<NodeId, byte[]> fetched = new HashMap<>();
    NodeStore withLeaf =
        new NodeStore() {
          @Override
          public byte[] node(NodeId id) {
            return nodes.node(id);
          }

          @Override
          public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
            Set<NodeId> wanted = new HashSet<>(ids);
            wanted.add(leaf);
            Map<NodeId, byte[]> found = nodes.nodes(wanted);
            fetched.putAll(found);
            return found;
          }
        };
    List<byte[]> path = MerkleMath.inclusionProof(leafIndex, treeSize, withLeaf);
    byte[] leafHash = fetched.get(leaf);
    return new Inclusion(leafHash != null ? leafHash : leafHash(leafIndex), path);
  }

  public List<byte[]> consistencyProof(long first, long second) {
    return MerkleMath.consistencyProof(first, second, nodes);
  }
}
