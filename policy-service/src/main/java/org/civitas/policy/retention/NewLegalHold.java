package org.civitas.policy.retention;

/**
 * A legal hold as staff ask to place it, before validation: every field as text, any of them
 * possibly missing or malformed until {@link LegalHoldValidation} has looked at it.
 */
public record NewLegalHold(
    String category, String sensorId, String from, String to, String caseRef, String reason) {}
