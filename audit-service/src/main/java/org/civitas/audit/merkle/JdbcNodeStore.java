package org.civitas.audit.merkle;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.kit.jdbc.BinaryCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Subtree hashes in the {@code merkle_nodes} table; reads of many nodes are one query. */
@Component
class JdbcNodeStore implements NodeStore {

  private final JdbcTemplate jdbc;

  JdbcNodeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public byte[] node(NodeId id) {
    byte[] hash = nodes(List.of(id)).get(id);
    if (hash == null) {
      throw new IllegalStateException("Merkle node not stored: " + id);
    }
    return hash;
  }

  @Override
  public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
    Map<NodeId, byte[]> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    List<NodeId> list = new ArrayList<>(ids);
    Integer[] levels = list.stream().map(NodeId::level).toArray(Integer[]::new);
    Long[] indexes = list.stream().map(NodeId::index).toArray(Long[]::new);
    jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "select n.level, n.idx, n.hash from merkle_nodes n"
                      + " join unnest(?::int[], ?::bigint[]) as wanted(level, idx)"
                      + " on n.level = wanted.level and n.idx = wanted.idx");
          ps.setArray(1, con.createArrayOf("int4", levels));
          ps.setArray(2, con.createArrayOf("int8", indexes));
          return ps;
        },
        rs -> {
          result.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        });
    return result;
  }

  /** Inserts new nodes with one binary COPY; must run inside the append transaction. */
  void insert(List<Node> nodes) {
    BinaryCopy copy = new BinaryCopy(3, 64 + nodes.size() * 56);
    for (Node node : nodes) {
      copy.row().int2(node.id().level()).int8(node.id().index()).bytes(node.hash());
    }
    copy.copyInto(jdbc, "merkle_nodes (level, idx, hash)");
  }
}
