package org.civitas.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ingest mode end to end against a loopback stand-in for the gateway and auth-server. */
class IngestLoadIntegrationTest {

  @Test
  void autoSensorsArePostedAsFreshValidReadingsWithRenewedTokens() throws Exception {
    try (StubPlatform platform = new StubPlatform()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int status =
          LoadTool.run(
              new String[] {
                "ingest",
                "--gateway=" + platform.url(),
                "--token-url=" + platform.url() + "/oauth2/token",
                "--client-id=" + StubPlatform.CLIENT_ID,
                "--sensors=auto",
                "--batch=200",
                "--concurrency=4",
                "--duration=2s",
                "--warmup=0s",
                "--progress=1s",
                "--json"
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of("CIVITAS_CLIENT_SECRET", StubPlatform.CLIENT_SECRET));

      String diagnostics = err.toString(StandardCharsets.UTF_8);
      assertThat(status).as(diagnostics).isEqualTo(LoadTool.OK);
      JsonNode summary = ContractJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
      long requests = summary.get("requests").longValue();
      assertThat(summary.get("mode").stringValue()).isEqualTo("ingest");
      assertThat(summary.get("accepted").longValue())
          .isPositive()
          .isEqualTo(platform.accepted.get())
          .isEqualTo(summary.get("readingsSent").longValue())
          .isEqualTo(requests * 200);
      assertThat(summary.get("duplicates").longValue()).isZero();
      assertThat(summary.get("rejected").longValue()).isZero();
      assertThat(platform.refused.get()).isZero();
      assertThat(summary.get("statusCounts").get("202").longValue()).isEqualTo(requests);
      assertThat(summary.get("statusCounts").size()).isEqualTo(1);
      assertThat(summary.get("latencyMillis").get("count").longValue()).isEqualTo(requests);
      assertThat(summary.get("latencyMillis").get("p99").doubleValue()).isPositive();
      assertThat(summary.get("acceptedPerSecond").doubleValue()).isPositive();
      assertThat(summary.get("bytesSent").longValue()).isGreaterThan(requests * 200 * 100);
      assertThat(platform.sensorsPosted).containsExactlyInAnyOrder("cam-01", "aq-01");
      // one-second tokens over a two-second run: renewed, and never used past expiry
      assertThat(platform.tokensIssued.get()).isGreaterThanOrEqualTo(2);
      assertThat(diagnostics).contains("ingest: 2 sensor(s)").contains("measuring");
      assertThat(diagnostics).contains("readings accepted/s");
    }
  }

  @Test
  void wrongSecretStopsTheRunBeforeAnyLoad() throws Exception {
    try (StubPlatform platform = new StubPlatform()) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int status =
          LoadTool.run(
              new String[] {
                "ingest",
                "--gateway=" + platform.url(),
                "--token-url=" + platform.url() + "/oauth2/token",
                "--client-secret=wrong"
              },
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of());

      assertThat(status).isEqualTo(LoadTool.FAILED);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("answered 401 (invalid_client); check --client-id and --client-secret")
          .doesNotContain("wrong");
      assertThat(platform.accepted.get()).isZero();
    }
  }
}
