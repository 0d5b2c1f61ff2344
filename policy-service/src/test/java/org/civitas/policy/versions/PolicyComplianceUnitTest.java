package org.civitas.policy.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.civitas.contract.reading.Reading.Location;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;
import org.junit.jupiter.api.Test;

class PolicyComplianceUnitTest {

  static final PolicyDocument POLICY =
      ((PolicyParseResult.Valid)
              PolicyDocumentParser.parse(
                  """
                  region: CA
                  categories:
                    licence_plate:
                      retention: PT24H
                      residency: { storeIn: [CA], transferTo: [] }
                    air_quality:
                      retention: P365D
                      residency: { storeIn: [CA], transferTo: [US] }
                  """))
          .document();

  static SensorRegistration sensor(
      String id, List<String> categories, List<String> processing, Status status) {
    return new SensorRegistration(
        id,
        "acme",
        "camera",
        categories,
        List.of("traffic-planning"),
        new Location(43.6, -79.4),
        "CA-ON",
        processing,
        "by-law",
        "City",
        "privacy@city.example",
        null,
        status,
        Instant.parse("2026-11-01T00:00:00Z"),
        status == Status.ACTIVE ? null : Instant.parse("2026-11-02T00:00:00Z"));
  }

  @Test
  void sensorsProcessingWhereEveryCategoryMayBeStoredOrSentComply() {
    assertThat(
            PolicyCompliance.check(
                POLICY,
                List.of(
                    sensor("a", List.of("licence_plate"), List.of("CA"), Status.ACTIVE),
                    sensor("b", List.of("air_quality"), List.of("CA", "US"), Status.ACTIVE))))
        .isEmpty();
  }

  @Test
  void processingOutsideStoreInAndTransferToOfOneCategoryIsABreach() {
    List<PolicyCompliance.Breach> breaches =
        PolicyCompliance.check(
            POLICY,
            List.of(
                sensor(
                    "b", List.of("air_quality", "licence_plate"), List.of("US"), Status.ACTIVE)));

    assertThat(breaches).hasSize(1);
    assertThat(breaches.get(0).sensorId()).isEqualTo("b");
    assertThat(breaches.get(0).reasons()).singleElement().asString().contains("'licence_plate'");
  }

  @Test
  void aCategoryWithoutPolicyIsABreach() {
    List<PolicyCompliance.Breach> breaches =
        PolicyCompliance.check(
            POLICY, List.of(sensor("c", List.of("noise_level"), List.of("CA"), Status.ACTIVE)));

    assertThat(breaches.get(0).reasons()).containsExactly("category 'noise_level' has no policy");
    assertThat(PolicyCompliance.violations(breaches))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("sensors.c");
              assertThat(v.code()).isEqualTo("sensor_out_of_compliance");
            });
  }

  @Test
  void decommissionedSensorsAreNotChecked() {
    assertThat(
            PolicyCompliance.check(
                POLICY,
                List.of(sensor("d", List.of("noise_level"), List.of("DE"), Status.DECOMMISSIONED))))
        .isEmpty();
  }
}
