package org.civitas.ingest.reading;

import java.util.Locale;
import java.util.Optional;

/** The two body forms the ingest endpoint reads (CONTRACT §4.2). */
public enum BodyFormat {
  /** One reading, or {@code { "readings": [ ... ] }}. */
  JSON,
  /** One reading per line. */
  NDJSON;

  /** The format named by a Content-Type header, parameters such as charset ignored. */
  public static Optional<BodyFormat> of(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json" -> Optional.of(JSON);
      case "application/x-ndjson", "application/ndjson" -> Optional.of(NDJSON);
      default -> Optional.empty();
    };
  }
}
