package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The civitas CLI, run as its executable jar, against the running platform. */
class CliAgainstPlatformIntegrationTest {

  private static PlatformSettings settings;

  @TempDir Path configDir;

  @BeforeAll
  static void platform() {
    settings = RunningPlatform.shared().settings();
  }

  @Test
  void anAuditorVerifiesTheLiveAuditLogAgainstItsSignedTreeHead() throws Exception {
    // Make sure the log holds something: a data access writes an audit event.
    login("city-it");
    run(
        "data",
        "query",
        "--category",
        "air_quality",
        "--from",
        "-PT1H",
        "--to",
        "now",
        "--purpose",
        "service-operations");
    login("auditor");

    Run verify = run("audit", "verify");

    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith("Verified: ");
    Run head = run("--json", "audit", "tree-head");
    JsonNode treeHead = ContractJson.mapper().readTree(head.out());
    assertThat(treeHead.get("signature").asString()).isNotBlank();
  }

  @Test
  void staffListTheRegistryAndAreRefusedRecordsForAnAggregateOnlyPurpose() throws Exception {
    login("city-it");

    Run sensors = run("sensors", "list");
    Run refused =
        run(
            "data",
            "query",
            "--category",
            "licence_plate",
            "--from",
            "-PT1H",
            "--to",
            "now",
            "--purpose",
            "research");

    assertThat(sensors.exitCode()).as(sensors.err()).isZero();
    assertThat(sensors.out()).contains("cam-king-st-01");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("Error: ").contains("403");
  }

  private void login(String client) throws Exception {
    Run login = run("login", "--client-id", client, "--client-secret", client + "-secret");
    assertThat(login.exitCode()).as(login.err()).isZero();
  }

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(RunningPlatform.repositoryRoot().resolve("cli/target/civitas-cli.jar").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .putAll(
            Map.of(
                "CIVITAS_URL", settings.gatewayUrl(),
                "CIVITAS_TOKEN_URL", settings.issuerUri() + "/oauth2/token",
                "CIVITAS_CONFIG_DIR", configDir.toString()));
    Path out = Files.createTempFile(configDir, "out", ".txt");
    Path err = Files.createTempFile(configDir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("civitas " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String out, String err) {}
}
