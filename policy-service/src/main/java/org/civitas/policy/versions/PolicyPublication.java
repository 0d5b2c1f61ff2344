package org.civitas.policy.versions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.Topics;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.policy.PolicyVersionPublished;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.document.DefaultPolicy;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyFormat;
import org.civitas.policy.document.PolicyParseResult;
import org.civitas.policy.messaging.ReliableProducer;
import org.civitas.policy.registry.SensorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing policy versions: validate, store, audit, announce, activate. A version is committed
 * only after its audit event and its announcement on {@link Topics#POLICY_VERSIONS} are
 * acknowledged, so that no policy takes effect without a record.
 */
@Component
public class PolicyPublication implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(PolicyPublication.class);
  static final String SYSTEM_AUTHOR = "system";

  /** Outcome of a publication request. */
  public sealed interface Outcome {
    /**
     * @param decommissionedSensors sensors a forced publication decommissioned, by id
     */
    record Published(PolicyVersion version, List<String> decommissionedSensors)
        implements Outcome {}

    record Rejected(List<FieldViolation> errors) implements Outcome {}

    /** The policy would put active sensors out of compliance; nothing was published. */
    record NonCompliant(List<FieldViolation> errors, List<String> sensorIds) implements Outcome {}
  }

  private final PolicyVersions versions;
  private final ActivePolicy activePolicy;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final ReliableProducer producer;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final SensorRegistry sensors;
  private final ApplicationEventPublisher events;

  PolicyPublication(
      PolicyVersions versions,
      ActivePolicy activePolicy,
      AuditPublisher audit,
      AuditEvents auditEvents,
      ReliableProducer producer,
      PlatformTransactionManager transactionManager,
      Clock clock,
      SensorRegistry sensors,
      ApplicationEventPublisher events) {
    this.versions = versions;
    this.activePolicy = activePolicy;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.producer = producer;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.sensors = sensors;
    this.events = events;
  }

  /**
   * Validates and publishes a new version authored by the caller. A version that would put active
   * sensors out of compliance (a category without policy, processing outside storeIn ∪ transferTo)
   * is refused, unless {@code force}: then those sensors are decommissioned first, each audited, so
   * that no sensor keeps collecting under a policy it breaches. Should the publication itself then
   * fail (audit log down), the sensors stay decommissioned and the previous version active; a retry
   * publishes.
   *
   * @throws org.civitas.kit.audit.AuditUnavailableException when the audit log cannot record it
   */
  public Outcome publish(String text, PolicyFormat format, Authentication caller, boolean force) {
    PolicyParseResult parsed = PolicyDocumentParser.parse(text, format);
    if (parsed instanceof PolicyParseResult.Invalid invalid) {
      return new Outcome.Rejected(invalid.errors());
    }
    PolicyDocument document = ((PolicyParseResult.Valid) parsed).document();
    List<PolicyCompliance.Breach> breaches = PolicyCompliance.check(document, sensors.all());
    List<String> breaching = breaches.stream().map(PolicyCompliance.Breach::sensorId).toList();
    if (!breaches.isEmpty() && !force) {
      return new Outcome.NonCompliant(PolicyCompliance.violations(breaches), breaching);
    }
    for (String sensorId : breaching) {
      sensors.decommission(sensorId, caller);
      log.info("sensor {} decommissioned by a forced policy publication", sensorId);
    }
    PolicyVersion stored =
        transaction.execute(
            status -> {
              PolicyVersion version =
                  versions.insertNext(
                      text,
                      ContentHash.of(text),
                      caller.getName(),
                      Timestamp.from(clock.instant()));
              audit.publish(
                  auditEvents
                      .of(AuditAction.POLICY_PUBLISHED, caller)
                      .policyVersion(version.version())
                      .build());
              announce(version);
              return version;
            });
    if (activePolicy.activate(stored, document)) {
      events.publishEvent(new PolicyVersionActivated(stored.version()));
    }
    log.info("policy version {} published by {}", stored.version(), stored.author());
    return new Outcome.Published(stored, breaching);
  }

  @Override
  public void afterSingletonsInstantiated() {
    refresh();
  }

  /**
   * Activates the latest stored version if it is newer than the active one; on a first start with
   * no version at all, stores the default policy as version 1.
   */
  @Scheduled(
      fixedDelayString = "${civitas.policy.refresh-interval:PT10S}",
      initialDelayString = "${civitas.policy.refresh-interval:PT10S}")
  public void refresh() {
    try {
      Optional<Long> latest = versions.latestVersion();
      if (latest.isEmpty()) {
        bootstrapDefault();
      }
      long active = activePolicy.current().map(a -> a.version().version()).orElse(0L);
      if (latest.isPresent() && latest.get() <= active) {
        return;
      }
      versions.latest().ifPresent(this::activateStored);
    } catch (RuntimeException e) {
      log.warn("could not refresh the active policy ({}); will retry", e.getClass().getName());
    }
  }

  private void bootstrapDefault() {
    String text = DefaultPolicy.text();
    if (!(PolicyDocumentParser.parse(text) instanceof PolicyParseResult.Valid)) {
      throw new IllegalStateException("the shipped default policy is not valid");
    }
    transaction.executeWithoutResult(
        status -> {
          Timestamp now = Timestamp.from(clock.instant());
          String hash = ContentHash.of(text);
          if (versions.insertFirst(text, hash, SYSTEM_AUTHOR, now)) {
            audit.publish(
                auditEvents.bySystem(AuditAction.POLICY_PUBLISHED).policyVersion(1L).build());
            announce(new PolicyVersion(1, text, hash, SYSTEM_AUTHOR, now.toInstant()));
            log.info("no policy found: stored the default policy as version 1");
          }
        });
  }

  private void activateStored(PolicyVersion version) {
    PolicyParseResult parsed = PolicyDocumentParser.parse(version.document());
    if (parsed instanceof PolicyParseResult.Valid valid) {
      if (activePolicy.activate(version, valid.document())) {
        log.info("activated policy version {}", version.version());
        events.publishEvent(new PolicyVersionActivated(version.version()));
      }
    } else {
      log.error(
          "stored policy version {} no longer validates; keeping the previous version",
          version.version());
    }
  }

  private void announce(PolicyVersion version) {
    producer.send(
        new ReliableProducer.Message(
            Topics.POLICY_VERSIONS,
            Topics.ACTIVE_POLICY_KEY,
            new PolicyVersionPublished(
                version.version(),
                version.document(),
                version.contentHash(),
                version.author(),
                version.publishedAt())));
  }
}
