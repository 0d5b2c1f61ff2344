package org.civitas.ingest.reading;

import java.util.List;

/**
 * The 202 answer of CONTRACT §4.2.
 *
 * @param accepted readings durably written to the raw topic by this request
 * @param duplicates readings whose id was repeated in the request or was accepted recently
 * @param rejected readings that failed validation, in request order
 */
public record IngestReport(int accepted, int duplicates, List<Rejection> rejected) {}
