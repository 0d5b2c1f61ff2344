/** The registered sensors, followed from the compacted registry topic. */
package org.civitas.simulator.registry;
