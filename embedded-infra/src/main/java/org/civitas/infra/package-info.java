/**
 * Real Kafka (KRaft) and PostgreSQL servers started in-process, for machines without Docker: the
 * standalone setup and the shared test infrastructure both use them.
 */
package org.civitas.infra;
