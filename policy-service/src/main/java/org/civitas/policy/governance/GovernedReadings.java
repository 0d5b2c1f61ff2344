package org.civitas.policy.governance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The governed store. Only minimized readings ever reach this table. */
@Repository
public class GovernedReadings {

  private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

  /** A position in the (observed_at, reading_id) order, for keyset pagination. */
  public record Position(Instant observedAt, String readingId) {}

  /**
   * A data query. Expired readings are always excluded; {@code from} is inclusive, {@code to}
   * exclusive; null bounds are open.
   */
  public record Query(
      String category,
      Instant from,
      Instant to,
      String sensorId,
      Position after,
      int limit,
      Instant now) {}

  private final JdbcTemplate jdbc;

  GovernedReadings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the readings in one JDBC batch, skipping those whose readingId is stored already.
   *
   * @return the readings this call stored
   */
  List<GovernedReading> insertNew(List<GovernedReading> readings, Instant storedAt) {
    if (readings.isEmpty()) {
      return List.of();
    }
    int[] counts =
        jdbc.batchUpdate(
            """
            insert into governed_readings (reading_id, sensor_id, category, observed_at,
                location_geohash, location_grid, attributes, jurisdiction, policy_version,
                expires_at, stored_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            on conflict (reading_id) do nothing
            """,
            new BatchPreparedStatementSetter() {
              @Override
              public void setValues(PreparedStatement ps, int i) throws SQLException {
                GovernedReading reading = readings.get(i);
                GovernedLocation location =
                    reading.location() == null ? GovernedLocation.DROPPED : reading.location();
                ps.setString(1, reading.readingId());
                ps.setString(2, reading.sensorId());
                ps.setString(3, reading.category());
                ps.setTimestamp(4, Timestamp.from(reading.observedAt()));
                ps.setString(5, location.geohash());
                ps.setString(6, location.grid());
                ps.setString(7, ContractJson.mapper().writeValueAsString(reading.attributes()));
                ps.setString(8, reading.jurisdiction());
                ps.setLong(9, reading.policyVersion());
                ps.setTimestamp(10, Timestamp.from(reading.expiresAt()));
                ps.setTimestamp(11, Timestamp.from(storedAt));
              }

              @Override
              public int getBatchSize() {
                return readings.size();
              }
            });
    List<GovernedReading> stored = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      // SUCCESS_NO_INFO cannot tell a duplicate from an insert; republishing is the safe side
      if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
        stored.add(readings.get(i));
      }
    }
    return stored;
  }

  /** Readings matching the query, in (observedAt, readingId) order, at most {@code limit}. */
  public List<GovernedReading> find(Query query) {
    StringBuilder sql =
        new StringBuilder(
            """
            select reading_id, sensor_id, category, observed_at, location_geohash, location_grid,
                   attributes::text as attributes, jurisdiction, policy_version, expires_at
            from governed_readings
            where expires_at > ? and category = ?
            """);
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(query.now()));
    args.add(query.category());
    if (query.from() != null) {
      sql.append(" and observed_at >= ?");
      args.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and observed_at < ?");
      args.add(Timestamp.from(query.to()));
    }
    if (query.sensorId() != null) {
      sql.append(" and sensor_id = ?");
      args.add(query.sensorId());
    }
    if (query.after() != null) {
      sql.append(" and (observed_at, reading_id) > (?, ?)");
      args.add(Timestamp.from(query.after().observedAt()));
      args.add(query.after().readingId());
    }
    sql.append(" order by observed_at, reading_id limit ?");
    args.add(query.limit());
    return jdbc.query(sql.toString(), GovernedReadings::map, args.toArray());
  }

  private static GovernedReading map(ResultSet rs, int row) throws SQLException {
    String geohash = rs.getString("location_geohash");
    String grid = rs.getString("location_grid");
    return new GovernedReading(
        rs.getString("reading_id"),
        rs.getString("sensor_id"),
        rs.getString("category"),
        rs.getTimestamp("observed_at").toInstant(),
        geohash == null && grid == null
            ? GovernedLocation.DROPPED
            : new GovernedLocation(geohash, grid),
        ContractJson.mapper().readValue(rs.getString("attributes"), ATTRIBUTES),
        rs.getString("jurisdiction"),
        rs.getLong("policy_version"),
        rs.getTimestamp("expires_at").toInstant());
  }
}
