// Placeholder: the static HTML export (npx samtycke render).
export {};
