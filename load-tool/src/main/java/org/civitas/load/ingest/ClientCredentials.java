package org.civitas.load.ingest;

import java.io.IOException;
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
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Roles;
import org.civitas.load.run.SetupException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens from an OAuth2 token endpoint by the client-credentials grant
 * (client_secret_basic), renewed ahead of expiry by whichever worker first notices, while the
 * others keep using the still-valid token. Never prints the secret or a token.
 */
public final class ClientCredentials {

  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI tokenUrl;
  private final String authorization;
  private final String scope;
  private final Clock clock;
  private final ReentrantLock renewing = new ReentrantLock();
  private volatile Token current;

  public ClientCredentials(
      HttpClient http,
      URI tokenUrl,
      String clientId,
      String clientSecret,
      String scope,
      Clock clock) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
    this.scope = scope;
    this.clock = clock;
  }

  private record Token(String value, Instant renewAt, Instant expiresAt) {}

  /**
   * A valid access token.
   *
   * @throws SetupException when no valid token can be had
   */
  public String bearer() {
    Token token = current;
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.renewAt())) {
      return token.value();
    }
    boolean stillValid = token != null && now.isBefore(token.expiresAt());
    if (stillValid) {
      // due for renewal but usable: one worker renews, the others carry on with it meanwhile
      if (!renewing.tryLock()) {
        return token.value();
      }
    } else {
      renewing.lock();
    }
    try {
      Token latest = current;
      if (latest != null && clock.instant().isBefore(latest.renewAt())) {
        return latest.value();
      }
      try {
        current = fetch();
      } catch (SetupException e) {
        if (latest != null && clock.instant().isBefore(latest.expiresAt())) {
          return latest.value();
        }
        throw e;
      }
      return current.value();
    } finally {
      renewing.unlock();
    }
  }

  /** After a 401: the token was refused, so the next caller fetches a new one. */
  void refused(String token) {
    Token known = current;
    if (known != null && known.value().equals(token)) {
      current = new Token(known.value(), Instant.MIN, Instant.MIN);
    }
  }

  /** The {@code vendor_id} claim of a JWT access token, read without verifying it. */
  public static Optional<String> vendorId(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      JsonNode claims = ContractJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode vendor = claims.get(Roles.VENDOR_ID_CLAIM);
      return vendor != null && vendor.isString() && !vendor.stringValue().isBlank()
          ? Optional.of(vendor.stringValue())
          : Optional.empty();
    } catch (IllegalArgumentException | JacksonException e) {
      return Optional.empty();
    }
  }

  private Token fetch() {
    String body = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + form(scope));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SetupException(
          "cannot reach the token endpoint "
              + tokenUrl
              + " ("
              + e.getClass().getSimpleName()
              + "); is the auth-server running? Set it with --token-url",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupException("interrupted while fetching a token", e);
    }
    if (response.statusCode() != 200) {
      throw new SetupException(
          "the token endpoint "
              + tokenUrl
              + " answered "
              + response.statusCode()
              + oauthError(response.body())
              + (response.statusCode() == 401 || response.statusCode() == 400
                  ? "; check --client-id and --client-secret"
                  : ""));
    }
    try {
      JsonNode json = ContractJson.mapper().readTree(response.body());
      JsonNode token = json.get("access_token");
      if (token == null || !token.isString()) {
        throw new SetupException("the token endpoint answered without an access_token");
      }
      JsonNode expiresIn = json.get("expires_in");
      Duration lifetime =
          expiresIn != null && expiresIn.isNumber() && expiresIn.longValue() > 0
              ? Duration.ofSeconds(expiresIn.longValue())
              : DEFAULT_LIFETIME;
      Duration margin = lifetime.dividedBy(5);
      if (margin.compareTo(MAX_MARGIN) > 0) {
        margin = MAX_MARGIN;
      }
      Instant now = clock.instant();
      return new Token(token.stringValue(), now.plus(lifetime).minus(margin), now.plus(lifetime));
    } catch (JacksonException e) {
      throw new SetupException("the token endpoint answered with something other than JSON", e);
    }
  }

  private static String oauthError(String body) {
    try {
      JsonNode error = ContractJson.mapper().readTree(body).get("error");
      return error != null && error.isString() ? " (" + error.stringValue() + ")" : "";
    } catch (JacksonException e) {
      return "";
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
