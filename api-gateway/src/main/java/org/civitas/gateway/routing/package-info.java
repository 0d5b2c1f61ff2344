/** Routes from the public URLs of CONTRACT to the service that owns each of them. */
package org.civitas.gateway.routing;
