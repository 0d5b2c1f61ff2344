package org.civitas.audit.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.civitas.audit.log.AppendedEvent;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.civitas.contract.audit.Decision;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RollupKeyUnitTest {

  private static final LocalDate LOGGED_ON = LocalDate.parse("2026-11-26");

  static AuditEvent event(
      String subject,
      AuditAction action,
      List<String> roles,
      String warrantRef,
      Decision decision,
      Long recordCount,
      Long policyVersion) {
    return new AuditEvent(
        subject + "-" + Math.random(),
        "2026-03-01T23:30:00-02:00",
        "policy-service",
        action,
        new Actor(subject, roles, "Police"),
        "investigation",
        new LegalBasis(warrantRef),
        new Resource("licence_plate", "cam-1", null, null),
        decision,
        null,
        recordCount,
        policyVersion,
        "corr");
  }

  private static JsonNode json(AuditEvent event) {
    return ContractJson.mapper().valueToTree(event);
  }

  /** The event as the log passes it on: parsed from what was sent, with its time read. */
  private static AppendedEvent logged(AuditEvent event) {
    JsonNode parsed = JsonCanonicalizer.parse(ContractJson.mapper().writeValueAsBytes(event));
    return new AppendedEvent(
        0,
        new byte[32],
        JsonCanonicalizer.canonicalize(parsed),
        parsed,
        OffsetDateTime.parse(event.occurredAt()).toInstant());
  }

  @Test
  void actorsAreKeyedByRoleAndOrganizationNeverBySubject() {
    RollupKey key =
        RollupKey.of(
            json(
                event(
                    "officer-17",
                    AuditAction.DATA_QUERY,
                    List.of("STAFF", "LAW_ENFORCEMENT"),
                    null,
                    Decision.PERMIT,
                    5L,
                    3L)),
            LOGGED_ON);

    assertThat(key.role()).isEqualTo("LAW_ENFORCEMENT+STAFF");
    assertThat(key.organization()).isEqualTo("Police");
    assertThat(key.toString()).doesNotContain("officer-17");
  }

  @Test
  void aRoleSetTooLongForTheRollupIndexCountsAsNoRole() {
    List<String> roles =
        IntStream.range(0, RollupKey.MAX_ROLES)
            .mapToObj(i -> "ROLE_" + i + "_" + "r".repeat(200))
            .toList();
    RollupKey key =
        RollupKey.of(
            json(event("s", AuditAction.DATA_QUERY, roles, null, Decision.PERMIT, 1L, null)),
            LOGGED_ON);
    RollupKey fitting =
        RollupKey.of(
            json(
                event(
                    "s",
                    AuditAction.DATA_QUERY,
                    roles.subList(0, 1),
                    null,
                    Decision.PERMIT,
                    1L,
                    null)),
            LOGGED_ON);

    assertThat(key.role()).isEmpty();
    assertThat(fitting.role()).isEqualTo(roles.get(0));
  }

  @Test
  void theDayIsTheUtcDayTheEventOccurredOn() {
    RollupKey key =
        RollupKey.of(
            json(event("a", AuditAction.DATA_QUERY, List.of(), null, Decision.PERMIT, 1L, null)),
            LOGGED_ON);

    assertThat(key.day()).isEqualTo(LocalDate.parse("2026-03-02"));
  }

  @Test
  void anEventWithoutAValidTimeCountsOnTheDayItWasLogged() {
    JsonNode event =
        ContractJson.mapper().readTree("{\"eventId\":\"x\",\"occurredAt\":\"yesterday\"}");

    RollupKey key = RollupKey.of(event, LOGGED_ON);

    assertThat(key.day()).isEqualTo(LOGGED_ON);
    assertThat(key.action()).isEmpty();
    assertThat(key.role()).isEmpty();
  }

  @Test
  void warrantPresenceIsPartOfTheKeyButNotTheWarrantReference() {
    RollupKey with =
        RollupKey.of(
            json(
                event(
                    "a",
                    AuditAction.DATA_QUERY,
                    List.of("LAW_ENFORCEMENT"),
                    "W-2026-001",
                    Decision.PERMIT,
                    1L,
                    3L)),
            LOGGED_ON);
    RollupKey blank =
        RollupKey.of(
            json(
                event(
                    "a",
                    AuditAction.DATA_QUERY,
                    List.of("LAW_ENFORCEMENT"),
                    " ",
                    Decision.PERMIT,
                    1L,
                    3L)),
            LOGGED_ON);

    assertThat(with.warrant()).isTrue();
    assertThat(blank.warrant()).isFalse();
    assertThat(with.toString()).doesNotContain("W-2026-001");
  }

  @Test
  void onlyPublishedPoliciesKeepTheirVersion() {
    RollupKey published =
        RollupKey.of(
            json(
                event(
                    "admin",
                    AuditAction.POLICY_PUBLISHED,
                    List.of("POLICY_ADMIN"),
                    null,
                    Decision.PERMIT,
                    null,
                    7L)),
            LOGGED_ON);
    RollupKey query =
        RollupKey.of(
            json(event("a", AuditAction.DATA_QUERY, List.of(), null, Decision.PERMIT, 1L, 7L)),
            LOGGED_ON);

    assertThat(published.policyVersion()).isEqualTo(7);
    assertThat(query.policyVersion()).isZero();
  }

  @Test
  void exportDestinationIsTakenWhenTheEventCarriesOne() {
    JsonNode event =
        ContractJson.mapper()
            .readTree(
                "{\"eventId\":\"x\",\"action\":\"DATA_EXPORT\","
                    + "\"resource\":{\"category\":\"traffic_count\",\"destinationCountry\":\"NL\"}}");

    assertThat(RollupKey.of(event, LOGGED_ON).destinationCountry()).isEqualTo("NL");
    assertThat(
            RollupKey.of(
                    json(
                        event(
                            "a",
                            AuditAction.DATA_EXPORT,
                            List.of(),
                            null,
                            Decision.PERMIT,
                            1L,
                            null)),
                    LOGGED_ON)
                .destinationCountry())
        .isEmpty();
  }

  @Test
  void aDestinationThatIsNotACountryCodeCountsAsNone() {
    for (String destination : List.of("Germany", "de", "D", "resident alice")) {
      JsonNode event =
          ContractJson.mapper()
              .readTree(
                  "{\"action\":\"DATA_EXPORT\",\"resource\":{\"destinationCountry\":\""
                      + destination
                      + "\"}}");

      assertThat(RollupKey.of(event, LOGGED_ON).destinationCountry()).isEmpty();
    }
  }

  @Test
  void aBatchAddsOneCellPerDistinctKeyWithCountsAndRecordSums() {
    AuditEvent first =
        event("a", AuditAction.DATA_QUERY, List.of("STAFF"), null, Decision.PERMIT, 10L, null);
    AuditEvent second =
        event("b", AuditAction.DATA_QUERY, List.of("STAFF"), null, Decision.PERMIT, 32L, null);
    AuditEvent denied =
        event("c", AuditAction.DATA_QUERY, List.of("STAFF"), null, Decision.DENY, null, null);

    Map<RollupKey, long[]> cells =
        Rollups.tally(List.of(logged(first), logged(second), logged(denied)), LOGGED_ON);

    assertThat(cells).hasSize(2);
    RollupKey permitted = RollupKey.of(json(first), LOGGED_ON);
    assertThat(cells.get(permitted)).containsExactly(2, 42);
    assertThat(cells.get(RollupKey.of(json(denied), LOGGED_ON))).containsExactly(1, 0);
  }
}
