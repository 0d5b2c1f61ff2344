/** The sensor registry (CONTRACT §9): register, list, show, decommission. */
package org.civitas.cli.sensors;
