package org.civitas.audit.log;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 8785 (JCS) canonical JSON for the values audit events carry. Object members are sorted by the
 * UTF-16 code units of their names, no whitespace is emitted, strings are escaped as ECMAScript
 * does, and integers are written as plain decimals. Floating-point numbers are refused rather than
 * formatted, because events carry none and their ECMAScript form is easy to get subtly wrong;
 * integers beyond ±(2^53 - 1) are refused because JCS (I-JSON) cannot represent them exactly, so
 * any independent JCS implementation reproduces these bytes.
 */
public final class JsonCanonicalizer {

  /** Largest integer every I-JSON (IEEE 754 double) reader keeps exactly. */
  private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf((1L << 53) - 1);

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Parses UTF-8 JSON text, refusing duplicate member names and trailing content.
   *
   * @throws CanonicalizationException with reason {@code empty}, {@code duplicate_key} or {@code
   *     not_json}
   */
  public static JsonNode parse(byte[] json) {
    if (json == null || json.length == 0) {
      throw new CanonicalizationException("empty", "no JSON text");
    }
    JsonNode node;
    try {
      node = STRICT.readTree(json);
    } catch (JacksonException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Duplicate")) {
        throw new CanonicalizationException("duplicate_key", "an object repeats a member name");
      }
      throw new CanonicalizationException("not_json", "not well-formed JSON");
    }
    if (node == null || node.isMissingNode()) {
      throw new CanonicalizationException("empty", "no JSON value");
    }
    return node;
  }

  /** The canonical UTF-8 bytes of a parsed value. */
  public static byte[] canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses and canonicalizes in one step. */
  public static byte[] canonicalize(byte[] json) {
    return canonicalize(parse(json));
  }

  /** Parses canonical bytes that this class produced back into a tree, for answering reads. */
  public static JsonNode read(byte[] canonical) {
    return STRICT.readTree(canonical);
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      members.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(members.get(i).getKey(), out);
        out.append(':');
        write(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isString()) {
      writeString(node.stringValue(), out);
    } else if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.abs().compareTo(MAX_SAFE_INTEGER) > 0) {
        throw new CanonicalizationException(
            "integer_out_of_range", "an integer is beyond the exactly representable range");
      }
      out.append(value.toString());
    } else if (node.isNumber()) {
      throw new CanonicalizationException(
          "floating_point_number", "floating-point numbers are not accepted");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isNull()) {
      out.append("null");
    } else {
      throw new CanonicalizationException("not_json", "value has no JSON form");
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          throw new CanonicalizationException("invalid_unicode", "a string has a lone surrogate");
        }
        out.append(c).append(value.charAt(++i));
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        throw new CanonicalizationException("invalid_unicode", "a string has a lone surrogate");
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xF, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private JsonCanonicalizer() {}
}
