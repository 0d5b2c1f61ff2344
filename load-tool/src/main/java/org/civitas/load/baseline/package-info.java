/**
 * The ceiling: the same readings written by a raw Kafka producer configured like ingest-service's.
 */
package org.civitas.load.baseline;
