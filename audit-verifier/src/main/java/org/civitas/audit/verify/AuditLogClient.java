package org.civitas.audit.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The few audit endpoints a verifier calls, over plain JDK HTTP. */
final class AuditLogClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final String baseUrl;
  private final String token;

  AuditLogClient(String baseUrl, String token) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
  }

  JsonNode treeHead() throws VerificationFailed {
    return get("/api/v1/audit/tree-head", false);
  }

  JsonNode publicKey() throws VerificationFailed {
    return get("/api/v1/audit/public-key", false);
  }

  JsonNode range(long start, long end) throws VerificationFailed {
    return get("/api/v1/audit/events/range?start=" + start + "&end=" + end, true);
  }

  List<byte[]> consistency(long first, long second) throws VerificationFailed {
    JsonNode body =
        get("/api/v1/audit/proofs/consistency?first=" + first + "&second=" + second, true);
    List<byte[]> proof = new ArrayList<>();
    for (JsonNode hash : body.path("proof")) {
      try {
        proof.add(Base64.getDecoder().decode(hash.asString()));
      } catch (IllegalArgumentException e) {
        throw new VerificationFailed("the consistency proof holds a hash that is not base64");
      }
    }
    return proof;
  }

  private JsonNode get(String path, boolean authenticated) throws VerificationFailed {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .GET();
    if (authenticated) {
      if (token == null || token.isBlank()) {
        throw new VerificationFailed(
            "an AUDITOR bearer token is needed to read events and proofs: pass --token");
      }
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new VerificationFailed(
          "could not reach " + baseUrl + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationFailed("interrupted while calling " + baseUrl, e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new VerificationFailed(
          "GET "
              + path
              + " was refused ("
              + response.statusCode()
              + "): the token must be a valid AUDITOR token");
    }
    if (response.statusCode() != 200) {
      String detail = "";
      try {
        JsonNode problem = Documents.JSON.readTree(response.body());
        detail =
            ": " + problem.path("title").asString("") + " " + problem.path("detail").asString("");
      } catch (RuntimeException e) {
        // Not a problem document; the status says enough.
      }
      throw new VerificationFailed(
          "GET " + path + " answered " + response.statusCode() + detail.stripTrailing());
    }
    return Documents.parse(response.body(), "the answer to GET " + path);
  }
}
