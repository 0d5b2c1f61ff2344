package org.civitas.policy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.policy.governance.GovernedPartitions;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RetentionSweepIntegrationTest extends PolicyServiceIntegrationTestSupport {

  @Autowired GovernedPartitions partitions;
  @Autowired RetentionSweep sweep;
  @Autowired StorePurge purge;
  @Autowired DataSource dataSource;

  static final String ATTRIBUTES = "{\"count\": 3}";

  /** A day partition some days back, as it exists once its day has passed. */
  String pastPartition(int daysAgo) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo);
    partitions.ensure(day);
    String name = GovernedPartitions.partitionOf(day).name();
    assertThat(attached(name)).isTrue();
    return name;
  }

  Instant expiringIn(String partition) {
    return GovernedPartitions.dayOfName(partition)
        .orElseThrow()
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .plus(Duration.ofHours(12));
  }

  boolean attached(String partition) {
    return Boolean.TRUE.equals(
        sql.queryForObject(
            """
            select exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                            where i.inhparent = 'governed_readings'::regclass and c.relname = ?)
            """,
            Boolean.class,
            partition));
  }

  boolean tableExists(String name) {
    return Boolean.TRUE.equals(
        sql.queryForObject(
            "select exists (select 1 from pg_class where relname = ?)", Boolean.class, name));
  }

  HttpResponse<String> sweepAsStaff(String correlationId) {
    return send("POST", "/api/v1/retention/sweeps", TestTokens.staff(), null, null, correlationId);
  }

  static List<JsonNode> purgeEvents(String category) {
    return auditEvents(
        event ->
            "RETENTION_PURGE".equals(event.path("action").stringValue(null))
                && category.equals(event.path("resource").path("category").stringValue(null)));
  }

  @Test
  void sweepDropsEntirelyExpiredPartitionsDeletesExpiredRowsAndAuditsEachCategoryOnce() {
    String partition = pastPartition(3);
    String plates = unique("it_sweep_a");
    String counts = unique("it_sweep_b");
    Instant observed = expiringIn(partition).minus(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      storeRow(plates, "s-1", observed, expiringIn(partition), "dpz83d", ATTRIBUTES);
    }
    storeRow(counts, "s-2", observed, expiringIn(partition), "dpz83d", ATTRIBUTES);
    storeRow(counts, "s-2", observed, expiringIn(partition), "dpz83d", ATTRIBUTES);
    Instant now = clock.instant();
    String expiredToday =
        storeRow(plates, "s-1", now.minus(Duration.ofHours(2)), now.minusSeconds(60), null, "{}");
    String live =
        storeRow(plates, "s-1", now.minus(Duration.ofHours(2)), now.plusSeconds(3600), null, "{}");
    String correlationId = correlationId();

    HttpResponse<String> response = sweepAsStaff(correlationId);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.path("purged").path(plates).asLong()).isEqualTo(4);
    assertThat(report.path("purged").path(counts).asLong()).isEqualTo(2);
    assertThat(report.path("partitionsDropped").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(report.path("sweptAt").asString()).isNotBlank();
    assertThat(attached(partition)).isFalse();
    assertThat(tableExists(partition)).isFalse();
    assertThat(rowExists(expiredToday)).isFalse();
    assertThat(rowExists(live)).isTrue();

    // audited before the answer: the events are on the topic already
    assertThat(purgeEvents(plates)).hasSize(1);
    JsonNode platesPurge = purgeEvents(plates).get(0);
    assertThat(platesPurge.path("recordCount").asLong()).isEqualTo(4);
    assertThat(platesPurge.path("actor").path("subject").asString()).isEqualTo("city-it");
    assertThat(platesPurge.path("correlationId").asString()).isEqualTo(correlationId);
    assertThat(purgeEvents(counts)).hasSize(1);
    assertThat(purgeEvents(counts).get(0).path("recordCount").asLong()).isEqualTo(2);
  }

  @Test
  void heldRowsSurviveSweepsWithTheirPartitionAndArePurgedOnceTheHoldIsReleased() {
    String partition = pastPartition(4);
    String category = unique("it_hold");
    Instant observed = expiringIn(partition).minus(Duration.ofDays(2));
    String heldA = storeRow(category, "cam-held", observed, expiringIn(partition), null, "{}");
    String heldB =
        storeRow(category, "cam-held", observed.plusSeconds(60), expiringIn(partition), null, "{}");
    String otherSensor =
        storeRow(category, "cam-free", observed, expiringIn(partition), null, "{}");
    String outsideHold =
        storeRow(
            category,
            "cam-held",
            observed.plus(Duration.ofHours(1)),
            expiringIn(partition),
            null,
            "{}");
    HttpResponse<String> placed =
        send(
            "POST",
            "/api/v1/legal-holds",
            TestTokens.staff(),
            "application/json",
            ContractJson.mapper()
                .writeValueAsString(
                    Map.of(
                        "category",
                        category,
                        "sensorId",
                        "cam-held",
                        "from",
                        observed.toString(),
                        "to",
                        observed.plus(Duration.ofMinutes(30)).toString(),
                        "caseRef",
                        "ONSC-2026-0042",
                        "reason",
                        "preservation order")));
    assertThat(placed.statusCode()).isEqualTo(201);
    String holdId = json(placed).path("id").asString();

    JsonNode whileHeld = json(sweepAsStaff(correlationId()));

    assertThat(attached(partition)).isTrue();
    assertThat(whileHeld.path("partitionsHeld").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(whileHeld.path("purged").path(category).asLong()).isEqualTo(2);
    assertThat(rowExists(heldA)).isTrue();
    assertThat(rowExists(heldB)).isTrue();
    assertThat(rowExists(otherSensor)).isFalse();
    assertThat(rowExists(outsideHold)).isFalse();

    assertThat(
            send("DELETE", "/api/v1/legal-holds/" + holdId, TestTokens.staff(), null, null)
                .statusCode())
        .isEqualTo(204);
    JsonNode afterRelease = json(sweepAsStaff(correlationId()));

    assertThat(afterRelease.path("purged").path(category).asLong()).isEqualTo(2);
    assertThat(attached(partition)).isFalse();
    assertThat(rowExists(heldA)).isFalse();
    assertThat(rowExists(heldB)).isFalse();
  }

  /** What the row counters say the store holds of a category, per expiry day (zeros left out). */
  Map<LocalDate, Long> counted(String category) {
    Map<LocalDate, Long> counts = new TreeMap<>();
    sql.query(
        """
        select expires_on, sum(row_count) as n from governed_reading_counts where category = ?
         group by expires_on having sum(row_count) <> 0
        """,
        rs -> {
          counts.put(rs.getDate("expires_on").toLocalDate(), rs.getLong("n"));
        },
        category);
    return counts;
  }

  HttpResponse<String> placeHold(String category, String sensorId, Instant from, Instant to) {
    HttpResponse<String> placed =
        send(
            "POST",
            "/api/v1/legal-holds",
            TestTokens.staff(),
            "application/json",
            ContractJson.mapper()
                .writeValueAsString(
                    Map.of(
                        "category",
                        category,
                        "sensorId",
                        sensorId,
                        "from",
                        from.toString(),
                        "to",
                        to.toString(),
                        "caseRef",
                        "ONSC-2026-0077",
                        "reason",
                        "preservation order")));
    assertThat(placed.statusCode()).isEqualTo(201);
    return placed;
  }

  @Test
  void aRedeliveredReadingIsCountedOnceWhenItsDroppedPartitionIsAudited() {
    String category = unique("it_redelivered");
    publishWithCategory(
        category,
        """
        {
          "retention": "PT1H",
          "residency": { "storeIn": ["CA"] },
          "minimization": { "attributes": { "count": "keep" } },
          "access": [ { "purpose": "open-data", "roles": ["STAFF"], "granularity": "record" } ]
        }
        """);
    String sensorId = registerSensor(category);
    try {
      Reading reading = countReading(sensorId, category, clock.instant().minusSeconds(30));
      Reading marker = countReading(sensorId, category, clock.instant().minusSeconds(20));
      publishRaw(reading);
      await().atMost(Duration.ofSeconds(60)).until(() -> rowExists(reading.readingId()));
      // same key, same partition: once the marker is stored, the redelivery has been handled
      publishRaw(reading, marker);
      await().atMost(Duration.ofSeconds(60)).until(() -> rowExists(marker.readingId()));

      assertThat(counted(category).values()).containsExactly(2L);

      // every partition holding them is entirely expired two days on: dropped, not deleted
      clock.advance(Duration.ofDays(2));
      SweepReport report = sweep.sweepBySystem();

      assertThat(report.partitionsDropped()).isGreaterThanOrEqualTo(1);
      assertThat(report.purged()).containsEntry(category, 2L);
      assertThat(purgeEvents(category)).hasSize(1);
      assertThat(purgeEvents(category).get(0).path("recordCount").asLong()).isEqualTo(2);
      assertThat(rowExists(reading.readingId())).isFalse();
      assertThat(counted(category)).isEmpty();
    } finally {
      clock.reset();
      send("DELETE", "/api/v1/sensors/" + sensorId, TestTokens.staff(), null, null);
    }
  }

  static Reading countReading(String sensorId, String category, Instant observedAt) {
    return new Reading(
        UUID.randomUUID().toString(),
        sensorId,
        observedAt.toString(),
        category,
        new Location(43.64871, -79.38172),
        Map.of("count", 3));
  }

  @Test
  void aRowAHoldKeepsOutOfAPartitionDetachedEarlierIsNotCountedAsPurged() {
    String partition = pastPartition(5);
    String category = unique("it_late_hold");
    Instant observed = expiringIn(partition).minus(Duration.ofDays(1));
    String held = storeRow(category, "cam-held", observed, expiringIn(partition), null, "{}");
    storeRow(category, "cam-free", observed, expiringIn(partition), null, "{}");
    storeRow(category, "cam-free", observed, expiringIn(partition), null, "{}");
    // as a sweep leaves it when the audit log could not record its purge
    sql.execute("alter table governed_readings detach partition " + partition);
    String holdId =
        json(placeHold(category, "cam-held", observed, observed.plus(Duration.ofMinutes(1))))
            .path("id")
            .asString();

    JsonNode whileHeld = json(sweepAsStaff(correlationId()));

    assertThat(tableExists(partition)).isFalse();
    assertThat(rowExists(held)).isTrue();
    assertThat(whileHeld.path("purged").path(category).asLong()).isEqualTo(2);
    assertThat(purgeEvents(category)).hasSize(1);
    assertThat(purgeEvents(category).get(0).path("recordCount").asLong()).isEqualTo(2);
    assertThat(counted(category).values()).containsExactly(1L);

    send("DELETE", "/api/v1/legal-holds/" + holdId, TestTokens.staff(), null, null);
    JsonNode afterRelease = json(sweepAsStaff(correlationId()));

    assertThat(afterRelease.path("purged").path(category).asLong()).isEqualTo(1);
    assertThat(rowExists(held)).isFalse();
    assertThat(counted(category)).isEmpty();
  }

  @Test
  void rowsMovedToAnotherExpiryDayAreCountedThere() {
    String first = pastPartition(6);
    String second = pastPartition(7);
    String category = unique("it_moved");
    Instant observed = expiringIn(second).minus(Duration.ofDays(1));
    String moved = storeRow(category, "s-5", observed, expiringIn(first), null, "{}");
    storeRow(category, "s-5", observed, expiringIn(first), null, "{}");
    storeRow(category, "s-5", observed, expiringIn(first), null, "{}");

    // what a shorter retention of a new policy version does to stored rows
    sql.update(
        "update governed_readings set expires_at = ? where reading_id = ?",
        Timestamp.from(expiringIn(second)),
        moved);

    assertThat(counted(category))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                GovernedPartitions.dayOfName(first).orElseThrow(), 2L,
                GovernedPartitions.dayOfName(second).orElseThrow(), 1L));
    assertThat(sweep.sweepBySystem().purged()).containsEntry(category, 3L);
    assertThat(tableExists(first)).isFalse();
    assertThat(tableExists(second)).isFalse();
    assertThat(counted(category)).isEmpty();
  }

  @Test
  void aPartitionFilledAroundTheCountersIsCountedRowByRowInstead() {
    String partition = pastPartition(13);
    String category = unique("it_uncounted");
    String otherCategory = unique("it_uncounted_other");
    Instant observed = expiringIn(partition).minus(Duration.ofDays(1));
    // straight into the partition, as a restore or a hand-made repair might: no trigger sees them
    for (String rowCategory : List.of(category, category, otherCategory)) {
      sql.update(
          "insert into "
              + partition
              + " (reading_id, sensor_id, category, observed_at, attributes, policy_version,"
              + " expires_at, stored_at) values (?, 's-6', ?, ?, '{}'::jsonb, 1, ?, now())",
          UUID.randomUUID().toString(),
          rowCategory,
          Timestamp.from(observed),
          Timestamp.from(expiringIn(partition)));
    }
    assertThat(counted(category)).isEmpty();

    SweepReport report = sweep.sweepBySystem();

    assertThat(report.purged()).containsEntry(category, 2L).containsEntry(otherCategory, 1L);
    assertThat(tableExists(partition)).isFalse();
    assertThat(counted(category)).isEmpty();
    assertThat(counted(otherCategory)).isEmpty();
  }

  long rowsOf(String table, String category) {
    return sql.queryForObject(
        "select count(*) from " + table + " where category = ?", Long.class, category);
  }

  long storedRows(String category) {
    return sql.queryForObject(
        "select count(*) from governed_readings where category = ?", Long.class, category);
  }

  @Test
  void severalExpiredPartitionsGoInOneTransactionWithExactCountsWhileReadingsArrive()
      throws Exception {
    List<String> expiredPartitions =
        List.of(pastPartition(20), pastPartition(21), pastPartition(22));
    String heldPartition = pastPartition(23);
    String category = unique("it_batch");
    String live = unique("it_batch_live");
    String late = unique("it_batch_late");
    int[] rowsPerPartition = {2, 3, 4};
    for (int p = 0; p < expiredPartitions.size(); p++) {
      Instant expiry = expiringIn(expiredPartitions.get(p));
      for (int i = 0; i < rowsPerPartition[p]; i++) {
        storeRow(category, "s-" + i, expiry.minus(Duration.ofDays(1)), expiry, null, "{}");
      }
    }
    Instant heldObserved = expiringIn(heldPartition).minus(Duration.ofDays(1));
    String held =
        storeRow(category, "cam-held", heldObserved, expiringIn(heldPartition), null, "{}");
    storeRow(category, "cam-free", heldObserved, expiringIn(heldPartition), null, "{}");
    storeRow(category, "cam-free", heldObserved, expiringIn(heldPartition), null, "{}");
    String holdId =
        json(placeHold(category, "cam-held", heldObserved, heldObserved.plusSeconds(60)))
            .path("id")
            .asString();
    // readings keep arriving throughout: live ones, and late ones for a day being dropped
    Instant lateExpiry = expiringIn(expiredPartitions.get(1));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong liveStored = new AtomicLong();
    AtomicLong lateStored = new AtomicLong();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writing =
        writer.submit(
            () -> {
              while (!stop.get()) {
                Instant now = clock.instant();
                storeRow(live, "s-live", now.minusSeconds(60), now.plusSeconds(3600), null, "{}");
                liveStored.incrementAndGet();
                storeRow(
                    late, "s-late", lateExpiry.minus(Duration.ofDays(1)), lateExpiry, null, "{}");
                lateStored.incrementAndGet();
              }
            });
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> liveStored.get() >= 5);

      // the audit log is down: the purge is rolled back, the detached tables stay
      assertThatThrownBy(
              () ->
                  purge.purge(
                      clock.instant(),
                      purged -> {
                        throw new IllegalStateException("audit log unavailable");
                      }))
          .isInstanceOf(IllegalStateException.class);

      for (int p = 0; p < expiredPartitions.size(); p++) {
        String table = expiredPartitions.get(p);
        assertThat(attached(table)).isFalse();
        assertThat(rowsOf(table, category)).isEqualTo(rowsPerPartition[p]);
      }
      assertThat(attached(heldPartition)).isTrue();
      // every partition's catalog row was last written by the same transaction: one detach for all
      assertThat(
              sql.queryForObject(
                  "select count(distinct xmin::text) from pg_class where relname in (?, ?, ?)",
                  Long.class,
                  expiredPartitions.toArray()))
          .isEqualTo(1);

      long liveBeforeSweep = liveStored.get();
      await().atMost(Duration.ofSeconds(30)).until(() -> liveStored.get() >= liveBeforeSweep + 5);
      SweepReport report = sweep.sweepBySystem();
      long liveAfterSweep = liveStored.get();
      await().atMost(Duration.ofSeconds(30)).until(() -> liveStored.get() >= liveAfterSweep + 5);
      stop.set(true);
      writing.get(30, TimeUnit.SECONDS);
      // late readings stored after the sweep's snapshot expire with the next one
      SweepReport next = sweep.sweepBySystem();

      assertThat(report.partitionsDropped()).isGreaterThanOrEqualTo(3);
      assertThat(report.partitionsHeld()).isGreaterThanOrEqualTo(1);
      assertThat(report.purged()).containsEntry(category, 2L + 3 + 4 + 2);
      assertThat(purgeEvents(category)).hasSize(1);
      assertThat(purgeEvents(category).get(0).path("recordCount").asLong()).isEqualTo(11);
      expiredPartitions.forEach(table -> assertThat(tableExists(table)).isFalse());
      expiredPartitions.forEach(
          table ->
              assertThat(
                      tableExists(
                          table.replace("governed_readings_p", "governed_readings_purged_")))
                  .isFalse());
      assertThat(attached(heldPartition)).isTrue();
      assertThat(rowExists(held)).isTrue();
      assertThat(counted(category).values()).containsExactly(1L);

      long latePurged =
          report.purged().getOrDefault(late, 0L) + next.purged().getOrDefault(late, 0L);
      assertThat(latePurged).isEqualTo(lateStored.get());
      assertThat(storedRows(late)).isZero();
      assertThat(counted(late)).isEmpty();
      assertThat(storedRows(live)).isEqualTo(liveStored.get());
      assertThat(counted(live).values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(liveStored.get());
    } finally {
      stop.set(true);
      writer.shutdown();
      send("DELETE", "/api/v1/legal-holds/" + holdId, TestTokens.staff(), null, null);
    }
  }

  @Test
  void expiredPartitionsThatCannotBeDetachedNowAreLeftWholeForTheNextSweep() throws Exception {
    String partition = pastPartition(25);
    String category = unique("it_busy");
    Instant expiry = expiringIn(partition);
    for (int i = 0; i < 3; i++) {
      storeRow(category, "s-8", expiry.minus(Duration.ofDays(1)), expiry, null, "{}");
    }

    SweepReport whileBusy;
    try (Connection reader = dataSource.getConnection()) {
      // a long query on the store: the detach cannot have the parent's exclusive lock in time
      reader.setAutoCommit(false);
      try (Statement statement = reader.createStatement()) {
        statement.execute("lock table only governed_readings in access share mode");
      }
      whileBusy = sweep.sweepBySystem();
      reader.rollback();
    }

    // not emptied row by row either: the next sweep drops it whole
    assertThat(whileBusy.purged()).doesNotContainKey(category);
    assertThat(attached(partition)).isTrue();
    assertThat(rowsOf(partition, category)).isEqualTo(3);
    SweepReport next = sweep.sweepBySystem();
    assertThat(next.purged()).containsEntry(category, 3L);
    assertThat(tableExists(partition)).isFalse();
    assertThat(counted(category)).isEmpty();
  }

  @Test
  void aTablePurgedOnTheRecordButNotDroppedYetIsDroppedWithoutBeingCountedAgain() {
    String category = unique("it_purged");
    // as a purge leaves it when interrupted between its audited commit and the drop
    String table = "governed_readings_purged_20250101";
    sql.execute("create table " + table + " (like governed_readings)");
    sql.update(
        "insert into "
            + table
            + " (reading_id, sensor_id, category, observed_at, attributes, policy_version,"
            + " expires_at, stored_at) values (?, 's-7', ?, now(), '{}'::jsonb, 1, now(), now())",
        UUID.randomUUID().toString(),
        category);

    SweepReport report = sweep.sweepBySystem();

    assertThat(tableExists(table)).isFalse();
    assertThat(report.purged()).doesNotContainKey(category);
    assertThat(purgeEvents(category)).isEmpty();
  }

  @Test
  void aScheduledSweepIsAuditedAsThePlatform() {
    String category = unique("it_system");
    Instant now = clock.instant();
    storeRow(category, "s-3", now.minus(Duration.ofHours(3)), now.minusSeconds(5), null, "{}");

    SweepReport report = sweep.sweepBySystem();

    assertThat(report.purged()).containsEntry(category, 1L);
    assertThat(purgeEvents(category)).hasSize(1);
    JsonNode event = purgeEvents(category).get(0);
    assertThat(event.path("actor").path("subject").asString()).startsWith("system:");
    assertThat(event.path("recordCount").asLong()).isEqualTo(1);
  }

  @Test
  void aRowExpiresAtItsExpiryOnTheServiceClock() {
    String category = unique("it_clock");
    Instant now = clock.instant();
    String soon =
        storeRow(category, "s-4", now.minus(Duration.ofHours(1)), now.plusSeconds(120), null, "{}");

    assertThat(sweep.sweepBySystem().purged()).doesNotContainKey(category);
    assertThat(rowExists(soon)).isTrue();

    clock.advance(Duration.ofMinutes(3));
    SweepReport later = sweep.sweepBySystem();

    assertThat(later.purged()).containsEntry(category, 1L);
    assertThat(rowExists(soon)).isFalse();
  }

  @Test
  void readingIdsAreForgottenOnceNoDeliveryOfThemCanBeAcceptedAnyMore() {
    UUID stale = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    Instant now = clock.instant();
    sql.update(
        "insert into governed_reading_ids (reading_id, remember_until) values (?, ?), (?, ?)",
        stale,
        Timestamp.from(now.minusSeconds(1)),
        recent,
        Timestamp.from(now.plus(Duration.ofDays(1))));

    sweep.sweepBySystem();

    List<UUID> remembered =
        sql.queryForList(
            "select reading_id from governed_reading_ids where reading_id in (?, ?)",
            UUID.class,
            stale,
            recent);
    assertThat(remembered).containsExactly(recent);
  }

  @Test
  void onlyStaffSweep() {
    assertThat(
            send("POST", "/api/v1/retention/sweeps", TestTokens.auditor(), null, null).statusCode())
        .isEqualTo(403);
    assertThat(
            send("POST", "/api/v1/retention/sweeps", TestTokens.policyAdmin(), null, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/v1/retention/sweeps", null, null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void theRawTopicKeepsReadingsOnlyAsLongAsConfigured() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS_RAW);
      Config config =
          admin.describeConfigs(Set.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
          .isEqualTo(String.valueOf(Duration.parse(RAW_RETENTION).toMillis()));
    }
  }
}
