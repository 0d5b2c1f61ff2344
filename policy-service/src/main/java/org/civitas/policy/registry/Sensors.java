package org.civitas.policy.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sensors} table. Every change bumps {@code revision}; {@link #markPublished} records
 * which revision Kafka has acknowledged, so unpublished changes survive a broker outage.
 */
@Repository
class Sensors {

  /** A stored sensor with its outbox bookkeeping. */
  record Stored(SensorRegistration registration, long revision, long publishedRevision) {
    boolean published() {
      return publishedRevision >= revision;
    }
  }

  private static final String COLUMNS =
      """
      sensor_id, vendor_id, type, categories, purposes, location_lat, location_lon, jurisdiction,
      processing_locations, legal_basis, accountable_organization, contact, description, status,
      registered_at, decommissioned_at, revision, published_revision
      """;

  private final JdbcClient jdbc;

  Sensors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new sensor unless the id is taken. */
  boolean insertIfAbsent(SensorRegistration r) {
    return jdbc.sql(
                """
                insert into sensors (sensor_id, vendor_id, type, categories, purposes, location_lat,
                  location_lon, jurisdiction, processing_locations, legal_basis,
                  accountable_organization, contact, description, status, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (sensor_id) do nothing
                """)
            .params(
                r.sensorId(),
                r.vendorId(),
                r.type(),
                r.categories().toArray(String[]::new),
                r.purposes().toArray(String[]::new),
                r.location().lat(),
                r.location().lon(),
                r.jurisdiction(),
                r.processingLocations().toArray(String[]::new),
                r.legalBasis(),
                r.accountableOrganization(),
                r.contact(),
                r.description(),
                r.status().name(),
                utc(r.registeredAt()))
            .update()
        == 1;
  }

  boolean exists(String sensorId) {
    return jdbc.sql("select exists (select 1 from sensors where sensor_id = ?)")
        .param(sensorId)
        .query(Boolean.class)
        .single();
  }

  /**
   * Marks an active sensor decommissioned.
   *
   * @return false when the sensor was not active (unknown or already decommissioned)
   */
  boolean decommission(String sensorId, Instant at) {
    return jdbc.sql(
                """
                update sensors
                   set status = 'DECOMMISSIONED', decommissioned_at = ?, revision = revision + 1
                 where sensor_id = ? and status = 'ACTIVE'
                """)
            .params(utc(at), sensorId)
            .update()
        == 1;
  }

  Optional<Stored> find(String sensorId) {
    return jdbc.sql("select " + COLUMNS + " from sensors where sensor_id = ?")
        .param(sensorId)
        .query(Sensors::map)
        .optional();
  }

  List<Stored> findAll() {
    return jdbc.sql("select " + COLUMNS + " from sensors order by sensor_id")
        .query(Sensors::map)
        .list();
  }

  List<String> findUnpublishedIds() {
    return jdbc.sql(
            "select sensor_id from sensors where published_revision < revision order by sensor_id")
        .query(String.class)
        .list();
  }

  /** Records that Kafka acknowledged the sensor as of {@code revision}; never moves backwards. */
  void markPublished(String sensorId, long revision) {
    jdbc.sql(
            """
            update sensors set published_revision = greatest(published_revision, ?)
             where sensor_id = ?
            """)
        .params(revision, sensorId)
        .update();
  }

  private static Stored map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime decommissionedAt = rs.getObject("decommissioned_at", OffsetDateTime.class);
    SensorRegistration registration =
        new SensorRegistration(
            rs.getString("sensor_id"),
            rs.getString("vendor_id"),
            rs.getString("type"),
            strings(rs.getArray("categories")),
            strings(rs.getArray("purposes")),
            new Location(rs.getDouble("location_lat"), rs.getDouble("location_lon")),
            rs.getString("jurisdiction"),
            strings(rs.getArray("processing_locations")),
            rs.getString("legal_basis"),
            rs.getString("accountable_organization"),
            rs.getString("contact"),
            rs.getString("description"),
            Status.valueOf(rs.getString("status")),
            rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
            decommissionedAt == null ? null : decommissionedAt.toInstant());
    return new Stored(registration, rs.getLong("revision"), rs.getLong("published_revision"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.copyOf(Arrays.asList((String[]) array.getArray()));
  }
}
