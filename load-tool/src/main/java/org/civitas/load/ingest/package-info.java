/**
 * The ingest benchmark: vendor readings posted through the gateway with a client-credentials token.
 */
package org.civitas.load.ingest;
