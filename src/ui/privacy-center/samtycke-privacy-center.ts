// Placeholder: replaced by the element's implementation.
export {};
