/** Where simulated readings go: straight to the raw topic, or through the vendor ingest API. */
package org.civitas.simulator.sink;
