package org.civitas.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.civitas.contract.ContractJson;
import org.civitas.standalone.PlatformSettings;
import tools.jackson.databind.JsonNode;

/** HTTP through the gateway as the demo clients, the way vendors, staff and auditors call it. */
final class Gateway {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  private final PlatformSettings settings;

  Gateway(PlatformSettings settings) {
    this.settings = settings;
  }

  String baseUrl() {
    return settings.gatewayUrl();
  }

  /** A client-credentials token of one of the demo clients (secret {@code <client>-secret}). */
  String token(String clientId) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.issuerUri() + "/oauth2/token"))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    Answer answer = send(request);
    if (answer.status() != 200) {
      throw new IllegalStateException("token request for " + clientId + " answered " + answer);
    }
    return answer.json().get("access_token").asString();
  }

  Answer get(String path, String token, Map<String, String> query, String correlationId) {
    String queryString =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(baseUrl() + path + (queryString.isEmpty() ? "" : "?" + queryString)))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (correlationId != null) {
      request.header("X-Correlation-Id", correlationId);
    }
    return send(request.build());
  }

  Answer postJson(String path, String token, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return send(request);
  }

  /** Sends; a connection failure or timeout is an answer with status 0, as a client sees it. */
  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "interrupted");
    }
  }

  record Answer(int status, String body) {
    JsonNode json() {
      return ContractJson.mapper().readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }
}
