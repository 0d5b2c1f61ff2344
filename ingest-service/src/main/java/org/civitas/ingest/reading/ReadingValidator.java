package org.civitas.ingest.reading;

import static org.civitas.ingest.reading.Violations.*;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.civitas.contract.ContractJson;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.ReadingIds;
import org.civitas.contract.reading.Timestamps;
import org.civitas.ingest.registry.RegisteredSensor;
import org.civitas.ingest.registry.Sensors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of CONTRACT §4.1 for one reading, written as plain checks on the parsed tree: each
 * wrong type becomes a field error, nothing here throws for bad input.
 */
final class ReadingValidator {

  static final int MAX_ATTRIBUTES = 64;
  static final int MAX_ATTRIBUTE_CHARS = 1024;

  private final Sensors sensors;
  private final long maxReadingBytes;

  ReadingValidator(Sensors sensors, long maxReadingBytes) {
    this.sensors = sensors;
    this.maxReadingBytes = maxReadingBytes;
  }

  /**
   * Checks one reading and, when valid, serializes its normalized form.
   *
   * @param sizeBytes the reading's size as sent
   * @param vendorId the caller's {@code vendor_id} claim (may be null)
   * @param earliest oldest acceptable {@code observedAt}
   * @param latest newest acceptable {@code observedAt}
   * @return a {@link ValidReading} or a {@link Rejection}
   */
  Verdict check(
      JsonNode node, int index, long sizeBytes, String vendorId, Instant earliest, Instant latest) {
    if (!(node instanceof ObjectNode reading)) {
      return new Rejection(index, null, List.of(NOT_AN_OBJECT));
    }
    List<FieldViolation> errors = new ArrayList<>(4);

    UUID readingId = null;
    JsonNode idNode = reading.get("readingId");
    if (absent(idNode)) {
      errors.add(READING_ID_REQUIRED);
    } else if (!idNode.isString() || (readingId = ReadingIds.parse(idNode.stringValue())) == null) {
      errors.add(READING_ID_INVALID);
    }
    if (sizeBytes > maxReadingBytes) {
      // not worth looking further into a reading that will never be taken
      return new Rejection(index, text(readingId), List.of(TOO_LARGE));
    }

    String sensorId = null;
    RegisteredSensor sensor = null;
    JsonNode sensorNode = reading.get("sensorId");
    if (absent(sensorNode)) {
      errors.add(SENSOR_ID_REQUIRED);
    } else if (!sensorNode.isString()) {
      errors.add(SENSOR_ID_INVALID);
    } else {
      sensorId = sensorNode.stringValue();
      sensor = sensors.find(sensorId).orElse(null);
      if (sensor == null) {
        errors.add(SENSOR_UNKNOWN);
      } else if (!sensor.isOwnedBy(vendorId)) {
        // ownership before status, so a vendor learns nothing of another vendor's sensors
        errors.add(SENSOR_NOT_OWNED);
        sensor = null;
      } else if (!sensor.active()) {
        errors.add(SENSOR_INACTIVE);
      }
    }

    String observedAt = null;
    JsonNode observedNode = reading.get("observedAt");
    if (absent(observedNode)) {
      errors.add(OBSERVED_AT_REQUIRED);
    } else {
      Instant observed = observedNode.isString() ? parseInstant(observedNode.stringValue()) : null;
      if (observed == null) {
        errors.add(OBSERVED_AT_INVALID);
      } else if (observed.isAfter(latest)) {
        errors.add(OBSERVED_AT_FUTURE);
      } else if (observed.isBefore(earliest)) {
        errors.add(OBSERVED_AT_STALE);
      } else {
        observedAt = observedNode.stringValue();
      }
    }

    String category = null;
    JsonNode categoryNode = reading.get("category");
    if (absent(categoryNode)) {
      errors.add(CATEGORY_REQUIRED);
    } else if (!categoryNode.isString()) {
      errors.add(CATEGORY_INVALID);
    } else {
      category = categoryNode.stringValue();
      if (sensor != null && !sensor.collects(category)) {
        errors.add(CATEGORY_NOT_REGISTERED);
      }
    }

    double lat = 0;
    double lon = 0;
    JsonNode location = reading.get("location");
    boolean located = !absent(location);
    if (located) {
      JsonNode latNode = location.isObject() ? location.get("lat") : null;
      JsonNode lonNode = location.isObject() ? location.get("lon") : null;
      if (!coordinate(latNode, 90) || !coordinate(lonNode, 180)) {
        errors.add(LOCATION_INVALID);
      } else {
        lat = latNode.doubleValue();
        lon = lonNode.doubleValue();
      }
    }

    JsonNode attributes = reading.get("attributes");
    if (!absent(attributes)) {
      FieldViolation attributeError = checkAttributes(attributes);
      if (attributeError != null) {
        errors.add(attributeError);
      }
    }

    if (!errors.isEmpty()) {
      return new Rejection(index, text(readingId), List.copyOf(errors));
    }
    return new ValidReading(
        index,
        readingId,
        sensorId,
        normalized(
            readingId,
            sensorId,
            observedAt,
            category,
            located,
            lat,
            lon,
            json -> {
              if (absent(attributes)) {
                json.writeStartObject();
                json.writeEndObject();
              } else {
                json.writeTree(attributes);
              }
            }));
  }

  /**
   * The registry and time checks of {@link #check} for a reading whose shape {@link
   * StreamedReading} has already found free of errors.
   *
   * @return the valid reading, or null when {@link #check} has an error to name
   */
  ValidReading accept(
      StreamedReading reading,
      int index,
      long sizeBytes,
      String vendorId,
      Instant earliest,
      Instant latest) {
    if (sizeBytes > maxReadingBytes) {
      return null;
    }
    RegisteredSensor sensor = sensors.find(reading.sensorId).orElse(null);
    if (sensor == null
        || !sensor.isOwnedBy(vendorId)
        || !sensor.active()
        || !sensor.collects(reading.category)) {
      return null;
    }
    Instant observed = parseInstant(reading.observedAt);
    if (observed == null || observed.isAfter(latest) || observed.isBefore(earliest)) {
      return null;
    }
    return new ValidReading(
        index,
        reading.readingId,
        reading.sensorId,
        normalized(
            reading.readingId,
            reading.sensorId,
            reading.observedAt,
            reading.category,
            reading.located,
            reading.lat,
            reading.lon,
            reading::writeAttributes));
  }

  /**
   * The reading as written to the raw topic, generated straight from the checked values: the same
   * bytes as serializing an {@code ObjectNode} of them in this order, without building one.
   */
  private static byte[] normalized(
      UUID readingId,
      String sensorId,
      String observedAt,
      String category,
      boolean located,
      double lat,
      double lon,
      Consumer<JsonGenerator> attributes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = ContractJson.mapper().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("readingId", readingId.toString());
      json.writeStringProperty("sensorId", sensorId);
      json.writeStringProperty("observedAt", observedAt);
      json.writeStringProperty("category", category);
      if (located) {
        json.writeName("location");
        json.writeStartObject();
        json.writeNumberProperty("lat", lat);
        json.writeNumberProperty("lon", lon);
        json.writeEndObject();
      }
      json.writeName("attributes");
      attributes.accept(json);
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static FieldViolation checkAttributes(JsonNode attributes) {
    if (!attributes.isObject()) {
      return ATTRIBUTES_NOT_OBJECT;
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      return ATTRIBUTES_TOO_MANY;
    }
    for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
      if (!wellFormed(attribute.getKey()) || !allowedValue(attribute.getValue())) {
        return ATTRIBUTE_VALUE_INVALID;
      }
    }
    return null;
  }

  private static boolean allowedValue(JsonNode value) {
    if (value.isNull() || value.isBoolean()) {
      return true;
    }
    if (value.isString()) {
      return allowedText(value.stringValue());
    }
    if (value.isNumber()) {
      return Double.isFinite(value.doubleValue());
    }
    return false;
  }

  static boolean allowedText(String text) {
    return (text.length() <= MAX_ATTRIBUTE_CHARS
            || text.codePointCount(0, text.length()) <= MAX_ATTRIBUTE_CHARS)
        && wellFormed(text);
  }

  /**
   * No NUL and no unpaired surrogate: JSON escapes allow both, but neither is text, and stores
   * downstream (PostgreSQL jsonb among them) refuse them.
   */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean coordinate(JsonNode node, double bound) {
    if (node == null || !node.isNumber()) {
      return false;
    }
    double value = node.doubleValue();
    return Double.isFinite(value) && value >= -bound && value <= bound;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  static Instant parseInstant(String text) {
    return Timestamps.parse(text);
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
