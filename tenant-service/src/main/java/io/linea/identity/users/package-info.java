/** The identity API: the person's own account, tenant user management, platform people administration. */
package io.linea.identity.users;
