// Builds the console's elements. Never through innerHTML: every text that comes from the server (names, messages)
// goes into the page as text, never as markup.

/**
 * A new element: `role` and names with a dash (aria-*, data-*) are set as attributes, the others (className,
 * tabIndex, hidden, textContent…) as properties; then the children, elements or strings, are appended.
 */
export function element(tag, properties = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'role' || name.includes('-')) {
      made.setAttribute(name, value);
    } else {
      made[name] = value;
    }
  }
  made.append(...children);
  return made;
}

/** Where a refusal is shown, announced to screen readers as it appears. */
export function problemSlot(tag, className) {
  return element(tag, {className, role: 'alert'});
}
