package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PublicRegistryIntegrationTest extends RegistryIntegrationTestSupport {

  @Test
  void anyoneCanSeeActiveSensorsWithWhatWhyWhereAndWho() {
    String sensorId = registered(newSensorId());

    HttpResponse<String> response = get("/api/v1/public/registry", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode sensor = sensor(json(response), sensorId);
    assertThat(sensor).as("sensor %s in the public registry", sensorId).isNotNull();
    assertThat(sensor.get("categories").get(0).get("category").asString())
        .isEqualTo("licence_plate");
    assertThat(strings(sensor.get("purposes")))
        .containsExactly("traffic-planning", "law-enforcement");
    assertThat(sensor.get("legalBasis").asString()).startsWith("City of Toronto Act");
    assertThat(sensor.get("jurisdiction").asString()).isEqualTo("CA-ON");
    assertThat(sensor.get("vendorId").asString()).isEqualTo("acme");
    assertThat(sensor.get("accountableOrganization").asString())
        .isEqualTo("City of Toronto Transportation Services");
    assertThat(strings(sensor.get("processingLocations"))).containsExactly("CA");
    assertThat(sensor.get("flags").isArray()).isTrue();
  }

  @Test
  void retentionComesFromTheActivePolicyAndDriftIsFlagged() {
    String sensorId = newSensorId();
    Map<String, Object> body = sensorBody(sensorId);
    body.put("purposes", List.of("traffic-planning", "targeted-advertising"));
    assertThat(post("/api/v1/sensors", TestTokens.staff(), body).statusCode()).isEqualTo(201);

    JsonNode registry = json(get("/api/v1/public/registry", null));

    assertThat(registry.get("policyVersion").isNumber()).isTrue();
    JsonNode sensor = sensor(registry, sensorId);
    JsonNode plates = sensor.get("categories").get(0);
    assertThat(Duration.parse(plates.get("retention").asString())).isPositive();
    assertThat(strings(plates.get("storeIn"))).contains("CA");
    assertThat(strings(sensor.get("flags")))
        .containsExactly("purpose_not_permitted:targeted-advertising");
  }

  @Test
  void sensorPositionsAreDisclosedToAboutAHundredMetres() {
    String sensorId = registered(newSensorId());

    JsonNode location =
        sensor(json(get("/api/v1/public/registry", null)), sensorId).get("location");

    assertThat(location.get("lat").asDouble()).isEqualTo(43.649);
    assertThat(location.get("lon").asDouble()).isEqualTo(-79.382);
  }

  @Test
  void decommissionedSensorsAreNotListed() {
    String active = registered(newSensorId());
    String retired = registered(newSensorId());
    assertThat(delete("/api/v1/sensors/" + retired, TestTokens.staff()).statusCode())
        .isEqualTo(204);

    JsonNode registry = json(get("/api/v1/public/registry", null));

    assertThat(sensor(registry, active)).isNotNull();
    assertThat(sensor(registry, retired)).isNull();
  }

  private static JsonNode sensor(JsonNode registry, String sensorId) {
    return registry
        .get("sensors")
        .valueStream()
        .filter(sensor -> sensorId.equals(sensor.get("sensorId").asString()))
        .findFirst()
        .orElse(null);
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
