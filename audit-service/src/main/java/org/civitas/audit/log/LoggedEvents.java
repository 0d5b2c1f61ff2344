package org.civitas.audit.log;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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

  void insert(List<NewLeaf> leaves) {
    if (leaves.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into audit_events (leaf_index, event_id, canonical, leaf_hash, occurred_at,"
            + " service, action, actor_subject, actor_roles, actor_organization, purpose,"
            + " decision, kafka_partition, kafka_offset)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            NewLeaf leaf = leaves.get(i);
            DecodedRecord.Event event = leaf.event();
            ps.setLong(1, leaf.leafIndex());
            ps.setString(2, event.eventId());
            ps.setBytes(3, event.canonical());
            ps.setBytes(4, leaf.leafHash());
            if (event.occurredAt() == null) {
              ps.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
              ps.setTimestamp(5, Timestamp.from(event.occurredAt()));
            }
            ps.setString(6, event.service());
            ps.setString(7, event.action());
            ps.setString(8, event.actorSubject());
            ps.setArray(9, ps.getConnection().createArrayOf("text", event.actorRoles().toArray()));
            ps.setString(10, event.actorOrganization());
            ps.setString(11, event.purpose());
            ps.setString(12, event.decision());
            ps.setInt(13, event.source().partition());
            ps.setLong(14, event.source().offset());
          }

          @Override
          public int getBatchSize() {
            return leaves.size();
          }
        });
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
