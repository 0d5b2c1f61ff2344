package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.policy.registry.RegistryFixtures.plateCamera;
import static org.civitas.policy.registry.RegistryFixtures.policy;
import static org.civitas.policy.registry.RegistryFixtures.registered;
import static org.civitas.policy.registry.RegistryFixtures.rules;
import static org.civitas.policy.registry.RegistryFixtures.withCategories;
import static org.civitas.policy.registry.RegistryFixtures.withProcessingLocations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.contract.reading.Reading.Location;
import org.junit.jupiter.api.Test;

class PublicRegistryUnitTest {

  private final PolicyFacts policy =
      policy(
          7,
          Map.of(
              "licence_plate",
              rules(
                  Duration.ofHours(24),
                  List.of("CA"),
                  List.of(),
                  "traffic-planning",
                  "law-enforcement")));

  @Test
  void retentionAndResidencyComeFromTheActivePolicy() {
    PublicRegistry.DisclosedSensor sensor =
        PublicRegistry.disclose(registered(plateCamera("cam-1")), Optional.of(policy));

    assertThat(sensor.categories())
        .containsExactly(
            new PublicRegistry.DisclosedCategory(
                "licence_plate", "PT24H", List.of("CA"), List.of()));
    assertThat(sensor.flags()).isEmpty();
  }

  @Test
  void categoriesWithoutPolicyAreFlagged() {
    PublicRegistry.DisclosedSensor sensor =
        PublicRegistry.disclose(
            registered(
                withCategories(plateCamera("cam-1"), List.of("licence_plate", "wifi_presence"))),
            Optional.of(policy));

    assertThat(sensor.flags()).containsExactly("no_policy_for_category:wifi_presence");
    assertThat(sensor.categories().get(1))
        .isEqualTo(new PublicRegistry.DisclosedCategory("wifi_presence", null, null, null));
  }

  @Test
  void purposesNoAccessRulePermitsAreFlagged() {
    PolicyFacts planningOnly =
        policy(
            8,
            Map.of(
                "licence_plate",
                rules(Duration.ofHours(24), List.of("CA"), List.of(), "traffic-planning")));

    PublicRegistry.DisclosedSensor sensor =
        PublicRegistry.disclose(registered(plateCamera("cam-1")), Optional.of(planningOnly));

    assertThat(sensor.flags()).containsExactly("purpose_not_permitted:law-enforcement");
  }

  @Test
  void processingOutsideTheCurrentResidencyIsFlagged() {
    PublicRegistry.DisclosedSensor sensor =
        PublicRegistry.disclose(
            registered(withProcessingLocations(plateCamera("cam-1"), List.of("CA", "US"))),
            Optional.of(policy));

    assertThat(sensor.flags()).containsExactly("processing_outside_residency:licence_plate");
  }

  @Test
  void withoutPolicyFactsNothingIsClaimedOrFlagged() {
    PublicRegistry.DisclosedSensor sensor =
        PublicRegistry.disclose(registered(plateCamera("cam-1")), Optional.empty());

    assertThat(sensor.categories())
        .containsExactly(new PublicRegistry.DisclosedCategory("licence_plate", null, null, null));
    assertThat(sensor.flags()).isEmpty();
  }

  @Test
  void locationsAreRoundedToThreeDecimalPlaces() {
    assertThat(PublicRegistry.rounded(new Location(43.64871, -79.38172)))
        .isEqualTo(new Location(43.649, -79.382));
    assertThat(PublicRegistry.rounded(new Location(43.6525, -79.3835)))
        .isEqualTo(new Location(43.653, -79.384));
  }
}
