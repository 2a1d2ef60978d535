/**
 * Run `work` once the browser has painted the current frame: a task queued from the frame's
 * animation callback runs after that frame's paint. Returns a cancel function for effects.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
