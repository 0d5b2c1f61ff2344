package org.civitas.audit.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civitas.audit.AuditServiceTestBase;
import org.civitas.audit.treehead.ReportSignatures;
import org.civitas.audit.treehead.SignedTreeHead;
import org.civitas.audit.treehead.TreeHeadSignatures;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.civitas.contract.audit.Decision;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events published to the audit topic on days no other test uses, then the public report over those
 * days: its figures equal the events, it is signed, and no individual appears in it.
 */
class TransparencyIntegrationTest extends AuditServiceTestBase {

  @Autowired private Rollups rollups;

  private static final String RANGE = "from=2020-03-01&to=2020-03-03";
  private static final String PLANNING = "planning-" + newId();
  private static final String INVESTIGATION = "investigation-" + newId();
  private static final String RESIDENT = "resident-alice-" + newId();
  private static final String OFFICER = "officer-bob-" + newId();
  private static final List<AuditEvent> EVENTS = new ArrayList<>();

  private static AuditEvent event(
      String day,
      AuditAction action,
      String subject,
      List<String> roles,
      String purpose,
      String warrantRef,
      String category,
      Decision decision,
      Long recordCount,
      Long policyVersion) {
    return new AuditEvent(
        newId(),
        day + "T12:00:00.000Z",
        "policy-service",
        action,
        new Actor(subject, roles, roles.isEmpty() ? "Civitas" : "City IT"),
        purpose,
        new LegalBasis(warrantRef),
        new Resource(category, null, null, null),
        decision,
        decision == Decision.DENY ? "no rule permits" : null,
        recordCount,
        policyVersion,
        "corr-" + newId());
  }

  @BeforeAll
  static void publishEvents() {
    List<String> staff = List.of("STAFF");
    List<String> police = List.of("LAW_ENFORCEMENT");
    for (long records : new long[] {10, 20, 30}) {
      EVENTS.add(
          event(
              "2020-03-01",
              AuditAction.DATA_QUERY,
              RESIDENT,
              staff,
              PLANNING,
              null,
              "traffic_count",
              Decision.PERMIT,
              records,
              3L));
    }
    for (int i = 0; i < 2; i++) {
      EVENTS.add(
          event(
              "2020-03-02",
              AuditAction.DATA_QUERY,
              RESIDENT,
              staff,
              PLANNING,
              null,
              "licence_plate",
              Decision.DENY,
              null,
              3L));
    }
    EVENTS.add(
        event(
            "2020-03-02",
            AuditAction.DATA_QUERY,
            OFFICER,
            police,
            INVESTIGATION,
            "W-2020-17",
            "licence_plate",
            Decision.PERMIT,
            4L,
            3L));
    for (int i = 0; i < 2; i++) {
      EVENTS.add(
          event(
              "2020-03-03",
              AuditAction.DATA_QUERY,
              OFFICER,
              police,
              INVESTIGATION,
              null,
              "licence_plate",
              Decision.DENY,
              null,
              3L));
    }
    EVENTS.add(
        event(
            "2020-03-03",
            AuditAction.RETENTION_PURGE,
            "system:policy-service",
            List.of(),
            null,
            null,
            "wifi_probe",
            Decision.PERMIT,
            500L,
            3L));
    EVENTS.add(
        event(
            "2020-03-01",
            AuditAction.POLICY_PUBLISHED,
            "policy-admin-carol",
            List.of("POLICY_ADMIN"),
            null,
            null,
            null,
            Decision.PERMIT,
            null,
            42L));
    EVENTS.add(
        event(
            "2020-03-02",
            AuditAction.RESIDENCY_BLOCKED,
            "system:policy-service",
            List.of(),
            null,
            null,
            "licence_plate",
            Decision.DENY,
            7L,
            3L));
    EVENTS.forEach(AuditServiceTestBase::publish);
  }

  private void awaitAllLogged() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> EVENTS.stream().allMatch(e -> logged(e.eventId())));
  }

  private static JsonNode row(JsonNode rows, String field, String value, String decision) {
    for (JsonNode row : rows) {
      if (value.equals(row.path(field).asString(null))
          && decision.equals(row.path("decision").asString(null))) {
        return row;
      }
    }
    throw new AssertionError("no row with " + field + " " + value + " and decision " + decision);
  }

  private HttpResponse<String> getWithAccept(String pathAndQuery, String accept) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
              .header("Accept", accept)
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void figuresSummedByTheDatabaseEqualFiguresSummedFromTheCells() {
    awaitAllLogged();
    LocalDate from = LocalDate.parse("2020-03-01");
    LocalDate to = LocalDate.parse("2020-03-03");
    ReportRange range = new ReportRange(from, to);
    SignedTreeHead head = new SignedTreeHead(1, "cm9vdA==", 1L, "c2ln", "kid");
    Instant at = Instant.parse("2026-11-26T10:00:00Z");

    ObjectNode fromCells = TransparencyReport.figures(rollups.between(from, to), range, head, at);
    ObjectNode fromDatabase =
        TransparencyReport.figures(rollups.tallies(from, to), range, head, at);

    assertThat(fromCells.at("/byAction").size()).isGreaterThan(3);
    assertThat(fromDatabase).isEqualTo(fromCells);
  }

  @Test
  void reportFiguresEqualThePublishedEventsPerPurposeAndDecision() {
    awaitAllLogged();

    HttpResponse<String> response = get("/api/v1/transparency/report?" + RANGE, null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.get("from").asString()).isEqualTo("2020-03-01");
    assertThat(report.get("to").asString()).isEqualTo("2020-03-03");
    JsonNode byPurpose = report.at("/accessRequests/byPurpose");
    assertThat(row(byPurpose, "purpose", PLANNING, "PERMIT").get("requests").asLong()).isEqualTo(3);
    assertThat(row(byPurpose, "purpose", PLANNING, "PERMIT").get("records").asLong()).isEqualTo(60);
    assertThat(row(byPurpose, "purpose", PLANNING, "DENY").get("requests").asLong()).isEqualTo(2);
    assertThat(row(byPurpose, "purpose", INVESTIGATION, "PERMIT").get("requests").asLong())
        .isEqualTo(1);
    assertThat(row(byPurpose, "purpose", INVESTIGATION, "DENY").get("requests").asLong())
        .isEqualTo(2);
    assertThat(report.at("/accessRequests/requests").asLong()).isEqualTo(8);
    assertThat(report.at("/accessRequests/denied").asLong()).isEqualTo(4);
    assertThat(report.at("/lawEnforcement/requests").asLong()).isEqualTo(3);
    assertThat(report.at("/lawEnforcement/withWarrant").asLong()).isEqualTo(1);
    assertThat(report.at("/lawEnforcement/withoutWarrant").asLong()).isEqualTo(2);
    assertThat(report.at("/lawEnforcement/denied").asLong()).isEqualTo(2);
    assertThat(report.at("/retentionPurges/0/category").asString()).isEqualTo("wifi_probe");
    assertThat(report.at("/retentionPurges/0/records").asLong()).isEqualTo(500);
    assertThat(report.at("/residencyBlocks/0/blocks").asLong()).isEqualTo(1);
    assertThat(report.at("/policyVersions/0/policyVersion").asLong()).isEqualTo(42);
    JsonNode byRole = report.at("/accessRequests/byRole");
    assertThat(row(byRole, "role", "STAFF", "PERMIT").get("organization").asString())
        .isEqualTo("City IT");
  }

  @Test
  void noIndividualActorAppearsInThePublicReport() {
    awaitAllLogged();

    String json = get("/api/v1/transparency/report?" + RANGE, null).body();
    String csv = getWithAccept("/api/v1/transparency/report?" + RANGE, "text/csv").body();

    for (String body : List.of(json, csv)) {
      assertThat(body)
          .doesNotContain(RESIDENT)
          .doesNotContain(OFFICER)
          .doesNotContain("policy-admin-carol")
          .doesNotContain("W-2020-17");
    }
  }

  @Test
  void reportIsSignedWithTheTreeHeadKeyAndNamesASignedTreeHead() {
    awaitAllLogged();
    JsonNode key = json(get("/api/v1/audit/public-key", null));
    PublicKey publicKey = TreeHeadSignatures.fromPem(key.get("publicKeyPem").asString());

    JsonNode report = json(get("/api/v1/transparency/report?" + RANGE, null));

    assertThat(report.get("keyId").asString()).isEqualTo(key.get("keyId").asString());
    assertThat(ReportSignatures.verify(publicKey, report)).isTrue();
    JsonNode head = report.get("treeHead");
    assertThat(
            TreeHeadSignatures.verify(
                publicKey,
                new SignedTreeHead(
                    head.get("treeSize").asLong(),
                    head.get("rootHash").asString(),
                    head.get("timestamp").asLong(),
                    head.get("signature").asString(),
                    head.get("keyId").asString())))
        .isTrue();
    ((tools.jackson.databind.node.ObjectNode) report.get("lawEnforcement")).put("denied", 0);
    assertThat(ReportSignatures.verify(publicKey, report)).isFalse();
  }

  @Test
  void csvHasAHeaderAndOneRowPerRollupCell() {
    awaitAllLogged();

    HttpResponse<String> response =
        getWithAccept("/api/v1/transparency/report?" + RANGE, "text/csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] lines = response.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "day,action,purpose,role,organization,category,decision,warrant,"
                + "destinationCountry,policyVersion,events,recordCount");
    long cells =
        jdbc.queryForObject(
            "select count(*) from transparency_rollups"
                + " where day between '2020-03-01' and '2020-03-03'",
            Long.class);
    assertThat(lines).hasSize((int) cells + 1);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i].split(",", -1)).hasSize(12);
    }
    assertThat(response.body())
        .contains("2020-03-03,RETENTION_PURGE,,,Civitas,wifi_probe,PERMIT,false,,,1,500");
    assertThat(get("/api/v1/transparency/report?" + RANGE + "&format=csv", null).body())
        .isEqualTo(response.body());
  }

  @Test
  void rollupsAgreeWithAScanOfTheLoggedEvents() {
    awaitAllLogged();

    long scanned =
        jdbc.queryForObject(
            "select count(*) from audit_events where occurred_at >= '2020-03-01T00:00:00Z'"
                + " and occurred_at < '2020-03-04T00:00:00Z'",
            Long.class);
    long rolledUp =
        jdbc.queryForObject(
            "select sum(events) from transparency_rollups"
                + " where day between '2020-03-01' and '2020-03-03'",
            Long.class);

    assertThat(rolledUp).isEqualTo(scanned).isEqualTo(EVENTS.size());
  }

  /** An export as policy-service records it, on days of their own. */
  private static AuditEvent export(
      String day, String country, Decision decision, Long recordCount) {
    return new AuditEvent(
        newId(),
        day + "T09:30:00.000Z",
        "policy-service",
        AuditAction.DATA_EXPORT,
        new Actor(RESIDENT, List.of("STAFF"), "City IT"),
        "open-data",
        LegalBasis.NONE,
        new Resource("traffic_count", null, day + "T00:00:00Z", null, country),
        decision,
        decision == Decision.DENY ? "residency_transfer_not_permitted" : null,
        recordCount,
        3L,
        "corr-" + newId());
  }

  @Test
  void exportsAreReportedByDestinationCountryFromTheEventsResource() {
    List<AuditEvent> exports =
        List.of(
            export("2020-04-01", "US", Decision.PERMIT, 120L),
            export("2020-04-01", "US", Decision.PERMIT, 30L),
            export("2020-04-02", "US", Decision.DENY, null),
            export("2020-04-02", "DE", Decision.DENY, null),
            // before events named a destination
            export("2020-04-02", null, Decision.PERMIT, 5L));
    exports.forEach(AuditServiceTestBase::publish);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> exports.stream().allMatch(e -> logged(e.eventId())));

    JsonNode report = json(get("/api/v1/transparency/report?from=2020-04-01&to=2020-04-02", null));

    JsonNode byDestination = report.get("exportsByDestination");
    assertThat(byDestination).hasSize(3);
    assertThat(byDestination.get(0).get("destinationCountry").isNull()).isTrue();
    assertThat(byDestination.get(0).get("records").asLong()).isEqualTo(5);
    JsonNode germany = byDestination.get(1);
    assertThat(germany.get("destinationCountry").asString()).isEqualTo("DE");
    assertThat(germany.get("requests").asLong()).isEqualTo(1);
    assertThat(germany.get("denied").asLong()).isEqualTo(1);
    assertThat(germany.get("records").asLong()).isZero();
    JsonNode us = byDestination.get(2);
    assertThat(us.get("destinationCountry").asString()).isEqualTo("US");
    assertThat(us.get("requests").asLong()).isEqualTo(3);
    assertThat(us.get("permitted").asLong()).isEqualTo(2);
    assertThat(us.get("denied").asLong()).isEqualTo(1);
    assertThat(us.get("records").asLong()).isEqualTo(150);
    assertThat(
            row(report.get("exports"), "destinationCountry", "US", "PERMIT")
                .get("records")
                .asLong())
        .isEqualTo(150);
    assertThat(
            getWithAccept("/api/v1/transparency/report?from=2020-04-01&to=2020-04-02", "text/csv")
                .body())
        .contains(",DATA_EXPORT,open-data,STAFF,City IT,traffic_count,DENY,false,DE,,1,0");
  }

  @Test
  void invalidRangeIsRefusedNamingTheParameter() {
    HttpResponse<String> response =
        get("/api/v1/transparency/report?from=2020-03-05&to=2020-03-01", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("from");
  }

  @Test
  void dashboardAndItsAssetsAreServedToAnyone() {
    HttpResponse<String> page = get("/transparency", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains("<script src=\"/transparency/app.js\"")
        .contains("href=\"/transparency/app.css\"")
        .doesNotContain("<style")
        .doesNotContain("http://")
        .doesNotContain("https://");
    assertThat(get("/transparency/app.js", null).statusCode()).isEqualTo(200);
    assertThat(get("/transparency/app.css", null).statusCode()).isEqualTo(200);
    assertThat(get("/transparency/app.js", null).body()).contains("/api/v1/transparency/report");
  }

  @Test
  void auditorViewIsServedAtItsSignInCallbackToo() {
    for (String path :
        List.of("/transparency/auditor", "/transparency/auditor/callback?code=c&state=s")) {
      HttpResponse<String> page = get(path, null);

      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body())
          .contains("<script src=\"/transparency/auditor.js\"")
          .contains("<script src=\"/transparency/proofs.js\"")
          .doesNotContain("<style")
          .doesNotContain("http://");
    }
    assertThat(get("/transparency/auditor.js", null).statusCode()).isEqualTo(200);
    assertThat(get("/transparency/proofs.js", null).statusCode()).isEqualTo(200);
  }

  @Test
  void signInSettingsNameTheIssuerTheServiceTrustsAndTheDashboardClient() {
    HttpResponse<String> response = get("/transparency/sign-in", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode settings = json(response);
    assertThat(settings.get("enabled").asBoolean()).isTrue();
    assertThat(settings.get("issuer").asString()).isEqualTo(TestTokens.issuer());
    assertThat(settings.get("clientId").asString()).isEqualTo("transparency-dashboard");
    assertThat(settings.get("redirectPath").asString()).isEqualTo("/transparency/auditor/callback");
  }
}
