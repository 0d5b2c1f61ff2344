package org.civitas.policy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;
import org.junit.jupiter.api.Test;

class RetentionRecomputationUnitTest {

  static PolicyDocument policy(String plates, String air) {
    String airQuality =
        air == null
            ? ""
            : """
                air_quality:
                  retention: %s
                  residency: { storeIn: [CA] }
              """
                .formatted(air);
    return ((PolicyParseResult.Valid)
            PolicyDocumentParser.parse(
                """
                region: CA
                categories:
                  licence_plate:
                    retention: %s
                    residency: { storeIn: [CA] }
                %s"""
                    .formatted(plates, airQuality)))
        .document();
  }

  @Test
  void onlyCategoriesWhoseRetentionChangedAreRecomputed() {
    assertThat(
            RetentionRecomputation.changedRetentions(
                policy("PT24H", "P365D"), policy("PT12H", "P365D")))
        .containsExactly(java.util.Map.entry("licence_plate", Duration.ofHours(12)));
  }

  @Test
  void sameDurationWrittenDifferentlyIsNoChange() {
    assertThat(RetentionRecomputation.changedRetentions(policy("PT24H", null), policy("P1D", null)))
        .isEmpty();
  }

  @Test
  void aNewCategoryHasNothingStoredToRecompute() {
    assertThat(
            RetentionRecomputation.changedRetentions(policy("PT24H", null), policy("PT24H", "P1D")))
        .isEmpty();
    assertThat(RetentionRecomputation.changedRetentions(null, policy("PT24H", "P1D"))).isEmpty();
  }
}
