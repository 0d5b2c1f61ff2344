/** HTTP conventions: RFC 9457 problem bodies (CONTRACT §3) and correlation ids. */
package org.civitas.kit.web;
