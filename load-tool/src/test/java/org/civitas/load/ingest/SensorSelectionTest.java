package org.civitas.load.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civitas.contract.ContractJson;
import org.civitas.load.cli.UsageException;
import org.civitas.load.reading.SensorTarget;
import org.civitas.load.run.SetupException;
import org.junit.jupiter.api.Test;

class SensorSelectionTest {

  private static List<SensorSelection.RegisteredSensor> registry(String json) {
    return SensorSelection.parseRegistry(ContractJson.mapper().readTree(json));
  }

  @Test
  void autoTakesTheVendorsSensorsFromARegistryObject() {
    String json =
        """
        { "generatedAt": "2026-11-26T10:00:00Z", "policyVersion": 3, "sensors": [
          { "sensorId": "cam-01", "vendorId": "acme",
            "categories": [ { "category": "licence_plate", "retention": "PT24H" },
                            { "category": "traffic_count" } ],
            "location": { "lat": 43.649, "lon": -79.382 } },
          { "sensorId": "aq-01", "vendorId": "globex", "categories": [ { "category": "air_quality" } ] }
        ] }
        """;

    List<SensorTarget> owned = SensorSelection.ownedBy("acme", registry(json));

    assertThat(owned).hasSize(1);
    assertThat(owned.get(0).sensorId()).isEqualTo("cam-01");
    assertThat(owned.get(0).categories()).containsExactly("licence_plate", "traffic_count");
    assertThat(owned.get(0).home().lat()).isEqualTo(43.649);
  }

  @Test
  void autoReadsAPlainArrayWithCategoryNamesAndSkipsInactiveSensors() {
    String json =
        """
        [ { "sensorId": "cam-01", "vendorId": "acme", "categories": ["licence_plate"] },
          { "sensorId": "cam-02", "vendorId": "acme", "categories": ["licence_plate"], "active": false },
          { "sensorId": "cam-03", "vendorId": "acme", "categories": ["licence_plate"], "status": "DECOMMISSIONED" },
          { "sensorId": "cam-04", "vendorId": "acme", "categories": ["noise_level"], "status": "ACTIVE" } ]
        """;

    assertThat(SensorSelection.ownedBy("acme", registry(json)))
        .extracting(SensorTarget::sensorId)
        .containsExactly("cam-01", "cam-04");
  }

  @Test
  void vendorWithoutSensorsGetsAnErrorNamingTheVendorsPresent() {
    String json =
        """
        { "sensors": [ { "sensorId": "aq-01", "vendorId": "globex", "categories": ["air_quality"] } ] }
        """;

    assertThatThrownBy(() -> SensorSelection.ownedBy("acme", registry(json)))
        .isInstanceOf(SetupException.class)
        .hasMessageContaining("none with a category for vendor 'acme'")
        .hasMessageContaining("vendors present: globex")
        .hasMessageContaining("--sensors=id:category");
  }

  @Test
  void registryOfAnotherShapeIsReportedAsSuch() {
    assertThatThrownBy(() -> registry("{ \"items\": [] }"))
        .isInstanceOf(SetupException.class)
        .hasMessageContaining("'sensors' array");
  }

  @Test
  void explicitListCarriesCategoriesAndNeedsNoRegistry() {
    List<SensorSelection.Entry> entries =
        SensorSelection.parseList(List.of("cam-01:licence_plate", "aq-02:air_quality+noise_level"));

    assertThat(SensorSelection.complete(entries)).isTrue();
    assertThat(SensorSelection.resolve(entries, null))
        .containsExactly(
            new SensorTarget("cam-01", List.of("licence_plate")),
            new SensorTarget("aq-02", List.of("air_quality", "noise_level")));
  }

  @Test
  void explicitSensorWithoutCategoryTakesItFromTheRegistry() {
    List<SensorSelection.Entry> entries =
        SensorSelection.parseList(List.of("cam-01", "x:noise_level"));
    List<SensorSelection.RegisteredSensor> known =
        registry(
            "[ { \"sensorId\": \"cam-01\", \"vendorId\": \"acme\", \"categories\": [\"licence_plate\"] } ]");

    assertThat(SensorSelection.complete(entries)).isFalse();
    assertThat(SensorSelection.resolve(entries, known))
        .extracting(SensorTarget::categories)
        .containsExactly(List.of("licence_plate"), List.of("noise_level"));
  }

  @Test
  void explicitSensorUnknownToTheRegistryMustSayItsCategory() {
    List<SensorSelection.Entry> entries = SensorSelection.parseList(List.of("cam-09"));

    assertThatThrownBy(() -> SensorSelection.resolve(entries, List.of()))
        .isInstanceOf(SetupException.class)
        .hasMessageContaining("write it as cam-09:<category>");
  }

  @Test
  void malformedListEntriesAreExplained() {
    assertThatThrownBy(() -> SensorSelection.parseList(List.of("cam-01:")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("has a ':' but no category");
    assertThatThrownBy(() -> SensorSelection.parseList(List.of("a:x", "a:y")))
        .hasMessage("--sensors names a twice");
    assertThatThrownBy(() -> SensorSelection.parseList(List.of(":x")))
        .hasMessageContaining("an entry has no sensor id");
  }
}
