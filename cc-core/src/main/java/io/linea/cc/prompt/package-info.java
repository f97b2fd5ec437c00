/** Spoken prompts in the tenant's language, synthesised once and served to Asterisk over HTTP (IVR-08, I18N-02). */
package io.linea.cc.prompt;
