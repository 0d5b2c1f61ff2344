package org.civitas.policy.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers and decommissions sensors. A change is stored and audited in one step (the audit event
 * is acknowledged before the row commits, so no change goes unrecorded), then carried to the
 * in-memory directory and the registry topic.
 */
@Service
public class SensorRegistry {

  static final String RESIDENCY_REASON =
      "processing location outside storeIn/transferTo of the active policy";

  private final Sensors sensors;
  private final RegistryPublication publication;
  private final KnownCategories knownCategories;
  private final ObjectProvider<PolicyFacts> policyFacts;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SensorRegistry(
      Sensors sensors,
      RegistryPublication publication,
      KnownCategories knownCategories,
      ObjectProvider<PolicyFacts> policyFacts,
      AuditPublisher audit,
      AuditEvents auditEvents,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    this.sensors = sensors;
    this.publication = publication;
    this.knownCategories = knownCategories;
    this.policyFacts = policyFacts;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * Registers a new sensor on behalf of the caller.
   *
   * @throws RegistrationRejected when a field breaks a rule or the vendor would process data where
   *     the active policy does not allow it
   * @throws SensorAlreadyRegistered when the id is taken
   * @throws RegistryPublicationPending when stored and audited but not yet on the registry topic
   */
  public SensorRegistration register(NewSensor sensor, Authentication caller) {
    return register(sensor, action -> auditEvents.of(action, caller));
  }

  /** Registers a sensor on the platform's own account (demo seed). */
  SensorRegistration registerBySystem(NewSensor sensor) {
    return register(sensor, auditEvents::bySystem);
  }

  /**
   * Decommissions a sensor so that no further readings are accepted from it. Decommissioning an
   * already decommissioned sensor changes nothing.
   *
   * @throws SensorNotFound when no sensor was ever registered under the id
   * @throws RegistryPublicationPending when stored and audited but not yet on the registry topic
   */
  public void decommission(String sensorId, Authentication caller) {
    transactions.executeWithoutResult(
        tx -> {
          if (sensors.decommission(sensorId, now())) {
            audit.publish(
                auditEvents
                    .of(AuditAction.SENSOR_DECOMMISSIONED, caller)
                    .resource(null, sensorId, null, null)
                    .build());
          } else if (!sensors.exists(sensorId)) {
            throw new SensorNotFound(sensorId);
          }
        });
    propagate(sensorId);
  }

  /** The sensor as stored, active or decommissioned. */
  public Optional<SensorRegistration> find(String sensorId) {
    return sensors.find(sensorId).map(Sensors.Stored::registration);
  }

  /** Every sensor ever registered, by id. */
  public List<SensorRegistration> all() {
    return sensors.findAll().stream().map(Sensors.Stored::registration).toList();
  }

  private SensorRegistration register(
      NewSensor sensor, Function<AuditAction, AuditEvents.Builder> events) {
    List<FieldViolation> violations =
        RegistrationValidation.check(sensor, knownCategories::contains);
    if (!violations.isEmpty()) {
      throw new RegistrationRejected(violations);
    }
    refuseOutsideResidency(sensor, events);
    SensorRegistration registration = sensor.activeAt(now());
    transactions.executeWithoutResult(
        tx -> {
          if (!sensors.insertIfAbsent(registration)) {
            throw new SensorAlreadyRegistered(registration.sensorId());
          }
          audit.publish(
              events
                  .apply(AuditAction.SENSOR_REGISTERED)
                  .resource(null, registration.sensorId(), null, null)
                  .policyVersion(activePolicyVersion())
                  .build());
        });
    propagate(registration.sensorId());
    return registration;
  }

  private void refuseOutsideResidency(
      NewSensor sensor, Function<AuditAction, AuditEvents.Builder> events) {
    PolicyFacts facts = policyFacts.getIfAvailable();
    if (facts == null) {
      return;
    }
    ResidencyDueDiligence.Finding finding = ResidencyDueDiligence.check(sensor, facts);
    if (finding.refused()) {
      audit.publish(
          events
              .apply(AuditAction.RESIDENCY_BLOCKED)
              .resource(finding.blockedCategories().get(0), sensor.sensorId(), null, null)
              .policyVersion(facts.activeVersion().orElse(null))
              .denied(RESIDENCY_REASON)
              .build());
      throw new RegistrationRejected(finding.violations());
    }
  }

  private Long activePolicyVersion() {
    PolicyFacts facts = policyFacts.getIfAvailable();
    return facts == null ? null : facts.activeVersion().orElse(null);
  }

  private void propagate(String sensorId) {
    try {
      publication.propagate(sensorId);
    } catch (RegistryPublication.Failed e) {
      throw new RegistryPublicationPending(sensorId, e.getCause());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
