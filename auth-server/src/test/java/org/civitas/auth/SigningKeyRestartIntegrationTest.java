package org.civitas.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Whole-process restarts against one key file, as the standalone and compose setups do. */
class SigningKeyRestartIntegrationTest {

  static final String ISSUER = "http://localhost:9000";

  @TempDir Path dataDirectory;

  @Test
  void signingKeyIsReusedAfterRestart() throws Exception {
    Path keyFile = dataDirectory.resolve("auth/signing-key.json");
    String tokenBeforeRestart;
    JsonNode keyBeforeRestart;
    try (ConfigurableApplicationContext first = start("demo", keyFile)) {
      AuthServerClient client = client(first);
      tokenBeforeRestart = client.accessToken("city-it", "city-it-secret");
      keyBeforeRestart = publicKey(client);
    }
    assertThat(keyFile).exists();

    try (ConfigurableApplicationContext second = start("demo", keyFile)) {
      AuthServerClient client = client(second);
      JsonNode keyAfterRestart = publicKey(client);
      assertThat(keyAfterRestart.get("kid")).isEqualTo(keyBeforeRestart.get("kid"));
      assertThat(keyAfterRestart.get("n")).isEqualTo(keyBeforeRestart.get("n"));
      assertThat(keyAfterRestart.get("e")).isEqualTo(keyBeforeRestart.get("e"));

      JWTClaimsSet claims = client.verify(tokenBeforeRestart, ISSUER);
      assertThat(claims.getSubject()).isEqualTo("city-it");
    }
  }

  @Test
  void withoutDemoProfileNoClientExists() {
    try (ConfigurableApplicationContext server =
        start("default", dataDirectory.resolve("signing-key.json"))) {
      AuthServerClient client = client(server);

      HttpResponse<String> response = client.clientCredentialsBasic("city-it", "city-it-secret");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(AuthServerClient.json(response).get("error").asString())
          .isEqualTo("invalid_client");
      assertThat(client.get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
    }
  }

  private static ConfigurableApplicationContext start(String profile, Path keyFile) {
    // command-line arguments: they take precedence over application.yml, unlike default properties
    return new SpringApplicationBuilder(AuthServerApplication.class)
        .profiles(profile)
        .run(
            "--server.port=0",
            "--civitas.auth.key-file=" + keyFile,
            "--spring.security.oauth2.authorizationserver.issuer=" + ISSUER);
  }

  private static AuthServerClient client(ConfigurableApplicationContext context) {
    return new AuthServerClient(
        context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
  }

  private static JsonNode publicKey(AuthServerClient client) {
    JsonNode keys =
        AuthServerClient.json(client.get("/oauth2/jwks", "application/json")).get("keys");
    assertThat(keys.size()).isEqualTo(1);
    return keys.get(0);
  }
}
