/**
 * Intake forms designed per tenant and filled during or after a contact, with privacy rules per role
 * (CRM-02, CRM-06), and categories (dispositions) of interactions, changeable after the contact with every
 * change audited (AGT-05), counted per period for reports (RPT-07).
 */
package io.linea.cc.form;
