package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.civitas.cli.command.CliEnvironment;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the CLI reports a platform that refuses, fails, or is not there. */
class PlatformErrorsIntegrationTest extends CliAgainstFakePlatform {

  PlatformErrorsIntegrationTest() {
    super("city-it", "STAFF");
  }

  @Test
  void withoutALoginNothingIsSentAndTheExitCodeIsFive() {
    Run run = Cli.against(platform, home.resolve("other")).run("sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
    assertThat(run.err())
        .isEqualTo(
            "Error: not logged in"
                + System.lineSeparator()
                + "  run 'civitas login --client-id <id>' to get a new token"
                + System.lineSeparator());
    assertThat(platform.requests()).isEmpty();
  }

  @Test
  void aTokenThePlatformNoLongerAcceptsMeansLoggingInAgain() {
    platform.on(
        "GET",
        "/api/v1/sensors",
        Answer.problem(
            401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The token expired.\"}"));

    Run run = cli.run("sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
    assertThat(run.err())
        .contains("Error: Unauthorized (401): The token expired.")
        .contains("civitas login");
  }

  @Test
  void aForbiddenRequestIsRefused() {
    platform.on(
        "GET",
        "/api/v1/legal-holds",
        Answer.problem(
            403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Requires STAFF.\"}"));

    Run run = cli.run("holds", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .isEqualTo("Error: Forbidden (403): Requires STAFF." + System.lineSeparator());
  }

  @Test
  void aPlatformThatCannotKeepItsGuaranteesIsUnavailable() {
    platform.on(
        "GET",
        "/api/v1/data/readings",
        Answer.problem(
                503,
                "{\"title\":\"Audit log unavailable\",\"status\":503,\"detail\":\"Nothing was"
                    + " returned because the access could not be recorded.\"}")
            .withHeader("Retry-After", "10")
            .withHeader("X-Correlation-Id", "corr-1"));

    Run run =
        cli.run(
            "data", "query", "--category", "c", "--from", "-PT1H", "--to", "now", "--purpose", "p");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.err())
        .contains("Error: Audit log unavailable (503): Nothing was returned")
        .contains("  retry after 10 seconds")
        .contains("  correlation id: corr-1");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void rateLimitsSayWhenToRetry() {
    platform.on(
        "GET",
        "/api/v1/sensors",
        Answer.problem(429, "{\"title\":\"Too Many Requests\",\"status\":429}")
            .withHeader("Retry-After", "3"));

    Run run = cli.run("sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("Too Many Requests (429)").contains("retry after 3 seconds");
  }

  @Test
  void aGatewayErrorPageIsReportedByStatus() {
    platform.on(
        "GET", "/api/v1/sensors", new Answer(502, "text/html", "<html>upstream</html>", Map.of()));

    Run run = cli.run("sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.err()).isEqualTo("Error: Bad Gateway (502)" + System.lineSeparator());
  }

  @Test
  void nothingListeningMeansThePlatformIsNotRunning() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    Run run = cli.run("--url", url, "sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot reach " + url + ": is the platform running?" + System.lineSeparator());
  }

  @Test
  void theUrlOptionWinsOverTheEnvironment() {
    FakePlatform other = new FakePlatform();
    try {
      other.on("GET", "/api/v1/sensors", Answer.json(200, "[]"));

      Run run = cli.run("sensors", "list", "--url", other.url() + "/");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo("No sensors." + System.lineSeparator());
      assertThat(other.onlyRequest().path()).isEqualTo("/api/v1/sensors");
      assertThat(platform.requests()).isEmpty();
    } finally {
      other.close();
    }
  }

  @Test
  void redirectsAreNotFollowedSoTheTokenStaysWithTheGateway() {
    platform.on(
        "GET",
        "/api/v1/sensors",
        Answer.empty(302).withHeader("Location", "http://elsewhere.example/api/v1/sensors"));

    Run run = cli.run("sensors", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.err()).contains("redirect").contains("elsewhere.example");
  }

  @Test
  void plainPicocliExecutionReportsFailuresTheSameWay() {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        new CommandLine(
            new CivitasCli(
                CliEnvironment.of(
                    Map.of(
                        CliEnvironment.URL_VARIABLE, platform.url(),
                        CliEnvironment.CONFIG_DIR_VARIABLE, home.resolve("none").toString()),
                    home)));
    commandLine.setErr(new PrintWriter(err, true));

    int exitCode = commandLine.execute("sensors", "list");

    assertThat(exitCode).isEqualTo(ExitCodes.NOT_LOGGED_IN);
    assertThat(err.toString()).startsWith("Error: not logged in");
  }

  @Test
  void helpIsAvailableOnEveryCommandAndDocumentsExitCodes() {
    for (String[] command :
        new String[][] {
          {"--help"},
          {"sensors", "register", "--help"},
          {"audit", "verify", "-h"},
          {"policy", "dry-run", "--help"},
          {"report", "--help"}
        }) {
      Run run = cli.run(command);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Usage: civitas").contains("5  not logged in");
    }
  }

  @Test
  void versionNamesTheBuild() {
    Run run = cli.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("civitas 0.").doesNotContain("unknown").doesNotContain("@");
  }
}
