package org.civitas.policy.retention.web;

import java.time.Instant;
import java.util.Map;
import org.civitas.policy.retention.RetentionSweep;
import org.civitas.policy.retention.SweepReport;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs a retention sweep on request (CONTRACT §9); it also runs on a schedule. */
@RestController
class RetentionController {

  /**
   * Answer to a sweep.
   *
   * @param purged readings removed per category
   * @param partitionsDropped whole day partitions dropped
   * @param partitionsHeld expired partitions kept because legal holds cover rows in them
   */
  record SweepView(
      Instant sweptAt, Map<String, Long> purged, int partitionsDropped, int partitionsHeld) {}

  private final RetentionSweep sweep;

  RetentionController(RetentionSweep sweep) {
    this.sweep = sweep;
  }

  @PostMapping("/api/v1/retention/sweeps")
  ResponseEntity<SweepView> sweep(Authentication caller) {
    SweepReport report = sweep.sweep(caller);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new SweepView(
                report.sweptAt(),
                report.purged(),
                report.partitionsDropped(),
                report.partitionsHeld()));
  }
}
