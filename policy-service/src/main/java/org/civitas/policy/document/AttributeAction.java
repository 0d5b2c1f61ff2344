package org.civitas.policy.document;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** What happens to one attribute of a reading. */
public sealed interface AttributeAction {

  /** Stored as received. */
  record Keep() implements AttributeAction {}

  /** Not stored (same as not listing the attribute). */
  record Drop() implements AttributeAction {}

  /** The attribute is kept as a marker, its value is replaced. */
  record Redact() implements AttributeAction {}

  /** Keyed HMAC-SHA256 pseudonym; the key changes every {@code rotation}. */
  record Pseudonymize(Duration rotation) implements AttributeAction {}

  /** Numbers rounded to the nearest multiple of {@code step}; other values dropped. */
  record RoundTo(BigDecimal step) implements AttributeAction {}

  /** Numbers replaced by the label of the interval between ascending edges they fall in. */
  record Bucket(List<BigDecimal> edges) implements AttributeAction {
    public Bucket {
      edges = List.copyOf(edges);
    }
  }
}
