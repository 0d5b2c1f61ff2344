package org.civitas.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.civitas.simulator.sink.VendorCredentials;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What to simulate and where to send it.
 *
 * @param via {@code kafka}: straight to the raw topic; {@code http}: through the ingest API
 * @param rate readings per second over all sensors
 * @param maxSensors simulate at most this many sensors (by sensorId order); 0 means all
 * @param gatewayUrl base URL for {@code via=http}
 * @param tokenUrl OAuth2 token endpoint for {@code via=http}
 * @param vendors client credentials per vendor id for {@code via=http}
 * @param batchSize readings per HTTP request
 * @param tick how often readings are generated
 * @param summaryInterval how often a one-line count summary is logged
 * @param requestTimeout HTTP request timeout
 */
@ConfigurationProperties("civitas.simulator")
record SimulatorSettings(
    @DefaultValue("kafka") Via via,
    @DefaultValue("5") double rate,
    @DefaultValue("0") int maxSensors,
    @DefaultValue("http://localhost:8080") URI gatewayUrl,
    @DefaultValue("http://localhost:9000/oauth2/token") URI tokenUrl,
    Map<String, VendorCredentials> vendors,
    @DefaultValue("500") int batchSize,
    @DefaultValue("PT0.2S") Duration tick,
    @DefaultValue("PT30S") Duration summaryInterval,
    @DefaultValue("PT10S") Duration requestTimeout) {

  SimulatorSettings {
    vendors = vendors == null ? Map.of() : Map.copyOf(vendors);
  }

  enum Via {
    KAFKA,
    HTTP
  }
}
