// Classic test functions typed as formulas, each with its reference, the domain the reference
// states (the view, where the engine looks for minima) and the minimum it states (tests/js/formula-presets.test.mjs checks that the engine finds it). Sources: Jamil &
// Yang, "A literature survey of benchmark functions for global optimisation problems" (2013),
// and the papers named.
export const FORMULA_PRESETS = [
  {
    id: 'six-hump-camel',
    view: [-3, 3, -2, 2],
    label: 'Six-hump camel',
    expr: '(4 - 2.1x^2 + x^4/3)x^2 + x*y + (-4 + 4y^2)y^2',
    params: {},
    reference: 'Dixon & Szegő, "The global optimization problem: an introduction" (1978)',
    minimum: { x: 0.0898, y: -0.7126, value: -1.0316 },
  },
  {
    id: 'three-hump-camel',
    view: [-5, 5, -5, 5],
    label: 'Three-hump camel',
    expr: '2x^2 - 1.05x^4 + x^6/6 + x*y + y^2',
    params: {},
    reference: 'Branin, "Widely convergent method for finding multiple solutions of simultaneous nonlinear equations" (1972)',
    minimum: { x: 0, y: 0, value: 0 },
  },
  {
    id: 'mccormick',
    view: [-1.5, 4, -3, 4],
    label: 'McCormick',
    expr: 'sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1',
    params: {},
    reference: 'McCormick, "Computability of global solutions to factorable nonconvex programs" (1976)',
    minimum: { x: -0.54719, y: -1.54719, value: -1.9133 },
  },
  {
    id: 'matyas',
    view: [-10, 10, -10, 10],
    label: 'Matyas',
    expr: '0.26(x^2 + y^2) - 0.48x*y',
    params: {},
    reference: 'Matyas, "Random optimization", Automation and Remote Control 26 (1965)',
    minimum: { x: 0, y: 0, value: 0 },
  },
  {
    id: 'styblinski-tang',
    view: [-5, 5, -5, 5],
    label: 'Styblinski–Tang (parameter a)',
    expr: '(x^4 - a*x^2 + 5x)/2 + (y^4 - a*y^2 + 5y)/2',
    params: { a: 16 },
    ranges: { a: [0, 32] },
    reference: 'Styblinski & Tang, "Experiments in nonconvex optimization" (1990); a = 16 is the standard form',
    minimum: { x: -2.903534, y: -2.903534, value: -78.33233 },
  },
];
