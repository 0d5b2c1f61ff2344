package org.civitas.cli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DataIntegrationTest extends CliAgainstFakePlatform {

  static String reading(int n) {
    return """
        {"readingId":"8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e0%d","sensorId":"cam-king-st-01",
         "category":"licence_plate","observedAt":"2026-11-26T10:15:00Z",
         "location":{"geohash":"dpz83d"},"attributes":{"plate":"pz_Qm9J","speedKmh":48.0},
         "jurisdiction":"CA-ON","policyVersion":3,"expiresAt":"2026-11-27T10:15:00Z"}
        """
        .formatted(n)
        .replace("\n", "");
  }

  DataIntegrationTest() {
    super("city-it", "STAFF");
  }

  @Test
  void queryPassesEveryFilterAndPrintsTheReadings() {
    platform.on(
        "GET",
        "/api/v1/data/readings",
        Answer.json(200, "{\"items\":[" + reading(1) + "],\"nextCursor\":\"c2\"}"));

    Run run =
        cli.run(
            "data",
            "query",
            "--category",
            "licence_plate",
            "--from",
            "2026-11-26T10:00:00Z",
            "--to",
            "2026-11-26T11:00:00+00:00",
            "--purpose",
            "law-enforcement",
            "--sensor",
            "cam-king-st-01",
            "--warrant-ref",
            "W-2026/17",
            "--limit",
            "50");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.query())
        .containsExactly(
            Map.entry("category", "licence_plate"),
            Map.entry("from", "2026-11-26T10:00:00Z"),
            Map.entry("to", "2026-11-26T11:00:00Z"),
            Map.entry("sensorId", "cam-king-st-01"),
            Map.entry("purpose", "law-enforcement"),
            Map.entry("warrantRef", "W-2026/17"),
            Map.entry("limit", "50"));
    assertThat(request.rawQuery()).contains("warrantRef=W-2026%2F17");
    assertThat(run.out())
        .contains("OBSERVED              SENSOR          LOCATION        ATTRIBUTES")
        .contains("geohash=dpz83d  plate=pz_Qm9J, speedKmh=48.0")
        .contains("8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01")
        .contains("1 reading.")
        .contains("More readings available: add --all, or --cursor c2 for the next page.");
  }

  @Test
  void allFollowsTheCursorToTheLastPage() {
    platform
        .on(
            "GET",
            "/api/v1/data/readings",
            Answer.json(
                200, "{\"items\":[" + reading(1) + "," + reading(2) + "],\"nextCursor\":\"p2\"}"))
        .on(
            "GET",
            "/api/v1/data/readings",
            Answer.json(200, "{\"items\":[" + reading(3) + "],\"nextCursor\":null}"));

    Run run =
        cli.run(
            "data",
            "query",
            "--category",
            "licence_plate",
            "--from",
            "-PT1H",
            "--to",
            "now",
            "--purpose",
            "traffic-planning",
            "--all",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Recorded> requests = platform.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).query()).doesNotContainKey("cursor");
    assertThat(requests.get(1).query()).containsEntry("cursor", "p2");
    JsonNode merged = ContractJson.mapper().readTree(run.out());
    assertThat(merged.path("items")).hasSize(3);
    assertThat(merged.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void aRepeatedCursorStopsTheLoop() {
    platform.on(
        "GET", "/api/v1/data/readings", Answer.json(200, "{\"items\":[],\"nextCursor\":\"same\"}"));

    Run run =
        cli.run(
            "data",
            "query",
            "--category",
            "c",
            "--from",
            "-PT1H",
            "--to",
            "now",
            "--purpose",
            "p",
            "--all");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(platform.requests()).hasSize(2);
  }

  @Test
  void aDeniedQueryShowsThePolicysReason() {
    platform.on(
        "GET",
        "/api/v1/data/readings",
        Answer.problem(
            403,
            "{\"type\":\"https://civitas.city/problems/access-denied\",\"title\":\"Access denied"
                + " by policy\",\"status\":403,\"detail\":\"No access rule of the active policy"
                + " permits this request. The request was recorded.\",\"reason\":\"no rule for"
                + " purpose marketing\"}"));

    Run run =
        cli.run(
            "data",
            "query",
            "--category",
            "licence_plate",
            "--from",
            "-PT1H",
            "--to",
            "now",
            "--purpose",
            "marketing");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .startsWith("Error: Access denied by policy (403): No access rule of the active policy")
        .contains("  reason: no rule for purpose marketing");
  }

  @Test
  void aggregateSendsBucketAndGroupingAndShowsTheCells() {
    platform.on(
        "GET",
        "/api/v1/data/aggregates",
        Answer.json(
            200,
            "{\"bucket\":\"PT1H\",\"cells\":[{\"bucketStart\":\"2026-11-26T10:00:00Z\","
                + "\"geohash\":\"dpz83d\",\"count\":42,\"avg\":{\"speedKmh\":37.5}}],\"suppressed\":2}"));

    Run run =
        cli.run(
            "data",
            "aggregate",
            "--category",
            "traffic_count",
            "--from",
            "2026-11-26",
            "--to",
            "2026-11-27",
            "--purpose",
            "traffic-planning",
            "--bucket",
            "pt15m",
            "--group-by",
            "GEOHASH");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().query())
        .containsExactly(
            Map.entry("category", "traffic_count"),
            Map.entry("from", "2026-11-26T00:00:00Z"),
            Map.entry("to", "2026-11-27T00:00:00Z"),
            Map.entry("bucket", "PT15M"),
            Map.entry("groupBy", "geohash"),
            Map.entry("purpose", "traffic-planning"));
    assertThat(run.out())
        .contains("cells:")
        .contains("dpz83d")
        .contains("speedKmh=37.5")
        .contains("suppressed: 2");
  }

  @Test
  void aggregateDefaultsToHourlyBucketsWithoutGrouping() {
    platform.on("GET", "/api/v1/data/aggregates", Answer.json(200, "{\"cells\":[]}"));

    cli.run(
        "data", "aggregate", "--category", "c", "--from", "-P1D", "--to", "now", "--purpose", "p");

    assertThat(platform.onlyRequest().query())
        .containsEntry("bucket", "PT1H")
        .doesNotContainKey("groupBy");
  }

  @Test
  void exportWritesTheNdjsonStreamToAPrivateFile() throws Exception {
    String ndjson = reading(1) + "\n" + reading(2) + "\n";
    platform.on(
        "POST", "/api/v1/data/exports", new Answer(200, "application/x-ndjson", ndjson, Map.of()));
    Path output = home.resolve("export.ndjson");

    Run run =
        cli.run(
            "data",
            "export",
            "--category",
            "licence_plate",
            "--from",
            "2026-11-26T00:00:00Z",
            "--to",
            "2026-11-27T00:00:00Z",
            "--purpose",
            "traffic-planning",
            "--destination-country",
            "ca",
            "--output",
            output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Accept")).startsWith("application/x-ndjson");
    assertThat(ContractJson.mapper().readTree(request.body()))
        .isEqualTo(
            ContractJson.mapper()
                .readTree(
                    "{\"category\":\"licence_plate\",\"from\":\"2026-11-26T00:00:00Z\","
                        + "\"to\":\"2026-11-27T00:00:00Z\",\"purpose\":\"traffic-planning\","
                        + "\"destinationCountry\":\"CA\"}"));
    assertThat(Files.readString(output)).isEqualTo(ndjson);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output)))
        .isEqualTo("rw-------");
    assertThat(run.out())
        .isEqualTo("Exported 2 readings to " + output + "." + System.lineSeparator());
    assertThat(run.err()).as("no progress bar when not on a terminal").isEmpty();
    try (var files = Files.list(home)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".part");
    }
  }

  @Test
  void aJsonExportAnswerIsWrittenAsNdjsonToStdout() {
    platform.on(
        "POST",
        "/api/v1/data/exports",
        Answer.json(200, "{\"items\":[" + reading(1) + "," + reading(2) + "]}"));

    Run run =
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
            "CA");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("{\"readingId\""));
  }

  @Test
  void aRefusedTransferLeavesNoFileBehind() {
    platform.on(
        "POST",
        "/api/v1/data/exports",
        Answer.problem(
            403,
            "{\"title\":\"Transfer not allowed\",\"status\":403,\"detail\":\"US is not in"
                + " transferTo of licence_plate.\"}"));
    Path output = home.resolve("export.ndjson");

    Run run =
        cli.run(
            "data",
            "export",
            "--category",
            "licence_plate",
            "--from",
            "-P1D",
            "--to",
            "now",
            "--purpose",
            "p",
            "--destination-country",
            "US",
            "--output",
            output.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).startsWith("Error: Transfer not allowed (403): US is not in transferTo");
    assertThat(output).doesNotExist();
  }
}
