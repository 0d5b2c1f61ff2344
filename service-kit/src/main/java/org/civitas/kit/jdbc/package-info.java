/**
 * PostgreSQL plumbing for the services that keep a database (policy-service, audit-service); the
 * JDBC driver is an optional dependency of the kit, so services without a database do not get it.
 */
package org.civitas.kit.jdbc;
