package org.civitas.cli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.Problem;
import org.civitas.cli.failure.ProblemFailure;
import org.civitas.cli.failure.Unreachable;
import tools.jackson.databind.JsonNode;

/**
 * Sends requests to the platform's gateway. Every error answer becomes a {@link CliFailure} with
 * the right exit code, so commands only handle success.
 */
public final class PlatformClient {

  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final String ACCEPT_JSON = JSON + ", " + PROBLEM_JSON;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
  private static final String CORRELATION_HEADER = "X-Correlation-Id";

  private final HttpClient http;
  private final String baseUrl;
  private final String token;
  private final String userAgent;

  /**
   * @param baseUrl gateway address, e.g. {@code http://localhost:8080}; a trailing slash is ignored
   * @param token bearer token, or null for the public endpoints
   */
  public PlatformClient(HttpClient http, String baseUrl, String token, String userAgent) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
    this.userAgent = userAgent;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public PlatformResponse get(String path, Query query) {
    return get(path, query, ACCEPT_JSON);
  }

  public PlatformResponse get(String path, Query query, String accept) {
    return send(request(path, query, accept).GET());
  }

  public PlatformResponse postJson(String path, JsonNode body) {
    return send(
        request(path, Query.of(), ACCEPT_JSON)
            .header("Content-Type", JSON)
            .POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** A POST without a body, for actions such as running a retention sweep. */
  public PlatformResponse post(String path) {
    return send(request(path, Query.of(), ACCEPT_JSON).POST(BodyPublishers.noBody()));
  }

  public PlatformResponse put(String path, String contentType, byte[] body) {
    return send(
        request(path, Query.of(), ACCEPT_JSON)
            .header("Content-Type", contentType)
            .PUT(BodyPublishers.ofByteArray(body)));
  }

  public PlatformResponse delete(String path) {
    return send(request(path, Query.of(), ACCEPT_JSON).DELETE());
  }

  /**
   * POSTs JSON and hands back the answer as a stream, for large results. The caller closes the
   * stream. Error answers are read whole and thrown as failures like everywhere else.
   */
  public HttpResponse<InputStream> postJsonForStream(String path, JsonNode body, String accept) {
    HttpRequest request =
        request(path, Query.of(), accept)
            .timeout(STREAM_TIMEOUT)
            .header("Content-Type", JSON)
            .POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<InputStream> response = exchange(request, BodyHandlers.ofInputStream());
    if (response.statusCode() >= 300) {
      String errorBody;
      try (InputStream in = response.body()) {
        errorBody = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      } catch (IOException e) {
        errorBody = "";
      }
      throw failure(response.statusCode(), response.headers(), errorBody);
    }
    return response;
  }

  /** Percent-encodes an id used as one path segment, so {@code a/b} cannot change the path. */
  public static String segment(String id) {
    return Query.encode(id);
  }

  private HttpRequest.Builder request(String path, Query query, String accept) {
    URI uri;
    try {
      uri = URI.create(baseUrl + path + query.toQueryString());
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "not a valid platform URL: " + baseUrl);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", accept)
            .header("User-Agent", userAgent);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private PlatformResponse send(HttpRequest.Builder builder) {
    HttpResponse<String> response =
        exchange(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() >= 300) {
      throw failure(response.statusCode(), response.headers(), response.body());
    }
    return new PlatformResponse(response.statusCode(), response.headers(), response.body());
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw Unreachable.of(baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.UNAVAILABLE, "interrupted while waiting for " + baseUrl);
    }
  }

  private static CliFailure failure(int status, HttpHeaders headers, String body) {
    if (status < 400) {
      // Redirects are not followed: the bearer token must only go where the user pointed --url.
      return new CliFailure(
          ExitCodes.UNAVAILABLE,
          "the platform answered " + status + " (redirect); check --url",
          headers.firstValue("Location").map(l -> List.of("  location: " + l)).orElse(List.of()));
    }
    Optional<String> retryAfter =
        status == 429 || status == 503 ? headers.firstValue("Retry-After") : Optional.empty();
    return new ProblemFailure(
        Problem.from(status, body), retryAfter, headers.firstValue(CORRELATION_HEADER));
  }
}
