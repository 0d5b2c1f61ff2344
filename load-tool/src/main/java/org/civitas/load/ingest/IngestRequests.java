package org.civitas.load.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.contract.ContractJson;
import org.civitas.load.reading.Body;
import org.civitas.load.run.LoadRun;
import org.civitas.load.run.Outcome;
import org.civitas.load.run.SetupException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One POST of a ready body to the ingest endpoint and what its answer (CONTRACT §4.2) says. Error
 * answers are summarized by status and problem title only; answers never carry reading values, and
 * neither does anything kept here.
 */
final class IngestRequests implements LoadRun.Action<Body> {

  static final String PATH = "/api/v1/ingest/readings";
  private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
  private static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

  private final HttpClient http;
  private final URI endpoint;
  private final ClientCredentials tokens;
  private final Duration timeout;

  IngestRequests(HttpClient http, URI gateway, ClientCredentials tokens, Duration timeout) {
    this.http = http;
    this.endpoint = URI.create(gateway + PATH);
    this.tokens = tokens;
    this.timeout = timeout;
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public Outcome execute(Body body) throws InterruptedException {
    String token;
    try {
      token = tokens.bearer();
    } catch (SetupException e) {
      return Outcome.unanswered("token_error", "no token: " + e.getMessage(), DEFAULT_BACKOFF);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.json()))
            .build();
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return Outcome.unanswered("timeout", "no answer within " + timeout.toSeconds() + " s", null);
    } catch (ConnectException e) {
      return Outcome.unanswered(
          "connect_error", "cannot connect to the gateway", Duration.ofMillis(500));
    } catch (IOException e) {
      return Outcome.unanswered("io_error", e.getClass().getSimpleName(), Duration.ofMillis(100));
    }
    long latency = System.nanoTime() - start;
    return answer(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("Retry-After").orElse(null),
        latency,
        token);
  }

  Outcome answer(int status, byte[] body, String retryAfter, long latency, String token) {
    String code = Integer.toString(status);
    if (status == 200 || status == 202) {
      try {
        JsonNode report = ContractJson.mapper().readTree(body);
        JsonNode rejected = report.get("rejected");
        List<String> codes = new ArrayList<>();
        if (rejected != null && rejected.isArray()) {
          for (JsonNode rejection : rejected) {
            JsonNode errors = rejection.get("errors");
            JsonNode first =
                errors != null && errors.isArray() && !errors.isEmpty() ? errors.get(0) : null;
            JsonNode errorCode = first == null ? null : first.get("code");
            codes.add(
                errorCode != null && errorCode.isString() ? errorCode.stringValue() : "unknown");
          }
        }
        return Outcome.answered(
            code,
            latency,
            count(report, "accepted"),
            count(report, "duplicates"),
            codes.size(),
            codes);
      } catch (JacksonException e) {
        return new Outcome(code, false, latency, 0, 0, 0, null, code + " unreadable report", null);
      }
    }
    if (status == 401) {
      tokens.refused(token);
    }
    Duration pause = null;
    if (status == 429 || status == 503) {
      pause = retryAfter(retryAfter).orElse(DEFAULT_BACKOFF);
    }
    return Outcome.refused(code, latency, code + " " + title(body), pause);
  }

  private static int count(JsonNode report, String field) {
    JsonNode value = report.get(field);
    return value != null && value.canConvertToInt() ? value.intValue() : 0;
  }

  private static String title(byte[] body) {
    try {
      JsonNode title = ContractJson.mapper().readTree(body).get("title");
      if (title != null && title.isString()) {
        String text = title.stringValue();
        return text.length() > 80 ? text.substring(0, 80) : text;
      }
    } catch (JacksonException e) {
      // not a problem+json body; the status says enough
    }
    return "(no problem title)";
  }

  /** Retry-After in seconds (the HTTP-date form is not used by the platform), capped. */
  private static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(header.trim());
      Duration pause = Duration.ofSeconds(Math.max(0, seconds));
      return Optional.of(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
