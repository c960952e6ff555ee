// Saves text as a file the browser downloads (a state, a HAR): a blob URL, no server round trip.
export function downloadText(fileName: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** `2026-12-05T04-20-00`: a timestamp that is a valid file name everywhere. */
export const fileStamp = () => new Date().toISOString().slice(0, 19).replaceAll(':', '-');
