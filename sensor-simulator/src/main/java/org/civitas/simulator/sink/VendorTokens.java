package org.civitas.simulator.sink;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.civitas.contract.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens per vendor from the token endpoint (client-credentials, {@code
 * client_secret_basic}), reused until 80% of their lifetime has passed and then fetched again.
 */
final class VendorTokens {

  private static final long DEFAULT_LIFETIME_SECONDS = 300;

  private final HttpClient http;
  private final URI tokenUrl;
  private final Map<String, VendorCredentials> credentials;
  private final Clock clock;
  private final Duration timeout;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  VendorTokens(
      HttpClient http,
      URI tokenUrl,
      Map<String, VendorCredentials> credentials,
      Clock clock,
      Duration timeout) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    // a vendor whose client id or secret is left empty is not simulated over HTTP
    this.credentials =
        credentials.entrySet().stream()
            .filter(e -> usable(e.getValue()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    this.clock = clock;
    this.timeout = timeout;
  }

  boolean knows(String vendorId) {
    return vendorId != null && credentials.containsKey(vendorId);
  }

  /**
   * @throws TokenUnavailableException when the token endpoint does not issue one
   */
  String token(String vendorId) {
    Token token = tokens.get(vendorId);
    if (token == null || !clock.instant().isBefore(token.refreshAt)) {
      token = fetch(credentials.get(vendorId));
      tokens.put(vendorId, token);
    }
    return token.value;
  }

  void forget(String vendorId) {
    tokens.remove(vendorId);
  }

  private Token fetch(VendorCredentials client) {
    String form = "grant_type=client_credentials";
    if (client.scope() != null && !client.scope().isBlank()) {
      form += "&scope=" + encode(client.scope());
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (encode(client.clientId()) + ":" + encode(client.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(timeout)
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new TokenUnavailableException(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenUnavailableException("interrupted");
    }
    if (response.statusCode() != 200) {
      throw new TokenUnavailableException("token endpoint answered " + response.statusCode());
    }
    try {
      JsonNode body = ContractJson.mapper().readTree(response.body());
      JsonNode accessToken = body.get("access_token");
      if (accessToken == null || !accessToken.isString()) {
        throw new TokenUnavailableException("token endpoint sent no access_token");
      }
      JsonNode expiresIn = body.get("expires_in");
      long lifetime =
          expiresIn != null && expiresIn.isNumber() && expiresIn.longValue() > 0
              ? expiresIn.longValue()
              : DEFAULT_LIFETIME_SECONDS;
      Instant refreshAt = clock.instant().plusMillis(lifetime * 800);
      return new Token(accessToken.stringValue(), refreshAt);
    } catch (JacksonException e) {
      throw new TokenUnavailableException("token endpoint sent unreadable JSON");
    }
  }

  private static boolean usable(VendorCredentials client) {
    return client != null
        && client.clientId() != null
        && !client.clientId().isBlank()
        && client.clientSecret() != null
        && !client.clientSecret().isBlank();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Token(String value, Instant refreshAt) {}

  /** No token could be had; the message holds a status or exception type only. */
  static final class TokenUnavailableException extends RuntimeException {
    TokenUnavailableException(String message) {
      super(message);
    }
  }
}
