package org.civitas.kit.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.civitas.contract.Roles;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.audit.AuditEvent;
import org.civitas.contract.audit.AuditEvent.Actor;
import org.civitas.contract.audit.AuditEvent.LegalBasis;
import org.civitas.contract.audit.AuditEvent.Resource;
import org.civitas.contract.audit.Decision;
import org.civitas.kit.web.CorrelationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Builds audit events with the fields every service fills the same way: id, time, service, actor
 * from the bearer token, correlation id of the current request.
 */
public final class AuditEvents {

  private final String service;
  private final Clock clock;

  public AuditEvents(String service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  /** Starts an event for the given action taken by the authenticated caller. */
  public Builder of(AuditAction action, Authentication caller) {
    return new Builder(action, actorOf(caller));
  }

  /** Starts an event for an action the platform takes by itself (retention, residency). */
  public Builder bySystem(AuditAction action) {
    return new Builder(action, new Actor("system:" + service, List.of(), "Civitas"));
  }

  static Actor actorOf(Authentication caller) {
    if (caller instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      List<String> roles = jwt.getClaimAsStringList(Roles.ROLES_CLAIM);
      return new Actor(
          jwt.getSubject(),
          roles == null ? List.of() : List.copyOf(roles),
          jwt.getClaimAsString(Roles.ORGANIZATION_CLAIM));
    }
    return new Actor("anonymous", List.of(), null);
  }

  /** Collects the fields that vary per event. */
  public final class Builder {
    private final AuditAction action;
    private final Actor actor;
    private String purpose;
    private String warrantRef;
    private Resource resource = Resource.NONE;
    private Decision decision = Decision.PERMIT;
    private String reason;
    private Long recordCount;
    private Long policyVersion;

    private Builder(AuditAction action, Actor actor) {
      this.action = action;
      this.actor = actor;
    }

    public Builder purpose(String purpose) {
      this.purpose = purpose;
      return this;
    }

    public Builder warrantRef(String warrantRef) {
      this.warrantRef = warrantRef;
      return this;
    }

    public Builder resource(String category, String sensorId, String from, String to) {
      this.resource =
          new Resource(category, sensorId, from, to, this.resource.destinationCountry());
      return this;
    }

    /** Where an export's recipient is; kept only on the resource, written only when set. */
    public Builder destinationCountry(String destinationCountry) {
      this.resource =
          new Resource(
              resource.category(),
              resource.sensorId(),
              resource.from(),
              resource.to(),
              destinationCountry);
      return this;
    }

    public Builder denied(String reason) {
      this.decision = Decision.DENY;
      this.reason = reason;
      return this;
    }

    public Builder recordCount(long recordCount) {
      this.recordCount = recordCount;
      return this;
    }

    public Builder policyVersion(Long policyVersion) {
      this.policyVersion = policyVersion;
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(
          UUID.randomUUID().toString(),
          clock.instant().toString(),
          service,
          action,
          actor,
          purpose,
          new LegalBasis(warrantRef),
          resource,
          decision,
          reason,
          recordCount,
          policyVersion,
          CorrelationId.current());
    }
  }
}
