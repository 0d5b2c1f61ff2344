/** Kafka adapter writing accepted readings to the raw topic, acknowledged by all replicas. */
package org.civitas.ingest.reading.kafka;
