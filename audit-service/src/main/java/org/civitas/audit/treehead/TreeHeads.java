package org.civitas.audit.treehead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civitas.audit.merkle.MerkleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** Signs heads of the stored tree and keeps every head it signed. */
@Service
public class TreeHeads {

  private static final Logger log = LoggerFactory.getLogger(TreeHeads.class);
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final RowMapper<SignedTreeHead> ROW =
      (rs, n) ->
          new SignedTreeHead(
              rs.getLong("tree_size"),
              BASE64.encodeToString(rs.getBytes("root_hash")),
              rs.getLong("timestamp_ms"),
              BASE64.encodeToString(rs.getBytes("signature")),
              rs.getString("key_id"));

  private final JdbcTemplate jdbc;
  private final MerkleLog merkle;
  private final SigningKey key;
  private final Clock clock;

  TreeHeads(JdbcTemplate jdbc, MerkleLog merkle, SigningKey key, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.merkle = merkle;
    this.key = key;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The newest head; signs one first when none exists yet. */
  public SignedTreeHead latest() {
    return newest().orElseGet(this::signIfGrown);
  }

  /** Heads signed in {@code [from, to)} (either may be null), newest first. */
  public List<SignedTreeHead> between(Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("select * from tree_heads where true");
    List<Object> args = new ArrayList<>();
    if (from != null) {
      sql.append(" and timestamp_ms >= ?");
      args.add(from.toEpochMilli());
    }
    if (to != null) {
      sql.append(" and timestamp_ms < ?");
      args.add(to.toEpochMilli());
    }
    sql.append(" order by timestamp_ms desc, id desc limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  /**
   * Signs a head of the current tree when it grew since the newest head (or there is none), and
   * returns the newest head. Timestamps never go backwards, even when the clock does.
   */
  public synchronized SignedTreeHead signIfGrown() {
    Optional<SignedTreeHead> newest = newest();
    long size = merkle.size();
    if (newest.isPresent() && newest.get().treeSize() >= size) {
      return newest.get();
    }
    byte[] root = merkle.root(size);
    String rootHash = BASE64.encodeToString(root);
    long timestamp = clock.millis();
    if (newest.isPresent()) {
      timestamp = Math.max(timestamp, newest.get().timestamp());
    }
    byte[] signature = key.sign(TreeHeadSignatures.signedBytes(size, rootHash, timestamp));
    jdbc.update(
        "insert into tree_heads (tree_size, root_hash, timestamp_ms, signature, key_id)"
            + " values (?, ?, ?, ?, ?)",
        size,
        root,
        timestamp,
        signature,
        key.keyId());
    log.debug("signed tree head of size {}", size);
    return new SignedTreeHead(
        size, rootHash, timestamp, BASE64.encodeToString(signature), key.keyId());
  }

  private Optional<SignedTreeHead> newest() {
    return jdbc
        .query("select * from tree_heads order by timestamp_ms desc, id desc limit 1", ROW)
        .stream()
        .findFirst();
  }
}
