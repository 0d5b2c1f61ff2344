package org.civitas.policy.governance;

import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.Reading;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a raw-topic record into a {@link Reading}. Records in the shape ingest writes (string
 * fields, a location of two numbers, an attributes object, each at most once) are read field by
 * field; anything else goes to Jackson's bean deserializer, so the result is always exactly what
 * {@code ContractJson.mapper().readValue(value, Reading.class)} gives.
 *
 * <p>Why not just that call: the bean deserializer reads records through a property buffer, and its
 * main method is large enough that C2 spent 14 s compiling it in the first minutes under load,
 * while decoding was a fifth of policy-service's samples (JFR, Session 8).
 */
final class RawReadingDecoder {

  // the known fields, one bit each, so that a repeated one is noticed
  private static final int READING_ID = 1;
  private static final int SENSOR_ID = 2;
  private static final int OBSERVED_AT = 4;
  private static final int CATEGORY = 8;
  private static final int LOCATION = 16;
  private static final int ATTRIBUTES = 32;

  /** Reads the attributes object in place; what follows it is the rest of the reading. */
  private static final ObjectReader ATTRIBUTE_MAP =
      ContractJson.mapper()
          .readerFor(new TypeReference<Map<String, Object>>() {})
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The reading, or null when the value is not one (Jackson refuses it, or it is JSON null). */
  static Reading decode(byte[] value) {
    if (value == null) {
      return null;
    }
    Reading reading = null;
    try {
      reading = common(value);
    } catch (JacksonException e) {
      // Jackson decides below, with its own answer to the same input
    }
    if (reading != null) {
      return reading;
    }
    try {
      return ContractJson.mapper().readValue(value, Reading.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The reading when the value has the shape ingest writes, otherwise null. */
  static Reading common(byte[] value) {
    try (JsonParser json = ContractJson.mapper().createParser(value)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String readingId = null;
      String sensorId = null;
      String observedAt = null;
      String category = null;
      Reading.Location location = null;
      Map<String, Object> attributes = null;
      int seen = 0;
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        int field = field(name);
        if ((seen & field) != 0) {
          return null; // a repeated field: Jackson's rule for which one wins applies
        }
        seen |= field;
        JsonToken token = json.nextToken();
        if (field != 0 && !plain(field, token)) {
          return null; // coercions and odd shapes are Jackson's
        }
        switch (field) {
          case READING_ID -> readingId = text(json, token);
          case SENSOR_ID -> sensorId = text(json, token);
          case OBSERVED_AT -> observedAt = text(json, token);
          case CATEGORY -> category = text(json, token);
          case LOCATION -> {
            if (token == JsonToken.START_OBJECT && (location = location(json)) == null) {
              return null;
            }
          }
          case ATTRIBUTES ->
              attributes = token == JsonToken.START_OBJECT ? ATTRIBUTE_MAP.readValue(json) : null;
          default -> json.skipChildren(); // unknown properties are ignored, as ContractJson does
        }
      }
      if (json.nextToken() != null) {
        return null; // content after the object: whether that is an error is Jackson's call
      }
      return new Reading(readingId, sensorId, observedAt, category, location, attributes);
    }
  }

  /** {@code {"lat": number, "lon": number}}, both exactly once and nothing else; else null. */
  private static Reading.Location location(JsonParser json) {
    Double lat = null;
    Double lon = null;
    for (String name = json.nextName(); name != null; name = json.nextName()) {
      JsonToken token = json.nextToken();
      if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
        return null;
      }
      if ("lat".equals(name) && lat == null) {
        lat = json.getDoubleValue();
      } else if ("lon".equals(name) && lon == null) {
        lon = json.getDoubleValue();
      } else {
        return null;
      }
    }
    return lat == null || lon == null ? null : new Reading.Location(lat, lon);
  }

  /** Null, or a string for the four text fields and an object for location and attributes. */
  private static boolean plain(int field, JsonToken token) {
    return token == JsonToken.VALUE_NULL
        || token
            == (field == LOCATION || field == ATTRIBUTES
                ? JsonToken.START_OBJECT
                : JsonToken.VALUE_STRING);
  }

  private static String text(JsonParser json, JsonToken token) {
    return token == JsonToken.VALUE_NULL ? null : json.getString();
  }

  private static int field(String name) {
    return switch (name) {
      case "readingId" -> READING_ID;
      case "sensorId" -> SENSOR_ID;
      case "observedAt" -> OBSERVED_AT;
      case "category" -> CATEGORY;
      case "location" -> LOCATION;
      case "attributes" -> ATTRIBUTES;
      default -> 0;
    };
  }

  private RawReadingDecoder() {}
}
