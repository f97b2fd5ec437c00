/** Per-tenant contact-center settings: display name, time zone and languages (TEN-04, I18N-01). */
package io.linea.cc.settings;
