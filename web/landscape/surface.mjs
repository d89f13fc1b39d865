export { SurfaceView } from './surface/surface-view.mjs';
