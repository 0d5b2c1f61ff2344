package org.civitas.policy.access;

import java.time.Clock;
import java.time.Instant;
import org.civitas.contract.audit.AuditAction;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.document.AccessRule.Granularity;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.governance.GovernedReadings;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.versions.ActivePolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports of governed data (CONTRACT §8): the caller needs a record rule for the purpose, and the
 * recipient's country must be in the category's {@code residency.transferTo}. That list is the only
 * list of permitted destinations, the deployment's own country included: an export hands data to a
 * recipient outside the platform's control, wherever it sits, so a policy that allows exports at
 * home says so ({@code transferTo: [CA]}). A refusal is audited as {@code DATA_EXPORT} DENY with
 * the reason, e.g. {@code residency_transfer_not_permitted}. Every export event, permitted or
 * denied, names the destination in {@code resource.destinationCountry}, so that the transparency
 * report can count exports by destination.
 *
 * <p>A permitted export counts the readings, records the export with that count in the audit log
 * (acknowledged by Kafka) and only then streams them, all in one repeatable-read snapshot, so that
 * the count on record is exactly what was handed out. Expired readings are never exported.
 */
@Component
public class ReadingExports {

  static final String RESIDENCY_REASON = "residency_transfer_not_permitted";

  private final ActivePolicy activePolicy;
  private final GovernedReadings readings;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final TransactionTemplate snapshot;
  private final Clock clock;

  ReadingExports(
      ActivePolicy activePolicy,
      GovernedReadings readings,
      AuditPublisher audit,
      AuditEvents auditEvents,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.activePolicy = activePolicy;
    this.readings = readings;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.snapshot.setReadOnly(true);
    this.clock = clock;
  }

  /**
   * @throws AccessDenied when no rule permits or the destination is not allowed (after the denial
   *     is audited)
   * @throws NoActivePolicy when no policy is active yet
   * @throws org.civitas.kit.audit.AuditUnavailableException when the audit log cannot record the
   *     export; nothing is handed to the sink then
   */
  public void export(ExportRequest request, Authentication caller, ExportSink sink) {
    CompiledPolicy policy = activePolicy.compiled().orElseThrow(NoActivePolicy::new);
    CategoryPolicy category = policy.category(request.category()).orElse(null);
    DeniedAccess.permitOrDeny(
        category,
        caller,
        request.purpose(),
        request.warrantRef(),
        Granularity.RECORD,
        audit,
        () -> event(request, caller, policy));
    if (!category.residency().transferTo().contains(request.destinationCountry())) {
      throw DeniedAccess.audited(RESIDENCY_REASON, audit, event(request, caller, policy));
    }
    Instant now = clock.instant();
    GovernedReadings.Scope scope =
        new GovernedReadings.Scope(request.category(), request.from(), request.to(), now);
    snapshot.executeWithoutResult(
        status -> {
          long count = readings.count(scope);
          audit.publish(event(request, caller, policy).recordCount(count).build());
          sink.begin(count);
          readings.stream(scope, sink::write);
        });
  }

  private AuditEvents.Builder event(
      ExportRequest request, Authentication caller, CompiledPolicy policy) {
    return auditEvents
        .of(AuditAction.DATA_EXPORT, caller)
        .purpose(request.purpose())
        .warrantRef(request.warrantRef())
        .resource(
            request.category(), null, Callers.text(request.from()), Callers.text(request.to()))
        .destinationCountry(request.destinationCountry())
        .policyVersion(policy.version());
  }
}
