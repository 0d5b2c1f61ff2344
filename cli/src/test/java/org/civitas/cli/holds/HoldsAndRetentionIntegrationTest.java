package org.civitas.cli.holds;

import static org.assertj.core.api.Assertions.assertThat;

import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;

class HoldsAndRetentionIntegrationTest extends CliAgainstFakePlatform {

  static final String HOLD =
      "{\"id\":\"4b1d\",\"category\":\"licence_plate\",\"sensorId\":null,"
          + "\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-02T00:00:00Z\","
          + "\"caseRef\":\"CASE-77\",\"reason\":\"collision investigation\"}";

  HoldsAndRetentionIntegrationTest() {
    super("city-it", "STAFF");
  }

  @Test
  void placingAHoldPostsItsScope() {
    platform.on("POST", "/api/v1/legal-holds", Answer.json(201, HOLD));

    Run run =
        cli.run(
            "holds",
            "place",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02",
            "--case-ref",
            "CASE-77",
            "--reason",
            "collision investigation",
            "--category",
            "licence_plate");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(ContractJson.mapper().readTree(request.body()))
        .isEqualTo(
            ContractJson.mapper()
                .readTree(
                    "{\"category\":\"licence_plate\",\"from\":\"2026-11-01T00:00:00Z\","
                        + "\"to\":\"2026-11-02T00:00:00Z\",\"caseRef\":\"CASE-77\","
                        + "\"reason\":\"collision investigation\"}"));
    assertThat(run.out()).startsWith("Placed legal hold 4b1d.");
  }

  @Test
  void listingHoldsShowsATable() {
    platform.on("GET", "/api/v1/legal-holds", Answer.json(200, "[" + HOLD + "]"));

    Run run = cli.run("holds", "list");

    assertThat(run.out().lines().toList())
        .containsExactly(
            "ID    CASE     CATEGORY       SENSOR  FROM                  TO                    REASON",
            "4b1d  CASE-77  licence_plate  -       2026-11-01T00:00:00Z  2026-11-02T00:00:00Z  collision investigation");
  }

  @Test
  void releasingAHoldDeletesIt() {
    platform.on("DELETE", "/api/v1/legal-holds/4b1d", Answer.empty(204));

    Run run = cli.run("holds", "release", "4b1d");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().method()).isEqualTo("DELETE");
    assertThat(run.out()).contains("Released legal hold 4b1d");
  }

  @Test
  void aRetentionSweepIsPostedAndItsCountsShown() {
    platform.on(
        "POST",
        "/api/v1/retention/sweeps",
        Answer.json(
            200,
            "{\"sweptAt\":\"2026-11-26T10:00:00Z\",\"purged\":{\"licence_plate\":120,\"noise_level\":0}}"));

    Run run = cli.run("retention", "sweep");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.body()).isEmpty();
    assertThat(run.out())
        .contains("Retention sweep done.")
        .contains("purged:")
        .contains("licence_plate: 120");
  }
}
