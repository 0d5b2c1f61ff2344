/** Sensor simulator: plays every active registered sensor, producing realistic readings. */
package org.civitas.simulator;
