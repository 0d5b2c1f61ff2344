package org.civitas.policy.versions;

import java.time.Instant;

/** One stored policy version, with its document text exactly as submitted. */
public record PolicyVersion(
    long version, String document, String contentHash, String author, Instant publishedAt) {}
