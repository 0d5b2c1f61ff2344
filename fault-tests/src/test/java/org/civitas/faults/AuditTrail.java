package org.civitas.faults;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.civitas.audit.verify.VerifyCommand;
import org.civitas.faults.Gateway.Answer;
import tools.jackson.databind.JsonNode;

/** The audit log as an auditor sees it: events by correlation id, and verification of the log. */
final class AuditTrail {

  private static final int PAGE = 1000;

  private final Gateway gateway;

  AuditTrail(Gateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Counts city-it's DATA_QUERY events since {@code since} by correlation id; empty when the audit
   * log cannot be read right now.
   */
  Map<String, Integer> dataQueriesSince(Instant since) {
    String token = gateway.token("auditor");
    Map<String, Integer> counts = new HashMap<>();
    for (int page = 0; ; page++) {
      Answer answer =
          gateway.get(
              "/api/v1/audit/events",
              token,
              Map.of(
                  "action", "DATA_QUERY",
                  "actor", "city-it",
                  "from", since.toString(),
                  "page", String.valueOf(page),
                  "size", String.valueOf(PAGE)),
              null);
      if (answer.status() != 200) {
        return Map.of();
      }
      JsonNode items = answer.json().get("items");
      for (JsonNode item : items) {
        JsonNode correlationId = item.get("event").get("correlationId");
        if (correlationId != null && !correlationId.isNull()) {
          counts.merge(correlationId.asString(), 1, Integer::sum);
        }
      }
      if (items.size() < PAGE) {
        return counts;
      }
    }
  }

  /**
   * Downloads every event and checks it against the signed tree head, as {@code civitas audit
   * verify}.
   */
  VerifyCommand.Outcome verify() {
    return VerifyCommand.verifyOnline(
        gateway.baseUrl(), gateway.token("auditor"), null, (a, b) -> {});
  }
}
