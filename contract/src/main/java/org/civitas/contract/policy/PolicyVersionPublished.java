package org.civitas.contract.policy;

import java.time.Instant;

/**
 * The active policy as published on {@code civitas.policy.versions} under key {@code "active"}: the
 * document text (YAML or JSON, as submitted) with its version, author and SHA-256 content hash.
 */
public record PolicyVersionPublished(
    long version, String document, String contentHash, String author, Instant publishedAt) {}
