/** Command-line benchmark of the ingest path against a raw Kafka producer baseline. */
package org.civitas.load;
