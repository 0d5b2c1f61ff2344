package org.civitas.policy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.civitas.contract.ContractJson;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LegalHoldIntegrationTest extends PolicyServiceIntegrationTestSupport {

  static Map<String, Object> hold(String caseRef) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", "licence_plate");
    body.put("sensorId", "cam-king-st-01");
    body.put("from", "2026-11-20T00:00:00Z");
    body.put("to", "2026-11-21T00:00:00Z");
    body.put("caseRef", caseRef);
    body.put("reason", "Preservation order in a collision investigation");
    return body;
  }

  HttpResponse<String> place(String token, Map<String, Object> body, String correlationId) {
    return send(
        "POST",
        "/api/v1/legal-holds",
        token,
        "application/json",
        ContractJson.mapper().writeValueAsString(body),
        correlationId);
  }

  JsonNode listed(String id) {
    for (JsonNode hold : json(get("/api/v1/legal-holds", TestTokens.staff())).path("items")) {
      if (id.equals(hold.path("id").asString())) {
        return hold;
      }
    }
    throw new AssertionError("hold " + id + " is not listed");
  }

  @Test
  void staffPlaceAHoldThatIsListedAndAuditedThenReleaseItAndItIsKeptAsReleased() {
    String caseRef = "ONSC-" + UUID.randomUUID().toString().substring(0, 8);
    String placing = correlationId();

    HttpResponse<String> placed = place(TestTokens.staff(), hold(caseRef), placing);

    assertThat(placed.statusCode()).isEqualTo(201);
    JsonNode hold = json(placed);
    String id = hold.path("id").asString();
    assertThat(placed.headers().firstValue("Location")).hasValue("/api/v1/legal-holds/" + id);
    assertThat(hold.path("caseRef").asString()).isEqualTo(caseRef);
    assertThat(hold.path("category").asString()).isEqualTo("licence_plate");
    assertThat(hold.path("sensorId").asString()).isEqualTo("cam-king-st-01");
    assertThat(hold.path("from").asString()).isEqualTo("2026-11-20T00:00:00Z");
    assertThat(hold.path("placedBy").asString()).isEqualTo("city-it");
    assertThat(hold.path("placedAt").asString()).isNotBlank();
    assertThat(hold.path("active").asBoolean()).isTrue();
    JsonNode placedEvent = auditEventOf(placing);
    assertThat(placedEvent.path("action").asString()).isEqualTo("LEGAL_HOLD_PLACED");
    assertThat(placedEvent.path("decision").asString()).isEqualTo("PERMIT");
    assertThat(placedEvent.path("actor").path("subject").asString()).isEqualTo("city-it");
    assertThat(placedEvent.path("resource").path("sensorId").asString())
        .isEqualTo("cam-king-st-01");
    assertThat(placedEvent.path("resource").path("from").asString())
        .isEqualTo("2026-11-20T00:00:00Z");
    assertThat(listed(id).path("active").asBoolean()).isTrue();

    String releasing = correlationId();
    HttpResponse<String> released =
        send("DELETE", "/api/v1/legal-holds/" + id, TestTokens.staff(), null, null, releasing);

    assertThat(released.statusCode()).isEqualTo(204);
    assertThat(auditEventOf(releasing).path("action").asString()).isEqualTo("LEGAL_HOLD_RELEASED");
    JsonNode kept = listed(id);
    assertThat(kept.path("active").asBoolean()).isFalse();
    assertThat(kept.path("releasedBy").asString()).isEqualTo("city-it");
    assertThat(kept.path("releasedAt").asString()).isNotBlank();
    assertThat(
            send("DELETE", "/api/v1/legal-holds/" + id, TestTokens.staff(), null, null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void anInvalidHoldIsRefusedWithFieldErrorsAndNothingIsStored() {
    long before = json(get("/api/v1/legal-holds", TestTokens.staff())).path("items").size();
    Map<String, Object> body = hold("x");
    body.put("from", "2026-11-21T00:00:00Z");
    body.put("to", "2026-11-20T00:00:00Z");
    body.remove("caseRef");
    body.put("reason", " ");
    body.put("sensorId", "Cam #7 (north)");

    HttpResponse<String> response = place(TestTokens.staff(), body, correlationId());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("to", "caseRef", "reason", "sensorId");
    assertThat(response.body()).doesNotContain("Cam #7");
    assertThat(json(get("/api/v1/legal-holds", TestTokens.staff())).path("items").size())
        .isEqualTo(before);
  }

  @Test
  void aHoldWithoutTimesIsRefused() {
    Map<String, Object> body = hold("C-1");
    body.remove("from");
    body.put("to", "yesterday");

    HttpResponse<String> response = place(TestTokens.staff(), body, correlationId());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("errors").findValuesAsString("code"))
        .containsExactlyInAnyOrder("required", "invalid_instant");
  }

  @Test
  void onlyStaffManageHolds() {
    assertThat(place(TestTokens.auditor(), hold("C-2"), null).statusCode()).isEqualTo(403);
    assertThat(place(TestTokens.lawEnforcement(), hold("C-2"), null).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/legal-holds", TestTokens.policyAdmin()).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/legal-holds", null).statusCode()).isEqualTo(401);
  }

  @Test
  void releasingAnUnknownHoldIsNotFound() {
    assertThat(
            send(
                    "DELETE",
                    "/api/v1/legal-holds/" + UUID.randomUUID(),
                    TestTokens.staff(),
                    null,
                    null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            send("DELETE", "/api/v1/legal-holds/not-a-uuid", TestTokens.staff(), null, null)
                .statusCode())
        .isEqualTo(404);
  }
}
