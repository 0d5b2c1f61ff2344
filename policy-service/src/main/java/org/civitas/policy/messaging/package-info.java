/** Kafka producing for the topics this service owns: acknowledged by all replicas, idempotent. */
package org.civitas.policy.messaging;
