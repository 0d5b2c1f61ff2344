/** RFC 9457 problem bodies for everything the gateway itself refuses (CONTRACT §3). */
package org.civitas.gateway.problem;
