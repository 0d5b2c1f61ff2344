package org.civitas.policy.access;

import java.time.Clock;
import java.util.List;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.governance.GovernedReadings;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.versions.ActivePolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reading governed data: decide under the active policy, audit the decision (acknowledged by Kafka)
 * and only then hand out the readings. Expired readings are never returned, whether or not the
 * retention sweep has removed them yet.
 */
@Component
public class ReadingAccess {

  private final ActivePolicy activePolicy;
  private final GovernedReadings readings;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final Clock clock;

  ReadingAccess(
      ActivePolicy activePolicy,
      GovernedReadings readings,
      AuditPublisher audit,
      AuditEvents auditEvents,
      Clock clock) {
    this.activePolicy = activePolicy;
    this.readings = readings;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.clock = clock;
  }

  /**
   * @throws AccessDenied when no rule permits (after the denial is audited)
   * @throws NoActivePolicy when no policy is active yet
   * @throws org.civitas.kit.audit.AuditUnavailableException when the audit log cannot record the
   *     access; nothing is returned then
   */
  public ReadingPage read(ReadingRequest request, Authentication caller) {
    CompiledPolicy policy = activePolicy.compiled().orElseThrow(NoActivePolicy::new);
    DeniedAccess.permitOrDeny(
        policy.category(request.category()).orElse(null),
        caller,
        request.purpose(),
        request.warrantRef(),
        Granularity.RECORD,
        audit,
        () -> event(request, caller, policy));
    List<GovernedReadings.Found> rows =
        readings.find(
            new GovernedReadings.Query(
                request.category(),
                request.from(),
                request.to(),
                request.sensorId(),
                request.after(),
                request.limit() + 1,
                clock.instant()));
    boolean more = rows.size() > request.limit();
    List<GovernedReadings.Found> page = more ? rows.subList(0, request.limit()) : rows;
    String nextCursor = more ? ReadingCursor.encode(page.get(page.size() - 1).position()) : null;
    List<GovernedReading> items = page.stream().map(GovernedReadings.Found::reading).toList();
    audit.publish(event(request, caller, policy).recordCount(items.size()).build());
    return new ReadingPage(items, nextCursor);
  }

  private AuditEvents.Builder event(
      ReadingRequest request, Authentication caller, CompiledPolicy policy) {
    return auditEvents
        .of(AuditAction.DATA_QUERY, caller)
        .purpose(request.purpose())
        .warrantRef(blankToNull(request.warrantRef()))
        .resource(
            request.category(),
            request.sensorId(),
            Callers.text(request.from()),
            Callers.text(request.to()))
        .policyVersion(policy.version());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
