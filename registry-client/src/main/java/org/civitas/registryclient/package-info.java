/**
 * Follows the compacted sensor-registry topic into memory, so services that check or simulate
 * sensors never make a synchronous call to policy-service.
 */
package org.civitas.registryclient;
