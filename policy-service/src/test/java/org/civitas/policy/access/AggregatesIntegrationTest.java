package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AggregatesIntegrationTest extends PolicyServiceIntegrationTestSupport {

  private static final AtomicInteger HOURS_BACK = new AtomicInteger(3_000);

  /** An hour long past that no other test stores readings in, so that counts are exact. */
  static Instant quietHour() {
    return Instant.now()
        .truncatedTo(ChronoUnit.HOURS)
        .minus(Duration.ofHours(HOURS_BACK.getAndIncrement()));
  }

  static String aggregates(String purpose, Instant hour, String groupBy) {
    return "/api/v1/data/aggregates?category=licence_plate&bucket=PT1H"
        + "&from="
        + hour
        + "&to="
        + hour.plus(Duration.ofHours(1))
        + (groupBy == null ? "" : "&groupBy=" + groupBy)
        + (purpose == null ? "" : "&purpose=" + purpose);
  }

  /** Twelve readings of one sensor and three of another in the hour, one expired. */
  record Arranged(String busy, String quiet, String expired) {}

  Arranged arrange(Instant hour) {
    String busy = "agg-" + UUID.randomUUID().toString().substring(0, 8);
    String quiet = "agg-" + UUID.randomUUID().toString().substring(0, 8);
    Instant live = clock.instant().plus(Duration.ofDays(1));
    for (int i = 0; i < 12; i++) {
      String lane = i < 2 ? ", \"lane\": 2" : "";
      storeRow(
          "licence_plate",
          busy,
          hour.plus(Duration.ofMinutes(i)),
          live,
          "dpz83d",
          "{\"speedKmh\": " + (40 + i) + ", \"plate\": \"pz_x\"" + lane + "}");
    }
    for (int i = 0; i < 3; i++) {
      storeRow("licence_plate", quiet, hour.plus(Duration.ofMinutes(i)), live, "dpz83e", "{}");
    }
    String expired =
        storeRow(
            "licence_plate",
            busy,
            hour.plus(Duration.ofMinutes(30)),
            clock.instant().minusSeconds(1),
            "dpz83d",
            "{\"speedKmh\": 987}");
    return new Arranged(busy, quiet, expired);
  }

  @Test
  void smallCellsAreSuppressedAndReportedButTheirCountsNeverShown() {
    Instant hour = quietHour();
    Arranged rows = arrange(hour);
    String correlationId = correlationId();

    HttpResponse<String> response =
        get(aggregates("research", hour, "sensorId"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = json(response);
    assertThat(answer.path("minCount").asInt()).isEqualTo(10);
    assertThat(answer.path("suppressed").asInt()).isEqualTo(1);
    assertThat(answer.path("cells")).hasSize(1);
    JsonNode cell = answer.path("cells").get(0);
    assertThat(cell.path("sensorId").asString()).isEqualTo(rows.busy());
    assertThat(Instant.parse(cell.path("bucketStart").asString())).isEqualTo(hour);
    assertThat(cell.path("count").asLong()).isEqualTo(12);
    JsonNode speed = cell.path("attributes").path("speedKmh");
    assertThat(speed.path("count").asLong()).isEqualTo(12);
    assertThat(speed.path("min").decimalValue()).isEqualByComparingTo("40");
    assertThat(speed.path("max").decimalValue()).isEqualByComparingTo("51");
    assertThat(speed.path("avg").decimalValue()).isEqualByComparingTo("45.5");
    // carried by two readings only: a summary would single them out
    assertThat(cell.path("attributes").has("lane")).isFalse();
    assertThat(cell.path("attributes").has("plate")).isFalse();
    assertThat(response.body()).doesNotContain(rows.quiet()).doesNotContain("987");

    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("action").asString()).isEqualTo("DATA_AGGREGATE");
    assertThat(audit.path("decision").asString()).isEqualTo("PERMIT");
    assertThat(audit.path("purpose").asString()).isEqualTo("research");
    assertThat(audit.path("recordCount").asLong()).isEqualTo(15);
    assertThat(audit.path("resource").path("category").asString()).isEqualTo("licence_plate");
  }

  @Test
  void aRecordRuleAggregatesWithoutSuppression() {
    Instant hour = quietHour();
    Arranged rows = arrange(hour);

    JsonNode answer =
        json(get(aggregates("traffic-planning", hour, "geohash"), TestTokens.staff()));

    assertThat(answer.path("minCount").asInt()).isEqualTo(1);
    assertThat(answer.path("suppressed").asInt()).isZero();
    assertThat(answer.path("cells").findValuesAsString("geohash"))
        .containsExactly("dpz83d", "dpz83e");
    assertThat(answer.path("cells").get(1).path("count").asLong()).isEqualTo(3);
    assertThat(answer.path("cells").get(0).has("sensorId")).isFalse();
    assertThat(rowExists(rows.expired())).isTrue();
  }

  @Test
  void withoutGroupingEachBucketIsOneCell() {
    Instant hour = quietHour();
    arrange(hour);

    JsonNode answer = json(get(aggregates("research", hour, null), TestTokens.staff()));

    assertThat(answer.path("cells")).hasSize(1);
    assertThat(answer.path("cells").get(0).path("count").asLong()).isEqualTo(15);
    assertThat(answer.path("groupBy").isNull()).isTrue();
  }

  @Test
  void anAggregateOnlyPurposeNeverYieldsRecords() {
    Instant hour = quietHour();
    Arranged rows = arrange(hour);

    HttpResponse<String> records =
        get(
            "/api/v1/data/readings?category=licence_plate&purpose=research&sensorId=" + rows.busy(),
            TestTokens.staff());

    assertThat(records.statusCode()).isEqualTo(403);
    assertThat(records.body()).doesNotContain(rows.busy());
  }

  @Test
  void aPurposeNoRuleNamesIsForbiddenAndTheDenialAudited() {
    String correlationId = correlationId();

    HttpResponse<String> response =
        get(aggregates("marketing", quietHour(), "sensorId"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).has("cells")).isFalse();
    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("action").asString()).isEqualTo("DATA_AGGREGATE");
    assertThat(audit.path("decision").asString()).isEqualTo("DENY");
    assertThat(audit.path("reason").asString()).isEqualTo("purpose_not_permitted");
  }

  @Test
  void lawEnforcementAggregatesOnlyWithAWarrant() {
    Instant hour = quietHour();
    arrange(hour);

    assertThat(
            get(aggregates("law-enforcement", hour, null), TestTokens.lawEnforcement())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            get(
                    aggregates("law-enforcement", hour, null) + "&warrantRef=W-77",
                    TestTokens.lawEnforcement())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void missingPurposeBadBucketAndBadGroupingAreBadRequests() {
    Instant hour = quietHour();

    HttpResponse<String> noPurpose = get(aggregates(null, hour, null), TestTokens.staff());
    HttpResponse<String> badBucket =
        get(
            aggregates("research", hour, null).replace("bucket=PT1H", "bucket=hourly"),
            TestTokens.staff());
    HttpResponse<String> tinyBucket =
        get(
            aggregates("research", hour, null).replace("bucket=PT1H", "bucket=PT1S"),
            TestTokens.staff());
    HttpResponse<String> badGroup = get(aggregates("research", hour, "plate"), TestTokens.staff());

    assertThat(noPurpose.statusCode()).isEqualTo(400);
    assertThat(json(noPurpose).path("errors").findValuesAsString("field")).contains("purpose");
    assertThat(badBucket.statusCode()).isEqualTo(400);
    assertThat(json(badBucket).path("errors").findValuesAsString("field")).contains("bucket");
    assertThat(tinyBucket.statusCode()).isEqualTo(400);
    assertThat(badGroup.statusCode()).isEqualTo(400);
    assertThat(json(badGroup).path("errors").findValuesAsString("field")).contains("groupBy");
  }

  @Test
  void otherRolesCannotAggregate() {
    assertThat(get(aggregates("research", quietHour(), null), TestTokens.auditor()).statusCode())
        .isEqualTo(403);
    assertThat(get(aggregates("research", quietHour(), null), null).statusCode()).isEqualTo(401);
  }
}
