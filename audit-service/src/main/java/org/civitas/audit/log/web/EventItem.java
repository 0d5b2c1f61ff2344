package org.civitas.audit.log.web;

import java.util.Base64;
import org.civitas.audit.log.JsonCanonicalizer;
import org.civitas.audit.log.LoggedEvent;
import tools.jackson.databind.JsonNode;

/** One leaf as auditors see it; canonicalizing {@code event} reproduces the leaf bytes. */
record EventItem(long leafIndex, String leafHash, JsonNode event) {

  static EventItem of(LoggedEvent event) {
    return new EventItem(
        event.leafIndex(),
        Base64.getEncoder().encodeToString(event.leafHash()),
        JsonCanonicalizer.read(event.canonical()));
  }
}
