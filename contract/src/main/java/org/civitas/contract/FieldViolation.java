package org.civitas.contract;

/**
 * One field error of a problem+json body (CONTRACT §3). The message names the rule broken, never
 * the submitted value.
 */
public record FieldViolation(String field, String code, String message) {}
