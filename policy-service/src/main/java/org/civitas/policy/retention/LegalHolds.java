package org.civitas.policy.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code legal_holds} table. Holds are released, never deleted. */
@Repository
class LegalHolds {

  private static final String COLUMNS =
      """
      id, category, sensor_id, from_time, to_time, case_ref, reason, placed_by, placed_at,
      released_by, released_at
      """;

  private final JdbcClient jdbc;

  LegalHolds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(LegalHold hold) {
    jdbc.sql(
            """
            insert into legal_holds (id, category, sensor_id, from_time, to_time, case_ref,
                reason, placed_by, placed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            hold.id(),
            hold.category(),
            hold.sensorId(),
            utc(hold.from()),
            utc(hold.to()),
            hold.caseRef(),
            hold.reason(),
            hold.placedBy(),
            utc(hold.placedAt()))
        .update();
  }

  /** Every hold, newest first. */
  List<LegalHold> findAll() {
    return jdbc.sql("select " + COLUMNS + " from legal_holds order by placed_at desc, id")
        .query(LegalHolds::map)
        .list();
  }

  List<LegalHold> findActive() {
    return jdbc.sql(
            "select " + COLUMNS + " from legal_holds where released_at is null order by from_time")
        .query(LegalHolds::map)
        .list();
  }

  Optional<LegalHold> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from legal_holds where id = ?")
        .param(id)
        .query(LegalHolds::map)
        .optional();
  }

  /** Releases an active hold; false when it was released already (or does not exist). */
  boolean release(UUID id, String by, Instant at) {
    return jdbc.sql(
                """
                update legal_holds set released_by = ?, released_at = ?
                 where id = ? and released_at is null
                """)
            .params(by, utc(at), id)
            .update()
        == 1;
  }

  private static LegalHold map(ResultSet rs, int row) throws SQLException {
    return new LegalHold(
        rs.getObject("id", UUID.class),
        rs.getString("category"),
        rs.getString("sensor_id"),
        instant(rs, "from_time"),
        instant(rs, "to_time"),
        rs.getString("case_ref"),
        rs.getString("reason"),
        rs.getString("placed_by"),
        instant(rs, "placed_at"),
        rs.getString("released_by"),
        instant(rs, "released_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
