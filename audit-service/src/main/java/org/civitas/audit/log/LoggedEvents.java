package org.civitas.audit.log;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.civitas.kit.jdbc.BinaryCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code audit_events} table: the leaves of the log with the facts reads filter on. */
@Repository
public class LoggedEvents {

  private static final RowMapper<LoggedEvent> ROW =
      (rs, n) -> new LoggedEvent(rs.getLong(1), rs.getBytes(2), rs.getBytes(3));

  private final JdbcTemplate jdbc;

  LoggedEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record NewLeaf(long leafIndex, byte[] leafHash, DecodedRecord.Event event) {}

  List<String> existingIds(List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement("select event_id from audit_events where event_id = any(?)");
          ps.setArray(1, con.createArrayOf("text", eventIds.toArray()));
          return ps;
        },
        (rs, n) -> rs.getString(1));
  }

  /** Stores the leaves with one binary COPY; must run inside the append transaction. */
  void insert(List<NewLeaf> leaves) {
    if (leaves.isEmpty()) {
      return;
    }
    int bytes = 0;
    for (NewLeaf leaf : leaves) {
      bytes += 320 + leaf.event().canonical().length;
    }
    BinaryCopy copy = new BinaryCopy(14, bytes);
    for (NewLeaf leaf : leaves) {
      DecodedRecord.Event event = leaf.event();
      copy.row()
          .int8(leaf.leafIndex())
          .text(event.eventId())
          .bytes(event.canonical())
          .bytes(leaf.leafHash())
          .timestamp(event.occurredAt())
          .text(event.service())
          .text(event.action())
          .text(event.actorSubject())
          .textArray(event.actorRoles())
          .text(event.actorOrganization())
          .text(event.purpose())
          .text(event.decision())
          .int4(event.source().partition())
          .int8(event.source().offset());
    }
    copy.copyInto(
        jdbc,
        "audit_events (leaf_index, event_id, canonical, leaf_hash, occurred_at, service, action,"
            + " actor_subject, actor_roles, actor_organization, purpose, decision,"
            + " kafka_partition, kafka_offset)");
  }

  /**
   * Makes the surrounding transaction's commit wait until it is flushed to disk, whatever the
   * server's default: the consumer commits Kafka offsets once the append committed, so an append
   * lost in a crash after that would be lost for good (the embedded server of the standalone setup
   * runs with {@code synchronous_commit = off}).
   */
  void requireDurableCommit() {
    jdbc.execute("set local synchronous_commit = on");
  }

  /** Events matching the query, in leaf order. */
  public EventPage find(EventQuery query) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    if (query.from() != null) {
      where.append(" and occurred_at >= ?");
      args.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.append(" and occurred_at < ?");
      args.add(Timestamp.from(query.to()));
    }
    if (query.action() != null) {
      where.append(" and action = ?");
      args.add(query.action());
    }
    if (query.actor() != null) {
      where.append(" and actor_subject = ?");
      args.add(query.actor());
    }
    if (query.purpose() != null) {
      where.append(" and purpose = ?");
      args.add(query.purpose());
    }
    long total =
        jdbc.queryForObject(
            "select count(*) from audit_events" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(query.size());
    pageArgs.add((long) query.page() * query.size());
    List<LoggedEvent> items =
        jdbc.query(
            "select leaf_index, leaf_hash, canonical from audit_events"
                + where
                + " order by leaf_index limit ? offset ?",
            ROW,
            pageArgs.toArray());
    return new EventPage(items, query.page(), query.size(), total);
  }

  /** Leaves {@code start <= leafIndex < end}, in order. */
  public List<LoggedEvent> range(long start, long end) {
    return jdbc.query(
        "select leaf_index, leaf_hash, canonical from audit_events"
            + " where leaf_index >= ? and leaf_index < ? order by leaf_index",
        ROW,
        start,
        end);
  }
}
