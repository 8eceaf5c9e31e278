/**
 * What jsdom lacks and Fluent UI needs, for the task-pane tests that run under jsdom: Fluent's
 * MessageBar observes its own size for reflow. Nothing is installed in node-environment tests.
 */
if (typeof window !== 'undefined') {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
