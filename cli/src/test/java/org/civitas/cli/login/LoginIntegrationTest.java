package org.civitas.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.FakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.civitas.cli.testing.Jwts;
import org.civitas.cli.testing.ScriptedTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginIntegrationTest {

  private static final String SECRET = "city-it-secret-☃";

  @TempDir Path home;
  private FakePlatform issuer;
  private Cli cli;
  private String tokenUrl;

  @BeforeEach
  void start() {
    issuer = new FakePlatform();
    tokenUrl = issuer.url() + "/oauth2/token";
    cli = Cli.against(issuer, home);
  }

  @AfterEach
  void stop() {
    issuer.close();
  }

  private void issues(String accessToken) {
    issuer.on(
        "POST",
        "/oauth2/token",
        Answer.json(
            200,
            "{\"access_token\":\""
                + accessToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
  }

  @Test
  void loginUsesClientCredentialsAndCachesOnlyTheToken() throws Exception {
    String jwt = Jwts.token("city-it", Instant.now().plusSeconds(300), "STAFF");
    issues(jwt);

    Run run =
        cli.run(
            "login", "--client-id", "city-it", "--client-secret", SECRET, "--token-url", tokenUrl);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Logged in as city-it (STAFF).").contains("Token valid until");
    Recorded request = issuer.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/oauth2/token");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.body()).isEqualTo("grant_type=client_credentials");
    String basic =
        new String(
            Base64.getDecoder()
                .decode(request.header("Authorization").substring("Basic ".length())),
            StandardCharsets.UTF_8);
    assertThat(basic).isEqualTo("city-it:city-it-secret-%E2%98%83");

    Path cached = cli.tokenCache().file();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached)))
        .isEqualTo("rw-------");
    String content = Files.readString(cached);
    assertThat(content).contains(jwt).contains(tokenUrl).contains("\"clientId\":\"city-it\"");
    assertThat(content).doesNotContain("city-it-secret").doesNotContain("%E2%98%83");
    assertThat(cli.tokenCache().load().orElseThrow().expiresAt())
        .isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
  }

  @Test
  void theSecretMayComeFromTheEnvironment() {
    issues(Jwts.token("auditor", Instant.now().plusSeconds(300), "AUDITOR"));
    cli.withVariable("CIVITAS_CLIENT_SECRET", "from-env")
        .withVariable("CIVITAS_CLIENT_ID", "auditor");

    Run run = cli.run("login", "--token-url", tokenUrl);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(issuer.onlyRequest().header("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("auditor:from-env".getBytes()));
  }

  @Test
  void onATerminalTheSecretIsAskedForWithoutEcho() {
    issues(Jwts.token("city-it", Instant.now().plusSeconds(300), "STAFF"));
    ScriptedTerminal terminal = new ScriptedTerminal("typed-secret", false);
    cli.withTerminal(terminal);

    Run run = cli.run("login", "--client-id", "city-it", "--token-url", tokenUrl);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(terminal.prompts()).containsExactly("Client secret for city-it: ");
    assertThat(issuer.onlyRequest().header("Authorization"))
        .isEqualTo(
            "Basic " + Base64.getEncoder().encodeToString("city-it:typed-secret".getBytes()));
  }

  @Test
  void withoutSecretOrTerminalLoginIsAUsageError() {
    Run run = cli.run("login", "--client-id", "city-it", "--token-url", tokenUrl);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no client secret");
    assertThat(issuer.requests()).isEmpty();
  }

  @Test
  void aRefusedClientIsReportedWithoutCachingAnything() {
    issuer.on(
        "POST",
        "/oauth2/token",
        Answer.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

    Run run =
        cli.run(
            "login", "--client-id", "city-it", "--client-secret", "wrong", "--token-url", tokenUrl);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .contains("Error: login refused: invalid_client (401): Client authentication failed")
        .doesNotContain("wrong");
    assertThat(cli.tokenCache().file()).doesNotExist();
  }

  @Test
  void anUnreachableIssuerIsReportedAsUnavailable() {
    issuer.close();

    Run run =
        cli.run("login", "--client-id", "city-it", "--client-secret", "s", "--token-url", tokenUrl);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.err()).contains("cannot reach " + tokenUrl + ": is the platform running?");
  }

  @Test
  void whoamiShowsTheTokensSubjectAndRolesAndLogoutForgetsIt() {
    issues(Jwts.token("police-liaison", Instant.now().plusSeconds(300), "LAW_ENFORCEMENT"));
    cli.run(
        "login", "--client-id", "police-liaison", "--client-secret", "s", "--token-url", tokenUrl);

    Run whoami = cli.run("whoami");
    assertThat(whoami.exitCode()).isZero();
    assertThat(whoami.out())
        .contains("Subject:       police-liaison")
        .contains("Roles:         LAW_ENFORCEMENT")
        .contains("Organization:  City IT")
        .contains("Client:        police-liaison");

    Run json = cli.run("whoami", "--json");
    assertThat(json.out()).contains("\"sub\":\"police-liaison\"");

    Run logout = cli.run("logout");
    assertThat(logout.out()).contains("Logged out");
    assertThat(cli.tokenCache().file()).doesNotExist();

    Run after = cli.run("whoami");
    assertThat(after.exitCode()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
    assertThat(after.err()).contains("Error: not logged in").contains("civitas login");
  }

  @Test
  void anExpiredTokenEndsWithExitCodeFiveAndSaysWhen() {
    issuer.on(
        "POST",
        "/oauth2/token",
        Answer.json(
            200, "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":1}"));
    cli.run("login", "--client-id", "city-it", "--client-secret", "s", "--token-url", tokenUrl);

    Run run = cli.run("sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
    assertThat(run.err()).contains("the cached token for city-it expired at");
    assertThat(issuer.requests()).hasSize(1);
  }
}
