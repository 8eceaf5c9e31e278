/**
 * Function file (commands.html) of the add-in. The ribbon button only shows the task pane
 * (ShowTaskpane), so no ExecuteFunction command is needed; `action` is a registered stub that
 * completes at once, kept so a future ExecuteFunction button has a wired-up example.
 */

/** Stub ExecuteFunction handler: does nothing and tells Office it is done. */
export function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  // Office.actions.associate exists only where the SharedRuntime / add-in commands 1.1+ API is present.
  if (Office.actions && typeof Office.actions.associate === 'function') {
    Office.actions.associate('action', action);
  }
});
