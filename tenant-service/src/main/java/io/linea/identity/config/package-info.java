/** Settings and security filter chains of tenant-service. */
package io.linea.identity.config;
