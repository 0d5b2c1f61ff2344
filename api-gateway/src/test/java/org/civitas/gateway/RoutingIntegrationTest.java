package org.civitas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class RoutingIntegrationTest extends GatewayIntegrationTestSupport {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "POST,   /api/v1/ingest/readings,        ingest-service",
    "GET,    /api/v1/policies/active,        policy-service",
    "PUT,    /api/v1/policies,               policy-service",
    "GET,    /api/v1/data/readings,          policy-service",
    "POST,   /api/v1/data/exports,           policy-service",
    "GET,    /api/v1/sensors,                policy-service",
    "POST,   /api/v1/sensors,                policy-service",
    "DELETE, /api/v1/sensors/cam-king-st-01, policy-service",
    "GET,    /api/v1/public/registry,        policy-service",
    "GET,    /api/v1/legal-holds,            policy-service",
    "DELETE, /api/v1/legal-holds/17,         policy-service",
    "POST,   /api/v1/retention/sweeps,       policy-service",
    "GET,    /api/v1/audit/events,           audit-service",
    "GET,    /api/v1/audit/proofs/inclusion, audit-service",
    "GET,    /api/v1/transparency/report,    audit-service",
    "GET,    /transparency,                  audit-service",
    "GET,    /transparency/assets/app.js,    audit-service"
  })
  void eachPathFamilyReachesTheServiceThatOwnsIt(String method, String path, String service)
      throws Exception {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request(path)
                .header("Authorization", "Bearer " + TestTokens.staff())
                .method(method, BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(GatewayClient.json(response).get("upstream").asString()).isEqualTo(service);
    RecordingUpstream.Received received = Upstreams.named(service).take();
    assertThat(received.method()).isEqualTo(method);
    assertThat(received.path()).isEqualTo(path);
    assertThat(Upstreams.all())
        .filteredOn(upstream -> !upstream.name().equals(service))
        .allMatch(RecordingUpstream::receivedNothing);
  }

  @Test
  void methodPathQueryBodyContentTypeAndAuthorizationPassThroughUnchanged() throws Exception {
    String token = TestTokens.policyAdmin();
    String yaml = "region: CA\ncategories:\n  noise_level:\n    retention: PT24H\n";
    String query =
        "purpose=traffic-planning&from=2026-11-26T10%3A00%3A00%2B01%3A00&groupBy=sensorId"
            + "&groupBy=geohash&note=caf%C3%A9+au+lait&flag";

    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/policies/dry-run?" + query)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml")
                .method("PATCH", BodyPublishers.ofString(yaml)));

    assertThat(response.statusCode()).isEqualTo(200);
    RecordingUpstream.Received received = Upstreams.POLICY.take();
    assertThat(received.method()).isEqualTo("PATCH");
    assertThat(received.path()).isEqualTo("/api/v1/policies/dry-run");
    assertThat(received.rawQuery()).isEqualTo(query);
    assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
    assertThat(received.header("Content-Type")).isEqualTo("application/yaml");
    assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(yaml);
  }

  @Test
  void aBodyOfDeclaredLengthIsForwardedWithItsLengthNotChunked() throws Exception {
    String batch = "{\"readings\":[" + "{\"readingId\":\"r\"},".repeat(2_000) + "{}]}";

    HttpResponse<String> response =
        postAsStaff("/api/v1/ingest/readings", "application/json", batch);

    assertThat(response.statusCode()).isEqualTo(200);
    RecordingUpstream.Received received = Upstreams.INGEST.take();
    assertThat(received.header("Content-Length"))
        .isEqualTo(String.valueOf(batch.getBytes(StandardCharsets.UTF_8).length));
    assertThat(received.header("Transfer-Encoding")).isNull();
    assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(batch);
  }

  @Test
  void aFormBodyTheGatewayReEncodesArrivesWhole() throws Exception {
    String form = "purpose=traffic+planning&note=two+words";

    HttpResponse<String> response =
        postAsStaff("/api/v1/data/exports", "application/x-www-form-urlencoded", form);

    assertThat(response.statusCode()).isEqualTo(200);
    RecordingUpstream.Received received = Upstreams.POLICY.take();
    String body = new String(received.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("purpose=traffic+planning").contains("note=two+words");
    if (received.header("Content-Length") != null) {
      assertThat(received.header("Content-Length"))
          .isEqualTo(String.valueOf(received.body().length));
    }
  }

  private HttpResponse<String> postAsStaff(String path, String contentType, String body)
      throws Exception {
    return gateway.send(
        gateway
            .request(path)
            .header("Authorization", "Bearer " + TestTokens.staff())
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofString(body)));
  }

  @Test
  void serviceAnswersPassThroughUnchanged() throws Exception {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/policies")
                .header("Authorization", "Bearer " + TestTokens.policyAdmin())
                .header(RecordingUpstream.STATUS_HEADER, "422")
                .PUT(BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Upstream")).hasValue("policy-service");
    assertThat(GatewayClient.json(response).get("bytes").asInt()).isEqualTo(2);
    Upstreams.POLICY.take();
  }

  @Test
  void unknownPathsAnswer404Problems() {
    HttpResponse<String> anonymous = gateway.get("/nowhere-to-be-found");
    HttpResponse<String> authenticated =
        gateway.get("/api/v2/nowhere-to-be-found", TestTokens.staff());

    for (HttpResponse<String> response : List.of(anonymous, authenticated)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonNode problem = GatewayClient.json(response);
      assertThat(problem.get("status").asInt()).isEqualTo(404);
      assertThat(problem.get("type").asString())
          .isEqualTo("https://civitas.city/problems/not-found");
      assertThat(problem.get("detail").asString()).doesNotContain("nowhere-to-be-found");
    }
    assertThat(Upstreams.all()).allMatch(RecordingUpstream::receivedNothing);
  }
}
