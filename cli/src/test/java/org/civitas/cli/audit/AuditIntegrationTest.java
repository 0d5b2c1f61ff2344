package org.civitas.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.testing.Cli.Run;
import org.civitas.cli.testing.CliAgainstFakePlatform;
import org.civitas.cli.testing.FakePlatform.Answer;
import org.civitas.cli.testing.FakePlatform.Recorded;
import org.junit.jupiter.api.Test;

class AuditIntegrationTest extends CliAgainstFakePlatform {

  static final String TREE_HEAD =
      "{\"treeSize\":1234,\"rootHash\":\"q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=\","
          + "\"timestamp\":1764151200123,\"signature\":\"c2lnbmF0dXJl\",\"keyId\":\"k1\"}";

  static final String EVENTS =
      """
      {"items":[{"leafIndex":0,"leafHash":"aGFzaA==","event":{
        "eventId":"e1","occurredAt":"2026-11-26T10:20:01.123Z","service":"policy-service",
        "action":"DATA_QUERY","actor":{"subject":"city-it","roles":["STAFF"],"organization":"City IT"},
        "purpose":"traffic-planning","legalBasis":{"warrantRef":null},
        "resource":{"category":"licence_plate","sensorId":null,"from":"a","to":"b"},
        "decision":"PERMIT","reason":null,"recordCount":120,"policyVersion":3,"correlationId":"x"}}],
       "page":0,"size":100,"total":1}
      """;

  @Test
  void theTreeHeadIsPublicAndFetchedWithoutAToken() {
    cli.loggedInAs("auditor", "AUDITOR");
    platform.on("GET", "/api/v1/audit/tree-head", Answer.json(200, TREE_HEAD));

    Run run = cli.run("audit", "tree-head");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(platform.onlyRequest().header("Authorization")).isNull();
    assertThat(run.out())
        .contains("Tree size:  1234")
        .contains("Signed at:  2025-11-26T10:00:00.123Z (1764151200123)")
        .contains("Key id:     k1");
  }

  @Test
  void treeHeadWorksWithoutLoggingIn() {
    platform.on("GET", "/api/v1/audit/tree-head", Answer.json(200, TREE_HEAD));

    Run run = cli.run("--json", "audit", "tree-head");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo(TREE_HEAD);
  }

  @Test
  void eventsAreFilteredAndPaged() {
    cli.loggedInAs("auditor", "AUDITOR");
    platform.on("GET", "/api/v1/audit/events", Answer.json(200, EVENTS));

    Run run =
        cli.run(
            "audit",
            "events",
            "--from",
            "2026-11-26",
            "--to",
            "2026-11-27",
            "--action",
            "data_query",
            "--actor",
            "city-it",
            "--purpose",
            "traffic-planning",
            "--page",
            "0",
            "--size",
            "100");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Recorded request = platform.onlyRequest();
    assertThat(request.header("Authorization")).startsWith("Bearer ");
    assertThat(request.query())
        .containsExactly(
            Map.entry("from", "2026-11-26T00:00:00Z"),
            Map.entry("to", "2026-11-27T00:00:00Z"),
            Map.entry("action", "DATA_QUERY"),
            Map.entry("actor", "city-it"),
            Map.entry("purpose", "traffic-planning"),
            Map.entry("page", "0"),
            Map.entry("size", "100"));
    assertThat(run.out())
        .contains("LEAF  OCCURRED                  SERVICE         ACTION")
        .contains("DATA_QUERY  city-it  STAFF  traffic-planning  PERMIT    120      licence_plate")
        .contains("Page 0 of 1 (pages count from 0; 1 event, 100 per page).");
  }

  @Test
  void theAuditModulesVerifierIsBundledAndFoundOnTheClassPath() {
    Optional<LogVerification> found =
        org.civitas.cli.command.CliEnvironment.of(Map.of(), home).plugin(LogVerification.class);

    assertThat(found).containsInstanceOf(BundledLogVerification.class);
  }

  /** Records how it was called and answers as told. */
  static final class RecordingVerification implements LogVerification {
    final List<Object> calls = new ArrayList<>();
    final Result result;

    RecordingVerification(Result result) {
      this.result = result;
    }

    @Override
    public Result verify(
        String baseUrl, String token, Optional<Path> trustedHead, ProgressListener progress) {
      calls.add(List.of(baseUrl, token, trustedHead));
      progress.progress(1, 2);
      progress.progress(2, 2);
      return result;
    }
  }

  @Test
  void verifyDelegatesToThePluggedVerifierWithTheCachedToken() throws Exception {
    cli.loggedInAs("auditor", "AUDITOR");
    Path trusted = Files.writeString(home.resolve("head.json"), TREE_HEAD);
    RecordingVerification verification =
        new RecordingVerification(LogVerification.Result.verified(1234, "q1w2", "consistent"));
    cli.with(cli.environment().withPlugin(LogVerification.class, verification));

    Run run = cli.run("audit", "verify", "--trusted-head", trusted.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String token = cli.tokenCache().load().orElseThrow().accessToken();
    assertThat(verification.calls)
        .containsExactly(List.of(platform.url(), token, Optional.of(trusted)));
    assertThat(run.out()).contains("Verified: 1234 events match the signed tree head (root q1w2).");
    assertThat(run.err()).as("quiet when not on a terminal").isEmpty();
  }

  @Test
  void aFailedVerificationExitsWithSix() {
    cli.loggedInAs("auditor", "AUDITOR");
    cli.with(
        cli.environment()
            .withPlugin(
                LogVerification.class,
                new RecordingVerification(
                    LogVerification.Result.failed(
                        1234, "q1w2", "the event at leaf 7 does not match its leaf hash"))));

    Run run = cli.run("audit", "verify");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
    assertThat(run.err())
        .contains(
            "Error: audit log verification FAILED: the event at leaf 7 does not match its leaf hash");
  }

  @Test
  void verifyNeedsALogin() {
    cli.with(
        cli.environment()
            .withPlugin(
                LogVerification.class,
                new RecordingVerification(LogVerification.Result.verified(1, "r", null))));

    Run run = cli.run("audit", "verify");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_LOGGED_IN);
  }
}
