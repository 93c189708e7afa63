// Long lists rendered in steps (issue #17: a plan of 4,500 units must not put 200,000 table cells in the page at
// once): a list shows its first rows, and `growWhenSeen` on a marker after them asks for the next step when the
// user scrolls it into view. Nothing is hidden for good; the rows appear as the user reaches them.

/** How many rows a list shows at first and adds at each step. */
export const ROWS_STEP = 100;
/** How many rows a list in a scrolled box of its own (~440 px high, about 13 rows seen) shows at first: enough to
 *  scroll a while before the next step, and few enough for a short first layout. The submission board of a
 *  4,461-unit plan opened in 284 ms with 30 rows and 349 ms with 100 (median of 10 alternating visits, this VM). */
export const BOXED_FIRST_ROWS = 30;
/** The same for lists whose rows are heavy (a matrix row of 60 cells, a narrative paragraph). */
export const HEAVY_ROWS_STEP = 40;

/** Svelte action: call `grow` whenever the node comes into view (inside scrolled boxes too). */
export function growWhenSeen(node: Element, grow: () => void): { update: (g: () => void) => void; destroy: () => void } {
  let current = grow;
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) current();
  });
  io.observe(node);
  return {
    update: (g) => {
      current = g;
    },
    destroy: () => io.disconnect(),
  };
}
