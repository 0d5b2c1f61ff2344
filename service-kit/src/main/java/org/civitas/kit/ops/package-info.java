/** Operator plumbing every service shares: the OpenAPI document and the Kafka health check. */
package org.civitas.kit.ops;
