package org.civitas.policy.retention.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civitas.kit.web.Problems;
import org.civitas.policy.retention.LegalHold;
import org.civitas.policy.retention.LegalHoldNotFound;
import org.civitas.policy.retention.LegalHoldRegister;
import org.civitas.policy.retention.LegalHoldRejected;
import org.civitas.policy.retention.NewLegalHold;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff placing, listing and releasing legal holds (CONTRACT §9). */
@RestController
@RequestMapping("/api/v1/legal-holds")
class LegalHoldController {

  /** Body of {@code POST /api/v1/legal-holds}; checked by the register, not here. */
  record PlaceLegalHoldRequest(
      String category, String sensorId, String from, String to, String caseRef, String reason) {}

  /** A legal hold as shown to staff. */
  record LegalHoldView(
      UUID id,
      String category,
      String sensorId,
      Instant from,
      Instant to,
      String caseRef,
      String reason,
      boolean active,
      String placedBy,
      Instant placedAt,
      String releasedBy,
      Instant releasedAt) {

    static LegalHoldView of(LegalHold hold) {
      return new LegalHoldView(
          hold.id(),
          hold.category(),
          hold.sensorId(),
          hold.from(),
          hold.to(),
          hold.caseRef(),
          hold.reason(),
          hold.active(),
          hold.placedBy(),
          hold.placedAt(),
          hold.releasedBy(),
          hold.releasedAt());
    }
  }

  record LegalHoldList(List<LegalHoldView> items) {}

  private final LegalHoldRegister register;

  LegalHoldController(LegalHoldRegister register) {
    this.register = register;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LegalHoldView> place(
      @RequestBody(required = false) PlaceLegalHoldRequest request, Authentication caller) {
    NewLegalHold hold =
        request == null
            ? null
            : new NewLegalHold(
                request.category(),
                request.sensorId(),
                request.from(),
                request.to(),
                request.caseRef(),
                request.reason());
    LegalHold placed = register.place(hold, caller);
    return ResponseEntity.created(URI.create("/api/v1/legal-holds/" + placed.id()))
        .cacheControl(CacheControl.noStore())
        .body(LegalHoldView.of(placed));
  }

  /** Every hold, newest first; released holds are kept with who released them and when. */
  @GetMapping
  ResponseEntity<LegalHoldList> list() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new LegalHoldList(register.all().stream().map(LegalHoldView::of).toList()));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> release(@PathVariable String id, Authentication caller) {
    register.release(parse(id), caller);
    return ResponseEntity.noContent().build();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new LegalHoldNotFoundProblem();
    }
  }

  /** A path that cannot name a hold is answered like an unknown hold. */
  private static final class LegalHoldNotFoundProblem extends RuntimeException {
    LegalHoldNotFoundProblem() {
      super(null, null, false, false);
    }
  }

  @ExceptionHandler(LegalHoldRejected.class)
  ResponseEntity<ProblemDetail> rejected(LegalHoldRejected e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "validation",
            "Legal hold is not valid",
            "The legal hold was not placed; see errors.");
    problem.setProperty("errors", e.violations());
    return problem(problem);
  }

  @ExceptionHandler({LegalHoldNotFound.class, LegalHoldNotFoundProblem.class})
  ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
    return problem(
        Problems.of(
            HttpStatus.NOT_FOUND,
            "legal-hold-not-found",
            "Legal hold not found",
            "No legal hold has this id."));
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
