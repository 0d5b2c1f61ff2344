package org.civitas.policy.governance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.GovernedReading.GovernedLocation;
import org.civitas.contract.reading.Timestamps;
import tools.jackson.core.JsonGenerator;

/**
 * Governed readings as the JSON of CONTRACT §4.3, byte for byte what {@link ContractJson} makes of
 * a {@link GovernedReading}, written field by field around attributes encoded once: the store's
 * {@code jsonb} column and the governed topic take the same attribute JSON, which the bean
 * serializer encoded a second time.
 */
final class GovernedJson {

  static byte[] attributes(Map<String, Object> attributes) {
    return ContractJson.mapper().writeValueAsBytes(attributes);
  }

  /**
   * @param attributes the reading's attributes as {@link #attributes} encoded them
   */
  static byte[] reading(GovernedReading reading, byte[] attributes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(192 + attributes.length);
    try (JsonGenerator json = ContractJson.mapper().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("readingId", reading.readingId());
      json.writeStringProperty("sensorId", reading.sensorId());
      json.writeStringProperty("category", reading.category());
      instant(json, "observedAt", reading.observedAt());
      json.writeName("location");
      GovernedLocation location = reading.location();
      if (location == null) {
        json.writeNull();
      } else {
        json.writeStartObject();
        if (location.geohash() != null) {
          json.writeStringProperty("geohash", location.geohash());
        }
        if (location.grid() != null) {
          json.writeStringProperty("grid", location.grid());
        }
        json.writeEndObject();
      }
      json.writeName("attributes");
      json.writeRawValue(new String(attributes, StandardCharsets.UTF_8));
      json.writeStringProperty("jurisdiction", reading.jurisdiction());
      json.writeNumberProperty("policyVersion", reading.policyVersion());
      instant(json, "expiresAt", reading.expiresAt());
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void instant(JsonGenerator json, String name, Instant value) {
    if (value == null) {
      json.writeNullProperty(name);
    } else {
      // ISO-8601 as DateTimeFormatter.ISO_INSTANT writes it, like Jackson's InstantSerializer
      json.writeStringProperty(name, Timestamps.format(value));
    }
  }

  private GovernedJson() {}
}
