package org.civitas.policy.versions.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civitas.contract.FieldViolation;
import org.civitas.contract.reading.Reading;
import org.civitas.kit.web.ProblemException;
import org.civitas.kit.web.Problems;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyFormat;
import org.civitas.policy.registry.RegistryPublicationPending;
import org.civitas.policy.versions.ActivePolicy;
import org.civitas.policy.versions.PolicyDryRun;
import org.civitas.policy.versions.PolicyPublication;
import org.civitas.policy.versions.PolicyPublication.Outcome;
import org.civitas.policy.versions.PolicyVersion;
import org.civitas.policy.versions.PolicyVersionQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

  static final String APPLICATION_YAML = "application/yaml";
  static final String TEXT_YAML = "text/yaml";
  static final String APPLICATION_X_YAML = "application/x-yaml";

  /** A policy version as shown to readers: metadata, the text as submitted, and its structure. */
  record PolicyVersionView(
      long version,
      String contentHash,
      String author,
      Instant publishedAt,
      boolean active,
      String document,
      JsonNode policy) {}

  /** A policy version in a list, without its document. */
  record PolicyVersionSummary(
      long version, String contentHash, String author, Instant publishedAt, boolean active) {}

  record PolicyVersionList(List<PolicyVersionSummary> items) {}

  /** Body of a dry-run: a draft (object, or YAML/JSON text) and readings to try it on. */
  record DryRunRequest(JsonNode policy, List<Reading> readings) {}

  /**
   * Answer to a publication.
   *
   * @param decommissionedSensors sensors a forced publication decommissioned
   */
  record Published(
      long version,
      String contentHash,
      String author,
      Instant publishedAt,
      List<String> decommissionedSensors) {}

  private final ActivePolicy activePolicy;
  private final PolicyVersionQueries queries;
  private final PolicyPublication publication;
  private final PolicyDryRun dryRun;
  private final int maxDocumentChars;

  PolicyController(
      ActivePolicy activePolicy,
      PolicyVersionQueries queries,
      PolicyPublication publication,
      PolicyDryRun dryRun) {
    this.activePolicy = activePolicy;
    this.dryRun = dryRun;
    this.queries = queries;
    this.publication = publication;
    this.maxDocumentChars = queries.maxDocumentChars();
  }

  @GetMapping("/active")
  PolicyVersionView active() {
    ActivePolicy.Active active =
        activePolicy
            .current()
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "no-active-policy",
                            "No active policy",
                            "No policy version is active yet. Retry shortly.")));
    return view(active.version(), true);
  }

  @GetMapping("/versions")
  PolicyVersionList versions() {
    long active = activeVersion();
    return new PolicyVersionList(
        queries.list().stream()
            .map(
                v ->
                    new PolicyVersionSummary(
                        v.version(),
                        v.contentHash(),
                        v.author(),
                        v.publishedAt(),
                        v.version() == active))
            .toList());
  }

  @GetMapping("/versions/{version}")
  PolicyVersionView version(@PathVariable long version) {
    PolicyVersion found =
        queries
            .find(version)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problems.of(
                            HttpStatus.NOT_FOUND,
                            "not-found",
                            "Policy version not found",
                            "No policy version " + version + " exists.")));
    return view(found, found.version() == activeVersion());
  }

  @PutMapping(
      consumes = {
        APPLICATION_YAML,
        TEXT_YAML,
        APPLICATION_X_YAML,
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.TEXT_PLAIN_VALUE
      })
  ResponseEntity<Published> publish(
      @RequestBody String body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestParam(defaultValue = "false") boolean force,
      Authentication caller) {
    if (body.length() > maxDocumentChars) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.CONTENT_TOO_LARGE,
              "too-large",
              "Policy document too large",
              "A policy document may have at most " + maxDocumentChars + " characters."));
    }
    PolicyFormat format =
        MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().endsWith("+json")
            ? PolicyFormat.JSON
            : PolicyFormat.YAML;
    Outcome outcome = publication.publish(body, format, caller, force);
    if (outcome instanceof Outcome.Rejected rejected) {
      throw invalid(rejected.errors());
    }
    if (outcome instanceof Outcome.NonCompliant nonCompliant) {
      ProblemDetail problem =
          Problems.of(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "sensors-out-of-compliance",
              "Policy would put active sensors out of compliance",
              nonCompliant.sensorIds().size()
                  + " active sensor(s) would be out of compliance; nothing was published. Publish"
                  + " with force=true to decommission them.");
      problem.setProperty("errors", nonCompliant.errors());
      problem.setProperty("sensors", nonCompliant.sensorIds());
      throw new ProblemException(problem);
    }
    Outcome.Published published = (Outcome.Published) outcome;
    PolicyVersion version = published.version();
    return ResponseEntity.created(URI.create("/api/v1/policies/versions/" + version.version()))
        .body(
            new Published(
                version.version(),
                version.contentHash(),
                version.author(),
                version.publishedAt(),
                published.decommissionedSensors()));
  }

  @PostMapping(path = "/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
  PolicyDryRun.Report dryRun(@RequestBody DryRunRequest request) {
    PolicyDryRun.Outcome outcome =
        dryRun.run(request.policy(), request.readings() == null ? List.of() : request.readings());
    if (outcome instanceof PolicyDryRun.Outcome.Rejected rejected) {
      throw invalid(rejected.errors());
    }
    return ((PolicyDryRun.Outcome.Done) outcome).report();
  }

  /** A forced publication decommissioned a sensor but Kafka did not take the registry change. */
  @ExceptionHandler(RegistryPublicationPending.class)
  ResponseEntity<ProblemDetail> registryPublicationPending(RegistryPublicationPending e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            "registry-publication-pending",
            "Registry change not yet published",
            "A sensor was decommissioned and audited but Kafka did not acknowledge the registry"
                + " change; nothing was published. Retry once Kafka is back.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ProblemException invalid(List<FieldViolation> errors) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-policy",
            "Policy is not valid",
            "The request has " + errors.size() + " error(s).");
    problem.setProperty("errors", errors);
    return new ProblemException(problem);
  }

  private long activeVersion() {
    return activePolicy.current().map(a -> a.version().version()).orElse(0L);
  }

  private static PolicyVersionView view(PolicyVersion version, boolean active) {
    return new PolicyVersionView(
        version.version(),
        version.contentHash(),
        version.author(),
        version.publishedAt(),
        active,
        version.document(),
        Optional.ofNullable(version.document()).map(PolicyDocumentParser::tree).orElse(null));
  }
}
