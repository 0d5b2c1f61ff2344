package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.policy.registry.RegistryFixtures.plateCamera;
import static org.civitas.policy.registry.RegistryFixtures.withCategories;

import java.util.List;
import java.util.Set;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.Reading.Location;
import org.junit.jupiter.api.Test;

class RegistrationValidationUnitTest {

  private static final Set<String> KNOWN = Set.copyOf(KnownCategories.BUILT_IN);

  @Test
  void aCompleteRegistrationHasNoErrors() {
    assertThat(RegistrationValidation.check(plateCamera("cam-king-st-01"), KNOWN::contains))
        .isEmpty();
  }

  @Test
  void everyMissingFieldIsNamedExceptTheOptionalDescription() {
    NewSensor empty =
        new NewSensor(null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(codes(RegistrationValidation.check(empty, KNOWN::contains)))
        .containsExactly(
            "sensorId:required",
            "vendorId:required",
            "type:required",
            "categories:required",
            "purposes:required",
            "location:required",
            "jurisdiction:required",
            "processingLocations:required",
            "legalBasis:required",
            "accountableOrganization:required",
            "contact:required");
  }

  @Test
  void sensorIdsAreOneToSixtyFourSafeCharacters() {
    for (String bad : List.of("cam king", "cam/01", "x".repeat(65), "cäm-01")) {
      NewSensor sensor = renamed(bad);
      assertThat(codes(RegistrationValidation.check(sensor, KNOWN::contains)))
          .as(bad)
          .containsExactly("sensorId:invalid_format");
    }
    for (String good : List.of("a", "cam-king-st-01", "A.b_c-9", "x".repeat(64))) {
      assertThat(RegistrationValidation.check(renamed(good), KNOWN::contains)).as(good).isEmpty();
    }
  }

  @Test
  void onlyKnownCategoriesMayBeRegistered() {
    NewSensor sensor = withCategories(plateCamera("s1"), List.of("air_quality", "gait_signature"));

    assertThat(codes(RegistrationValidation.check(sensor, KNOWN::contains)))
        .containsExactly("categories[1]:category_unknown");
    assertThat(RegistrationValidation.check(sensor, c -> true)).isEmpty();
  }

  @Test
  void coordinatesMustBeFiniteAndInRange() {
    NewSensor s = plateCamera("s1");
    NewSensor off =
        new NewSensor(
            s.sensorId(),
            s.vendorId(),
            s.type(),
            s.categories(),
            s.purposes(),
            new Location(Double.NaN, 180.5),
            s.jurisdiction(),
            s.processingLocations(),
            s.legalBasis(),
            s.accountableOrganization(),
            s.contact(),
            s.description());

    assertThat(codes(RegistrationValidation.check(off, KNOWN::contains)))
        .containsExactly("location.lat:location_invalid", "location.lon:location_invalid");
  }

  @Test
  void messagesNeverRepeatTheSubmittedValue() {
    NewSensor sensor = withCategories(plateCamera("s1"), List.of("secret-category-value"));

    assertThat(RegistrationValidation.check(sensor, KNOWN::contains))
        .allSatisfy(v -> assertThat(v.message()).doesNotContain("secret-category-value"));
  }

  private static NewSensor renamed(String sensorId) {
    NewSensor s = plateCamera("unused");
    return new NewSensor(
        sensorId,
        s.vendorId(),
        s.type(),
        s.categories(),
        s.purposes(),
        s.location(),
        s.jurisdiction(),
        s.processingLocations(),
        s.legalBasis(),
        s.accountableOrganization(),
        s.contact(),
        s.description());
  }

  private static List<String> codes(List<FieldViolation> violations) {
    return violations.stream().map(v -> v.field() + ":" + v.code()).toList();
  }
}
