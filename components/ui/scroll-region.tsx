import type { ReactNode } from "react";

/**
 * A table wider than a phone, scrolled sideways inside its own box (the page itself does not scroll): named and
 * reachable by keyboard, so that its hidden columns can be scrolled to without a mouse (WCAG 2.1.1). A group, not a
 * landmark: the section around it usually carries the same name.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling box must be reachable by keyboard
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups a table
    <div className="table-scroll" role="group" tabIndex={0} aria-label={label}>
      {children}
    </div>
  );
}
