/** API gateway: the one public entry, routing to the services behind authentication and limits. */
package org.civitas.gateway;
