/**
 * Elements Samtycke itself gave their source back to: the gate's releases, "Load video" and what
 * automatic blocking restores. Automatic blocking never holds them again; without this mark it
 * would catch the gate setting `src` on a held image, or "Load video" on a service not allowed.
 */
const released = new WeakSet<Element>();

/** Marks `element` as released by Samtycke; call before setting its source. */
export const markReleased = (element: Element): void => void released.add(element);

/** Whether Samtycke released `element`. */
export const isReleased = (element: Element): boolean => released.has(element);

/** Lets automatic blocking hold `element` again (after consent for it was withdrawn). */
export const unmarkReleased = (element: Element): void => void released.delete(element);
