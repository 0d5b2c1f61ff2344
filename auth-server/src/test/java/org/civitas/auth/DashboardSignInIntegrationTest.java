package org.civitas.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The browser sign-in of the transparency dashboard: authorization code with PKCE. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DashboardSignInIntegrationTest {

  static final String ISSUER = "http://auth.civitas.test:9000";
  static final String CLIENT_ID = "transparency-dashboard";
  static final String REDIRECT_URI = "http://localhost:8080/transparency/auditor/callback";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @TempDir static Path keyDirectory;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("civitas.auth.key-file", () -> keyDirectory.resolve("signing-key.json"));
    registry.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
  }

  @LocalServerPort int port;

  AuthServerClient browser;

  @BeforeEach
  void openBrowser() {
    browser = new AuthServerClient(port);
  }

  @Test
  void auditorSignsInWithPkceAndGetsRolesAndOrganization() throws Exception {
    String verifier = randomVerifier();
    String authorize =
        "/oauth2/authorize?"
            + query(
                Map.of(
                    "response_type", "code",
                    "client_id", CLIENT_ID,
                    "scope", "openid",
                    "redirect_uri", REDIRECT_URI,
                    "state", "state-123",
                    "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256"));

    HttpResponse<String> toLogin = browser.get(authorize, "text/html");
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(location(toLogin).getPath()).isEqualTo("/login");

    HttpResponse<String> loginPage = browser.get("/login", "text/html");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn =
        browser.post(
            "/login",
            Map.of(
                "username", "auditor-alice",
                "password", "auditor-alice-password",
                "_csrf", csrfToken(loginPage.body())));
    assertThat(signedIn.statusCode()).isEqualTo(302);

    HttpResponse<String> toDashboard = browser.get(location(signedIn).toString(), "text/html");
    assertThat(toDashboard.statusCode()).isEqualTo(302);
    URI callback = location(toDashboard);
    assertThat(callback.toString()).startsWith(REDIRECT_URI);
    Map<String, String> callbackParameters = parameters(callback);
    assertThat(callbackParameters).containsEntry("state", "state-123");

    HttpResponse<String> tokenResponse =
        browser.post(
            "/oauth2/token",
            Map.of(
                "grant_type", "authorization_code",
                "code", callbackParameters.get("code"),
                "redirect_uri", REDIRECT_URI,
                "client_id", CLIENT_ID,
                "code_verifier", verifier));
    assertThat(tokenResponse.statusCode()).isEqualTo(200);
    JsonNode tokens = AuthServerClient.json(tokenResponse);
    assertThat(tokens.has("refresh_token")).isFalse();

    JWTClaimsSet access = browser.verify(tokens.get("access_token").asString(), ISSUER);
    assertThat(access.getSubject()).isEqualTo("auditor-alice");
    assertThat(access.getStringListClaim("roles")).containsExactly("AUDITOR");
    assertThat(access.getStringClaim("organization")).isEqualTo("Office of the Auditor General");
    JWTClaimsSet id = browser.verify(tokens.get("id_token").asString(), ISSUER);
    assertThat(id.getSubject()).isEqualTo("auditor-alice");
    assertThat(id.getStringListClaim("roles")).containsExactly("AUDITOR");
  }

  @Test
  void authorizationWithoutPkceIsRefused() {
    String authorize =
        "/oauth2/authorize?"
            + query(
                Map.of(
                    "response_type", "code",
                    "client_id", CLIENT_ID,
                    "scope", "openid",
                    "redirect_uri", REDIRECT_URI,
                    "state", "state-123"));

    HttpResponse<String> response = browser.get(authorize, "text/html");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response).toString()).startsWith(REDIRECT_URI);
    assertThat(parameters(location(response)))
        .containsEntry("error", "invalid_request")
        .doesNotContainKey("code");
  }

  @Test
  void wrongPasswordDoesNotSignIn() {
    HttpResponse<String> loginPage = browser.get("/login", "text/html");
    HttpResponse<String> response =
        browser.post(
            "/login",
            Map.of(
                "username", "auditor-alice",
                "password", "wrong",
                "_csrf", csrfToken(loginPage.body())));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response).toString()).contains("/login?error");
  }

  private URI location(HttpResponse<String> response) {
    return browser.uri(response.headers().firstValue("Location").orElseThrow());
  }

  private static String csrfToken(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("login form carries a CSRF token").isTrue();
    return matcher.group(1);
  }

  private static Map<String, String> parameters(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
  }

  private static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String randomVerifier() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
