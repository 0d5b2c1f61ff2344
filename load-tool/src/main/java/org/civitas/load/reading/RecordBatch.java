package org.civitas.load.reading;

/**
 * Readings as raw-topic records: {@code keys[i]} is the sensorId of {@code values[i]}, exactly as
 * the ingest service would write them.
 *
 * @param bytes total size of the values
 */
public record RecordBatch(String[] keys, byte[][] values, long bytes) {

  public int size() {
    return values.length;
  }
}
