// The landscape page's animation frame source (lib/animation/driver.mjs): frame k is the surface's
// figure (SurfaceView.framePainter: the PNG export's painters) with the runs as the page shows them
// after step s: the session is reset and advanced to s exactly as the player does, and put back at
// the page's step (playing on if it was) when the export ends, however it ends.
import { stepStamp } from '../lib/canvas-png.mjs';
import { THEMES } from '../lib/canvas-style.mjs';

// The formula panel's name and update rule as a picture in the figure's text colour.
async function formulaPanel(theme) {
  const panel = document.getElementById('formula');
  if (!panel?.querySelector('.gs-formula-rule .katex')) throw new Error('formula panel: its formula is not typeset yet; try again in a moment');
  const { snapshotElements } = await import('../lib/animation/dom-snapshot.mjs');
  return snapshotElements([panel.querySelector('.gs-formula-head'), panel.querySelector('.gs-formula-rule')], { scale: 3, colour: THEMES[theme].text });
}

/**
 * surface, session, player: the page's; runs() the page's run list at the session's step;
 * objective() the registry entry shown (its name names the file).
 */
export function landscapeAnimation({ surface, session, player, runs, objective }) {
  return {
    get totalSteps() { return session.totalSteps; },
    get name() { return objective()?.name ?? 'landscape'; },
    /** The frames for `options` (size {width, height} or the PNG's figure for size 'page', theme, legend, counter, formula). */
    async open({ size, width, height, theme, legend, counter, formula }) {
      const panel = formula ? await formulaPanel(theme) : null;
      const back = session.stepsDone;
      const playing = player.playing;
      player.pause();
      const total = session.totalSteps;
      session.advance(total - session.stepsDone);
      const painter = await surface.framePainter({
        size: size === 'page' ? null : { width, height }, theme, legend, finalRuns: runs, panel,
      });
      if (!painter) {
        player.seek(back);
        throw new Error('the surface is not drawn yet');
      }
      return {
        width: painter.width,
        height: painter.height,
        paint(step) {
          if (step < session.stepsDone) session.reset();
          if (step > session.stepsDone) session.advance(step - session.stepsDone);
          return painter.paint(runs(), counter ? stepStamp(session.stepsDone, total) : undefined);
        },
        close: () => {
          player.seek(back);
          if (playing) player.play();
        },
      };
    },
  };
}
