package org.civitas.policy.minimization;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Timestamps;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.minimization.AttributeTransformers.PseudonymKeyDestroyed;
import org.civitas.policy.minimization.MinimizationResult.Governed;
import org.civitas.policy.minimization.MinimizationResult.Refused;

/**
 * One policy version compiled into plain transformers, so that minimizing a reading costs map
 * lookups and arithmetic, never a look at the rule text. Immutable and thread-safe.
 */
public final class CompiledPolicy {

  private final long version;
  private final PolicyDocument document;
  private final Map<String, CompiledCategory> categories;

  private CompiledPolicy(
      long version, PolicyDocument document, Map<String, CompiledCategory> categories) {
    this.version = version;
    this.document = document;
    this.categories = Map.copyOf(categories);
  }

  public static CompiledPolicy compile(PolicyDocument document, long version, PseudonymKeys keys) {
    Map<String, CompiledCategory> categories = new HashMap<>();
    document
        .categories()
        .forEach(
            (name, policy) ->
                categories.put(name, CompiledCategory.compile(name, policy, document, keys)));
    return new CompiledPolicy(version, document, categories);
  }

  public long version() {
    return version;
  }

  public PolicyDocument document() {
    return document;
  }

  public Optional<CategoryPolicy> category(String name) {
    return document.category(name);
  }

  /**
   * Minimizes one raw reading under this version.
   *
   * @param sensor the sensor's registration, or null when the sensor is unknown
   */
  public MinimizationResult minimize(Reading reading, SensorRegistration sensor) {
    Instant observedAt = observedAt(reading);
    if (observedAt == null
        || blank(reading.readingId())
        || blank(reading.sensorId())
        || blank(reading.category())) {
      return new Refused(RefusalReason.MALFORMED);
    }
    if (sensor == null) {
      return new Refused(RefusalReason.SENSOR_UNKNOWN);
    }
    if (!sensor.isActive()) {
      return new Refused(RefusalReason.SENSOR_INACTIVE);
    }
    if (sensor.categories() == null || !sensor.categories().contains(reading.category())) {
      return new Refused(RefusalReason.CATEGORY_NOT_REGISTERED);
    }
    CompiledCategory category = categories.get(reading.category());
    if (category == null) {
      return new Refused(RefusalReason.NO_POLICY_FOR_CATEGORY);
    }
    if (!category.mayStoreHere) {
      return new Refused(RefusalReason.RESIDENCY);
    }
    Map<String, Object> attributes;
    try {
      attributes = category.attributes(reading.attributes(), observedAt);
    } catch (PseudonymKeyDestroyed e) {
      return new Refused(RefusalReason.PSEUDONYM_KEY_DESTROYED);
    }
    Instant governedAt =
        category.truncateTo == null
            ? observedAt
            : TimeTruncation.floor(observedAt, category.truncateTo);
    // from the truncated time: expiresAt minus the published retention must not give back the
    // exact time that truncation removed (CONTRACT §4.3 shows 10:15:00 + 24 h)
    return new Governed(
        new GovernedReading(
            reading.readingId(),
            reading.sensorId(),
            reading.category(),
            governedAt,
            category.location.apply(reading.location()),
            attributes,
            sensor.jurisdiction(),
            version,
            governedAt.plus(category.retention)));
  }

  private static Instant observedAt(Reading reading) {
    if (reading.observedAt() == null) {
      return null;
    }
    Instant observedAt = Timestamps.parse(reading.observedAt());
    // the store keeps microseconds; the topic and the table must show the same instants
    return observedAt == null ? null : observedAt.truncatedTo(ChronoUnit.MICROS);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static final class CompiledCategory {
    final Duration retention;
    final boolean mayStoreHere;
    final Duration truncateTo;
    final LocationTransformer location;
    final Map<String, AttributeTransformer> attributes;

    private CompiledCategory(
        Duration retention,
        boolean mayStoreHere,
        Duration truncateTo,
        LocationTransformer location,
        Map<String, AttributeTransformer> attributes) {
      this.retention = retention;
      this.mayStoreHere = mayStoreHere;
      this.truncateTo = truncateTo;
      this.location = location;
      this.attributes = Map.copyOf(attributes);
    }

    static CompiledCategory compile(
        String name, CategoryPolicy policy, PolicyDocument document, PseudonymKeys keys) {
      Map<String, AttributeTransformer> attributes = new HashMap<>();
      policy
          .minimization()
          .attributes()
          .forEach(
              (attribute, action) ->
                  attributes.put(attribute, AttributeTransformers.compile(name, action, keys)));
      return new CompiledCategory(
          policy.retention(),
          policy.residency().mayStoreIn(document.region()),
          policy.minimization().truncateTo(),
          LocationTransformer.compile(policy.minimization().location()),
          attributes);
    }

    /** Allow-list: only attributes with a transformer reach the output. */
    Map<String, Object> attributes(Map<String, Object> raw, Instant observedAt) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (raw == null) {
        return out;
      }
      for (Map.Entry<String, Object> entry : raw.entrySet()) {
        AttributeTransformer transformer = attributes.get(entry.getKey());
        if (transformer != null) {
          transformer.apply(entry.getKey(), entry.getValue(), observedAt, out);
        }
      }
      return out;
    }
  }
}
