/** Publishing audit events to Kafka before any audited response is returned (fail closed). */
package org.civitas.kit.audit;
