/** Sensor registrations as published on the compacted registry topic (CONTRACT §5, §9). */
package org.civitas.contract.registry;
