package org.civitas.policy.governance;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.civitas.contract.reading.ReadingIds;
import org.civitas.kit.jdbc.BinaryCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * The governed store: {@code governed_readings}, partitioned by day of expiry ({@link
 * GovernedPartitions}), with {@code governed_reading_ids} as the ledger that stores each reading at
 * most once. Only minimized readings ever reach it, and every query here leaves out expired ones.
 */
@Repository
public class GovernedReadings {

  private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};
  private static final int STREAM_FETCH_SIZE = 1000;
  private static final int STORED_COLUMNS = 11;
  private static final int EXPECTED_ROW_BYTES = 320;

  /**
   * A position in the (observed_at, stored_at, reading_id) order, for keyset pagination. Storage
   * time comes before the id because minimization truncates observation times (a whole day of
   * readings can share one), and ordering such ties by a random UUID made every stored row land at
   * a random page of the query indexes; by storage time, rows go in at the end of their range.
   */
  public record Position(Instant observedAt, Instant storedAt, String readingId) {}

  /** A reading a query found, and its position for the cursor of the next page. */
  public record Found(GovernedReading reading, Position position) {}

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
   * Stores the readings whose readingId was never stored before and returns them: {@link
   * #claimNew}, then {@link #write} of what it returned. Must run in a transaction.
   */
  List<GovernedReading> insertNew(
      List<GovernedReading> readings, Instant storedAt, Instant rememberUntil) {
    List<GovernedReading> fresh = claimNew(readings, rememberUntil);
    write(
        fresh,
        fresh.stream().map(reading -> GovernedJson.attributes(reading.attributes())).toList(),
        storedAt);
    return fresh;
  }

  /**
   * Records the readingIds never stored before and returns their readings, which the caller must
   * then {@link #write} in the same transaction. Idempotency comes from {@code
   * governed_reading_ids} (one insert of all ids, answering which are new), because the partitioned
   * table cannot have a unique constraint on readingId alone. The ledger keys ids by the UUID they
   * denote (db/migration V64), so one id written in upper and in lower case is one reading. Ids are
   * inserted in sorted order, so that consumers storing overlapping batches (a redelivery during a
   * rebalance) wait for each other instead of deadlocking.
   *
   * @param readings readings whose readingIds are UUIDs ({@link ReadingIds}); ingestion quarantines
   *     the others before they get here
   * @param rememberUntil until when the ids are kept: past the last moment a delivery of these
   *     readings can still be accepted
   * @throws IllegalArgumentException when a readingId is not a UUID
   */
  List<GovernedReading> claimNew(List<GovernedReading> readings, Instant rememberUntil) {
    if (readings.isEmpty()) {
      return List.of();
    }
    Map<UUID, GovernedReading> unique = new LinkedHashMap<>();
    for (GovernedReading reading : readings) {
      UUID id = ReadingIds.parse(reading.readingId());
      if (id == null) {
        throw new IllegalArgumentException("a readingId to be stored is not a UUID");
      }
      unique.putIfAbsent(id, reading);
    }
    Set<UUID> fresh =
        new HashSet<>(
            jdbc.queryForList(
                """
                insert into governed_reading_ids (reading_id, remember_until)
                select id, ? from unnest(?::uuid[]) as id
                order by id
                on conflict (reading_id) do nothing
                returning reading_id
                """,
                UUID.class,
                Timestamp.from(rememberUntil),
                unique.keySet().toArray(UUID[]::new)));
    List<GovernedReading> claimed = new ArrayList<>(fresh.size());
    unique.forEach(
        (id, reading) -> {
          if (fresh.contains(id)) {
            claimed.add(reading);
          }
        });
    return claimed;
  }

  /**
   * Writes readings {@link #claimNew} returned with one binary {@code COPY}, which the server
   * writes in multi-row buffers per partition, and counts them per expiry day and category ({@code
   * governed_reading_counts}, db/migration V61 and V62), so that the retention sweep can record
   * what a dropped partition held without reading it: a statement trigger with a transition table
   * did that before, but forces COPY into a partitioned table to insert row by row.
   *
   * @param attributes each reading's attributes as {@link GovernedJson#attributes} encoded them
   */
  void write(List<GovernedReading> stored, List<byte[]> attributes, Instant storedAt) {
    if (stored.isEmpty()) {
      return;
    }
    BinaryCopy copy = new BinaryCopy(STORED_COLUMNS, stored.size() * EXPECTED_ROW_BYTES);
    Map<RowCount, Long> counts = new TreeMap<>();
    for (int i = 0; i < stored.size(); i++) {
      GovernedReading reading = stored.get(i);
      GovernedLocation location =
          reading.location() == null ? GovernedLocation.DROPPED : reading.location();
      copy.row()
          .text(reading.readingId())
          .text(reading.sensorId())
          .text(reading.category())
          .timestamp(reading.observedAt())
          .text(location.geohash())
          .text(location.grid())
          .jsonb(attributes.get(i))
          .text(reading.jurisdiction())
          .int8(reading.policyVersion())
          .timestamp(reading.expiresAt())
          .timestamp(storedAt);
      counts.merge(
          new RowCount(
              LocalDate.ofInstant(reading.expiresAt(), ZoneOffset.UTC), reading.category()),
          1L,
          Long::sum);
    }
    copy.copyInto(
        jdbc,
        "governed_readings (reading_id, sensor_id, category, observed_at, location_geohash,"
            + " location_grid, attributes, jurisdiction, policy_version, expires_at, stored_at)");
    count(counts);
  }

  /** A counter of {@code governed_reading_counts}: rows of one category expiring on one day. */
  private record RowCount(LocalDate expiresOn, String category) implements Comparable<RowCount> {
    @Override
    public int compareTo(RowCount other) {
      int byDay = expiresOn.compareTo(other.expiresOn);
      return byDay != 0 ? byDay : category.compareTo(other.category);
    }
  }

  /**
   * Adds stored rows to their counters, in the shard of this backend (db/migration V61), so that
   * concurrent writers never wait for each other's counter rows; in key order, so that they cannot
   * deadlock on them either.
   */
  private void count(Map<RowCount, Long> counts) {
    jdbc.update(
        """
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        select day::date, category, pg_backend_pid(), n
          from unnest(?::text[], ?::text[], ?::bigint[]) as t(day, category, n)
         order by 1, 2
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count
        """,
        counts.keySet().stream().map(key -> key.expiresOn().toString()).toArray(String[]::new),
        counts.keySet().stream().map(RowCount::category).toArray(String[]::new),
        counts.values().stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Readings matching the query, in (observedAt, storedAt, readingId) order, at most {@code limit}.
   */
  public List<Found> find(Query query) {
    StringBuilder sql =
        new StringBuilder(
            """
            select reading_id, sensor_id, category, observed_at, location_geohash, location_grid,
                   attributes::text as attributes, jurisdiction, policy_version, expires_at,
                   stored_at
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
      sql.append(" and (observed_at, stored_at, reading_id) > (?, ?, ?)");
      args.add(Timestamp.from(query.after().observedAt()));
      args.add(Timestamp.from(query.after().storedAt()));
      args.add(query.after().readingId());
    }
    sql.append(" order by observed_at, stored_at, reading_id limit ?");
    args.add(query.limit());
    return jdbc.query(
        sql.toString(),
        (rs, row) -> {
          GovernedReading reading = map(rs, row);
          return new Found(
              reading,
              new Position(
                  reading.observedAt(),
                  rs.getTimestamp("stored_at").toInstant(),
                  reading.readingId()));
        },
        args.toArray());
  }

  /** What an aggregate groups readings by, besides the time bucket. */
  public enum Grouping {
    NONE("null::text"),
    SENSOR_ID("sensor_id"),
    GEOHASH("location_geohash");

    private final String column;

    Grouping(String column) {
      this.column = column;
    }
  }

  /**
   * An aggregate over live readings of one category: {@code from} inclusive, {@code to} exclusive,
   * null bounds open; buckets aligned on the epoch.
   *
   * @param maxCells cells beyond this are not computed; the result says it was cut
   */
  public record AggregateQuery(
      String category,
      Instant from,
      Instant to,
      Duration bucket,
      Grouping grouping,
      Instant now,
      int maxCells) {}

  /** count, min, avg (rounded to 6 places) and max of one numeric attribute in one cell. */
  public record NumericSummary(long count, BigDecimal min, BigDecimal avg, BigDecimal max) {}

  /** One (bucket, group) cell: how many readings, and summaries of their numeric attributes. */
  public record Cell(
      Instant bucketStart, String group, long count, Map<String, NumericSummary> attributes) {}

  /**
   * @param cut true when there were more than {@code maxCells} cells (the rest are missing)
   */
  public record Aggregation(List<Cell> cells, boolean cut) {}

  /** A category over a time range, live readings only, for exports. */
  public record Scope(String category, Instant from, Instant to, Instant now) {}

  /**
   * Counts and numeric summaries per (bucket, group), computed in the database: {@code date_bin}
   * for the buckets, {@code jsonb_each} for the attributes whose value is a JSON number.
   */
  public Aggregation aggregate(AggregateQuery query) {
    List<Object> args = new ArrayList<>();
    args.add(query.bucket().toSeconds());
    StringBuilder where = new StringBuilder(" where category = ? and expires_at > ?");
    args.add(query.category());
    args.add(Timestamp.from(query.now()));
    if (query.from() != null) {
      where.append(" and observed_at >= ?");
      args.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.append(" and observed_at < ?");
      args.add(Timestamp.from(query.to()));
    }
    args.add(query.maxCells() + 1);
    String sql =
        """
        with base as materialized (
          select date_bin(make_interval(secs => ?), observed_at,
                          timestamptz '1970-01-01 00:00:00+00') as bucket_start,
                 %s as grp, attributes
            from governed_readings %s
        ),
        cells as (
          select bucket_start, grp, count(*) as n from base
           group by bucket_start, grp
           order by bucket_start, grp nulls first
           limit ?
        ),
        stats as (
          select b.bucket_start, b.grp, e.key, count(*) as n, min(e.value::numeric) as min_value,
                 trim_scale(round(avg(e.value::numeric), 6)) as avg_value, max(e.value::numeric) as max_value
            from base b cross join lateral jsonb_each(b.attributes) e
           where jsonb_typeof(e.value) = 'number'
           group by b.bucket_start, b.grp, e.key
        )
        select c.bucket_start, c.grp, c.n, s.key, s.n as key_n, s.min_value, s.avg_value,
               s.max_value
          from cells c
          left join stats s on s.bucket_start = c.bucket_start and s.grp is not distinct from c.grp
         order by c.bucket_start, c.grp nulls first, s.key
        """
            .formatted(query.grouping().column, where);
    Map<List<Object>, Cell> cells = new LinkedHashMap<>();
    jdbc.query(
        sql,
        rs -> {
          Instant bucketStart = rs.getTimestamp("bucket_start").toInstant();
          String group = rs.getString("grp");
          List<Object> key = Arrays.asList(bucketStart, group);
          Cell cell = cells.get(key);
          if (cell == null) {
            cell = new Cell(bucketStart, group, rs.getLong("n"), new LinkedHashMap<>());
            cells.put(key, cell);
          }
          String attribute = rs.getString("key");
          if (attribute != null) {
            cell.attributes()
                .put(
                    attribute,
                    new NumericSummary(
                        rs.getLong("key_n"),
                        rs.getBigDecimal("min_value"),
                        rs.getBigDecimal("avg_value"),
                        rs.getBigDecimal("max_value")));
          }
        },
        args.toArray());
    List<Cell> result = new ArrayList<>(cells.values());
    boolean cut = result.size() > query.maxCells();
    return new Aggregation(cut ? result.subList(0, query.maxCells()) : result, cut);
  }

  /** How many live readings are in scope. */
  public long count(Scope scope) {
    List<Object> args = new ArrayList<>();
    String where = where(scope, args);
    Long count =
        jdbc.queryForObject(
            "select count(*) from governed_readings" + where, Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  /**
   * Hands every live reading in scope to {@code each}, in (observedAt, storedAt, readingId) order,
   * fetching from the database in chunks so that memory stays flat however large the export. Run it
   * in the same transaction as {@link #count} (repeatable read) for the two to agree.
   */
  public void stream(Scope scope, Consumer<GovernedReading> each) {
    List<Object> args = new ArrayList<>();
    String sql =
        """
        select reading_id, sensor_id, category, observed_at, location_geohash, location_grid,
               attributes::text as attributes, jurisdiction, policy_version, expires_at
          from governed_readings"""
            + where(scope, args)
            + " order by observed_at, stored_at, reading_id";
    jdbc.query(
        connection -> {
          PreparedStatement ps = connection.prepareStatement(sql);
          ps.setFetchSize(STREAM_FETCH_SIZE);
          for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
          }
          return ps;
        },
        rs -> {
          each.accept(map(rs, 0));
        });
  }

  private static String where(Scope scope, List<Object> args) {
    StringBuilder where = new StringBuilder(" where category = ? and expires_at > ?");
    args.add(scope.category());
    args.add(Timestamp.from(scope.now()));
    if (scope.from() != null) {
      where.append(" and observed_at >= ?");
      args.add(Timestamp.from(scope.from()));
    }
    if (scope.to() != null) {
      where.append(" and observed_at < ?");
      args.add(Timestamp.from(scope.to()));
    }
    return where.toString();
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
