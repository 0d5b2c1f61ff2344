package org.civitas.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.contract.ContractJson;
import tools.jackson.databind.JsonNode;

/** Talks to a running auth-server over real HTTP, the way services and vendors do. */
public final class AuthServerClient {

  private final String baseUrl;
  private final HttpClient http;

  public AuthServerClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Client-credentials request authenticated with HTTP Basic ({@code client_secret_basic}). */
  public HttpResponse<String> clientCredentialsBasic(String clientId, String secret) {
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri("/oauth2/token"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(Map.of("grant_type", "client_credentials"))));
  }

  /** Client-credentials request with the secret in the body ({@code client_secret_post}). */
  public HttpResponse<String> clientCredentialsPost(String clientId, String secret) {
    return post(
        "/oauth2/token",
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  /** The access token of a successful client-credentials request with HTTP Basic. */
  public String accessToken(String clientId, String secret) {
    HttpResponse<String> response = clientCredentialsBasic(clientId, secret);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Token request failed: " + response.statusCode());
    }
    return json(response).get("access_token").asString();
  }

  public HttpResponse<String> get(String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
  }

  /** A browser's CORS preflight for a cross-origin POST. */
  public HttpResponse<String> preflight(String path, String origin) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> post(String path, Map<String, String> parameters) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(parameters)));
  }

  /**
   * Claims of a token after verifying it the way a resource server does: signature (RS256) with a
   * key fetched from this server's JWKS endpoint, issuer, and time validity.
   */
  public JWTClaimsSet verify(String token, String expectedIssuer) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, JWKSourceBuilder.create(uri("/oauth2/jwks").toURL()).build()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(expectedIssuer).build(),
            Set.of("sub", "iat", "exp")));
    return processor.process(token, null);
  }

  public static JsonNode json(HttpResponse<String> response) {
    return ContractJson.mapper().readTree(response.body());
  }

  public URI uri(String pathOrUrl) {
    return URI.create(baseUrl).resolve(pathOrUrl);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> parameters) {
    return HttpRequest.BodyPublishers.ofString(
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&")));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
