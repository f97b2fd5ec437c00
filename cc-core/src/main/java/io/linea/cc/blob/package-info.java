/** Large binaries (voicemail now; recordings and attachments later) on disk, encrypted with a key per tenant. */
package io.linea.cc.blob;
