/** An in-memory copy of the sensor registry, followed from its compacted Kafka topic. */
package org.civitas.ingest.registry;
