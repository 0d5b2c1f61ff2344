package org.civitas.ingest.reading.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.ingest.IngestIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class IngestEndpointIntegrationTest extends IngestIntegrationTestSupport {

  private String camera;
  private String retired;
  private String meter;

  @BeforeEach
  void registry() {
    camera = sensorId("cam");
    retired = sensorId("cam-retired");
    meter = sensorId("meter");
    SensorRegistration retiredCamera = active(retired, "acme", "licence_plate");
    register(
        active(camera, "acme", "licence_plate", "traffic_count"),
        active(meter, "globex", "energy_usage"),
        retiredCamera);
    register(decommissioned(retiredCamera));
  }

  @Test
  void everyValidationRuleAnswersWithItsCodeAndNeverTheValue() {
    Map<String, ObjectNode> cases = new java.util.LinkedHashMap<>();
    cases.put("readingId:required", with(r -> r.remove("readingId")));
    cases.put("readingId:invalid_uuid", with(r -> r.put("readingId", "not-a-uuid")));
    cases.put("sensorId:sensor_unknown", with(r -> r.put("sensorId", sensorId("ghost"))));
    cases.put("sensorId:sensor_inactive", with(r -> r.put("sensorId", retired)));
    cases.put("sensorId:sensor_not_owned", with(r -> r.put("sensorId", meter)));
    cases.put(
        "observedAt:timestamp_future",
        with(r -> r.put("observedAt", Instant.now().plus(Duration.ofMinutes(10)).toString())));
    cases.put(
        "observedAt:timestamp_stale",
        with(r -> r.put("observedAt", Instant.now().minus(Duration.ofDays(8)).toString())));
    cases.put(
        "observedAt:invalid_timestamp", with(r -> r.put("observedAt", "2026-11-26 10:15:30")));
    cases.put("category:category_not_registered", with(r -> r.put("category", "wifi_presence")));
    cases.put(
        "location:location_invalid",
        with(r -> ((ObjectNode) r.get("location")).put("lon", -181.0)));
    cases.put(
        "attributes:attributes_invalid",
        with(r -> ((ObjectNode) r.get("attributes")).putArray("plates").add("ABCD123")));
    cases.put(
        "reading:reading_too_large",
        with(r -> ((ObjectNode) r.get("attributes")).put("note", "ABCD123".repeat(2400))));
    List<String> expected = List.copyOf(cases.keySet());

    HttpResponse<String> response =
        post(TestTokens.vendor("acme"), JSON, batch(cases.values().toArray(new ObjectNode[0])));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = json(response);
    assertThat(report.get("accepted").intValue()).isZero();
    JsonNode rejected = report.get("rejected");
    assertThat(rejected.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode rejection = rejected.get(i);
      assertThat(rejection.get("index").intValue()).isEqualTo(i);
      JsonNode error = rejection.get("errors").get(0);
      assertThat(error.get("field").stringValue() + ":" + error.get("code").stringValue())
          .isEqualTo(expected.get(i));
      assertThat(error.get("message").stringValue()).isNotBlank();
    }
    assertThat(rejected.get(1).has("readingId")).isFalse();
    assertThat(rejected.get(2).get("readingId").stringValue()).hasSize(36);
    assertThat(response.body()).doesNotContain("ABCD123").doesNotContain("2026-11-26 10:15:30");
  }

  @Test
  void vendorCannotPostForAnotherVendorsSensor() {
    HttpResponse<String> response =
        post(TestTokens.vendor("acme"), JSON, bytes(reading(meter, "energy_usage")));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = json(response);
    assertThat(report.get("accepted").intValue()).isZero();
    assertThat(report.get("rejected").get(0).get("errors").get(0).get("code").stringValue())
        .isEqualTo("sensor_not_owned");
  }

  @Test
  void theOwningVendorIsAccepted() {
    HttpResponse<String> response =
        post(TestTokens.vendor("globex"), JSON, bytes(reading(meter, "energy_usage")));

    assertThat(json(response).get("accepted").intValue()).isEqualTo(1);
  }

  @Test
  void aMixedBatchPublishesOnlyItsValidReadingsToTheRawTopic() {
    ObjectNode good1 = reading(camera, "licence_plate");
    ObjectNode good2 = reading(camera, "traffic_count");
    ObjectNode bad1 = with(r -> r.put("category", "noise_level"));
    ObjectNode bad2 = with(r -> r.put("sensorId", meter));
    ObjectNode good3 = reading(camera, "licence_plate");

    HttpResponse<String> response =
        post(TestTokens.vendor("acme"), JSON, batch(good1, bad1, good2, bad2, good3));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = json(response);
    assertThat(report.get("accepted").intValue()).isEqualTo(3);
    assertThat(report.get("duplicates").intValue()).isZero();
    assertThat(report.get("rejected").findValues("index"))
        .extracting(JsonNode::intValue)
        .containsExactly(1, 3);
    Set<String> good = ids(good1, good2, good3);
    Set<String> bad = ids(bad1, bad2);
    List<ConsumerRecord<String, JsonNode>> raw =
        awaitRaw(records -> idsIn(records).containsAll(good));
    assertThat(idsIn(raw)).doesNotContainAnyElementsOf(bad);
    ConsumerRecord<String, JsonNode> first =
        raw.stream()
            .filter(r -> r.value().get("readingId").stringValue().equals(id(good1)))
            .findFirst()
            .orElseThrow();
    assertThat(first.key()).isEqualTo(camera);
    assertThat(first.value().get("attributes").get("plate").stringValue()).isEqualTo("ABCD123");
    assertThat(first.value().get("observedAt").stringValue())
        .isEqualTo(good1.get("observedAt").stringValue());
  }

  @Test
  void ndjsonWithABrokenLineRejectsOnlyThatLine() {
    ObjectNode good1 = reading(camera, "licence_plate");
    ObjectNode good2 = reading(camera, "licence_plate");
    String body = good1 + "\n{\"readingId\": \"" + "broken\n\n" + good2 + "\n";

    HttpResponse<String> response =
        post(TestTokens.vendor("acme"), NDJSON, body.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = json(response);
    assertThat(report.get("accepted").intValue()).isEqualTo(2);
    JsonNode rejection = report.get("rejected").get(0);
    assertThat(rejection.get("index").intValue()).isEqualTo(1);
    assertThat(rejection.get("errors").get(0).get("code").stringValue())
        .isEqualTo("malformed_json");
    awaitRaw(records -> idsIn(records).containsAll(ids(good1, good2)));
  }

  @Test
  void duplicatesWithinABatchAndOnResendAreCountedNotAccepted() {
    ObjectNode once = reading(camera, "licence_plate");
    ObjectNode other = reading(camera, "licence_plate");

    JsonNode first = json(post(TestTokens.vendor("acme"), JSON, batch(once, other, once)));
    assertThat(first.get("accepted").intValue()).isEqualTo(2);
    assertThat(first.get("duplicates").intValue()).isEqualTo(1);

    ObjectNode fresh = reading(camera, "licence_plate");
    JsonNode resent = json(post(TestTokens.vendor("acme"), JSON, batch(once, other, fresh)));
    assertThat(resent.get("accepted").intValue()).isEqualTo(1);
    assertThat(resent.get("duplicates").intValue()).isEqualTo(2);

    List<ConsumerRecord<String, JsonNode>> raw =
        awaitRaw(records -> idsIn(records).containsAll(ids(once, other, fresh)));
    assertThat(raw.stream().filter(r -> id(r.value()).equals(id(once)))).hasSize(1);
  }

  @Test
  void aSensorRegisteredAfterStartIsAcceptedWithinSecondsAndRejectedOnceDecommissioned() {
    String late = sensorId("late");
    HttpResponse<String> before =
        post(TestTokens.vendor("acme"), JSON, bytes(reading(late, "noise_level")));
    assertThat(json(before).get("rejected").get(0).get("errors").get(0).get("code").stringValue())
        .isEqualTo("sensor_unknown");

    SensorRegistration sensor = active(late, "acme", "noise_level");
    register(sensor);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                json(post(TestTokens.vendor("acme"), JSON, bytes(reading(late, "noise_level"))))
                        .get("accepted")
                        .intValue()
                    == 1);

    register(decommissioned(sensor));
    JsonNode after =
        json(post(TestTokens.vendor("acme"), JSON, bytes(reading(late, "noise_level"))));
    assertThat(after.get("accepted").intValue()).isZero();
    assertThat(after.get("rejected").get(0).get("errors").get(0).get("code").stringValue())
        .isEqualTo("sensor_inactive");
  }

  @Test
  void aBodyThatIsNotJsonIs400ProblemWithoutEchoingIt() {
    HttpResponse<String> response =
        post(
            TestTokens.vendor("acme"),
            JSON,
            "{\"readings\": [ {\"plate\": ABCD123 ".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response);
    assertThat(response.body()).doesNotContain("ABCD123");
  }

  @Test
  void aBodyOver8MiBIs413() {
    byte[] body = new byte[8 * 1024 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';

    HttpResponse<String> response = post(TestTokens.vendor("acme"), JSON, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertProblem(response);
  }

  @Test
  void moreThan5000ReadingsIs413() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= 5000; i++) {
      body.append("{}\n");
    }

    HttpResponse<String> response =
        post(TestTokens.vendor("acme"), NDJSON, body.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(413);
    assertProblem(response);
  }

  @Test
  void otherMediaTypesAre415() {
    byte[] body = bytes(reading(camera, "licence_plate"));
    for (String type : new String[] {"text/plain", "application/xml", null}) {
      HttpResponse<String> response = post(TestTokens.vendor("acme"), type, body);
      assertThat(response.statusCode()).as(String.valueOf(type)).isEqualTo(415);
      assertProblem(response);
    }
  }

  @Test
  void callersWithoutTheVendorRoleAre403() {
    HttpResponse<String> response =
        post(TestTokens.staff(), JSON, bytes(reading(camera, "licence_plate")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertProblem(response);
  }

  @Test
  void callersWithoutAValidTokenAre401() {
    byte[] body = bytes(reading(camera, "licence_plate"));

    assertThat(post(null, JSON, body).statusCode()).isEqualTo(401);
    assertThat(post(TestTokens.expired("vendor-acme", "VENDOR"), JSON, body).statusCode())
        .isEqualTo(401);
    assertThat(post("not-a-jwt", JSON, body).statusCode()).isEqualTo(401);
  }

  @Test
  void readinessReportsTheLoadedRegistry() {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").stringValue()).isEqualTo("UP");
  }

  private ObjectNode with(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode reading = reading(camera, "licence_plate");
    change.accept(reading);
    return reading;
  }

  private static void assertProblem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("status").intValue()).isEqualTo(response.statusCode());
    assertThat(problem.has("title")).isTrue();
    assertThat(problem.has("detail")).isTrue();
  }

  static String id(JsonNode reading) {
    return reading.get("readingId").stringValue();
  }

  static Set<String> ids(JsonNode... readings) {
    return java.util.Arrays.stream(readings).map(r -> id(r)).collect(Collectors.toSet());
  }

  static Set<String> idsIn(List<ConsumerRecord<String, JsonNode>> records) {
    return records.stream().map(r -> id(r.value())).collect(Collectors.toSet());
  }
}
