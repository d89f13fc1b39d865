import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
const dir = path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/';
setWasmPaths(dir);
const which = process.argv[2] || 'wasm';
if (process.argv[3] === 'nothreads') tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend(which);
await tf.ready();
console.log(tf.getBackend(), 'simd', tf.env().getBool('WASM_HAS_SIMD_SUPPORT'), 'mt', tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'));
for (const n of [1e3, 1e5, 1e6]) {
  const x = tf.variable(tf.fill([n], 0.5));
  const g = tf.fill([n], 0.01);
  const opt = tf.train.adam(1e-3);
  const step = () => opt.applyGradients({ [x.name]: g });
  for (let i = 0; i < 5; i++) step();
  x.dataSync();
  const reps = Math.max(3, Math.round(3e7 / n));
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) step();
  x.dataSync();
  const dt = (performance.now() - t0) / reps;
  console.log(n, (dt * 1e6 / n).toFixed(3), 'ns/param', tf.memory().numTensors);
  opt.dispose(); x.dispose(); g.dispose();
}
