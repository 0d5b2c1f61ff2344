package org.civitas.ingest.reading;

import java.util.UUID;

/**
 * A reading that passed validation, already serialized to the JSON written to the raw topic, so it
 * is encoded exactly once.
 *
 * @param index position of the reading in the request
 * @param json the normalized reading (CONTRACT §4.1); never logged
 */
public record ValidReading(int index, UUID readingId, String sensorId, byte[] json)
    implements Verdict {}
