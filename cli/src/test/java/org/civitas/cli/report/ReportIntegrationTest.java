package org.civitas.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.junit.jupiter.api.Test;

class ReportIntegrationTest extends CliAgainstFakePlatform {

  static final String REPORT =
      "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\","
          + "\"accessRequests\":[{\"purpose\":\"traffic-planning\",\"role\":\"STAFF\","
          + "\"decision\":\"PERMIT\",\"count\":12}],"
          + "\"treeHead\":{\"treeSize\":1234,\"rootHash\":\"r\"},\"signature\":\"c2ln\"}";

  @Test
  void theReportIsPublicAndShownAsText() {
    platform.on("GET", "/api/v1/transparency/report", Answer.json(200, REPORT));

    Run run = cli.run("report", "--from", "2026-11-01", "--to", "2026-12-01");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.query())
        .containsExactly(
            Map.entry("from", "2026-11-01T00:00:00Z"), Map.entry("to", "2026-12-01T00:00:00Z"));
    assertThat(run.out())
        .contains("accessRequests:")
        .contains("traffic-planning  STAFF  PERMIT    12")
        .contains("signature: c2ln");
  }

  @Test
  void aLoggedInAuditorSendsTheirToken() {
    cli.loggedInAs("auditor", "AUDITOR");
    platform.on("GET", "/api/v1/transparency/report", Answer.json(200, REPORT));

    cli.run("report", "--from", "2026-11-01", "--to", "2026-12-01");

    assertThat(platform.onlyRequest().header("Authorization")).startsWith("Bearer ");
  }

  @Test
  void csvIsAskedForWithAcceptAndWrittenToAFileByteForByte() throws Exception {
    String csv = "purpose,role,decision,count\r\ntraffic-planning,STAFF,PERMIT,12\r\n";
    platform.on("GET", "/api/v1/transparency/report", new Answer(200, "text/csv", csv, Map.of()));
    Path output = home.resolve("report.csv");

    Run run =
        cli.run(
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-12-01",
            "--csv",
            "--output",
            output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().header("Accept")).startsWith("text/csv");
    assertThat(Files.readString(output)).isEqualTo(csv);
    assertThat(run.out()).contains("Report written to " + output);
  }

  @Test
  void csvGoesToStdoutWithoutOutput() {
    String csv = "purpose,count\ntraffic-planning,12\n";
    platform.on("GET", "/api/v1/transparency/report", new Answer(200, "text/csv", csv, Map.of()));

    Run run = cli.run("report", "--from", "2026-11-01", "--to", "2026-12-01", "--csv");

    assertThat(run.out()).isEqualTo(csv);
  }
}
