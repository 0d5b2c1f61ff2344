package org.civitas.standalone;

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
import tools.jackson.databind.JsonNode;

/** Talks to a running platform the way a client would: tokens from auth-server, calls via HTTP. */
final class PlatformClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PlatformSettings settings;

  PlatformClient(PlatformSettings settings) {
    this.settings = settings;
  }

  /** A client-credentials token for one of the demo clients. */
  String token(String clientId) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.issuerUri() + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    Response response = send(request);
    if (response.status() != 200) {
      throw new IllegalStateException("token request for " + clientId + " failed: " + response);
    }
    return response.json().get("access_token").asString();
  }

  Response get(String path, String token, Map<String, String> query) {
    String queryString =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    settings.gatewayUrl()
                        + path
                        + (queryString.isEmpty() ? "" : "?" + queryString)))
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  Response post(String path, String token, Object body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    ContractJson.mapper().writeValueAsBytes(body)))
            .build();
    return send(request);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException("request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      return ContractJson.mapper().readTree(body);
    }
  }
}
