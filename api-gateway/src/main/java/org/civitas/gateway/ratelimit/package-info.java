/** Per-client rate limits: token buckets by token subject, or by address for anonymous callers. */
package org.civitas.gateway.ratelimit;
