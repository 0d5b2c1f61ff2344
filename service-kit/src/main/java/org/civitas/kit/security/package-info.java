/** Bearer-token security shared by the services: every service is a resource server itself. */
package org.civitas.kit.security;
