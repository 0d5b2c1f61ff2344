package org.civitas.policy.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.contract.audit.AuditAction;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.governance.GovernedReadings;
import org.civitas.policy.governance.GovernedReadings.Aggregation;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.versions.ActivePolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Aggregates of governed data (CONTRACT §8): permitted by an aggregate rule, or by a record rule
 * (whose holder may see the records anyway), for the caller's role and declared purpose. Cells
 * smaller than the rule's {@code minCount} are suppressed (a record rule has none: 1). Counted and
 * summarized in the database over live readings only; the decision is audited, acknowledged by
 * Kafka, before anything is returned.
 */
@Component
public class ReadingAggregates {

  private final ActivePolicy activePolicy;
  private final GovernedReadings readings;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final AccessSettings settings;
  private final Clock clock;

  ReadingAggregates(
      ActivePolicy activePolicy,
      GovernedReadings readings,
      AuditPublisher audit,
      AuditEvents auditEvents,
      AccessSettings settings,
      Clock clock) {
    this.activePolicy = activePolicy;
    this.readings = readings;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @throws AccessDenied when no rule permits (after the denial is audited)
   * @throws TooManyCells when the answer would be too large; nothing is returned
   * @throws NoActivePolicy when no policy is active yet
   * @throws org.civitas.kit.audit.AuditUnavailableException when the audit log cannot record the
   *     access; nothing is returned then
   */
  public AggregateReport aggregate(AggregateRequest request, Authentication caller) {
    CompiledPolicy policy = activePolicy.compiled().orElseThrow(NoActivePolicy::new);
    AccessDecision.Permit permit =
        DeniedAccess.permitOrDeny(
            policy.category(request.category()).orElse(null),
            caller,
            request.purpose(),
            request.warrantRef(),
            Granularity.AGGREGATE,
            audit,
            () -> event(request, caller, policy));
    int minCount = AccessRules.smallestCell(permit.rule());
    Aggregation aggregation =
        readings.aggregate(
            new GovernedReadings.AggregateQuery(
                request.category(),
                request.from(),
                request.to(),
                request.bucket(),
                request.groupBy(),
                clock.instant(),
                settings.maxAggregateCells()));
    if (aggregation.cut()) {
      throw new TooManyCells(settings.maxAggregateCells());
    }
    List<AggregateReport.Cell> cells = new ArrayList<>();
    int suppressed = 0;
    long aggregated = 0;
    for (GovernedReadings.Cell cell : aggregation.cells()) {
      aggregated += cell.count();
      if (cell.count() < minCount) {
        suppressed++;
        continue;
      }
      Map<String, AggregateReport.Summary> attributes = new LinkedHashMap<>();
      cell.attributes()
          .forEach(
              (name, summary) -> {
                // an attribute only few readings carry would single them out
                if (summary.count() >= minCount) {
                  attributes.put(
                      name,
                      new AggregateReport.Summary(
                          summary.count(), summary.min(), summary.avg(), summary.max()));
                }
              });
      cells.add(
          new AggregateReport.Cell(
              cell.bucketStart(),
              cell.group(),
              cell.count(),
              Collections.unmodifiableMap(attributes)));
    }
    audit.publish(event(request, caller, policy).recordCount(aggregated).build());
    return new AggregateReport(
        request.category(),
        request.purpose(),
        request.from(),
        request.to(),
        request.bucket(),
        request.groupBy(),
        minCount,
        policy.version(),
        List.copyOf(cells),
        suppressed);
  }

  private AuditEvents.Builder event(
      AggregateRequest request, Authentication caller, CompiledPolicy policy) {
    return auditEvents
        .of(AuditAction.DATA_AGGREGATE, caller)
        .purpose(request.purpose())
        .warrantRef(request.warrantRef())
        .resource(
            request.category(), null, Callers.text(request.from()), Callers.text(request.to()))
        .policyVersion(policy.version());
  }
}
