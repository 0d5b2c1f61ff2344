package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.civitas.contract.ContractJson;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.registry.SensorRegistration;
import org.civitas.contract.registry.SensorRegistration.Status;
import org.civitas.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** The shared test context sets {@code civitas.registry.seed} as the demo profile does. */
class RegistrySeedIntegrationTest extends RegistryIntegrationTestSupport {

  @Test
  void demoSeedRegistersEveryListedSensorOnThePlatformsAccount() throws Exception {
    List<NewSensor> seed;
    try (InputStream in = getClass().getResourceAsStream("/registry/demo-sensors.json")) {
      seed = ContractJson.mapper().readValue(in, new TypeReference<List<NewSensor>>() {});
    }

    List<String> registered =
        json(get("/api/v1/sensors?status=ACTIVE", TestTokens.staff()))
            .valueStream()
            .map(sensor -> sensor.get("sensorId").asString())
            .toList();

    assertThat(registered).containsAll(seed.stream().map(NewSensor::sensorId).toList());
    JsonNode camera = json(get("/api/v1/sensors/cam-king-st-01", TestTokens.staff()));
    assertThat(camera.get("vendorId").asString()).isEqualTo("acme");
    assertThat(camera.get("jurisdiction").asString()).isEqualTo("CA-ON");

    AuditEvent audited =
        SensorRegistryIntegrationTest.auditEvent(AuditAction.SENSOR_REGISTERED, "cam-king-st-01");
    assertThat(audited.actor().subject()).isEqualTo("system:policy-service");
    SensorRegistration published =
        SensorRegistryIntegrationTest.registrationOnTopic("gate-union-stn-01");
    assertThat(published.status()).isEqualTo(Status.ACTIVE);
    assertThat(published.vendorId()).isEqualTo("globex");
  }
}
