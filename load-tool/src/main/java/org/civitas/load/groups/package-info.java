/** Which consumer of a group owns which partitions: how the services' instances share the work. */
package org.civitas.load.groups;
