// The formula LaTeX printer (objectives/formula/latex.hpp): a table of formulas, as parsed, and
// the exact LaTeX each prints to, covering every operator and function, the precedence and
// associativity corners, implicit products, numbers and parameter names. The same expected
// strings are rendered with KaTeX in tests/js/formula-latex-katex.test.mjs.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "objectives/formula/latex.hpp"
#include "objectives/formula/parser.hpp"

namespace gs::formula {
namespace {

const std::vector<std::string> kParameters{"a", "b", "alpha", "lambda", "Gamma", "Alpha", "k_1", "rate"};

struct LatexCase {
  const char* formula;
  const char* latex;
};

const LatexCase kCases[] = {
    // The examples users type.
    {"(1 - x)^2 + 100*(y - x^2)^2", R"(\left(1 - x\right)^{2} + 100 \cdot \left(y - x^{2}\right)^{2})"},
    {"sin(x)*cos(y) + 0.1*(x^2+y^2)", R"(\sin\left(x\right) \cdot \cos\left(y\right) + 0.1 \cdot \left(x^{2} + y^{2}\right))"},
    {"a*x^2 + sigmoid(x*y)/2", R"(a \cdot x^{2} + \frac{\operatorname{sigmoid}\left(x \cdot y\right)}{2})"},
    // Implicit products print like explicit ones.
    {"3(x+1)", R"(3 \cdot \left(x + 1\right))"},
    {"2x", R"(2 \cdot x)"},
    {"2x^2", R"(2 \cdot x^{2})"},
    {"1/2x", R"(\frac{1}{2} \cdot x)"},
    {"(x+1)(x-1)", R"(\left(x + 1\right) \cdot \left(x - 1\right))"},
    {"2 sin(x)", R"(2 \cdot \sin\left(x\right))"},
    {"2pi", R"(2 \cdot \pi)"},
    {"2*3", R"(2 \cdot 3)"},
    // Sums and products: left-associative, a right operand of the same level keeps its parentheses.
    {"x - (y - 1)", R"(x - \left(y - 1\right))"},
    {"(x - y) - 1", R"(x - y - 1)"},
    {"x + (y + 1)", R"(x + \left(y + 1\right))"},
    {"x - y*2", R"(x - y \cdot 2)"},
    {"(x - y)*2", R"(\left(x - y\right) \cdot 2)"},
    {"x*(y*2)", R"(x \cdot \left(y \cdot 2\right))"},
    {"x*y*2", R"(x \cdot y \cdot 2)"},
    {"((x))", R"(x)"},
    // Powers: right-associative, the base an atom, the exponent a group.
    {"-x^2", R"(-x^{2})"},
    {"(-x)^2", R"(\left(-x\right)^{2})"},
    {"2^3^2", R"(2^{3^{2}})"},
    {"(2^3)^2", R"(\left(2^{3}\right)^{2})"},
    {"2^-x", R"(2^{-x})"},
    {"x^(y+1)", R"(x^{y + 1})"},
    {"(x*y)^2", R"(\left(x \cdot y\right)^{2})"},
    {"x^(1/2)", R"(x^{\frac{1}{2}})"},
    // Fractions: no parentheses inside, a factor as they are, parenthesised as a base.
    {"x/y/2", R"(\frac{\frac{x}{y}}{2})"},
    {"x/(y/2)", R"(\frac{x}{\frac{y}{2}})"},
    {"(x+1)/(y-1)", R"(\frac{x + 1}{y - 1})"},
    {"x*y/2", R"(\frac{x \cdot y}{2})"},
    {"x/y*2", R"(\frac{x}{y} \cdot 2)"},
    {"(x/y)^2", R"(\left(\frac{x}{y}\right)^{2})"},
    // Negation: parenthesised where it does not start its group; its operand a power or an atom.
    {"-(x+y)", R"(-\left(x + y\right))"},
    {"-(x*y)", R"(-\left(x \cdot y\right))"},
    {"-x*y", R"(-x \cdot y)"},
    {"-2*x", R"(-2 \cdot x)"},
    {"x*-y", R"(x \cdot \left(-y\right))"},
    {"x + -y*2", R"(x + \left(-y\right) \cdot 2)"},
    {"x - -y", R"(x - \left(-y\right))"},
    {"--x", R"(-\left(-x\right))"},
    {"-x/y", R"(\frac{-x}{y})"},
    {"-(x/y)", R"(-\frac{x}{y})"},
    // Every function.
    {"sqrt(x)^2", R"(\left(\sqrt{x}\right)^{2})"},
    {"sqrt(x^2 + y^2) + cbrt(x)", R"(\sqrt{x^{2} + y^{2}} + \sqrt[3]{x})"},
    {"abs(x)^2 + abs(-y)", R"(\left|x\right|^{2} + \left|-y\right|)"},
    {"sin(x)^2", R"(\sin\left(x\right)^{2})"},
    {"tan(x) + asin(x) + acos(y) + atan(x)",
     R"(\tan\left(x\right) + \arcsin\left(x\right) + \arccos\left(y\right) + \arctan\left(x\right))"},
    {"sinh(x) - cosh(y)*tanh(x)", R"(\sinh\left(x\right) - \cosh\left(y\right) \cdot \tanh\left(x\right))"},
    {"exp(-(x^2 + y^2)/2)", R"(\exp\left(\frac{-\left(x^{2} + y^{2}\right)}{2}\right))"},
    {"log(x) + log2(y) + log10(x*y)", R"(\ln\left(x\right) + \log_{2}\left(y\right) + \log_{10}\left(x \cdot y\right))"},
    {"atan2(y, x)", R"(\operatorname{atan2}\left(y, x\right))"},
    {"hypot(x,y)", R"(\operatorname{hypot}\left(x, y\right))"},
    {"pow(x, 3) + x^3", R"(\operatorname{pow}\left(x, 3\right) + x^{3})"},
    {"min(x, max(y, 1))", R"(\min\left(x, \max\left(y, 1\right)\right))"},
    {"sign(x)*softplus(y) - relu(x - y)",
     R"(\operatorname{sign}\left(x\right) \cdot \operatorname{softplus}\left(y\right) - \operatorname{relu}\left(x - y\right))"},
    // Numbers as written; an exponent as a power of ten (a product for the precedence rules).
    {".5x + 5.", R"(.5 \cdot x + 5.)"},
    {"1e-3*x", R"(1 \times 10^{-3} \cdot x)"},
    {"2e-3x", R"(2 \times 10^{-3} \cdot x)"},
    {"x*2.5E+3", R"(x \cdot \left(2.5 \times 10^{+3}\right))"},
    {"1e-3^2", R"(\left(1 \times 10^{-3}\right)^{2})"},
    {"-1e-3", R"(-\left(1 \times 10^{-3}\right))"},
    // Constants and parameters.
    {"pi*x + e^y", R"(\pi \cdot x + e^{y})"},
    {"alpha*x + lambda", R"(\alpha \cdot x + \lambda)"},
    {"Gamma*Alpha", R"(\Gamma \cdot \mathrm{Alpha})"},
    {"rate*k_1", R"(\mathrm{rate} \cdot \mathrm{k\_1})"},
    {"a^b^2", R"(a^{b^{2}})"},
    {"alpha^2 + rate^2", R"(\alpha^{2} + \mathrm{rate}^{2})"},
};

std::string latex_of(const std::string& formula) {
  const Result<Ast> ast = parse(formula, kParameters);
  if (!ast.ok()) return "error: " + ast.error().message;
  return to_latex(ast.value());
}

TEST(FormulaLatex, PrintsEachFormulaAsItWasRead) {
  for (const LatexCase& c : kCases) EXPECT_EQ(latex_of(c.formula), c.latex) << c.formula;
}

// `name` called in `formula`: "name(" not preceded by a letter or digit ("sin(" is not in "asin(").
bool calls(std::string_view formula, std::string_view name) {
  const std::string call = std::string(name) + "(";
  for (std::size_t at = formula.find(call); at != std::string_view::npos; at = formula.find(call, at + 1))
    if (at == 0 || !std::isalnum(static_cast<unsigned char>(formula[at - 1]))) return true;
  return false;
}

TEST(FormulaLatex, TheTableCallsEveryFunction) {
  for (std::string_view name : function_names()) {
    bool called = false;
    for (const LatexCase& c : kCases) called = called || calls(c.formula, name);
    EXPECT_TRUE(called) << name;
  }
}

TEST(FormulaLatex, AnEmptyTreePrintsNothing) { EXPECT_EQ(to_latex(Ast{}), ""); }

}  // namespace
}  // namespace gs::formula
