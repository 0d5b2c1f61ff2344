package org.civitas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.junit.jupiter.api.Test;

/** Wrong command lines end with exit code 2, a message naming the problem, and no request. */
class ArgumentValidationTest extends CliAgainstFakePlatform {

  ArgumentValidationTest() {
    super("city-it", "STAFF");
  }

  private void assertUsageError(Run run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(message).contains("--help' for more information");
    assertThat(run.out()).isEmpty();
    assertThat(platform.requests()).isEmpty();
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    assertUsageError(
        cli.run("data", "query", "--category", "traffic_count", "--from", "-PT1H", "--to", "now"),
        "Missing required option: '--purpose=PURPOSE'");
  }

  @Test
  void aMalformedTimeIsRefusedBeforeAnythingIsSent() {
    assertUsageError(
        cli.run(
            "data",
            "query",
            "--category",
            "c",
            "--from",
            "last tuesday",
            "--to",
            "now",
            "--purpose",
            "p"),
        "--from: 'last tuesday' is not a time");
  }

  @Test
  void anInvertedRangeIsRefused() {
    assertUsageError(
        cli.run(
            "data",
            "aggregate",
            "--category",
            "c",
            "--from",
            "2026-11-27",
            "--to",
            "2026-11-26",
            "--purpose",
            "p"),
        "--from must be before --to");
  }

  @Test
  void aBucketMustBeAnIsoDuration() {
    assertUsageError(
        cli.run(
            "data",
            "aggregate",
            "--category",
            "c",
            "--from",
            "-P1D",
            "--to",
            "now",
            "--purpose",
            "p",
            "--bucket",
            "hourly"),
        "--bucket: 'hourly' is not an ISO-8601 duration");
  }

  @Test
  void groupByAcceptsOnlyTheContractsFields() {
    assertUsageError(
        cli.run(
            "data",
            "aggregate",
            "--category",
            "c",
            "--from",
            "-P1D",
            "--to",
            "now",
            "--purpose",
            "p",
            "--group-by",
            "street"),
        "Invalid value for option '--group-by'");
  }

  @Test
  void aDestinationCountryIsATwoLetterCode() {
    assertUsageError(
        cli.run(
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
            "Canada"),
        "'Canada' is not a two-letter country code");
  }

  @Test
  void aSensorComesFromAFileOrFromOptionsNotBoth() throws Exception {
    Path file = Files.writeString(home.resolve("sensor.json"), "{}");

    assertUsageError(
        cli.run("sensors", "register", "--file", file.toString(), "--id", "cam-1"),
        "--file cannot be combined with --id");
  }

  @Test
  void aSensorFromOptionsNeedsItsIdentity() {
    assertUsageError(
        cli.run("sensors", "register", "--id", "cam-1", "--vendor", "acme"),
        "at least --id, --vendor, --category and --purpose");
  }

  @Test
  void coordinatesMustBeOnEarth() {
    assertUsageError(
        cli.run(
            "sensors",
            "register",
            "--id",
            "cam-1",
            "--vendor",
            "acme",
            "--category",
            "noise_level",
            "--purpose",
            "p",
            "--lat",
            "91",
            "--lon",
            "0"),
        "--lat must be between -90 and 90");
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertUsageError(
        cli.run("policy", "publish", home.resolve("nope.yaml").toString(), "--force"),
        "does not exist");
  }

  @Test
  void aPolicyFileMustParse() throws Exception {
    Path file = Files.writeString(home.resolve("policy.yaml"), "region: [CA\n");

    assertUsageError(cli.run("policy", "dry-run", file.toString()), "is not valid YAML");
  }

  @Test
  void statusFilterValuesAreChecked() {
    assertUsageError(
        cli.run("sensors", "list", "--status", "broken"), "Invalid value for option '--status'");
  }

  @Test
  void auditPagesAreBounded() {
    assertUsageError(
        cli.run("audit", "events", "--size", "0"), "--size must be between 1 and 1000");
    assertUsageError(
        cli.run("audit", "events", "--action", "DATA_READ"), "'DATA_READ' is not an audit action");
  }

  @Test
  void unknownCommandsGetSuggestions() {
    Run run = cli.run("sensor", "list");

    assertUsageError(run, "Unmatched arguments");
    assertThat(run.err()).contains("sensors");
  }

  @Test
  void theUrlMustBeAnHttpAddress() {
    assertUsageError(
        cli.run("--url", "localhost:8080", "sensors", "list"), "is not an http(s) address");
  }

  @Test
  void noCommandAtAllIsAUsageErrorListingTheCommands() {
    Run run = cli.run();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing command").contains("sensors").contains("Exit codes:");
  }

  @Test
  void publishingFromAScriptNeedsForce() throws Exception {
    Path file = Files.writeString(home.resolve("policy.yaml"), "region: CA\ncategories: {}\n");

    assertUsageError(cli.run("policy", "publish", file.toString()), "pass --force");
  }
}
