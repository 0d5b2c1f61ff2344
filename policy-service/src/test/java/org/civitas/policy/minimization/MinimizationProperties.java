package org.civitas.policy.minimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.policy.minimization.MinimizationFixtures.document;
import static org.civitas.policy.minimization.MinimizationFixtures.sensor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.policy.minimization.MinimizationResult.Governed;

class MinimizationProperties {

  static final List<String> ACTIONS =
      List.of(
          "keep",
          "drop",
          "redact",
          "{ pseudonymize: { rotation: PT6H } }",
          "{ pseudonymize: { rotation: P1D } }",
          "{ roundTo: 1 }",
          "{ bucket: [10, 20] }",
          "unlisted");
  static final List<String> LOCATIONS =
      List.of("{ geohash: 5 }", "{ geohash: 12 }", "{ gridMeters: 100 }", "{ drop: true }");

  record Attribute(String action, String secret) {
    /** Values of these attributes must not appear anywhere in the governed output. */
    boolean isProtected() {
      return !action.equals("keep");
    }
  }

  record Case(
      List<Attribute> attributes,
      String location,
      String truncateTo,
      long observedAtEpochSecond,
      double lat,
      double lon) {}

  final InMemoryPseudonymKeys keys = new InMemoryPseudonymKeys();

  @Property(tries = 300)
  void noGovernedOutputContainsAProtectedInputValue(@ForAll("cases") Case c) {
    StringBuilder yaml =
        new StringBuilder(
            """
            region: CA
            categories:
              licence_plate:
                retention: PT24H
                residency: { storeIn: [CA] }
                minimization:
            """);
    yaml.append("      location: ").append(c.location()).append('\n');
    yaml.append("      observedAt: { truncateTo: ").append(c.truncateTo()).append(" }\n");
    yaml.append("      attributes:\n");
    yaml.append("        placeholder: keep\n");
    Map<String, Object> raw = new LinkedHashMap<>();
    for (int i = 0; i < c.attributes().size(); i++) {
      Attribute attribute = c.attributes().get(i);
      String name = "attr" + i;
      if (!attribute.action().equals("unlisted")) {
        yaml.append("        ").append(name).append(": ").append(attribute.action()).append('\n');
      }
      // delimited and indexed, so that no value can be a substring of another
      raw.put(name, "#" + i + "#" + attribute.secret() + "#");
    }
    CompiledPolicy policy = CompiledPolicy.compile(document(yaml.toString()), 7, keys);
    Reading reading =
        new Reading(
            UUID.randomUUID().toString(),
            "cam-king-st-01",
            Instant.ofEpochSecond(c.observedAtEpochSecond()).toString(),
            "licence_plate",
            new Location(c.lat(), c.lon()),
            raw);

    MinimizationResult result = policy.minimize(reading, sensor("cam-king-st-01", "licence_plate"));

    assertThat(result).isInstanceOf(Governed.class);
    String json = ContractJson.mapper().writeValueAsString(((Governed) result).reading());
    for (int i = 0; i < c.attributes().size(); i++) {
      String value = (String) raw.get("attr" + i);
      if (c.attributes().get(i).isProtected()) {
        assertThat(json).doesNotContain(value);
      } else {
        assertThat(json).contains(value);
      }
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> secrets =
        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(6).ofMaxLength(24);
    Arbitrary<Attribute> attributes =
        Combinators.combine(Arbitraries.of(ACTIONS), secrets).as(Attribute::new);
    return Combinators.combine(
            attributes.list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.of(LOCATIONS),
            Arbitraries.of("PT1S", "PT1M", "PT15M", "PT1H", "P1D"),
            Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L),
            Arbitraries.doubles().between(-89.9, 89.9).ofScale(7),
            Arbitraries.doubles().between(-179.9, 179.9).ofScale(7))
        .as(Case::new);
  }
}
