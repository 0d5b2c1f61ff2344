package org.civitas.ingest.reading;

import java.util.List;

/** The outcome of reading and validating one request body, before anything is published. */
public record Assessment(List<ValidReading> valid, List<Rejection> rejected) {

  public int total() {
    return valid.size() + rejected.size();
  }
}
