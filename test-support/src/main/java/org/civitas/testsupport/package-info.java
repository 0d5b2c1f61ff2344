/**
 * The one way tests get real Kafka, PostgreSQL and bearer tokens: started once per test JVM and
 * shared. Embedded by default; Testcontainers with {@code -Dcivitas.test.infra=containers}.
 */
package org.civitas.testsupport;
