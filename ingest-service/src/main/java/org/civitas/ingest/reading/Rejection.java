package org.civitas.ingest.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.civitas.contract.FieldViolation;

/**
 * A reading of the request that was not accepted, and why.
 *
 * @param index position of the reading in the request (for NDJSON: among the non-blank lines)
 * @param readingId the reading's id, only when it is a well-formed UUID
 */
public record Rejection(
    int index,
    @JsonInclude(JsonInclude.Include.NON_NULL) String readingId,
    List<FieldViolation> errors)
    implements Verdict {}
