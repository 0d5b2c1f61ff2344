package org.civitas.policy.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.civitas.contract.Topics;
import org.civitas.policy.document.DefaultPolicy;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PolicyVersionsIntegrationTest extends PolicyServiceIntegrationTestSupport {

  /** The default policy with a comment, so that publishing it changes no rule for other tests. */
  static String republishedDefault(String marker) {
    return DefaultPolicy.text() + "\n# republished by " + marker + "\n";
  }

  HttpResponse<String> put(String token, String contentType, String body) {
    return send("PUT", "/api/v1/policies", token, contentType, body);
  }

  @Test
  void firstStartStoresTheDefaultPolicyAsVersionOneBySystem() {
    HttpResponse<String> response = get("/api/v1/policies/versions/1", TestTokens.auditor());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode version = json(response);
    assertThat(version.path("author").asString()).isEqualTo("system");
    assertThat(version.path("document").asString()).isEqualTo(DefaultPolicy.text());
    assertThat(version.path("contentHash").asString())
        .isEqualTo(ContentHash.of(DefaultPolicy.text()))
        .hasSize(64);
    assertThat(version.path("policy").path("region").asString()).isEqualTo("CA");
  }

  @Test
  void activePolicyIsReadableByStaffAndAuditors() {
    HttpResponse<String> staff = get("/api/v1/policies/active", TestTokens.staff());
    HttpResponse<String> auditor = get("/api/v1/policies/active", TestTokens.auditor());

    assertThat(staff.statusCode()).isEqualTo(200);
    assertThat(auditor.statusCode()).isEqualTo(200);
    assertThat(json(staff).path("active").asBoolean()).isTrue();
    assertThat(json(staff).path("policy").path("categories").has("licence_plate")).isTrue();
  }

  @Test
  void vendorsAndAnonymousCallersCannotReadPolicies() {
    assertThat(get("/api/v1/policies/active", TestTokens.vendor("acme")).statusCode())
        .isEqualTo(403);
    assertThat(get("/api/v1/policies/versions", TestTokens.lawEnforcement()).statusCode())
        .isEqualTo(403);
    assertThat(get("/api/v1/policies/active", null).statusCode()).isEqualTo(401);
  }

  @Test
  void publishingStoresTheNextVersionAuditsAnnouncesAndActivatesIt() {
    String document = republishedDefault("publishing test");

    HttpResponse<String> response = put(TestTokens.policyAdmin(), "application/yaml", document);

    assertThat(response.statusCode()).isEqualTo(201);
    long version = json(response).path("version").asLong();
    assertThat(version).isGreaterThan(1);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/api/v1/policies/versions/" + version);
    assertThat(json(response).path("author").asString()).isEqualTo("policy-admin");

    JsonNode audit =
        value(
            awaitRecord(
                Topics.AUDIT_EVENTS,
                r ->
                    value(r).path("action").asString().equals("POLICY_PUBLISHED")
                        && value(r).path("policyVersion").asLong() == version));
    assertThat(audit.path("actor").path("subject").asString()).isEqualTo("policy-admin");
    assertThat(audit.path("decision").asString()).isEqualTo("PERMIT");

    JsonNode announced =
        value(
            awaitRecord(
                Topics.POLICY_VERSIONS,
                r ->
                    Topics.ACTIVE_POLICY_KEY.equals(r.key())
                        && value(r).path("version").asLong() == version));
    assertThat(announced.path("document").asString()).isEqualTo(document);
    assertThat(announced.path("contentHash").asString()).isEqualTo(ContentHash.of(document));

    JsonNode active = json(get("/api/v1/policies/active", TestTokens.staff()));
    assertThat(active.path("version").asLong()).isGreaterThanOrEqualTo(version);
    JsonNode versions = json(get("/api/v1/policies/versions", TestTokens.policyAdmin()));
    assertThat(versions.path("items").findValuesAsString("author"))
        .contains("system", "policy-admin");
  }

  @Test
  void jsonDocumentsArePublishedToo() {
    String json =
        tools.jackson.databind.json.JsonMapper.shared()
            .writeValueAsString(
                org.civitas.policy.document.PolicyDocumentParser.tree(
                    republishedDefault("json test")));

    HttpResponse<String> response = put(TestTokens.policyAdmin(), "application/json", json);

    assertThat(response.statusCode()).isEqualTo(201);
    long version = json(response).path("version").asLong();
    assertThat(
            json(get("/api/v1/policies/versions/" + version, TestTokens.staff()))
                .path("document")
                .asString())
        .isEqualTo(json);
  }

  @Test
  void invalidPolicyIsRefusedWithFieldErrorsAndNothingIsStored() {
    long before =
        json(get("/api/v1/policies/versions", TestTokens.policyAdmin())).path("items").size();
    String invalid =
        """
        region: CA
        categories:
          licence_plate:
            retention: one day
            residency: { storeIn: [CA] }
        """;

    HttpResponse<String> response = put(TestTokens.policyAdmin(), "text/yaml", invalid);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode error = json(response).path("errors").get(0);
    assertThat(error.path("field").asString()).isEqualTo("categories.licence_plate.retention");
    assertThat(error.path("code").asString()).isEqualTo("invalid_duration");
    assertThat(error.path("message").asString()).isEqualTo("not an ISO-8601 duration");
    assertThat(
            json(get("/api/v1/policies/versions", TestTokens.policyAdmin())).path("items").size())
        .isEqualTo(before);
  }

  @Test
  void onlyPolicyAdminsPublish() {
    assertThat(
            put(TestTokens.staff(), "application/yaml", republishedDefault("staff")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void unsupportedMediaTypeIsRefused() {
    assertThat(put(TestTokens.policyAdmin(), "application/xml", "<policy/>").statusCode())
        .isEqualTo(415);
  }

  @Test
  void unknownVersionIsNotFound() {
    HttpResponse<String> response = get("/api/v1/policies/versions/999999", TestTokens.staff());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("status").asInt()).isEqualTo(404);
  }

  @Test
  void dryRunShowsWhatADraftWouldDoWithoutStoringAnything() {
    String sensorId = registerSensor("licence_plate");
    String plate = "DRY" + java.util.UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    String draft =
        DefaultPolicy.text()
            + """
              bike_count:
                retention: P30D
                residency: { storeIn: [CA] }
                access:
                  - { purpose: mobility-planning, roles: [STAFF], granularity: record }
            """;
    java.util.Map<String, Object> known =
        java.util.Map.of(
            "readingId", java.util.UUID.randomUUID().toString(),
            "sensorId", sensorId,
            "observedAt", java.time.Instant.now().toString(),
            "category", "licence_plate",
            "location", java.util.Map.of("lat", 43.64871, "lon", -79.38172),
            "attributes", java.util.Map.of("plate", plate, "speedKmh", 61.7));
    java.util.Map<String, Object> unknown = new java.util.HashMap<>(known);
    unknown.put("readingId", java.util.UUID.randomUUID().toString());
    unknown.put("sensorId", "nobody-knows-me");
    long versionsBefore =
        json(get("/api/v1/policies/versions", TestTokens.policyAdmin())).path("items").size();

    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/policies/dry-run",
            TestTokens.policyAdmin(),
            "application/json",
            org.civitas.contract.ContractJson.mapper()
                .writeValueAsString(
                    java.util.Map.of(
                        "policy", draft, "readings", java.util.List.of(known, unknown))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(plate);
    JsonNode report = json(response);
    JsonNode governed = report.path("results").get(0);
    assertThat(governed.path("outcome").asString()).isEqualTo("governed");
    assertThat(governed.path("governed").path("attributes").path("plate").asString())
        .startsWith("pz_");
    assertThat(governed.path("governed").path("attributes").path("speedKmh").asDouble())
        .isEqualTo(62.0);
    JsonNode refused = report.path("results").get(1);
    assertThat(refused.path("outcome").asString()).isEqualTo("refused");
    assertThat(refused.path("reason").asString()).isEqualTo("sensor_unknown");
    assertThat(report.path("accessChanges").findValuesAsString("purpose"))
        .containsExactly("mobility-planning");
    assertThat(report.path("accessChanges").get(0).path("change").asString()).isEqualTo("added");
    assertThat(
            json(get("/api/v1/policies/versions", TestTokens.policyAdmin())).path("items").size())
        .isEqualTo(versionsBefore);
  }

  @Test
  void dryRunOfAnInvalidDraftNamesTheFields() {
    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/policies/dry-run",
            TestTokens.policyAdmin(),
            "application/json",
            "{ \"policy\": { \"region\": \"Canada\", \"categories\": {} }, \"readings\": [] }");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("errors").findValuesAsString("field"))
        .contains("policy.region", "policy.categories");
  }

  @Test
  void onlyPolicyAdminsDryRun() {
    assertThat(
            send(
                    "POST",
                    "/api/v1/policies/dry-run",
                    TestTokens.staff(),
                    "application/json",
                    "{ \"policy\": null, \"readings\": [] }")
                .statusCode())
        .isEqualTo(403);
  }
}
