/** The service's one HTTP security chain: which role may call which endpoint. */
package org.civitas.policy.security;
