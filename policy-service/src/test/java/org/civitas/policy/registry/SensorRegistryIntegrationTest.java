package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.Decision;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.testsupport.TestInfrastructure;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SensorRegistryIntegrationTest extends RegistryIntegrationTestSupport {

  @Autowired SensorDirectory directory;

  @Test
  void staffRegistersASensorThatIsPublishedAuditedAndKnownToMinimization() {
    String sensorId = newSensorId();

    HttpResponse<String> response =
        post("/api/v1/sensors", TestTokens.staff(), sensorBody(sensorId));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/sensors/" + sensorId);
    JsonNode body = json(response);
    assertThat(body.get("sensorId").asString()).isEqualTo(sensorId);
    assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(body.get("registeredAt").isNull()).isFalse();

    SensorRegistration published = registrationOnTopic(sensorId);
    assertThat(published.status()).isEqualTo(Status.ACTIVE);
    assertThat(published.vendorId()).isEqualTo("acme");
    assertThat(published.categories()).containsExactly("licence_plate");
    assertThat(published.processingLocations()).containsExactly("CA");

    AuditEvent audited = auditEvent(AuditAction.SENSOR_REGISTERED, sensorId);
    assertThat(audited.actor().subject()).isEqualTo("city-it");
    assertThat(audited.actor().roles()).containsExactly("STAFF");
    assertThat(audited.service()).isEqualTo("policy-service");

    assertThat(directory.find(sensorId)).hasValueSatisfying(s -> assertThat(s.isActive()).isTrue());
    HttpResponse<String> fetched = get("/api/v1/sensors/" + sensorId, TestTokens.staff());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(json(fetched).get("legalBasis").asString()).startsWith("City of Toronto Act");
  }

  @Test
  void registeringATakenSensorIdIsAConflict() {
    String sensorId = registered(newSensorId());

    Map<String, Object> again = sensorBody(sensorId);
    again.put("vendorId", "globex");
    HttpResponse<String> response = post("/api/v1/sensors", TestTokens.staff(), again);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).get("status").asInt()).isEqualTo(409);
    assertThat(
            json(get("/api/v1/sensors/" + sensorId, TestTokens.staff())).get("vendorId").asString())
        .isEqualTo("acme");
  }

  @Test
  void invalidRegistrationIsRejectedWithFieldErrorsThatDoNotEchoValues() {
    String sensorId = newSensorId();
    Map<String, Object> body = sensorBody(sensorId);
    body.remove("vendorId");
    body.put("categories", List.of("licence_plate", "face_geometry_secret"));
    body.put("location", Map.of("lat", 123.4567, "lon", -79.38));
    body.put("processingLocations", List.of("Canada"));
    body.put("legalBasis", " ");

    HttpResponse<String> response = post("/api/v1/sensors", TestTokens.staff(), body);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("type").asString()).isNotBlank();
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(errors(problem))
        .containsExactlyInAnyOrder(
            "vendorId:required",
            "categories[1]:category_unknown",
            "location.lat:location_invalid",
            "processingLocations[0]:invalid_format",
            "legalBasis:required");
    assertThat(response.body()).doesNotContain("face_geometry_secret", "123.4567", "Canada");
    assertThat(get("/api/v1/sensors/" + sensorId, TestTokens.staff()).statusCode()).isEqualTo(404);
  }

  @Test
  void vendorProcessingOutsideThePolicysResidencyIsRefusedAndRecorded() {
    String sensorId = newSensorId();
    Map<String, Object> body = sensorBody(sensorId);
    body.put("processingLocations", List.of("CA", "BR"));

    HttpResponse<String> response = post("/api/v1/sensors", TestTokens.staff(), body);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(errors(json(response)))
        .containsExactly("processingLocations[1]:residency_not_permitted");
    assertThat(get("/api/v1/sensors/" + sensorId, TestTokens.staff()).statusCode()).isEqualTo(404);
    AuditEvent blocked = auditEvent(AuditAction.RESIDENCY_BLOCKED, sensorId);
    assertThat(blocked.decision()).isEqualTo(Decision.DENY);
    assertThat(blocked.resource().category()).isEqualTo("licence_plate");
    assertThat(blocked.policyVersion()).isNotNull();
  }

  @Test
  void sensorIdsMustBeShortSafeTokens() {
    Map<String, Object> body = sensorBody("cam king/st 01");

    HttpResponse<String> response = post("/api/v1/sensors", TestTokens.staff(), body);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(errors(json(response))).containsExactly("sensorId:invalid_format");

    body.put("sensorId", "x".repeat(65));
    assertThat(errors(json(post("/api/v1/sensors", TestTokens.staff(), body))))
        .containsExactly("sensorId:invalid_format");
  }

  @Test
  void decommissionedSensorIsDecommissionedInTheTableOnTheTopicAndInTheDirectory() {
    String sensorId = registered(newSensorId());

    HttpResponse<String> response = delete("/api/v1/sensors/" + sensorId, TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(204);
    JsonNode stored = json(get("/api/v1/sensors/" + sensorId, TestTokens.staff()));
    assertThat(stored.get("status").asString()).isEqualTo("DECOMMISSIONED");
    assertThat(stored.get("decommissionedAt").isNull()).isFalse();
    SensorRegistration published =
        awaitRecord(Topics.REGISTRY_SENSORS, record -> isDecommissioned(record, sensorId))
            .value()
            .transform(value -> ContractJson.mapper().readValue(value, SensorRegistration.class));
    assertThat(published.decommissionedAt()).isNotNull();
    assertThat(directory.find(sensorId))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Status.DECOMMISSIONED));
    AuditEvent audited = auditEvent(AuditAction.SENSOR_DECOMMISSIONED, sensorId);
    assertThat(audited.actor().subject()).isEqualTo("city-it");
  }

  @Test
  void decommissioningTwiceChangesNothing() {
    String sensorId = registered(newSensorId());
    assertThat(delete("/api/v1/sensors/" + sensorId, TestTokens.staff()).statusCode())
        .isEqualTo(204);
    String firstDecommissionedAt =
        json(get("/api/v1/sensors/" + sensorId, TestTokens.staff()))
            .get("decommissionedAt")
            .asString();

    HttpResponse<String> again = delete("/api/v1/sensors/" + sensorId, TestTokens.staff());

    assertThat(again.statusCode()).isEqualTo(204);
    JsonNode stored = json(get("/api/v1/sensors/" + sensorId, TestTokens.staff()));
    assertThat(stored.get("status").asString()).isEqualTo("DECOMMISSIONED");
    assertThat(stored.get("decommissionedAt").asString()).isEqualTo(firstDecommissionedAt);
  }

  @Test
  void unknownSensorsAreNotFound() {
    HttpResponse<String> fetched = get("/api/v1/sensors/" + newSensorId(), TestTokens.staff());
    HttpResponse<String> decommissioned =
        delete("/api/v1/sensors/" + newSensorId(), TestTokens.staff());

    assertThat(fetched.statusCode()).isEqualTo(404);
    assertThat(json(fetched).get("status").asInt()).isEqualTo(404);
    assertThat(fetched.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(decommissioned.statusCode()).isEqualTo(404);
  }

  @Test
  void listShowsEverySensorAndFiltersByStatus() {
    String active = registered(newSensorId());
    String retired = registered(newSensorId());
    delete("/api/v1/sensors/" + retired, TestTokens.staff());

    List<String> all = ids(get("/api/v1/sensors", TestTokens.staff()));
    List<String> decommissioned =
        ids(get("/api/v1/sensors?status=DECOMMISSIONED", TestTokens.staff()));

    assertThat(all).contains(active, retired);
    assertThat(decommissioned).contains(retired).doesNotContain(active);
  }

  @Test
  void auditorsAndPolicyAdminsMayReadTheRegistryButNotChangeIt() {
    String sensorId = registered(newSensorId());

    assertThat(get("/api/v1/sensors", TestTokens.auditor()).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/sensors/" + sensorId, TestTokens.policyAdmin()).statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/v1/sensors", TestTokens.auditor(), sensorBody(newSensorId())).statusCode())
        .isEqualTo(403);
    assertThat(delete("/api/v1/sensors/" + sensorId, TestTokens.policyAdmin()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void vendorsCannotUseTheRegistryApi() {
    String vendor = TestTokens.vendor("acme");

    HttpResponse<String> listed = get("/api/v1/sensors", vendor);
    HttpResponse<String> registered = post("/api/v1/sensors", vendor, sensorBody(newSensorId()));

    assertThat(listed.statusCode()).isEqualTo(403);
    assertThat(registered.statusCode()).isEqualTo(403);
    assertThat(json(registered).get("status").asInt()).isEqualTo(403);
  }

  @Test
  void requestsWithoutTokenAreUnauthorized() {
    String sensorId = newSensorId();

    assertThat(get("/api/v1/sensors", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/sensors", null, sensorBody(sensorId)).statusCode()).isEqualTo(401);
    assertThat(delete("/api/v1/sensors/cam-king-st-01", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/sensors/" + sensorId, TestTokens.staff()).statusCode()).isEqualTo(404);
  }

  @Test
  void nothingIsRegisteredWhileTheAuditLogCannotRecordIt() {
    String sensorId = newSensorId();
    TestInfrastructure.shared().stopKafka();
    HttpResponse<String> response;
    try {
      response = post("/api/v1/sensors", TestTokens.staff(), sensorBody(sensorId));
    } finally {
      TestInfrastructure.shared().startKafka();
    }

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(get("/api/v1/sensors/" + sensorId, TestTokens.staff()).statusCode()).isEqualTo(404);
    assertThat(directory.find(sensorId)).isEmpty();
    // Kafka is back: the same registration now goes through.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> post("/api/v1/sensors", TestTokens.staff(), sensorBody(sensorId)).statusCode(),
            status -> status == 201 || status == 409);
    assertThat(registrationOnTopic(sensorId).status()).isEqualTo(Status.ACTIVE);
  }

  static SensorRegistration registrationOnTopic(String sensorId) {
    ConsumerRecord<String, String> record =
        awaitRecord(Topics.REGISTRY_SENSORS, r -> sensorId.equals(r.key()));
    return ContractJson.mapper().readValue(record.value(), SensorRegistration.class);
  }

  static AuditEvent auditEvent(AuditAction action, String sensorId) {
    ConsumerRecord<String, String> record =
        awaitRecord(
            Topics.AUDIT_EVENTS,
            r -> {
              AuditEvent event = ContractJson.mapper().readValue(r.value(), AuditEvent.class);
              return event.action() == action
                  && event.resource() != null
                  && sensorId.equals(event.resource().sensorId());
            });
    return ContractJson.mapper().readValue(record.value(), AuditEvent.class);
  }

  private static boolean isDecommissioned(ConsumerRecord<String, String> record, String sensorId) {
    return sensorId.equals(record.key())
        && ContractJson.mapper().readValue(record.value(), SensorRegistration.class).status()
            == Status.DECOMMISSIONED;
  }

  private static List<String> errors(JsonNode problem) {
    return problem
        .get("errors")
        .valueStream()
        .map(error -> error.get("field").asString() + ":" + error.get("code").asString())
        .toList();
  }

  private static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).valueStream().map(sensor -> sensor.get("sensorId").asString()).toList();
  }
}
