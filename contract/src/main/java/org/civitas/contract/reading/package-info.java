/** Readings as sensors send them (CONTRACT §4.1) and as the platform keeps them (§4.3). */
package org.civitas.contract.reading;
