/** Security headers on every response; the gateway owns them, whatever a service sent. */
package org.civitas.gateway.headers;
