package org.civitas.contract.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One audited action (CONTRACT §7.1). Times are ISO-8601 strings so that the canonical JSON form is
 * exactly what was emitted; no field is a floating-point number.
 */
public record AuditEvent(
    String eventId,
    String occurredAt,
    String service,
    AuditAction action,
    Actor actor,
    String purpose,
    LegalBasis legalBasis,
    Resource resource,
    Decision decision,
    String reason,
    Long recordCount,
    Long policyVersion,
    String correlationId) {

  public record Actor(String subject, List<String> roles, String organization) {}

  public record LegalBasis(String warrantRef) {
    public static final LegalBasis NONE = new LegalBasis(null);
  }

  /**
   * What the action touched.
   *
   * @param destinationCountry where an export's recipient is (ISO 3166-1 alpha-2), on {@code
   *     DATA_EXPORT} events; an addition to CONTRACT §7.1, written only when set, so that every
   *     other event keeps its exact shape (and canonical bytes)
   */
  public record Resource(
      String category,
      String sensorId,
      String from,
      String to,
      @JsonInclude(JsonInclude.Include.NON_NULL) String destinationCountry) {
    public static final Resource NONE = new Resource(null, null, null, null);

    public Resource(String category, String sensorId, String from, String to) {
      this(category, sensorId, from, to, null);
    }
  }
}
