package org.civitas.policy.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The public registry (CONTRACT §9): every active sensor, what it collects and why, on what basis,
 * where, for how long and who answers for it. Built from the same in-memory directory that
 * minimization enforces with, and from the active policy, so that disclosure cannot drift from
 * practice; where the two disagree the sensor is flagged.
 */
@Service
public class PublicRegistry {

  static final String NO_POLICY = "no_policy_for_category:";
  static final String PURPOSE_NOT_PERMITTED = "purpose_not_permitted:";
  static final String OUTSIDE_RESIDENCY = "processing_outside_residency:";

  /** Sensor positions are disclosed to about 100 m: three decimal places of a degree. */
  private static final int COORDINATE_DECIMALS = 3;

  private final CachedSensorDirectory directory;
  private final ObjectProvider<PolicyFacts> policyFacts;
  private final Clock clock;

  PublicRegistry(
      CachedSensorDirectory directory,
      ObjectProvider<PolicyFacts> policyFacts,
      ObjectProvider<Clock> clock) {
    this.directory = directory;
    this.policyFacts = policyFacts;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * The registry as published.
   *
   * @param generatedAt when it was generated
   * @param policyVersion the active policy it reflects; null when no policy is known to the
   *     registry
   * @param sensors active sensors by id
   */
  public record Disclosure(
      Instant generatedAt, Long policyVersion, List<DisclosedSensor> sensors) {}

  /**
   * One active sensor as the public sees it.
   *
   * @param categories what it collects, each with the policy's retention and residency
   * @param purposes why it collects
   * @param location where it is, rounded to about 100 m
   * @param vendorId who operates it
   * @param flags where registration and policy disagree, e.g. {@code no_policy_for_category:x} or
   *     {@code purpose_not_permitted:y}; empty when they agree or no policy is known
   */
  public record DisclosedSensor(
      String sensorId,
      String type,
      String description,
      List<DisclosedCategory> categories,
      List<String> purposes,
      String legalBasis,
      Location location,
      String jurisdiction,
      List<String> processingLocations,
      String vendorId,
      String accountableOrganization,
      String contact,
      Instant registeredAt,
      List<String> flags) {}

  /**
   * A category a sensor collects, with what the active policy says about it; policy fields are null
   * when the policy is unknown or does not cover the category.
   *
   * @param retention ISO-8601 duration readings are kept
   * @param storeIn countries where the data may be stored
   * @param transferTo countries the data may be sent to
   */
  public record DisclosedCategory(
      String category, String retention, List<String> storeIn, List<String> transferTo) {}

  public Disclosure disclose() {
    Optional<PolicyFacts> facts = Optional.ofNullable(policyFacts.getIfAvailable());
    List<DisclosedSensor> sensors =
        directory.all().stream()
            .filter(SensorRegistration::isActive)
            .sorted(Comparator.comparing(SensorRegistration::sensorId))
            .map(sensor -> disclose(sensor, facts))
            .toList();
    return new Disclosure(
        clock.instant(), facts.flatMap(PolicyFacts::activeVersion).orElse(null), sensors);
  }

  static DisclosedSensor disclose(SensorRegistration sensor, Optional<PolicyFacts> facts) {
    List<DisclosedCategory> categories = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    Set<String> permittedPurposes = new HashSet<>();
    boolean anyCovered = false;
    for (String category : sensor.categories()) {
      Optional<PolicyFacts.CategoryRules> rules = facts.flatMap(f -> f.rules(category));
      if (rules.isPresent()) {
        anyCovered = true;
        PolicyFacts.CategoryRules r = rules.get();
        categories.add(
            new DisclosedCategory(category, iso(r.retention()), r.storeIn(), r.transferTo()));
        permittedPurposes.addAll(r.permittedPurposes());
        if (!r.allowedLocations().containsAll(sensor.processingLocations())) {
          flags.add(OUTSIDE_RESIDENCY + category);
        }
      } else {
        categories.add(new DisclosedCategory(category, null, null, null));
        if (facts.isPresent()) {
          flags.add(NO_POLICY + category);
        }
      }
    }
    if (anyCovered) {
      sensor.purposes().stream()
          .filter(purpose -> !permittedPurposes.contains(purpose))
          .forEach(purpose -> flags.add(PURPOSE_NOT_PERMITTED + purpose));
    }
    return new DisclosedSensor(
        sensor.sensorId(),
        sensor.type(),
        sensor.description(),
        List.copyOf(categories),
        sensor.purposes(),
        sensor.legalBasis(),
        rounded(sensor.location()),
        sensor.jurisdiction(),
        sensor.processingLocations(),
        sensor.vendorId(),
        sensor.accountableOrganization(),
        sensor.contact(),
        sensor.registeredAt(),
        List.copyOf(flags));
  }

  private static String iso(Duration duration) {
    return duration == null ? null : duration.toString();
  }

  static Location rounded(Location location) {
    return new Location(round(location.lat()), round(location.lon()));
  }

  private static Double round(Double degrees) {
    return degrees == null
        ? null
        : BigDecimal.valueOf(degrees)
            .setScale(COORDINATE_DECIMALS, RoundingMode.HALF_UP)
            .doubleValue();
  }
}
