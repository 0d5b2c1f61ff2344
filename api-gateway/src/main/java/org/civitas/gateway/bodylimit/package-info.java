/** Refuses request bodies larger than any endpoint accepts (CONTRACT §4.2), before forwarding. */
package org.civitas.gateway.bodylimit;
