package org.civitas.audit.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.treehead.ReportSignatures;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.SigningKey;
import org.civitas.audit.treehead.TreeHeadSignatures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TransparencyReportUnitTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-20");
  private static final ReportRange RANGE = new ReportRange(DAY, DAY.plusDays(6));

  private final SigningKey key = SigningKey.generate();

  private static RollupCell cell(
      String action, String purpose, String role, String decision, boolean warrant, long events) {
    return new RollupCell(
        new RollupKey(DAY, action, purpose, role, "Org", "licence_plate", decision, warrant, "", 0),
        events,
        events * 10);
  }

  private static final List<RollupCell> CELLS =
      List.of(
          cell("DATA_QUERY", "traffic-planning", "STAFF", "PERMIT", false, 3),
          cell("DATA_QUERY", "traffic-planning", "STAFF", "DENY", false, 1),
          cell("DATA_QUERY", "investigation", "LAW_ENFORCEMENT", "PERMIT", true, 2),
          cell("DATA_QUERY", "investigation", "LAW_ENFORCEMENT", "DENY", false, 4),
          new RollupCell(
              new RollupKey(
                  DAY, "RETENTION_PURGE", "", "", "Civitas", "wifi_probe", "PERMIT", false, "", 0),
              2,
              500),
          new RollupCell(
              new RollupKey(
                  DAY, "POLICY_PUBLISHED", "", "POLICY_ADMIN", "City", "", "PERMIT", false, "", 4),
              1,
              0));

  private ObjectNode report() {
    SignedTreeHead head = new SignedTreeHead(5, "cm9vdA==", 1764151200123L, "c2ln", "kid");
    return TransparencyReports.sign(
        TransparencyReport.figures(CELLS, RANGE, head, Instant.parse("2026-11-26T10:00:00Z")), key);
  }

  @Test
  void signedCanonicalBytesAreTheCanonicalFormOfTheSignedReport() {
    SignedTreeHead head = new SignedTreeHead(5, "cm9vdA==", 1764151200123L, "c2ln", "kid");
    ObjectNode figures =
        TransparencyReport.figures(CELLS, RANGE, head, Instant.parse("2026-11-26T10:00:00Z"));
    figures.put("a\u00e9\"", "member names that sort and escape differently");
    figures.put("\ud83d\ude00", "a name beyond the basic plane");
    figures.put("\uffee", "a name above the surrogates in UTF-16 order, below in code points");

    byte[] fast = TransparencyReports.signedCanonical(figures.deepCopy(), key);

    assertThat(new String(fast, StandardCharsets.UTF_8))
        .isEqualTo(
            new String(
                JsonCanonicalizer.canonicalize(TransparencyReports.sign(figures.deepCopy(), key)),
                StandardCharsets.UTF_8));
    assertThat(ReportSignatures.verify(key.publicKey(), JsonCanonicalizer.read(fast))).isTrue();
  }

  @Test
  void figuresAddUpTheCellsByPurposeAndDecision() {
    JsonNode report = report();

    assertThat(report.at("/accessRequests/requests").asLong()).isEqualTo(10);
    assertThat(report.at("/accessRequests/denied").asLong()).isEqualTo(5);
    assertThat(report.at("/lawEnforcement/requests").asLong()).isEqualTo(6);
    assertThat(report.at("/lawEnforcement/withWarrant").asLong()).isEqualTo(2);
    assertThat(report.at("/lawEnforcement/withoutWarrant").asLong()).isEqualTo(4);
    assertThat(report.at("/lawEnforcement/denied").asLong()).isEqualTo(4);
    assertThat(report.at("/retentionPurges/0/category").asString()).isEqualTo("wifi_probe");
    assertThat(report.at("/retentionPurges/0/records").asLong()).isEqualTo(500);
    assertThat(report.at("/policyVersions/0/policyVersion").asLong()).isEqualTo(4);
    JsonNode byPurpose = report.get("accessRequests").get("byPurpose");
    assertThat(byPurpose).hasSize(4);
    assertThat(byPurpose.get(0).get("purpose").asString()).isEqualTo("investigation");
    assertThat(byPurpose.get(0).get("decision").asString()).isEqualTo("DENY");
    assertThat(byPurpose.get(0).get("requests").asLong()).isEqualTo(4);
  }

  private static RollupCell exportCell(String country, String decision, long events, long records) {
    return new RollupCell(
        new RollupKey(
            DAY,
            "DATA_EXPORT",
            "open-data",
            "STAFF",
            "Org",
            "traffic_count",
            decision,
            false,
            country,
            0),
        events,
        records);
  }

  @Test
  void exportsByDestinationAddUpRequestsDecisionsAndReadingsPerCountry() {
    List<RollupCell> cells =
        List.of(
            exportCell("US", "PERMIT", 2, 150),
            exportCell("US", "DENY", 1, 0),
            exportCell("DE", "DENY", 3, 0),
            exportCell("", "PERMIT", 1, 5),
            cell("DATA_QUERY", "traffic-planning", "STAFF", "PERMIT", false, 3));
    SignedTreeHead head = new SignedTreeHead(5, "cm9vdA==", 1764151200123L, "c2ln", "kid");

    JsonNode byDestination =
        TransparencyReport.figures(cells, RANGE, head, Instant.parse("2026-11-26T10:00:00Z"))
            .get("exportsByDestination");

    assertThat(byDestination).hasSize(3);
    assertThat(byDestination.get(0).get("destinationCountry").isNull()).isTrue();
    assertThat(byDestination.get(1).toString())
        .isEqualTo(
            "{\"destinationCountry\":\"DE\",\"requests\":3,\"permitted\":0,\"denied\":3,"
                + "\"records\":0}");
    assertThat(byDestination.get(2).toString())
        .isEqualTo(
            "{\"destinationCountry\":\"US\",\"requests\":3,\"permitted\":2,\"denied\":1,"
                + "\"records\":150}");
  }

  @Test
  void theSignatureVerifiesWithThePublicKeyAndFailsWhenAFigureChanges() {
    ObjectNode report = report();

    assertThat(report.get("keyId").asString()).isEqualTo(key.keyId());
    assertThat(ReportSignatures.verify(key.publicKey(), report)).isTrue();

    ((ObjectNode) report.get("lawEnforcement")).put("denied", 0);
    assertThat(ReportSignatures.verify(key.publicKey(), report)).isFalse();
  }

  @Test
  void theSignedFormIsTheCanonicalReportWithoutItsSignature() {
    ObjectNode report = report();
    ObjectNode unsigned = report.deepCopy();
    unsigned.remove("signature");

    byte[] signed = ReportSignatures.signedBytes(report);

    assertThat(signed).isEqualTo(JsonCanonicalizer.canonicalize(unsigned));
    assertThat(new String(signed, StandardCharsets.UTF_8))
        .doesNotContain(report.get("signature").asString())
        .startsWith("{\"accessRequests\":");
    assertThat(TreeHeadSignatures.keyId(key.publicKey())).isEqualTo(report.get("keyId").asString());
  }

  @Test
  void csvHasAHeaderAndOneRowPerCell() {
    String[] lines = TransparencyReport.csv(CELLS).split("\r\n");

    assertThat(lines).hasSize(CELLS.size() + 1);
    assertThat(lines[0])
        .isEqualTo(
            "day,action,purpose,role,organization,category,decision,warrant,"
                + "destinationCountry,policyVersion,events,recordCount");
    assertThat(lines)
        .contains("2026-11-20,POLICY_PUBLISHED,,POLICY_ADMIN,City,,PERMIT,false,,4,1,0");
  }

  @Test
  void csvFieldsCannotStartAFormula() {
    assertThat(TransparencyReport.csvField("=HYPERLINK(\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(TransparencyReport.csvField("a,b")).isEqualTo("\"a,b\"");
  }
}
