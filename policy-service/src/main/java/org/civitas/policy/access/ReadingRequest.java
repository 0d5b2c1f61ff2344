package org.civitas.policy.access;

import java.time.Instant;
import org.civitas.policy.governance.GovernedReadings.Position;

/** A validated request for governed readings. */
public record ReadingRequest(
    String category,
    Instant from,
    Instant to,
    String sensorId,
    String purpose,
    String warrantRef,
    Position after,
    int limit) {}
