// Saving a file the API sent (a report fetched with the token) under a name, as a browser download.

/** Hands a blob to the browser as a download named `fileName`; the object URL is released afterwards. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has taken the blob once the click is handled
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
