/** The sign-in pages and rules: password, lockout, MFA, expired passwords, languages, branding (SEC-01, SEC-02, I18N-01). */
package io.linea.identity.login;
