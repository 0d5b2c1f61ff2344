package org.civitas.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.audit.merkle.MerkleMath;
import org.civitas.contract.ContractJson;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AuditLogIntegrationTest extends AuditServiceTestBase {

  @Autowired MeterRegistry meters;

  @Test
  void eventPublishedTwiceIsStoredOnce() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    publish(event);
    AuditEvent later = AuditLogFixtures.event(newId());
    publish(later);

    await().until(() -> logged(later.eventId()));

    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where event_id = ?",
                Long.class,
                event.eventId()))
        .isEqualTo(1);
    assertThat(leafIndexOf(later.eventId())).isGreaterThan(leafIndexOf(event.eventId()));
  }

  @Test
  void leafIndexesFollowConsumptionOrderWithoutGaps() {
    String subject = "ordering-" + newId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      AuditEvent event = AuditLogFixtures.event(newId(), subject, "traffic-planning");
      ids.add(event.eventId());
      publish(event);
    }

    await().until(() -> logged(ids.get(ids.size() - 1)));

    List<Long> indexes = ids.stream().map(this::leafIndexOf).toList();
    assertThat(indexes).isSorted().doesNotHaveDuplicates();
    Map<String, Object> shape =
        jdbc.queryForMap(
            "select min(leaf_index) as min, max(leaf_index) as max, count(*) as count,"
                + " (select tree_size from merkle_tree) as size from audit_events");
    assertThat(((Number) shape.get("min")).longValue()).isZero();
    assertThat(((Number) shape.get("max")).longValue() + 1)
        .isEqualTo(((Number) shape.get("count")).longValue());
    assertThat(((Number) shape.get("size")).longValue())
        .isGreaterThanOrEqualTo(((Number) shape.get("count")).longValue());
  }

  @Test
  void malformedRecordsAreDeadLetteredAndLaterEventsStillAppended() {
    String subject = "malformed-" + newId();
    double notJsonBefore = deadLetterCount("not_json");
    byte[] notJson = ("not json " + newId()).getBytes(StandardCharsets.UTF_8);
    byte[] withFloat =
        ("{\"eventId\":\"" + newId() + "\",\"recordCount\":1.5}").getBytes(StandardCharsets.UTF_8);
    byte[] withoutId =
        ("{\"action\":\"DATA_QUERY\",\"marker\":\"" + newId() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    publishRaw(subject, notJson);
    publishRaw(subject, withFloat);
    publishRaw(subject, withoutId);
    AuditEvent good = AuditLogFixtures.event(newId(), subject, "traffic-planning");
    publish(good);

    await().until(() -> logged(good.eventId()));

    assertThat(deadLetterReason(notJson)).isEqualTo("not_json");
    assertThat(deadLetterReason(withFloat)).isEqualTo("floating_point_number");
    assertThat(deadLetterReason(withoutId)).isEqualTo("missing_event_id");
    assertThat(deadLetterCount("not_json")).isGreaterThanOrEqualTo(notJsonBefore + 1);
  }

  @Test
  void eventsWithFactsTheDatabaseCannotIndexAreStillLogged() {
    String subject = "unindexable-" + newId();
    String eventId = newId();
    byte[] event =
        ("{\"eventId\":\""
                + eventId
                + "\",\"action\":\"DATA_QUERY\",\"purpose\":\""
                + "x".repeat(5000)
                + "\",\"actor\":{\"subject\":\"a\\u0000b\",\"roles\":[]}}")
            .getBytes(StandardCharsets.UTF_8);
    publishRaw(subject, event);
    AuditEvent later = AuditLogFixtures.event(newId(), subject, "traffic-planning");
    publish(later);

    await().until(() -> logged(later.eventId()));

    assertThat(logged(eventId)).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select canonical from audit_events where event_id = ?", byte[].class, eventId))
        .isEqualTo(JsonCanonicalizer.canonicalize(event));
  }

  @Test
  void eventsWhoseRolesTogetherAreTooLongToIndexAreStillLogged() {
    String subject = "many-roles-" + newId();
    String eventId = newId();
    // 32 roles of 250 random characters each: every one a valid fact, together far beyond what a
    // btree index entry of the rollups can hold (and random, so PostgreSQL cannot compress them)
    String roles =
        IntStream.range(0, 32)
            .mapToObj(
                i ->
                    "\""
                        + IntStream.range(0, 10)
                            .mapToObj(j -> UUID.randomUUID().toString().substring(0, 25))
                            .collect(Collectors.joining())
                        + "\"")
            .collect(Collectors.joining(","));
    byte[] event =
        ("{\"eventId\":\""
                + eventId
                + "\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"action\":\"DATA_QUERY\","
                + "\"purpose\":\"traffic-planning\",\"actor\":{\"subject\":\"s\",\"roles\":["
                + roles
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    publishRaw(subject, event);
    AuditEvent later = AuditLogFixtures.event(newId(), subject, "traffic-planning");
    publish(later);

    await().atMost(Duration.ofSeconds(60)).until(() -> logged(later.eventId()));

    assertThat(logged(eventId)).isTrue();
  }

  @Test
  void aRecordTheDatabaseKeepsRefusingIsDeadLetteredWithoutStoppingTheLog() {
    jdbc.execute(
        "create or replace function refuse_poison() returns trigger language plpgsql as $$"
            + " begin if new.event_id like 'poison-%' then raise exception 'refused by test';"
            + " end if; return new; end $$");
    jdbc.execute(
        "create trigger refuse_poison before insert on audit_events"
            + " for each row execute function refuse_poison()");
    try {
      String subject = "poisoned-" + newId();
      AuditEvent poison = AuditLogFixtures.event("poison-" + newId(), subject, "p");
      AuditEvent good = AuditLogFixtures.event(newId(), subject, "p");
      publish(poison);
      publish(good);

      await().atMost(Duration.ofSeconds(60)).until(() -> logged(good.eventId()));

      assertThat(logged(poison.eventId())).isFalse();
      assertThat(deadLetterReason(ContractJson.mapper().writeValueAsBytes(poison)))
          .isEqualTo(AuditLog.UNSTORABLE);
    } finally {
      jdbc.execute("drop trigger if exists refuse_poison on audit_events");
      jdbc.execute("drop function if exists refuse_poison()");
    }
  }

  @Test
  void auditorSeesEventsWhoseCanonicalFormHashesToTheLeafHash() {
    String subject = "listed-" + newId();
    AuditEvent first = AuditLogFixtures.event(newId(), subject, "traffic-planning");
    AuditEvent second = AuditLogFixtures.event(newId(), subject, "road-safety");
    publish(first);
    publish(second);
    await().until(() -> logged(second.eventId()));

    HttpResponse<String> response =
        get("/api/v1/audit/events?actor=" + subject, TestTokens.auditor());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("total").asLong()).isEqualTo(2);
    assertThat(body.get("page").asInt()).isZero();
    assertThat(body.get("size").asInt()).isEqualTo(100);
    List<String> eventIds = new ArrayList<>();
    for (JsonNode item : body.get("items")) {
      eventIds.add(item.get("event").get("eventId").asString());
      byte[] canonical = JsonCanonicalizer.canonicalize(item.get("event"));
      assertThat(Base64.getEncoder().encodeToString(MerkleMath.leafHash(canonical)))
          .isEqualTo(item.get("leafHash").asString());
      assertThat(item.get("leafIndex").asLong())
          .isEqualTo(leafIndexOf(eventIds.get(eventIds.size() - 1)));
    }
    assertThat(eventIds).containsExactly(first.eventId(), second.eventId());
    assertThat(JsonCanonicalizer.canonicalize(body.get("items").get(0).get("event")))
        .isEqualTo(JsonCanonicalizer.canonicalize(ContractJson.mapper().writeValueAsBytes(first)));
  }

  @Test
  void listingFiltersByPurposeActionAndTime() {
    String subject = "filtered-" + newId();
    AuditEvent planning = AuditLogFixtures.event(newId(), subject, "traffic-planning");
    AuditEvent safety = AuditLogFixtures.event(newId(), subject, "road-safety");
    publish(planning);
    publish(safety);
    await().until(() -> logged(safety.eventId()));

    JsonNode byPurpose =
        json(
            get(
                "/api/v1/audit/events?actor=" + subject + "&purpose=road-safety&action=DATA_QUERY",
                TestTokens.auditor()));
    JsonNode beforeTheirTime =
        json(
            get(
                "/api/v1/audit/events?actor="
                    + subject
                    + "&to="
                    + URLEncoder.encode("2026-11-26T10:20:01.123Z", StandardCharsets.UTF_8),
                TestTokens.auditor()));
    JsonNode fromTheirTime =
        json(
            get(
                "/api/v1/audit/events?actor="
                    + subject
                    + "&from="
                    + URLEncoder.encode("2026-11-26T11:20:01.123+01:00", StandardCharsets.UTF_8),
                TestTokens.auditor()));

    assertThat(byPurpose.get("total").asLong()).isEqualTo(1);
    assertThat(byPurpose.get("items").get(0).get("event").get("eventId").asString())
        .isEqualTo(safety.eventId());
    assertThat(beforeTheirTime.get("total").asLong()).isZero();
    assertThat(fromTheirTime.get("total").asLong()).isEqualTo(2);
  }

  @Test
  void pagesAreSlicesOfTheSameOrder() {
    String subject = "paged-" + newId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      AuditEvent event = AuditLogFixtures.event(newId(), subject, "traffic-planning");
      ids.add(event.eventId());
      publish(event);
    }
    await().until(() -> logged(ids.get(ids.size() - 1)));

    JsonNode secondPage =
        json(get("/api/v1/audit/events?actor=" + subject + "&page=1&size=2", TestTokens.auditor()));

    assertThat(secondPage.get("total").asLong()).isEqualTo(5);
    assertThat(secondPage.get("items").size()).isEqualTo(2);
    assertThat(secondPage.get("items").get(0).get("event").get("eventId").asString())
        .isEqualTo(ids.get(2));
    assertThat(secondPage.get("items").get(1).get("event").get("eventId").asString())
        .isEqualTo(ids.get(3));
  }

  @Test
  void rangeReturnsLeavesInOrder() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    await().until(() -> logged(event.eventId()));
    long index = leafIndexOf(event.eventId());

    JsonNode body =
        json(
            get(
                "/api/v1/audit/events/range?start=" + index + "&end=" + (index + 1),
                TestTokens.auditor()));

    assertThat(body.get("items").size()).isEqualTo(1);
    JsonNode item = body.get("items").get(0);
    assertThat(item.get("leafIndex").asLong()).isEqualTo(index);
    assertThat(item.get("event").get("eventId").asString()).isEqualTo(event.eventId());

    JsonNode fromZero =
        json(get("/api/v1/audit/events/range?start=0&end=" + (index + 1), TestTokens.auditor()));
    List<Long> indexes = new ArrayList<>();
    fromZero.get("items").forEach(i -> indexes.add(i.get("leafIndex").asLong()));
    assertThat(indexes).hasSize((int) index + 1).isSorted().startsWith(0L).endsWith(index);
  }

  @Test
  void everyAuditorReadIsItselfAuditedAndLogged() {
    HttpResponse<String> response = get("/api/v1/audit/events?size=1", TestTokens.auditor());
    assertThat(response.statusCode()).isEqualTo(200);
    String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();

    await().until(() -> loggedReads(correlationId).size() == 1);
    JsonNode read = loggedReads(correlationId).get(0);
    assertThat(read.get("service").asString()).isEqualTo("audit-service");
    assertThat(read.get("actor").get("roles").get(0).asString()).isEqualTo("AUDITOR");
    assertThat(read.get("decision").asString()).isEqualTo("PERMIT");
  }

  @Test
  void staffMayNotReadTheAuditLog() {
    HttpResponse<String> response = get("/api/v1/audit/events", TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(get("/api/v1/audit/events/range?start=0&end=1", TestTokens.staff()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anonymousCallersMustAuthenticate() {
    assertThat(get("/api/v1/audit/events", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/audit/events/range?start=0&end=1", null).statusCode()).isEqualTo(401);
  }

  @Test
  void invalidParametersAreProblemsNamingTheParameter() {
    HttpResponse<String> badTime = get("/api/v1/audit/events?from=yesterday", TestTokens.auditor());
    HttpResponse<String> badSize = get("/api/v1/audit/events?size=0", TestTokens.auditor());
    HttpResponse<String> badRange =
        get("/api/v1/audit/events/range?start=5&end=2", TestTokens.auditor());
    HttpResponse<String> missing = get("/api/v1/audit/events/range?start=5", TestTokens.auditor());

    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(json(badTime).get("errors").get(0).get("field").asString()).isEqualTo("from");
    assertThat(badTime.body()).doesNotContain("yesterday");
    assertThat(badSize.statusCode()).isEqualTo(400);
    assertThat(json(badSize).get("errors").get(0).get("field").asString()).isEqualTo("size");
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(missing.statusCode()).isEqualTo(400);
  }

  private double deadLetterCount(String reason) {
    return meters.counter(AuditLog.DEAD_LETTERS_METER, "reason", reason).count();
  }

  private String deadLetterReason(byte[] raw) {
    return jdbc.queryForObject(
        "select reason from audit_dead_letters where raw = ?", String.class, (Object) raw);
  }
}
