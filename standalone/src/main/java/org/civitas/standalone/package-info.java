/**
 * Starts the whole platform on one machine with nothing but a JDK: embedded Kafka and PostgreSQL in
 * this JVM, then every service as its own process.
 */
package org.civitas.standalone;
