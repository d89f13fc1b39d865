// The LaTeX that the formula printer (src/objectives/formula/latex.cpp) produces is valid KaTeX:
// a copy of the expected strings of tests/cpp/formula_latex_test.cpp, each rendered by KaTeX with
// errors thrown and its strict mode set to fail on anything it would only warn about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';

// [formula, its expected LaTeX], in the order of the C++ table.
const CASES = [
  ["(1 - x)^2 + 100*(y - x^2)^2", String.raw`\left(1 - x\right)^{2} + 100 \cdot \left(y - x^{2}\right)^{2}`],
  ["sin(x)*cos(y) + 0.1*(x^2+y^2)", String.raw`\sin\left(x\right) \cdot \cos\left(y\right) + 0.1 \cdot \left(x^{2} + y^{2}\right)`],
  ["a*x^2 + sigmoid(x*y)/2", String.raw`a \cdot x^{2} + \frac{\operatorname{sigmoid}\left(x \cdot y\right)}{2}`],
  ["3(x+1)", String.raw`3 \cdot \left(x + 1\right)`],
  ["2x", String.raw`2 \cdot x`],
  ["2x^2", String.raw`2 \cdot x^{2}`],
  ["1/2x", String.raw`\frac{1}{2} \cdot x`],
  ["(x+1)(x-1)", String.raw`\left(x + 1\right) \cdot \left(x - 1\right)`],
  ["2 sin(x)", String.raw`2 \cdot \sin\left(x\right)`],
  ["2pi", String.raw`2 \cdot \pi`],
  ["2*3", String.raw`2 \cdot 3`],
  ["x - (y - 1)", String.raw`x - \left(y - 1\right)`],
  ["(x - y) - 1", String.raw`x - y - 1`],
  ["x + (y + 1)", String.raw`x + \left(y + 1\right)`],
  ["x - y*2", String.raw`x - y \cdot 2`],
  ["(x - y)*2", String.raw`\left(x - y\right) \cdot 2`],
  ["x*(y*2)", String.raw`x \cdot \left(y \cdot 2\right)`],
  ["x*y*2", String.raw`x \cdot y \cdot 2`],
  ["((x))", String.raw`x`],
  ["-x^2", String.raw`-x^{2}`],
  ["(-x)^2", String.raw`\left(-x\right)^{2}`],
  ["2^3^2", String.raw`2^{3^{2}}`],
  ["(2^3)^2", String.raw`\left(2^{3}\right)^{2}`],
  ["2^-x", String.raw`2^{-x}`],
  ["x^(y+1)", String.raw`x^{y + 1}`],
  ["(x*y)^2", String.raw`\left(x \cdot y\right)^{2}`],
  ["x^(1/2)", String.raw`x^{\frac{1}{2}}`],
  ["x/y/2", String.raw`\frac{\frac{x}{y}}{2}`],
  ["x/(y/2)", String.raw`\frac{x}{\frac{y}{2}}`],
  ["(x+1)/(y-1)", String.raw`\frac{x + 1}{y - 1}`],
  ["x*y/2", String.raw`\frac{x \cdot y}{2}`],
  ["x/y*2", String.raw`\frac{x}{y} \cdot 2`],
  ["(x/y)^2", String.raw`\left(\frac{x}{y}\right)^{2}`],
  ["-(x+y)", String.raw`-\left(x + y\right)`],
  ["-(x*y)", String.raw`-\left(x \cdot y\right)`],
  ["-x*y", String.raw`-x \cdot y`],
  ["-2*x", String.raw`-2 \cdot x`],
  ["x*-y", String.raw`x \cdot \left(-y\right)`],
  ["x + -y*2", String.raw`x + \left(-y\right) \cdot 2`],
  ["x - -y", String.raw`x - \left(-y\right)`],
  ["--x", String.raw`-\left(-x\right)`],
  ["-x/y", String.raw`\frac{-x}{y}`],
  ["-(x/y)", String.raw`-\frac{x}{y}`],
  ["sqrt(x)^2", String.raw`\left(\sqrt{x}\right)^{2}`],
  ["sqrt(x^2 + y^2) + cbrt(x)", String.raw`\sqrt{x^{2} + y^{2}} + \sqrt[3]{x}`],
  ["abs(x)^2 + abs(-y)", String.raw`\left|x\right|^{2} + \left|-y\right|`],
  ["sin(x)^2", String.raw`\sin\left(x\right)^{2}`],
  ["tan(x) + asin(x) + acos(y) + atan(x)", String.raw`\tan\left(x\right) + \arcsin\left(x\right) + \arccos\left(y\right) + \arctan\left(x\right)`],
  ["sinh(x) - cosh(y)*tanh(x)", String.raw`\sinh\left(x\right) - \cosh\left(y\right) \cdot \tanh\left(x\right)`],
  ["exp(-(x^2 + y^2)/2)", String.raw`\exp\left(\frac{-\left(x^{2} + y^{2}\right)}{2}\right)`],
  ["log(x) + log2(y) + log10(x*y)", String.raw`\ln\left(x\right) + \log_{2}\left(y\right) + \log_{10}\left(x \cdot y\right)`],
  ["atan2(y, x)", String.raw`\operatorname{atan2}\left(y, x\right)`],
  ["hypot(x,y)", String.raw`\operatorname{hypot}\left(x, y\right)`],
  ["pow(x, 3) + x^3", String.raw`\operatorname{pow}\left(x, 3\right) + x^{3}`],
  ["min(x, max(y, 1))", String.raw`\min\left(x, \max\left(y, 1\right)\right)`],
  ["sign(x)*softplus(y) - relu(x - y)", String.raw`\operatorname{sign}\left(x\right) \cdot \operatorname{softplus}\left(y\right) - \operatorname{relu}\left(x - y\right)`],
  [".5x + 5.", String.raw`.5 \cdot x + 5.`],
  ["1e-3*x", String.raw`1 \times 10^{-3} \cdot x`],
  ["2e-3x", String.raw`2 \times 10^{-3} \cdot x`],
  ["x*2.5E+3", String.raw`x \cdot \left(2.5 \times 10^{+3}\right)`],
  ["1e-3^2", String.raw`\left(1 \times 10^{-3}\right)^{2}`],
  ["-1e-3", String.raw`-\left(1 \times 10^{-3}\right)`],
  ["pi*x + e^y", String.raw`\pi \cdot x + e^{y}`],
  ["alpha*x + lambda", String.raw`\alpha \cdot x + \lambda`],
  ["Gamma*Alpha", String.raw`\Gamma \cdot \mathrm{Alpha}`],
  ["rate*k_1", String.raw`\mathrm{rate} \cdot \mathrm{k\_1}`],
  ["a^b^2", String.raw`a^{b^{2}}`],
  ["alpha^2 + rate^2", String.raw`\alpha^{2} + \mathrm{rate}^{2}`],
];

for (const [formula, latex] of CASES) {
  test(`KaTeX renders the LaTeX of ${formula}`, () => {
    const html = katex.renderToString(latex, { throwOnError: true, strict: 'error' });
    assert.ok(html.includes('class="katex"'), latex);
    assert.ok(!html.includes('katex-error'), latex);
  });
}
