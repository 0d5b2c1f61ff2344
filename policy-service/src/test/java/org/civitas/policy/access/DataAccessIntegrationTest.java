package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class DataAccessIntegrationTest extends PolicyServiceIntegrationTestSupport {

  @Autowired JdbcTemplate jdbc;

  static String query(String sensorId, String purpose) {
    return "/api/v1/data/readings?category=licence_plate&sensorId="
        + sensorId
        + (purpose == null ? "" : "&purpose=" + purpose);
  }

  /** A governed row written straight into the store, for tests about what queries return. */
  String storedRow(String sensorId, Instant observedAt, Instant expiresAt) {
    return storeRow(
        "licence_plate", sensorId, observedAt, expiresAt, "dpz83d", "{\"speedKmh\": 50}");
  }

  static String newSensorId() {
    return "direct-" + UUID.randomUUID().toString().substring(0, 12);
  }

  @Test
  void permittedPurposeReturnsTheGovernedReadingAndIsAudited() {
    String sensorId = registerSensor("licence_plate");
    String plate = "PQ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Reading reading =
        new Reading(
            UUID.randomUUID().toString(),
            sensorId,
            Instant.now().minusSeconds(30).toString(),
            "licence_plate",
            new Location(43.64871, -79.38172),
            Map.of("plate", plate, "speedKmh", 48.2));
    publishRaw(reading);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.queryForObject(
                    "select count(*) from governed_readings where reading_id = ?",
                    Long.class,
                    reading.readingId()),
            count -> count == 1);
    String correlationId = correlationId();

    HttpResponse<String> response =
        get(query(sensorId, "traffic-planning"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(plate);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    JsonNode page = json(response);
    assertThat(page.path("items")).hasSize(1);
    JsonNode item = page.path("items").get(0);
    assertThat(item.path("readingId").asString()).isEqualTo(reading.readingId());
    assertThat(item.path("attributes").path("plate").asString()).startsWith("pz_");
    assertThat(item.path("location").path("geohash").asString()).isEqualTo("dpz83d");
    Instant observedAt = Instant.parse(item.path("observedAt").asString());
    assertThat(observedAt.getEpochSecond() % 900).isZero();
    assertThat(Instant.parse(item.path("expiresAt").asString()))
        .isEqualTo(observedAt.plus(Duration.ofHours(24)));
    assertThat(page.path("nextCursor").isNull()).isTrue();

    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("action").asString()).isEqualTo("DATA_QUERY");
    assertThat(audit.path("decision").asString()).isEqualTo("PERMIT");
    assertThat(audit.path("actor").path("subject").asString()).isEqualTo("city-it");
    assertThat(audit.path("actor").path("roles").get(0).asString()).isEqualTo("STAFF");
    assertThat(audit.path("purpose").asString()).isEqualTo("traffic-planning");
    assertThat(audit.path("recordCount").asLong()).isEqualTo(1);
    assertThat(audit.path("policyVersion").asLong()).isPositive();
    assertThat(audit.path("resource").path("category").asString()).isEqualTo("licence_plate");
    assertThat(audit.path("resource").path("sensorId").asString()).isEqualTo(sensorId);
  }

  @Test
  void missingPurposeIsABadRequest() {
    HttpResponse<String> response = get(query("any", null), TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode error = json(response).path("errors").get(0);
    assertThat(error.path("field").asString()).isEqualTo("purpose");
    assertThat(error.path("code").asString()).isEqualTo("required");
  }

  @Test
  void aggregateOnlyPurposeIsForbiddenAndTheDenialAudited() {
    String correlationId = correlationId();

    HttpResponse<String> response =
        get(query(newSensorId(), "research"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).has("items")).isFalse();
    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("action").asString()).isEqualTo("DATA_QUERY");
    assertThat(audit.path("decision").asString()).isEqualTo("DENY");
    assertThat(audit.path("reason").asString()).isEqualTo("aggregate_only");
    assertThat(audit.path("purpose").asString()).isEqualTo("research");
  }

  @Test
  void lawEnforcementWithoutAWarrantIsForbiddenAndTheDenialAudited() {
    String correlationId = correlationId();

    HttpResponse<String> response =
        get(query(newSensorId(), "law-enforcement"), TestTokens.lawEnforcement(), correlationId);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("decision").asString()).isEqualTo("DENY");
    assertThat(audit.path("reason").asString()).isEqualTo("warrant_required");
    assertThat(audit.path("actor").path("subject").asString()).isEqualTo("police-liaison");
  }

  @Test
  void lawEnforcementWithAWarrantReadsAndTheWarrantIsOnRecord() {
    String sensorId = newSensorId();
    String readingId =
        storedRow(sensorId, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
    String correlationId = correlationId();

    HttpResponse<String> response =
        get(
            query(sensorId, "law-enforcement") + "&warrantRef=ONSC-2026-0042",
            TestTokens.lawEnforcement(),
            correlationId);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("items").findValuesAsString("readingId"))
        .containsExactly(readingId);
    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("decision").asString()).isEqualTo("PERMIT");
    assertThat(audit.path("legalBasis").path("warrantRef").asString()).isEqualTo("ONSC-2026-0042");
  }

  @Test
  void staffCannotUseThePolicePurpose() {
    assertThat(
            get(query(newSensorId(), "law-enforcement") + "&warrantRef=W-1", TestTokens.staff())
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void otherRolesCannotReadData() {
    assertThat(get(query(newSensorId(), "traffic-planning"), TestTokens.auditor()).statusCode())
        .isEqualTo(403);
    assertThat(get(query(newSensorId(), "traffic-planning"), TestTokens.policyAdmin()).statusCode())
        .isEqualTo(403);
    assertThat(get(query(newSensorId(), "traffic-planning"), null).statusCode()).isEqualTo(401);
  }

  @Test
  void expiredReadingsAreNeverReturned() {
    String sensorId = newSensorId();
    Instant now = Instant.now();
    String live = storedRow(sensorId, now.minus(Duration.ofHours(2)), now.plusSeconds(3600));
    storedRow(sensorId, now.minus(Duration.ofHours(3)), now.minusSeconds(1));

    HttpResponse<String> response = get(query(sensorId, "traffic-planning"), TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("items").findValuesAsString("readingId")).containsExactly(live);
  }

  @Test
  void pagesFollowObservedTimeWithACursorAndRespectTheTimeRange() {
    String sensorId = newSensorId();
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    Instant expires = base.plus(Duration.ofDays(1));
    String first = storedRow(sensorId, base.plusSeconds(1), expires);
    String second = storedRow(sensorId, base.plusSeconds(2), expires);
    String third = storedRow(sensorId, base.plusSeconds(3), expires);
    storedRow(sensorId, base.plusSeconds(10), expires);
    String range = "&from=" + base + "&to=" + base.plusSeconds(10) + "&limit=2";

    JsonNode page1 = json(get(query(sensorId, "traffic-planning") + range, TestTokens.staff()));
    JsonNode page2 =
        json(
            get(
                query(sensorId, "traffic-planning")
                    + range
                    + "&cursor="
                    + page1.path("nextCursor").asString(),
                TestTokens.staff()));

    assertThat(page1.path("items").findValuesAsString("readingId")).containsExactly(first, second);
    assertThat(page2.path("items").findValuesAsString("readingId")).containsExactly(third);
    assertThat(page2.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void readingsSharingATruncatedObservationTimePageInStorageOrderWithoutGapsOrRepeats() {
    String sensorId = newSensorId();
    Instant observed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    Instant expires = observed.plus(Duration.ofDays(1));
    Instant firstBatch = observed.plusSeconds(60);
    // stored in the reverse of their id order, so that an order by id alone fails
    List<String> byIdDescending =
        new ArrayList<>(
            List.of(
                storedRow(sensorId, observed, expires),
                storedRow(sensorId, observed, expires),
                storedRow(sensorId, observed, expires)));
    byIdDescending.sort(Comparator.reverseOrder());
    for (int i = 0; i < byIdDescending.size(); i++) {
      storedAt(byIdDescending.get(i), firstBatch.plusSeconds(i));
    }
    // one batch: the same storage time, so the id decides
    List<String> lastBatch =
        new ArrayList<>(
            List.of(
                storedRow(sensorId, observed, expires), storedRow(sensorId, observed, expires)));
    lastBatch.sort(Comparator.naturalOrder());
    lastBatch.forEach(readingId -> storedAt(readingId, firstBatch.plusSeconds(3)));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          json(
              get(
                  query(sensorId, "traffic-planning")
                      + "&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor),
                  TestTokens.staff()));
      seen.addAll(page.path("items").findValuesAsString("readingId"));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 10);

    List<String> expected = new ArrayList<>(byIdDescending);
    expected.addAll(lastBatch);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  void storedAt(String readingId, Instant storedAt) {
    jdbc.update(
        "update governed_readings set stored_at = ? where reading_id = ?",
        Timestamp.from(storedAt),
        readingId);
  }

  @Test
  void limitAboveTheMaximumIsABadRequest() {
    HttpResponse<String> response =
        get(query(newSensorId(), "traffic-planning") + "&limit=1001", TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly("limit");
  }

  @Test
  void withoutTheAuditLogNoDataIsReturned() {
    String sensorId = newSensorId();
    String readingId =
        storedRow(sensorId, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
    TestInfrastructure.shared().stopKafka();
    try {
      HttpResponse<String> response = get(query(sensorId, "traffic-planning"), TestTokens.staff());

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).doesNotContain(readingId).doesNotContain("\"items\"");
    } finally {
      TestInfrastructure.shared().startKafka();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> get(query(sensorId, "traffic-planning"), TestTokens.staff()).statusCode(),
              status -> status == 200);
    }
  }
}
