/**
 * Follows a link the way a click on it does, for a download (`<a download>`) or a `mailto:`:
 * a temporary, hidden anchor in `parent` is clicked and removed. A click keeps the visitor's
 * gesture, so the browser lets it open the e-mail program or save the file.
 */
export function followLink(parent: ParentNode, href: string, download?: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  if (download) anchor.download = download;
  anchor.hidden = true;
  parent.append(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * Saves `content` as a file named `name` in the visitor's downloads. The object URL is revoked a
 * while later: revoking it at once can cancel a download the browser has not started yet.
 */
export function saveFile(parent: ParentNode, content: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([content], {type}));
  followLink(parent, url, name);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
