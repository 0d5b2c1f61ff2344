package org.civitas.audit.log;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns a raw record into a loggable event. Only what the log itself needs is required: a JSON
 * object with canonical form and a string {@code eventId}. Everything else is kept exactly as sent;
 * the facts extracted for filtering are best effort and never change the logged bytes. Facts the
 * database could not index (too long, NUL characters, times outside its range) are left out rather
 * than allowed to make an append fail.
 */
final class AuditRecordDecoder {

  static final int MAX_EVENT_ID_LENGTH = 200;
  static final int MAX_FACT_LENGTH = 256;

  static DecodedRecord decode(IncomingRecord record) {
    JsonNode event;
    byte[] canonical;
    try {
      event = JsonCanonicalizer.parse(record.value());
      canonical = JsonCanonicalizer.canonicalize(event);
    } catch (CanonicalizationException e) {
      return new DecodedRecord.Malformed(record, e.reason());
    }
    if (!event.isObject()) {
      return new DecodedRecord.Malformed(record, "not_an_object");
    }
    String eventId = text(event.get("eventId"));
    if (eventId == null || eventId.isBlank()) {
      return new DecodedRecord.Malformed(record, "missing_event_id");
    }
    if (eventId.length() > MAX_EVENT_ID_LENGTH || eventId.indexOf('\0') >= 0) {
      return new DecodedRecord.Malformed(record, "invalid_event_id");
    }
    JsonNode actor = event.get("actor");
    return new DecodedRecord.Event(
        record,
        eventId,
        canonical,
        instant(text(event.get("occurredAt"))),
        fact(event.get("service")),
        fact(event.get("action")),
        actor == null ? null : fact(actor.get("subject")),
        actor == null ? List.of() : facts(actor.get("roles")),
        actor == null ? null : fact(actor.get("organization")),
        fact(event.get("purpose")),
        fact(event.get("decision")),
        event);
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }

  private static String fact(JsonNode node) {
    String value = text(node);
    if (value == null || value.length() > MAX_FACT_LENGTH || value.indexOf('\0') >= 0) {
      return null;
    }
    return value;
  }

  private static List<String> facts(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (int i = 0; i < node.size() && i < 32; i++) {
        String value = fact(node.get(i));
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(value);
      return time.getYear() >= 1 && time.getYear() <= 9999 ? time.toInstant() : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private AuditRecordDecoder() {}
}
