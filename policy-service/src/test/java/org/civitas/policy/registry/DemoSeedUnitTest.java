package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.contract.ContractJson;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DemoSeedUnitTest {

  @Test
  void demoProfileSeedsTheRegistryFromTheBundledFile() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/application-demo.yml")) {
      JsonNode demo = new YAMLMapper().readTree(in);
      assertThat(demo.at("/civitas/registry/seed").asString())
          .isEqualTo("classpath:registry/demo-sensors.json");
    }
  }

  @Test
  void everyDemoSensorIsAValidTorontoRegistration() throws Exception {
    List<NewSensor> seed = seed();
    Set<String> known = Set.copyOf(KnownCategories.BUILT_IN);

    assertThat(seed).hasSizeGreaterThanOrEqualTo(12);
    assertThat(seed)
        .allSatisfy(
            sensor -> {
              assertThat(RegistrationValidation.check(sensor, known::contains))
                  .as(sensor.sensorId())
                  .isEmpty();
              assertThat(sensor.jurisdiction()).isEqualTo("CA-ON");
              assertThat(sensor.processingLocations()).containsExactly("CA");
              assertThat(sensor.location().lat()).isBetween(43.6, 43.7);
              assertThat(sensor.location().lon()).isBetween(-79.45, -79.35);
            });
    assertThat(seed.stream().map(NewSensor::sensorId).distinct()).hasSameSizeAs(seed);
  }

  @Test
  void demoSensorsCoverEveryBuiltInCategoryAndBothVendors() throws Exception {
    List<NewSensor> seed = seed();

    assertThat(seed.stream().flatMap(s -> s.categories().stream()).collect(Collectors.toSet()))
        .containsAll(KnownCategories.BUILT_IN);
    Map<String, Long> byVendor =
        seed.stream().collect(Collectors.groupingBy(NewSensor::vendorId, Collectors.counting()));
    assertThat(byVendor.keySet()).containsExactlyInAnyOrder("acme", "globex");
    assertThat(byVendor.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3));
    assertThat(seed)
        .filteredOn(s -> s.categories().contains("licence_plate"))
        .allSatisfy(s -> assertThat(s.purposes()).contains("law-enforcement"));
  }

  private List<NewSensor> seed() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/registry/demo-sensors.json")) {
      return ContractJson.mapper().readValue(in, new TypeReference<List<NewSensor>>() {});
    }
  }
}
