package org.civitas.policy.versions;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.Reading;
import org.civitas.policy.document.AccessRule;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.minimization.MinimizationResult;
import org.civitas.policy.minimization.PseudonymKeys;
import org.civitas.policy.registry.SensorDirectory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Shows what a draft policy would do (CONTRACT §6) without storing or publishing anything. Drafts
 * pseudonymize with throw-away keys, so that a dry-run cannot be used to learn the pseudonym a real
 * identifier has in the governed store.
 */
@Component
public class PolicyDryRun {

  public static final int MAX_READINGS = 100;

  /** What one reading would become. */
  public record ReadingOutcome(
      int index, String readingId, String outcome, GovernedReading governed, String reason) {}

  /** An access rule the draft adds or removes compared with the active policy. */
  public record AccessChange(
      String category,
      String change,
      String purpose,
      Set<String> roles,
      String granularity,
      Integer minCount,
      List<String> requires) {}

  /** The dry-run's answer. */
  public record Report(
      Long activeVersion, List<ReadingOutcome> results, List<AccessChange> accessChanges) {}

  /** Either a report or what is wrong with the request. */
  public sealed interface Outcome {
    record Done(Report report) implements Outcome {}

    record Rejected(List<FieldViolation> errors) implements Outcome {}
  }

  private final ActivePolicy activePolicy;
  private final SensorDirectory sensors;

  PolicyDryRun(ActivePolicy activePolicy, SensorDirectory sensors) {
    this.activePolicy = activePolicy;
    this.sensors = sensors;
  }

  /**
   * @param draft the draft as a JSON object, or a string holding YAML or JSON text
   */
  public Outcome run(JsonNode draft, List<Reading> readings) {
    List<FieldViolation> errors = new ArrayList<>();
    if (readings.size() > MAX_READINGS) {
      errors.add(
          new FieldViolation(
              "readings", "too_many", "at most " + MAX_READINGS + " readings per dry-run"));
    }
    PolicyParseResult parsed;
    if (draft == null || draft.isNull() || draft.isMissingNode()) {
      parsed =
          new PolicyParseResult.Invalid(
              List.of(new FieldViolation("policy", "required", "a draft policy is required")));
    } else if (draft.isString()) {
      parsed = PolicyDocumentParser.parse(draft.stringValue());
    } else {
      parsed = PolicyDocumentParser.parseTree(draft);
    }
    if (parsed instanceof PolicyParseResult.Invalid invalid) {
      invalid.errors().stream()
          .map(
              e ->
                  new FieldViolation(
                      e.field().equals("policy") ? "policy" : "policy." + e.field(),
                      e.code(),
                      e.message()))
          .forEach(errors::add);
    }
    if (!errors.isEmpty()) {
      return new Outcome.Rejected(errors);
    }
    PolicyDocument document = ((PolicyParseResult.Valid) parsed).document();
    Optional<ActivePolicy.Active> active = activePolicy.current();
    CompiledPolicy compiled =
        CompiledPolicy.compile(
            document, active.map(a -> a.version().version() + 1).orElse(1L), new ThrowAwayKeys());
    List<ReadingOutcome> results = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      Reading reading = readings.get(i);
      MinimizationResult result =
          reading == null
              ? new MinimizationResult.Refused(
                  org.civitas.policy.minimization.RefusalReason.MALFORMED)
              : compiled.minimize(reading, sensors.find(reading.sensorId()).orElse(null));
      String readingId = reading == null ? null : reading.readingId();
      if (result instanceof MinimizationResult.Governed governed) {
        results.add(new ReadingOutcome(i, readingId, "governed", governed.reading(), null));
      } else {
        results.add(
            new ReadingOutcome(
                i,
                readingId,
                "refused",
                null,
                ((MinimizationResult.Refused) result).reason().code()));
      }
    }
    return new Outcome.Done(
        new Report(
            active.map(a -> a.version().version()).orElse(null),
            results,
            accessChanges(active.map(a -> a.policy().document()).orElse(null), document)));
  }

  static List<AccessChange> accessChanges(PolicyDocument before, PolicyDocument after) {
    Set<String> categories = new TreeSet<>(after.categories().keySet());
    if (before != null) {
      categories.addAll(before.categories().keySet());
    }
    List<AccessChange> changes = new ArrayList<>();
    for (String category : categories) {
      Set<AccessRule> old = rules(before, category);
      Set<AccessRule> draft = rules(after, category);
      old.stream()
          .filter(rule -> !draft.contains(rule))
          .forEach(rule -> changes.add(change(category, "removed", rule)));
      draft.stream()
          .filter(rule -> !old.contains(rule))
          .forEach(rule -> changes.add(change(category, "added", rule)));
    }
    return changes;
  }

  private static Set<AccessRule> rules(PolicyDocument document, String category) {
    if (document == null) {
      return Set.of();
    }
    return document
        .category(category)
        .map(CategoryPolicy::access)
        .<Set<AccessRule>>map(LinkedHashSet::new)
        .orElse(Set.of());
  }

  private static AccessChange change(String category, String change, AccessRule rule) {
    return new AccessChange(
        category,
        change,
        rule.purpose(),
        new TreeSet<>(rule.roles()),
        rule.granularity().code(),
        rule.minCount(),
        rule.requires());
  }

  /** Fresh random keys per dry-run, never stored: pseudonyms show their shape, nothing more. */
  private static final class ThrowAwayKeys implements PseudonymKeys {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();

    @Override
    public Optional<SecretKey> keyFor(String category, Duration rotation, Instant observedAt) {
      String id = category + "|" + rotation + "|" + PseudonymKeys.periodStart(rotation, observedAt);
      return Optional.of(
          keys.computeIfAbsent(
              id,
              ignored -> {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                return new SecretKeySpec(bytes, "HmacSHA256");
              }));
    }
  }
}
