/** A one-line progress bar for stderr: runs done, runs per second and time left. */
export function progressLine(done: number, total: number, elapsedMs: number, label = 'runs', width = 24): string {
  const share = total ? done / total : 1;
  const filled = Math.round(share * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : NaN;
  const eta = Number.isFinite(left) ? (left >= 90 ? `${Math.floor(left / 60)}m${String(Math.round(left % 60)).padStart(2, '0')}s` : `${Math.ceil(left)}s`) : '?';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}, ${rate.toFixed(1)}/s, ${eta} left`;
}
