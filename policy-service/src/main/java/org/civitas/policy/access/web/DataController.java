package org.civitas.policy.access.web;

import org.civitas.kit.web.ProblemException;
import org.civitas.kit.web.Problems;
import org.civitas.policy.access.AccessDenied;
import org.civitas.policy.access.NoActivePolicy;
import org.civitas.policy.access.ReadingAccess;
import org.civitas.policy.access.ReadingPage;
import org.civitas.policy.access.ReadingRequests;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/data")
class DataController {

  private final ReadingRequests requests;
  private final ReadingAccess access;

  DataController(ReadingRequests requests, ReadingAccess access) {
    this.requests = requests;
    this.access = access;
  }

  @GetMapping("/readings")
  ResponseEntity<ReadingPage> readings(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String sensorId,
      @RequestParam(required = false) String purpose,
      @RequestParam(required = false) String warrantRef,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String limit,
      Authentication caller) {
    ReadingRequests.Parsed parsed =
        requests.parse(category, from, to, sensorId, purpose, warrantRef, cursor, limit);
    if (parsed instanceof ReadingRequests.Parsed.Invalid invalid) {
      throw new ProblemException(
          Problems.validation("The query parameters are not valid.", invalid.errors()));
    }
    try {
      ReadingPage page = access.read(((ReadingRequests.Parsed.Valid) parsed).request(), caller);
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(page);
    } catch (AccessDenied e) {
      ProblemDetail problem =
          Problems.of(
              HttpStatus.FORBIDDEN,
              "access-denied",
              "Access denied by policy",
              "No access rule of the active policy permits this request. The request was"
                  + " recorded.");
      problem.setProperty("reason", e.reason());
      throw new ProblemException(problem);
    } catch (NoActivePolicy e) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "no-active-policy",
              "No active policy",
              "No policy version is active yet. Retry shortly."));
    }
  }
}
