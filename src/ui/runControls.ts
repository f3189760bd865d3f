/**
 * The controls of a run on the page (Run, Cancel, and a progress bar): while it runs, Run is disabled and Cancel
 * aborts it; `end()` puts them back. Shared by the comparison, the sensitivity sweep, the optimizer and the
 * diagnosis.
 */
export interface RunControls {
  /** Aborted when the user presses Cancel. */
  readonly signal: AbortSignal;
  /** Run enabled again, Cancel disabled and unwired. */
  end(): void;
}

/** Puts `run` and `cancel` in their running state; with `progress`, the bar starts again at 0. */
export function startRun(run: HTMLButtonElement, cancel: HTMLButtonElement, progress?: HTMLProgressElement): RunControls {
  const controller = new AbortController();
  const onCancel = () => controller.abort();
  cancel.addEventListener('click', onCancel, { once: true });
  run.disabled = true;
  cancel.disabled = false;
  if (progress) progress.value = 0;
  return {
    signal: controller.signal,
    end() {
      run.disabled = false;
      cancel.disabled = true;
      cancel.removeEventListener('click', onCancel);
    },
  };
}
