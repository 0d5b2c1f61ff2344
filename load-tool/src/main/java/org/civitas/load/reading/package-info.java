/** Realistic readings (CONTRACT §4.1) and their serialized forms, made ahead of the load. */
package org.civitas.load.reading;
