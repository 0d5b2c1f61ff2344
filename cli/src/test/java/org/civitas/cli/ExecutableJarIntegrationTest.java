package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civitas.cli.command.CliEnvironment;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli;
import org.civitas.cli.testing.FakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool as people run it: {@code java -jar civitas-cli.jar} and {@code bin/civitas}.
 */
class ExecutableJarIntegrationTest {

  private static final Path JAR = Path.of("target", "civitas-cli.jar").toAbsolutePath();
  private static final Path WRAPPER = Path.of("..", "bin", "civitas").toAbsolutePath().normalize();

  record Result(int exitCode, String out, String err) {}

  @TempDir Path home;
  private FakePlatform platform;

  @BeforeEach
  void start() {
    platform = new FakePlatform();
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private Result run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(CliEnvironment.URL_VARIABLE);
    builder.environment().put("HOME", home.toString());
    builder
        .environment()
        .put(CliEnvironment.CONFIG_DIR_VARIABLE, home.resolve("config").toString());
    builder.environment().putAll(environment);
    builder.redirectOutput(home.resolve("stdout").toFile());
    builder.redirectError(home.resolve("stderr").toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(home.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(home.resolve("stderr"), StandardCharsets.UTF_8));
  }

  private Result jar(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return run(command, environment);
  }

  @Test
  void theJarRunsWithoutSpringAndPrintsItsVersion() throws Exception {
    Result result = jar(Map.of(), "--version");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("civitas 0.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void theJarTalksToThePlatformNamedInTheEnvironment() throws Exception {
    new Cli(home, Map.of()).loggedInAs("city-it", "STAFF");
    platform.on(
        "GET",
        "/api/v1/sensors",
        Answer.json(200, "[{\"sensorId\":\"cam-1\",\"vendorId\":\"acme\",\"status\":\"ACTIVE\"}]"));

    Result result = jar(Map.of(CliEnvironment.URL_VARIABLE, platform.url()), "sensors", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("cam-1").contains("1 sensor.");
    assertThat(platform.onlyRequest().header("User-Agent")).startsWith("civitas-cli/0.");
  }

  @Test
  void piped_exportsShowNoProgressBarAndErrorsNoStackTrace() throws Exception {
    new Cli(home, Map.of()).loggedInAs("city-it", "STAFF");
    platform.on(
        "POST",
        "/api/v1/data/exports",
        new Answer(200, "application/x-ndjson", "{\"readingId\":\"r1\"}\n", Map.of()));
    Path output = home.resolve("out.ndjson");

    Result exported =
        jar(
            Map.of(CliEnvironment.URL_VARIABLE, platform.url()),
            "data",
            "export",
            "--category",
            "c",
            "--from",
            "-P1D",
            "--to",
            "now",
            "--purpose",
            "p",
            "--destination-country",
            "CA",
            "--output",
            output.toString());
    platform.close();
    Result unreachable =
        jar(Map.of(CliEnvironment.URL_VARIABLE, platform.url()), "sensors", "list");

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(exported.err()).isEmpty();
    assertThat(Files.readString(output)).isEqualTo("{\"readingId\":\"r1\"}\n");
    assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(unreachable.err())
        .isEqualTo("Error: cannot reach " + platform.url() + ": is the platform running?\n");
  }

  @Test
  void theWrapperScriptRunsTheJar() throws Exception {
    Result result = run(List.of(WRAPPER.toString(), "audit", "verify"), Map.of());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException, Exception {
    Result result = jar(Map.of(), "data", "query", "--category", "c");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("Error: Missing required options");
  }
}
