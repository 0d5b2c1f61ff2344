package org.civitas.audit.log;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What an incoming record turned out to be: an event to append, or something to dead-letter. */
sealed interface DecodedRecord {

  IncomingRecord source();

  /** A loggable event: its canonical bytes, the facts the read API filters on, and its tree. */
  record Event(
      IncomingRecord source,
      String eventId,
      byte[] canonical,
      Instant occurredAt,
      String service,
      String action,
      String actorSubject,
      List<String> actorRoles,
      String actorOrganization,
      String purpose,
      String decision,
      JsonNode parsed)
      implements DecodedRecord {}

  /** A record that cannot be logged, with a stable reason code. */
  record Malformed(IncomingRecord source, String reason) implements DecodedRecord {}
}
