package org.civitas.cli.session;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.Problem;
import org.civitas.cli.failure.Unreachable;
import org.civitas.contract.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth2 client-credentials grant (RFC 6749 §4.4) against the token endpoint, with the client
 * authenticating by HTTP Basic ({@code client_secret_basic}, §2.3.1).
 */
public final class ClientCredentials {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Clock clock;

  public ClientCredentials(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * Requests a token. The secret array is wiped before returning, whatever the outcome.
   *
   * @throws CliFailure exit 1 when the issuer refuses the client, 4 when it cannot be reached
   */
  public CachedToken obtain(URI tokenUrl, String clientId, char[] secret, Optional<String> scope) {
    String form =
        "grant_type=client_credentials"
            + scope.map(s -> "&scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(tokenUrl)
              .timeout(TIMEOUT)
              .header("Authorization", basic(clientId, secret))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(BodyPublishers.ofString(form))
              .build();
    } finally {
      Arrays.fill(secret, '\0');
    }
    // Whole seconds, rounded down: the cached expiry may only err on the early side.
    Instant requestedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw Unreachable.of(tokenUrl.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.UNAVAILABLE, "interrupted while waiting for " + tokenUrl);
    }
    if (response.statusCode() != 200) {
      Problem problem = Problem.from(response.statusCode(), response.body());
      throw new CliFailure(
          response.statusCode() >= 500 ? ExitCodes.UNAVAILABLE : ExitCodes.REFUSED,
          "login refused: " + problem.headline(),
          response.statusCode() == 401 || response.statusCode() == 400
              ? List.of("  check the client id and secret")
              : List.of());
    }
    return token(response.body(), requestedAt, tokenUrl, clientId);
  }

  private static CachedToken token(String body, Instant requestedAt, URI tokenUrl, String id) {
    JsonNode json;
    try {
      json = ContractJson.mapper().readTree(body);
    } catch (JacksonException e) {
      json = null;
    }
    if (json == null || !json.path("access_token").isString()) {
      throw new CliFailure(
          ExitCodes.UNAVAILABLE, "the token endpoint " + tokenUrl + " answered without a token");
    }
    String accessToken = json.get("access_token").stringValue();
    // Expiry counts from the request, not the answer, so a slow answer errs on the safe side.
    Instant expiresAt =
        json.path("expires_in").isNumber()
            ? requestedAt.plusSeconds(json.get("expires_in").asLong())
            : TokenClaims.decode(accessToken).flatMap(TokenClaims::expiresAt).orElse(null);
    return new CachedToken(
        accessToken,
        json.path("token_type").asString("Bearer"),
        expiresAt,
        requestedAt,
        tokenUrl.toString(),
        id,
        json.path("scope").isString() ? json.get("scope").stringValue() : null);
  }

  private static String basic(String clientId, char[] secret) {
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
    String credentials =
        URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + ":"
            + URLEncoder.encode(CharBuffer.wrap(secret).toString(), StandardCharsets.UTF_8);
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
