package org.civitas.policy.retention;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.civitas.contract.audit.AuditAction;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.versions.ActivePolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places and releases legal holds. Each change is stored and audited in one step: the audit event
 * is acknowledged before the row commits, so no hold changes without a record. Changes wait for a
 * running sweep to finish ({@link RetentionLock}), so a sweep never acts on half the holds.
 */
@Service
public class LegalHoldRegister {

  private final LegalHolds holds;
  private final JdbcTemplate jdbc;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final ActivePolicy activePolicy;
  private final TransactionTemplate transaction;
  private final Clock clock;

  LegalHoldRegister(
      LegalHolds holds,
      JdbcTemplate jdbc,
      AuditPublisher audit,
      AuditEvents auditEvents,
      ActivePolicy activePolicy,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.holds = holds;
    this.jdbc = jdbc;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.activePolicy = activePolicy;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Places a hold on behalf of the caller.
   *
   * @throws LegalHoldRejected when the request breaks a rule
   * @throws org.civitas.kit.audit.AuditUnavailableException when the audit log cannot record it;
   *     nothing is stored then
   */
  public LegalHold place(NewLegalHold request, Authentication caller) {
    LegalHoldValidation.Outcome outcome = LegalHoldValidation.check(request);
    if (outcome instanceof LegalHoldValidation.Outcome.Invalid invalid) {
      throw new LegalHoldRejected(invalid.errors());
    }
    LegalHoldValidation.Outcome.Valid valid = (LegalHoldValidation.Outcome.Valid) outcome;
    LegalHold hold =
        new LegalHold(
            UUID.randomUUID(),
            valid.category(),
            valid.sensorId(),
            valid.from().truncatedTo(ChronoUnit.MICROS),
            valid.to().truncatedTo(ChronoUnit.MICROS),
            valid.caseRef(),
            valid.reason(),
            caller.getName(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            null,
            null);
    transaction.executeWithoutResult(
        status -> {
          RetentionLock.acquire(jdbc);
          holds.insert(hold);
          audit.publish(event(AuditAction.LEGAL_HOLD_PLACED, hold, caller));
        });
    return hold;
  }

  /** Every hold ever placed, newest first, released ones included. */
  public List<LegalHold> all() {
    return holds.findAll();
  }

  /**
   * Releases a hold: its readings expire as policy says at the next sweep. Releasing a released
   * hold changes nothing.
   *
   * @throws LegalHoldNotFound when no hold has the id
   */
  public LegalHold release(UUID id, Authentication caller) {
    return transaction.execute(
        status -> {
          RetentionLock.acquire(jdbc);
          LegalHold hold = holds.find(id).orElseThrow(LegalHoldNotFound::new);
          if (!hold.active()) {
            return hold;
          }
          holds.release(id, caller.getName(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
          audit.publish(event(AuditAction.LEGAL_HOLD_RELEASED, hold, caller));
          return holds.find(id).orElseThrow(LegalHoldNotFound::new);
        });
  }

  private org.civitas.contract.audit.AuditEvent event(
      AuditAction action, LegalHold hold, Authentication caller) {
    return auditEvents
        .of(action, caller)
        .resource(hold.category(), hold.sensorId(), hold.from().toString(), hold.to().toString())
        .policyVersion(activePolicy.current().map(a -> a.version().version()).orElse(null))
        .build();
  }
}
