// LaTeX (for KaTeX) of a parsed formula, written so the preview shows how the formula was read:
// every grouping the parser made is visible, with the fewest parentheses that say so.
//
// Rules:
// - Products: always "a \cdot b", whether the user wrote '*' or an implicit product ("2x" prints
//   "2 \cdot x"); the tree does not record which, and one sign for every product is unambiguous.
// - Parentheses (\left( \right)) from precedence and associativity as parsed: sum < product <
//   negation < power < atom. "+", "-" and "\cdot" are left-associative, so a right operand of the
//   same level keeps its parentheses ("x - (y - 1)", "x \cdot (y \cdot z)") and a left one does
//   not ("x - y - 1"). A power's base is an atom ("\left(-x\right)^{2}", "\left(x^{2}\right)^{3}",
//   "2^{3^{2}}"); an exponent is a group and needs none.
// - A negation is parenthesised wherever it does not start its group: "-x \cdot y" but
//   "x \cdot \left(-y\right)", "x + \left(-y\right)", "-\left(-x\right)"; its operand is a power
//   or an atom, else parenthesised: "-x^{2}", "-\left(x + y\right)".
// - Division prints "\frac{a}{b}", whose parts need no parentheses; a fraction is a factor as is
//   ("\frac{x}{y} \cdot z") but parenthesised as a power's base, as are \sqrt and \sqrt[3].
// - Functions: \sin \cos \tan \sinh \cosh \tanh \exp, \arcsin \arccos \arctan, \ln (log),
//   \log_{2}, \log_{10}, \min, \max; \sqrt{}, \sqrt[3]{} (cbrt), \left| \right| (abs); the others
//   (sign sigmoid softplus relu atan2 hypot pow) \operatorname{name}. Arguments always in
//   \left( \right), separated by ", ". pow(a, b) stays a function, distinct from a^b.
// - Numbers as the user wrote them ("2.5", ".5"); with an exponent "m \times 10^{k}" ("1e-3" ->
//   "1 \times 10^{-3}", "2E+5" -> "2 \times 10^{+5}"), a product for the precedence rules.
// - Names: x, y and single-letter parameters as they are; pi -> \pi, e -> e; a parameter named
//   after a Greek letter -> \alpha ... \omega, and the capitals with their own glyph (\Gamma
//   \Delta \Theta \Lambda \Xi \Pi \Sigma \Upsilon \Phi \Psi \Omega); any other name, including
//   "Alpha" (whose glyph would be a Latin A), -> \mathrm{name} with '_' escaped as \_ (names are
//   [A-Za-z_][A-Za-z0-9_]*, so '_' is their only LaTeX-special character): "k_1" -> \mathrm{k\_1}.
#pragma once

#include <string>

#include "objectives/formula/ast.hpp"

namespace gs::formula {

std::string to_latex(const Ast& ast);

}  // namespace gs::formula
