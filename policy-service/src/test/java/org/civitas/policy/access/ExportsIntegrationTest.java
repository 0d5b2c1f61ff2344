package org.civitas.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.policy.support.PolicyServiceIntegrationTestSupport;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExportsIntegrationTest extends PolicyServiceIntegrationTestSupport {

  private static String exportable;

  /** A category of its own whose data may go to the US, published once for the class. */
  synchronized String exportable() {
    if (exportable == null) {
      String category = unique("it_export");
      publishWithCategory(
          category,
          """
          {
            "retention": "P30D",
            "residency": { "storeIn": ["CA"], "transferTo": ["US"] },
            "minimization": { "attributes": { "count": "keep" } },
            "access": [
              { "purpose": "open-data", "roles": ["STAFF"], "granularity": "record" },
              { "purpose": "research", "roles": ["STAFF"], "granularity": "aggregate",
                "minCount": 10 }
            ]
          }
          """);
      exportable = category;
    }
    return exportable;
  }

  static Map<String, Object> export(
      String category, Instant from, String purpose, String destinationCountry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", category);
    body.put("from", from.toString());
    body.put("to", from.plus(Duration.ofHours(1)).toString());
    body.put("purpose", purpose);
    body.put("destinationCountry", destinationCountry);
    return body;
  }

  HttpResponse<String> post(Map<String, Object> body, String token, String correlationId) {
    return send(
        "POST",
        "/api/v1/data/exports",
        token,
        "application/json",
        ContractJson.mapper().writeValueAsString(body),
        correlationId);
  }

  static Instant hourAgo(int hours) {
    return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours));
  }

  @Test
  void aPermittedExportStreamsLiveReadingsAsNdjsonAfterTheCountIsAudited() {
    String category = exportable();
    Instant from = hourAgo(5);
    Instant live = clock.instant().plus(Duration.ofDays(3));
    String second = storeRow(category, "exp-1", from.plusSeconds(20), live, "dpz83d", "{}");
    String first =
        storeRow(category, "exp-1", from.plusSeconds(10), live, "dpz83d", "{\"count\": 4}");
    String third = storeRow(category, "exp-2", from.plusSeconds(30), live, null, "{}");
    String expired =
        storeRow(
            category, "exp-2", from.plusSeconds(40), clock.instant().minusSeconds(1), null, "{}");
    storeRow(category, "exp-2", from.plus(Duration.ofHours(2)), live, null, "{}");
    String correlationId = correlationId();

    HttpResponse<String> response =
        post(export(category, from, "open-data", "US"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
    assertThat(response.headers().firstValue("X-Civitas-Record-Count")).hasValue("3");
    List<JsonNode> lines =
        Arrays.stream(response.body().split("\n"))
            .filter(line -> !line.isBlank())
            .map(line -> ContractJson.mapper().readTree(line))
            .toList();
    assertThat(lines)
        .extracting(line -> line.path("readingId").asString())
        .containsExactly(first, second, third)
        .doesNotContain(expired);
    assertThat(lines.get(0).path("attributes").path("count").asInt()).isEqualTo(4);
    assertThat(lines.get(0).path("location").path("geohash").asString()).isEqualTo("dpz83d");
    assertThat(lines.get(0).path("category").asString()).isEqualTo(category);

    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("action").asString()).isEqualTo("DATA_EXPORT");
    assertThat(audit.path("decision").asString()).isEqualTo("PERMIT");
    assertThat(audit.path("recordCount").asLong()).isEqualTo(3);
    assertThat(audit.path("purpose").asString()).isEqualTo("open-data");
    assertThat(audit.path("resource").path("category").asString()).isEqualTo(category);
    assertThat(audit.path("resource").path("destinationCountry").asString()).isEqualTo("US");
  }

  @Test
  void anExportToACountryOutsideTransferToIsForbiddenAndTheDenialAudited() {
    String category = exportable();
    Instant from = hourAgo(6);
    String row =
        storeRow(
            category, "exp-3", from.plusSeconds(1), clock.instant().plusSeconds(3600), null, "{}");
    String correlationId = correlationId();

    HttpResponse<String> response =
        post(export(category, from, "open-data", "DE"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("reason").asString())
        .isEqualTo("residency_transfer_not_permitted");
    assertThat(response.body()).doesNotContain(row);
    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("action").asString()).isEqualTo("DATA_EXPORT");
    assertThat(audit.path("decision").asString()).isEqualTo("DENY");
    assertThat(audit.path("reason").asString()).isEqualTo("residency_transfer_not_permitted");
    assertThat(audit.path("resource").path("destinationCountry").asString()).isEqualTo("DE");
  }

  @Test
  void theHomeCountryIsADestinationOnlyWhenTransferToNamesIt() {
    HttpResponse<String> response =
        post(
            export("licence_plate", hourAgo(2), "traffic-planning", "CA"),
            TestTokens.staff(),
            correlationId());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).path("reason").asString())
        .isEqualTo("residency_transfer_not_permitted");
  }

  @Test
  void anAggregateOnlyPurposeCannotExportRecords() {
    String correlationId = correlationId();

    HttpResponse<String> response =
        post(export(exportable(), hourAgo(2), "research", "US"), TestTokens.staff(), correlationId);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode audit = auditEventOf(correlationId);
    assertThat(audit.path("reason").asString()).isEqualTo("aggregate_only");
    // denied by the access rule before residency was looked at: still counted by destination
    assertThat(audit.path("resource").path("destinationCountry").asString()).isEqualTo("US");
  }

  @Test
  void missingPurposeAndDestinationAreBadRequests() {
    Map<String, Object> body = export(exportable(), hourAgo(2), "open-data", "US");
    body.remove("purpose");
    body.put("destinationCountry", "Germany");

    HttpResponse<String> response = post(body, TestTokens.staff(), null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("purpose", "destinationCountry");
    assertThat(response.body()).doesNotContain("Germany");
  }

  @Test
  void otherRolesCannotExport() {
    Map<String, Object> body = export(exportable(), hourAgo(2), "open-data", "US");

    assertThat(post(body, TestTokens.auditor(), null).statusCode()).isEqualTo(403);
    assertThat(post(body, TestTokens.policyAdmin(), null).statusCode()).isEqualTo(403);
    assertThat(post(body, null, null).statusCode()).isEqualTo(401);
  }
}
