/** Realistic reading values per built-in category (plates, MACs, card ids, meters, counts). */
package org.civitas.simulator.generation;
