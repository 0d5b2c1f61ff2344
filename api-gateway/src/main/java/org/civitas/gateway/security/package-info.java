/** Authentication at the door: bearer tokens for the APIs, the public paths open to anyone. */
package org.civitas.gateway.security;
