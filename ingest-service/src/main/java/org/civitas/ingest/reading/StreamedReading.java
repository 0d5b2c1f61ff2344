package org.civitas.ingest.reading;

import java.util.Arrays;
import java.util.UUID;
import org.civitas.contract.reading.ReadingIds;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A reading of a batch read straight off the body's token stream, for readings in the shape every
 * vendor sends: the six contract fields, each of the right type, a location of {@code lat} and
 * {@code lon}, flat attributes of allowed values. Building a Jackson tree per reading and checking
 * it node by node took about half of ingest-service's CPU under load (docs/performance.md, Session
 * 9).
 *
 * <p>Anything else (an unknown field, a wrong type, a value out of bounds, nested attributes) is
 * left to the tree path: {@link #read} answers null and the reading is parsed again as a tree and
 * checked by {@link ReadingValidator#check}, which names its errors. So a reading read here is one
 * the tree path would find free of shape errors, with the same values; the registry and time checks
 * are {@link ReadingValidator#accept}'s. A property test holds both paths to the same answers over
 * hostile bodies.
 */
final class StreamedReading {

  final UUID readingId;
  final String sensorId;
  final String observedAt;
  final String category;
  final boolean located;
  final double lat;
  final double lon;
  private final String[] attributeNames;
  private final Object[] attributeValues;
  private final int attributeCount;

  private StreamedReading(Fields f) {
    this.readingId = f.readingId;
    this.sensorId = f.sensorId;
    this.observedAt = f.observedAt;
    this.category = f.category;
    this.located = f.located;
    this.lat = f.lat;
    this.lon = f.lon;
    this.attributeNames = f.attributeNames;
    this.attributeValues = f.attributeValues;
    this.attributeCount = f.attributeCount;
  }

  /**
   * Reads one reading; the parser's current token is the reading's {@code START_OBJECT} and is its
   * {@code END_OBJECT} afterwards, whether or not the reading was taken.
   *
   * @return the reading, or null when it is for the tree path
   */
  static StreamedReading read(JsonParser p) {
    Fields f = new Fields();
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      boolean taken =
          switch (name) {
            case "readingId" -> value == JsonToken.VALUE_STRING && readingId(f, p.getString());
            case "sensorId" ->
                value == JsonToken.VALUE_STRING && (f.sensorId = p.getString()) != null;
            case "observedAt" ->
                value == JsonToken.VALUE_STRING && (f.observedAt = p.getString()) != null;
            case "category" ->
                value == JsonToken.VALUE_STRING && (f.category = p.getString()) != null;
            case "location" -> value == JsonToken.VALUE_NULL || location(f, p);
            case "attributes" -> value == JsonToken.VALUE_NULL || attributes(f, p);
            default -> false;
          };
      if (!taken) {
        // location() and attributes() have left the parser at their object's end when they refuse
        p.skipChildren();
        skipRestOfObject(p);
        return null;
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalStateException("a reading object ends with " + token);
    }
    if (f.readingId == null || f.sensorId == null || f.observedAt == null || f.category == null) {
      return null;
    }
    return new StreamedReading(f);
  }

  /** Writes the attributes as the tree path writes its attributes node. */
  void writeAttributes(JsonGenerator json) {
    json.writeStartObject();
    for (int i = 0; i < attributeCount; i++) {
      json.writeName(attributeNames[i]);
      Object value = attributeValues[i];
      if (value == null) {
        json.writeNull();
      } else if (value instanceof String text) {
        json.writeString(text);
      } else if (value instanceof Boolean bool) {
        json.writeBoolean(bool);
      } else if (value instanceof Integer number) {
        json.writeNumber(number.intValue());
      } else if (value instanceof Long number) {
        json.writeNumber(number.longValue());
      } else {
        json.writeNumber(((Double) value).doubleValue());
      }
    }
    json.writeEndObject();
  }

  private static boolean readingId(Fields f, String text) {
    f.readingId = ReadingIds.parse(text);
    return f.readingId != null;
  }

  /** A {@code lat}/{@code lon} object with both in bounds; on false the parser is at its end. */
  private static boolean location(Fields f, JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return false;
    }
    boolean hasLat = false;
    boolean hasLon = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      double number = coordinate(p, value);
      if (name.equals("lat") && number >= -90 && number <= 90) {
        f.lat = number;
        hasLat = true;
      } else if (name.equals("lon") && number >= -180 && number <= 180) {
        f.lon = number;
        hasLon = true;
      } else {
        p.skipChildren();
        skipRestOfObject(p);
        return false;
      }
    }
    f.located = true;
    return hasLat && hasLon;
  }

  /** The coordinate's value, or NaN (never in bounds) when it is not a plain finite number. */
  private static double coordinate(JsonParser p, JsonToken value) {
    if (value == JsonToken.VALUE_NUMBER_FLOAT
        || (value == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER)) {
      return p.getDoubleValue();
    }
    return Double.NaN;
  }

  /** Flat attributes of allowed values; on false the parser is at the object's end. */
  private static boolean attributes(Fields f, JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return false;
    }
    int count = 0;
    String[] names = new String[8];
    Object[] values = new Object[8];
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      Object value = NOT_ALLOWED;
      if (count < ReadingValidator.MAX_ATTRIBUTES && ReadingValidator.wellFormed(name)) {
        value = attributeValue(p, token);
      }
      if (value == NOT_ALLOWED) {
        p.skipChildren();
        skipRestOfObject(p);
        return false;
      }
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      names[count] = name;
      values[count] = value;
      count++;
    }
    f.attributeNames = names;
    f.attributeValues = values;
    f.attributeCount = count;
    return true;
  }

  private static final Object NOT_ALLOWED = new Object();

  private static Object attributeValue(JsonParser p, JsonToken token) {
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_STRING:
        String text = p.getString();
        return ReadingValidator.allowedText(text) ? text : NOT_ALLOWED;
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> p.getIntValue();
          case LONG -> p.getLongValue();
          default -> NOT_ALLOWED;
        };
      case VALUE_NUMBER_FLOAT:
        if (p.getNumberType() != JsonParser.NumberType.DOUBLE) {
          return NOT_ALLOWED;
        }
        double number = p.getDoubleValue();
        return Double.isFinite(number) ? number : NOT_ALLOWED;
      default:
        return NOT_ALLOWED;
    }
  }

  /** From a value of an object (already skipped) to the object's end. */
  private static void skipRestOfObject(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      p.nextToken();
      p.skipChildren();
    }
  }

  private static final class Fields {
    UUID readingId;
    String sensorId;
    String observedAt;
    String category;
    boolean located;
    double lat;
    double lon;
    String[] attributeNames = new String[0];
    Object[] attributeValues = new Object[0];
    int attributeCount;
  }
}
