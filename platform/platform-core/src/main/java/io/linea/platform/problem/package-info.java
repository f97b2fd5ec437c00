/** RFC 9457 problem details with stable codes and messages in seven languages (I18N-01). */
package io.linea.platform.problem;
