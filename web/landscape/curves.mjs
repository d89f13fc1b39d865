// The landscape page's curves; the implementation lives in curves/ (see curves/curves.mjs).
export { Curves, formatStep } from './curves/curves.mjs';
