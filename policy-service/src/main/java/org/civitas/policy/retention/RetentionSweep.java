package org.civitas.policy.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.civitas.contract.audit.AuditAction;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.versions.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The retention sweep (CONTRACT §9). Expired readings are already invisible to every query; the
 * sweep removes them for good and on the record: the pending retention change of a new policy
 * version is applied first (so that a shortened retention purges now), then {@link StorePurge}
 * drops entirely expired partitions and deletes the remaining expired rows, never those a legal
 * hold covers, and one {@code RETENTION_PURGE} audit event per category, with its count, is
 * acknowledged by the audit log before the deletion commits. Nothing is purged without a record:
 * while the audit log is down, nothing is purged.
 */
@Service
public class RetentionSweep {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

  private final StorePurge purge;
  private final RetentionRecomputation recomputation;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final ActivePolicy activePolicy;
  private final Clock clock;

  RetentionSweep(
      StorePurge purge,
      RetentionRecomputation recomputation,
      AuditPublisher audit,
      AuditEvents auditEvents,
      ActivePolicy activePolicy,
      Clock clock) {
    this.purge = purge;
    this.recomputation = recomputation;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.activePolicy = activePolicy;
    this.clock = clock;
  }

  /**
   * A sweep asked for by staff, audited as theirs; a sweep that purged nothing is recorded too.
   *
   * @throws org.civitas.kit.audit.AuditUnavailableException when the audit log cannot record the
   *     purge; nothing is deleted then
   */
  public SweepReport sweep(Authentication caller) {
    return sweep(action -> auditEvents.of(action, caller), true);
  }

  /** A scheduled sweep, audited as the platform's; recorded only when it purged something. */
  public SweepReport sweepBySystem() {
    return sweep(auditEvents::bySystem, false);
  }

  private SweepReport sweep(
      Function<AuditAction, AuditEvents.Builder> events, boolean recordEmptySweep) {
    recomputation.applyPending();
    Instant now = clock.instant();
    StorePurge.Result result = purge.purge(now, purged -> record(events, purged, recordEmptySweep));
    SweepReport report =
        new SweepReport(now, result.purged(), result.partitionsDropped(), result.partitionsHeld());
    if (report.purgedTotal() > 0 || report.partitionsDropped() > 0) {
      log.info(
          "retention sweep purged {} readings, dropped {} partitions, kept {} for legal holds",
          report.purgedTotal(),
          report.partitionsDropped(),
          report.partitionsHeld());
    }
    return report;
  }

  private void record(
      Function<AuditAction, AuditEvents.Builder> events,
      Map<String, Long> purged,
      boolean recordEmptySweep) {
    Long policyVersion = activePolicy.current().map(a -> a.version().version()).orElse(null);
    purged.forEach(
        (category, count) ->
            audit.publish(
                events
                    .apply(AuditAction.RETENTION_PURGE)
                    .resource(category, null, null, null)
                    .recordCount(count)
                    .policyVersion(policyVersion)
                    .build()));
    if (purged.isEmpty() && recordEmptySweep) {
      audit.publish(
          events
              .apply(AuditAction.RETENTION_PURGE)
              .recordCount(0)
              .policyVersion(policyVersion)
              .build());
    }
  }
}
