package org.civitas.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.audit.log.AuditLogFixtures;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierIntegrationTest extends AuditServiceTestBase {

  @TempDir Path directory;

  @Test
  void theRunningLogVerifiesOnlineAndFromItsExport() throws IOException {
    long index = appendOneEvent();
    awaitHeadCovering(index);
    Path export = directory.resolve("export");
    Path saved = directory.resolve("saved-head.json");

    Outcome online =
        verify(
            "--base-url",
            baseUrl(),
            "--token",
            TestTokens.auditor(),
            "--export-dir",
            export.toString(),
            "--save-head",
            saved.toString());
    Outcome offline =
        verify(
            "--events",
            export.resolve("events.ndjson").toString(),
            "--tree-head",
            export.resolve("tree-head.json").toString(),
            "--public-key",
            export.resolve("public-key.pem").toString());

    assertThat(online.status()).as(online.err()).isZero();
    assertThat(online.out()).startsWith("OK: verified ");
    assertThat(offline.status()).as(offline.err()).isZero();
    assertThat(offline.out()).isEqualTo(online.out());
    assertThat(Files.readAllLines(export.resolve("events.ndjson"))).hasSizeGreaterThan(0);
    assertThat(Files.readString(saved)).contains("\"treeSize\"");
  }

  @Test
  void aLaterLogIsProvedConsistentWithASavedHead() throws IOException {
    awaitHeadCovering(appendOneEvent());
    Path saved = directory.resolve("saved-head.json");
    assertThat(
            verify(
                    "--base-url",
                    baseUrl(),
                    "--token",
                    TestTokens.auditor(),
                    "--save-head",
                    saved.toString())
                .status())
        .isZero();
    long savedSize =
        Long.parseLong(Files.readString(saved).replaceAll(".*\"treeSize\":(\\d+).*", "$1"));
    awaitHeadCovering(appendOneEvent());

    Outcome later =
        verify(
            "--base-url",
            baseUrl(),
            "--token",
            TestTokens.auditor(),
            "--trusted-head",
            saved.toString());

    assertThat(later.status()).as(later.err()).isZero();
    assertThat(later.out()).contains("consistent with the trusted head of size " + savedSize);
  }

  @Test
  void anEventAlteredInTheDatabaseFailsVerification() {
    long index = appendOneEvent();
    awaitHeadCovering(index);
    byte[] original =
        jdbc.queryForObject(
            "select canonical from audit_events where leaf_index = ?", byte[].class, index);
    byte[] originalHash =
        jdbc.queryForObject(
            "select leaf_hash from audit_events where leaf_index = ?", byte[].class, index);
    try {
      jdbc.update(
          "update audit_events set canonical = convert_to(replace(convert_from(canonical, 'UTF8'),"
              + " 'traffic-planning', 'marketing'), 'UTF8') where leaf_index = ?",
          index);
      Outcome alteredEvent = verify("--base-url", baseUrl(), "--token", TestTokens.auditor());
      jdbc.update(
          "update audit_events set leaf_hash = sha256('\\x00'::bytea || canonical)"
              + " where leaf_index = ?",
          index);
      Outcome alteredEventAndHash =
          verify("--base-url", baseUrl(), "--token", TestTokens.auditor());

      assertThat(alteredEvent.status()).isEqualTo(VerifyCommand.FAILED);
      assertThat(alteredEvent.err()).contains("leaf " + index, "altered");
      assertThat(alteredEventAndHash.status()).isEqualTo(VerifyCommand.FAILED);
      assertThat(alteredEventAndHash.err())
          .contains("root recomputed from the events does not match");
    } finally {
      jdbc.update(
          "update audit_events set canonical = ?, leaf_hash = ? where leaf_index = ?",
          original,
          originalHash,
          index);
    }
  }

  @Test
  void withoutAnAuditorTokenTheVerifierSaysWhy() {
    Outcome staff = verify("--base-url", baseUrl(), "--token", TestTokens.staff());

    assertThat(staff.status()).isEqualTo(VerifyCommand.FAILED);
    assertThat(staff.err()).contains("403", "AUDITOR");
  }

  private long appendOneEvent() {
    AuditEvent event = AuditLogFixtures.event(newId());
    publish(event);
    await().until(() -> logged(event.eventId()));
    return leafIndexOf(event.eventId());
  }

  private void awaitHeadCovering(long leafIndex) {
    await()
        .until(
            () -> json(get("/api/v1/audit/tree-head", null)).get("treeSize").asLong(),
            size -> size > leafIndex);
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  private record Outcome(int status, String out, String err) {}

  private static Outcome verify(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VerifyCommand.run(
            new ArrayList<>(List.of(args)).toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
