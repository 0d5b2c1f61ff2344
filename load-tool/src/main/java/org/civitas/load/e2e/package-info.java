/**
 * The end-to-end benchmark: steady ingest load through the gateway while governed rows, audit
 * appends, ingest-to-queryable latency and each process's CPU and memory are measured.
 */
package org.civitas.load.e2e;
