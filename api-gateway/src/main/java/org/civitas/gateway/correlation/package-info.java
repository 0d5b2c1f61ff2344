/** Correlation ids: accepted or made at the door, forwarded to the services, echoed to callers. */
package org.civitas.gateway.correlation;
