/** Linea contact-center core service; each sub-package is one business module. */
package io.linea.cc;
