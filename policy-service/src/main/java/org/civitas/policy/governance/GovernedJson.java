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

  /**
   * The attributes as the mapper writes a map; the values minimization leaves (text, numbers,
   * booleans, nulls) are written directly, since looking up a serializer for each value was about a
   * tenth of the governance thread's samples (Session 8); any other value goes to the mapper.
   */
  static byte[] attributes(Map<String, Object> attributes) {
    if (attributes == null || attributes.containsKey(null)) {
      return ContractJson.mapper().writeValueAsBytes(attributes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 32 * attributes.size());
    try (JsonGenerator json = ContractJson.mapper().createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
        json.writeName(attribute.getKey());
        Object value = attribute.getValue();
        if (value == null) {
          json.writeNull();
        } else if (value instanceof String text) {
          json.writeString(text);
        } else if (value instanceof Double number) {
          json.writeNumber(number.doubleValue());
        } else if (value instanceof Integer number) {
          json.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
          json.writeNumber(number.longValue());
        } else if (value instanceof Boolean bool) {
          json.writeBoolean(bool);
        } else {
          json.writePOJO(value);
        }
      }
      json.writeEndObject();
    }
    return out.toByteArray();
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
