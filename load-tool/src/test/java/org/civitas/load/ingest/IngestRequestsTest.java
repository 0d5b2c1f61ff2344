package org.civitas.load.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.civitas.load.run.Outcome;
import org.junit.jupiter.api.Test;

class IngestRequestsTest {

  private final IngestRequests requests =
      new IngestRequests(
          HttpClient.newHttpClient(),
          URI.create("http://localhost:8080"),
          new ClientCredentials(
              HttpClient.newHttpClient(),
              URI.create("http://localhost:9000/oauth2/token"),
              "vendor-acme",
              "secret",
              null,
              Clock.systemUTC()),
          Duration.ofSeconds(30));

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void postsToTheContractPath() {
    assertThat(requests.endpoint()).hasToString("http://localhost:8080/api/v1/ingest/readings");
  }

  @Test
  void acceptedReportIsCountedWithTheCodesOfRejectedReadings() {
    Outcome outcome =
        requests.answer(
            202,
            json(
                """
                { "accepted": 497, "duplicates": 1, "rejected": [
                  { "index": 3, "readingId": "8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01",
                    "errors": [ { "field": "sensorId", "code": "sensor_not_owned", "message": "m" } ] },
                  { "index": 9, "errors": [ { "field": "observedAt", "code": "timestamp_stale", "message": "m" },
                                            { "field": "category", "code": "category_not_registered", "message": "m" } ] }
                ] }
                """),
            null,
            1_000_000,
            "t");

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.status()).isEqualTo("202");
    assertThat(outcome.accepted()).isEqualTo(497);
    assertThat(outcome.duplicates()).isEqualTo(1);
    assertThat(outcome.rejected()).isEqualTo(2);
    assertThat(outcome.rejectionCodes()).containsExactly("sensor_not_owned", "timestamp_stale");
  }

  @Test
  void rateLimitedAnswerPausesForItsRetryAfter() {
    Outcome outcome =
        requests.answer(
            429, json("{ \"title\": \"Too many requests\", \"status\": 429 }"), "2", 5, "t");

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.problem()).isEqualTo("429 Too many requests");
    assertThat(outcome.pause()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void unavailableAnswerWithoutRetryAfterStillBacksOffButNeverLongerThanFiveSeconds() {
    assertThat(requests.answer(503, json("{}"), null, 5, "t").pause())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(requests.answer(503, json("{}"), "3600", 5, "t").pause())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void errorWithoutProblemBodyIsSummarizedByStatus() {
    Outcome outcome = requests.answer(502, json("<html>bad gateway</html>"), null, 5, "t");

    assertThat(outcome.problem()).isEqualTo("502 (no problem title)");
    assertThat(outcome.pause()).isZero();
  }

  @Test
  void vendorIdIsReadFromTheTokenClaims() {
    String claims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"sub\":\"vendor-acme\",\"vendor_id\":\"acme\",\"roles\":[\"VENDOR\"]}"
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(ClientCredentials.vendorId("eyJhbGciOiJSUzI1NiJ9." + claims + ".sig"))
        .contains("acme");
    assertThat(ClientCredentials.vendorId("opaque-token")).isEmpty();
  }
}
