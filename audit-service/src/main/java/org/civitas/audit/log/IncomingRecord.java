package org.civitas.audit.log;

/** One record as it came off the audit topic, with where it came from. */
record IncomingRecord(String topic, int partition, long offset, byte[] value) {}
