/** Large binaries (voicemail, ticket attachments; recordings later) on disk, encrypted with a key per tenant. */
package io.linea.cc.blob;
