/**
 * draw() at most once per animation frame, for results that stream in: soon() asks for it, now()
 * draws at once, cancel() drops a pending frame.
 */
export function frameDrawer(draw) {
  let frame = 0;
  const cancel = () => {
    cancelAnimationFrame(frame);
    frame = 0;
  };
  const now = () => {
    cancel();
    draw();
  };
  return { soon: () => { if (!frame) frame = requestAnimationFrame(now); }, now, cancel };
}
