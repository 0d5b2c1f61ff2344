package org.civitas.policy.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PolicyComplianceIntegrationTest extends PolicyServiceIntegrationTestSupport {

  static String category(String transferTo) {
    return """
        {
          "retention": "P7D",
          "residency": { "storeIn": ["CA"], "transferTo": [%s] },
          "access": [ { "purpose": "traffic-planning", "roles": ["STAFF"], "granularity": "record" } ]
        }
        """
        .formatted(transferTo);
  }

  long versionCount() {
    return json(get("/api/v1/policies/versions", TestTokens.policyAdmin())).path("items").size();
  }

  String status(String sensorId) {
    return json(get("/api/v1/sensors/" + sensorId, TestTokens.staff())).path("status").asString();
  }

  @Test
  void
      aPolicyThatWouldPutActiveSensorsOutOfComplianceIsRefusedUnlessForcedWhichDecommissionsThem() {
    String category = unique("it_cmp");
    publishWithCategory(category, category("\"DE\""));
    String processedInGermany = registerSensor(List.of("DE"), category);
    String processedAtHome = registerSensor(List.of("CA"), category);
    try {
      long before = versionCount();

      HttpResponse<String> refused = publishWithCategory(category, category(""), false);

      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(json(refused).path("errors")).hasSize(1);
      JsonNode error = json(refused).path("errors").get(0);
      assertThat(error.path("code").asString()).isEqualTo("sensor_out_of_compliance");
      assertThat(error.path("field").asString()).isEqualTo("sensors." + processedInGermany);
      assertThat(error.path("message").asString()).contains(processedInGermany).contains(category);
      assertThat(versionCount()).isEqualTo(before);
      assertThat(status(processedInGermany)).isEqualTo("ACTIVE");

      HttpResponse<String> forced = publishWithCategory(category, category(""), true);

      assertThat(forced.statusCode()).isEqualTo(201);
      assertThat(json(forced).path("decommissionedSensors").valueStream().map(JsonNode::asString))
          .containsExactly(processedInGermany);
      assertThat(status(processedInGermany)).isEqualTo("DECOMMISSIONED");
      assertThat(status(processedAtHome)).isEqualTo("ACTIVE");
      JsonNode audit =
          auditEvent(
              event ->
                  "SENSOR_DECOMMISSIONED".equals(event.path("action").stringValue(null))
                      && processedInGermany.equals(
                          event.path("resource").path("sensorId").stringValue(null)));
      assertThat(audit.path("actor").path("subject").asString()).isEqualTo("policy-admin");
    } finally {
      // later tests publish policies without this category
      send("DELETE", "/api/v1/sensors/" + processedInGermany, TestTokens.staff(), null, null);
      send("DELETE", "/api/v1/sensors/" + processedAtHome, TestTokens.staff(), null, null);
    }
  }

  @Test
  void aPolicyWithoutACategoryOfAnActiveSensorIsRefused() {
    String kept = unique("it_cmp_kept");
    String dropped = unique("it_cmp_dropped");
    publishWithCategory(kept, category(""));
    publishWithCategory(dropped, category(""));
    String sensorId = registerSensor(List.of("CA"), kept, dropped);
    JsonNode active = json(get("/api/v1/policies/active", TestTokens.policyAdmin())).path("policy");
    ObjectNode document = (ObjectNode) active.deepCopy();
    ((ObjectNode) document.path("categories")).remove(dropped);
    try {
      HttpResponse<String> refused =
          send(
              "PUT",
              "/api/v1/policies",
              TestTokens.policyAdmin(),
              "application/json",
              document.toString());

      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(json(refused).path("errors").findValuesAsString("field"))
          .containsExactly("sensors." + sensorId);
      assertThat(json(refused).path("errors").get(0).path("message").asString())
          .contains("'" + dropped + "' has no policy");
    } finally {
      send("DELETE", "/api/v1/sensors/" + sensorId, TestTokens.staff(), null, null);
    }
  }
}
