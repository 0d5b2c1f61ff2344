package org.civitas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.civitas.cli.CivitasCli;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.NotLoggedIn;
import org.civitas.cli.failure.Problem;
import org.civitas.cli.failure.ProblemFailure;
import org.civitas.cli.failure.Unreachable;
import org.civitas.cli.failure.UsageError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ExitCodeMappingTest {

  @TempDir Path home;

  private static ProblemFailure problem(int status) {
    return new ProblemFailure(
        Problem.from(status, "{\"title\":\"t\",\"status\":" + status + "}"),
        Optional.empty(),
        Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({"400,1", "403,1", "404,1", "409,1", "422,1", "429,1", "401,5", "500,4", "503,4"})
  void httpErrorStatusesMapToExitCodes(int status, int exitCode) {
    assertThat(FailureHandler.exitCode(problem(status))).isEqualTo(exitCode);
  }

  @Test
  void eachKindOfFailureHasItsExitCode() {
    assertThat(FailureHandler.exitCode(new UsageError("x"))).isEqualTo(ExitCodes.USAGE);
    assertThat(FailureHandler.exitCode(new NotLoggedIn("x"))).isEqualTo(ExitCodes.NOT_LOGGED_IN);
    assertThat(FailureHandler.exitCode(Unreachable.of("http://h:1", new ConnectException())))
        .isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(FailureHandler.exitCode(new UncheckedIOException(new ConnectException("refused"))))
        .isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(FailureHandler.exitCode(new CliFailure(ExitCodes.NOT_AVAILABLE, "x")))
        .isEqualTo(ExitCodes.NOT_AVAILABLE);
    assertThat(FailureHandler.exitCode(new IllegalStateException("bug")))
        .isEqualTo(ExitCodes.REFUSED);
  }

  @Test
  void failuresArePrintedWithoutStackTraces() {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CivitasCli.commandLine(
            CliEnvironment.of(Map.of(), home),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));

    int exitCode = FailureHandler.report(new IllegalStateException("boom"), commandLine);

    assertThat(exitCode).isEqualTo(ExitCodes.REFUSED);
    assertThat(err.toString())
        .contains("Error: unexpected IllegalStateException: boom")
        .contains("CIVITAS_DEBUG=1")
        .doesNotContain("\tat ");
  }

  @Test
  void debugModeAddsTheStackTraceForUnexpectedErrors() {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CivitasCli.commandLine(
            CliEnvironment.of(Map.of(FailureHandler.DEBUG_VARIABLE, "1"), home),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));

    FailureHandler.report(new UncheckedIOException(new IOException("disk")), commandLine);

    assertThat(err.toString()).contains("\tat ");
  }

  @Test
  void connectionFailuresSayThePlatformMayNotBeRunning() {
    Unreachable failure = Unreachable.of("http://localhost:8080", new ConnectException());

    assertThat(failure.getMessage())
        .isEqualTo("cannot reach http://localhost:8080: is the platform running?");
  }
}
