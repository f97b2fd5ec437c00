/** The client card: clients with phones, e-mails, tags, custom fields, versioned notes and history, caller identification and search (CRM-01 … CRM-04, AGT-04, AGT-05, AGT-12, SEC-04). */
package io.linea.cc.crm;
