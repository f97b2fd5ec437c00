/**
 * The knowledge base of known solutions agents search while serving a customer (HD-03): categories,
 * articles per language grouped as translations, every revision kept, internal-only or public articles,
 * import of PDF, DOCX and HTML, and which interactions used which article for the FAQ report (RPT-07).
 */
package io.linea.cc.kb;
