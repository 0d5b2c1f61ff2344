package org.civitas.policy.versions;

/** A policy version became the active one in this instance (published here or elsewhere). */
public record PolicyVersionActivated(long version) {}
