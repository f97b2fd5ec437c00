/** One work list per tenant of callback requests, missed calls and voicemails (ACD-10, ACD-14, IVR-09, OPS-02). */
package io.linea.cc.callback;
