// The formula language's parser and compiler: parsed forms (canonical prefix printer), precedence
// and implicit multiplication, every error message with its column, constant folding and shared
// subexpressions.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "objectives/formula/evaluate.hpp"
#include "objectives/formula/parser.hpp"
#include "objectives/formula/program.hpp"

namespace gs::formula {
namespace {

const std::vector<std::string> kParameters{"a", "b", "alpha"};

std::string parsed(const std::string& formula) {
  const Result<Ast> ast = parse(formula, kParameters);
  if (!ast.ok()) return "error: " + ast.error().message;
  return print(ast.value());
}

struct ValidCase {
  const char* formula;
  const char* form;
};

TEST(FormulaParser, ParsesValidFormulasToTheirCanonicalForm) {
  const ValidCase cases[] = {
      {"1", "1"},
      {"2.5", "2.5"},
      {"1e-3", "1e-3"},
      {".5", ".5"},
      {"x", "x"},
      {"pi * e", "(* pi e)"},
      {"x + y * 2", "(+ x (* y 2))"},
      {"x - y - 1", "(- (- x y) 1)"},
      {"x / y / 2", "(/ (/ x y) 2)"},
      {"2^3^2", "(^ 2 (^ 3 2))"},
      {"-x^2", "(neg (^ x 2))"},
      {"--x", "(neg (neg x))"},
      {"2^-x", "(^ 2 (neg x))"},
      {"-2*x", "(* (neg 2) x)"},
      {"(x + y) * 2", "(* (+ x y) 2)"},
      {"2x", "(* 2 x)"},
      {"2x^2", "(* 2 (^ x 2))"},
      {"3(x+1)", "(* 3 (+ x 1))"},
      {"2 sin(x)", "(* 2 (sin x))"},
      {"1/2x", "(* (/ 1 2) x)"},
      {"2e-3x", "(* 2e-3 x)"},
      {"(x+1)(x-1)", "(* (+ x 1) (- x 1))"},
      {"sin(x)cos(y)", "(* (sin x) (cos y))"},
      {"a*x + alpha", "(+ (* a x) alpha)"},
      {"atan2(y, x)", "(atan2 y x)"},
      {"pow(x, 3) + hypot(x, y)", "(+ (pow x 3) (hypot x y))"},
      {"max(x, min(y, 1))", "(max x (min y 1))"},
      {"sigmoid(x) + softplus(y) + relu(x - y)", "(+ (+ (sigmoid x) (softplus y)) (relu (- x y)))"},
      {"log2(x) + log10(y) + cbrt(x) + sign(y) + abs(x)",
       "(+ (+ (+ (+ (log2 x) (log10 y)) (cbrt x)) (sign y)) (abs x))"},
      {"(a - x)^2 + b*(y - x^2)^2", "(+ (^ (- a x) 2) (* b (^ (- y (^ x 2)) 2)))"},
  };
  for (const ValidCase& c : cases) EXPECT_EQ(parsed(c.formula), c.form) << c.formula;
}

struct InvalidCase {
  const char* formula;
  int column;
  const char* message;
};

TEST(FormulaParser, ReportsEachErrorWithItsColumn) {
  const InvalidCase cases[] = {
      {"x + *y", 5, "unexpected '*' at column 5: expected a number, variable, function or '('"},
      {"x +", 4, "unexpected end of the formula at column 4: expected a number, variable, function or '('"},
      {"sine(x)", 1, "unknown function 'sine' at column 1 (did you mean sin?)"},
      {"foo(x)", 1, "unknown function 'foo' at column 1"},
      {"x + z", 5, "unknown name 'z' at column 5 (x, y and the declared parameters are the names)"},
      {"x+alpah", 3, "unknown name 'alpah' at column 3 (did you mean alpha?)"},
      {"xy", 1, "unknown name 'xy' at column 1 (write x*y for a product)"},
      {"c * x", 1, "unknown name 'c' at column 1 (x, y and the declared parameters are the names)"},
      {"2*(x+(1", 6, "missing ')' for the '(' at column 6"},
      {"sin(x", 4, "missing ')' for the '(' at column 4"},
      {"(x+1))", 6, "unexpected ')' at column 6"},
      {"x + 1)", 6, "unexpected ')' at column 6"},
      {"(x y)", 4, "unexpected 'y' at column 4: expected an operator or ')'"},
      {"atan2(y)", 1, "atan2 takes 2 arguments, got 1 at column 1"},
      {"2+sin(x, y)", 3, "sin takes 1 argument, got 2 at column 3"},
      {"max()", 1, "max takes 2 arguments, got 0 at column 1"},
      {"", 1, "the formula is empty"},
      {"   ", 1, "the formula is empty"},
      {"x # y", 3, "unexpected '#' at column 3: expected a number, a name, an operator or a parenthesis"},
      {"sin + x", 1, "function 'sin' at column 1 needs its arguments in parentheses: sin(...)"},
      {"1e400 * x", 1, "the number 1e400 at column 1 is too large (at most about 1.8e308)"},
      {"x \u00d7 y", 3, "unexpected '\u00d7' at column 3: expected a number, a name, an operator or a parenthesis"},
      {"2x y", 4, "unexpected 'y' at column 4: expected an operator or the end"},
      {"x(y + 1)", 2, "unexpected '(' at column 2: x is not a function (write x*(...) for a product)"},
      {"alpha (2)", 7, "unexpected '(' at column 7: alpha is not a function (write alpha*(...) for a product)"},
      {"x 2", 3, "unexpected '2' at column 3: expected an operator or the end"},
  };
  for (const InvalidCase& c : cases) {
    const Result<Ast> ast = parse(c.formula, kParameters);
    ASSERT_FALSE(ast.ok()) << c.formula;
    EXPECT_EQ(ast.error().message, c.message) << c.formula;
    EXPECT_EQ(ast.error().column, c.column) << c.formula;
  }
}

TEST(FormulaParser, RejectsUndeclaredParameters) {
  EXPECT_TRUE(parse("a*x", {"a"}).ok());
  const Result<Ast> ast = parse("a*x", {});
  ASSERT_FALSE(ast.ok());
  EXPECT_EQ(ast.error().message, "unknown name 'a' at column 1 (x, y and the declared parameters are the names)");
}

TEST(FormulaParser, RejectsBadParameterDeclarations) {
  EXPECT_EQ(parse("x", {"sin"}).error().message, "parameter 'sin' clashes with a built-in name");
  EXPECT_EQ(parse("x", {"y"}).error().message, "parameter 'y' clashes with a built-in name");
  EXPECT_EQ(parse("x", {"2a"}).error().message,
            "parameter '2a' is not a name (letters, digits and '_', not starting with a digit)");
  EXPECT_EQ(parse("x", {"a", "a"}).error().message, "parameter 'a' is declared twice");
}

TEST(FormulaParser, LimitsLengthAndNesting) {
  const std::string longest = "x" + std::string(999, ' ');
  EXPECT_TRUE(parse(longest).ok());
  const Result<Ast> too_long = parse(longest + " ");
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().message, "the formula is 1001 characters long: at most 1000 are allowed");

  const std::string nested64 = std::string(64, '(') + "x" + std::string(64, ')');
  EXPECT_TRUE(parse(nested64).ok());
  const std::string nested65 = std::string(65, '(') + "x" + std::string(65, ')');
  const Result<Ast> too_deep = parse(nested65);
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.error().message, "the formula nests deeper than 64 levels at column 65");
  EXPECT_EQ(too_deep.error().column, 65);

  std::string minuses(400, '-');
  const Result<Ast> deep_minus = parse(minuses + "x");
  ASSERT_FALSE(deep_minus.ok());
  EXPECT_EQ(deep_minus.error().message, "the formula nests deeper than 64 levels at column 65");
}

int ast_size(const std::string& formula) { return static_cast<int>(parse(formula).value().nodes.size()); }

Program compiled(const std::string& formula, const std::vector<std::string>& parameters = {}) {
  Result<Program> program = compile(formula, parameters);
  EXPECT_TRUE(program.ok()) << formula;
  return program.value();
}

TEST(FormulaCompiler, FoldsConstants) {
  const Program program = compiled("2*3*x");
  EXPECT_EQ(ast_size("2*3*x"), 5);
  EXPECT_EQ(print(program), "%0 = 6\n%1 = x\n%2 = * %0 %1\n");

  EXPECT_EQ(print(compiled("2*pi")), "%0 = 6.283185307179586\n");
  EXPECT_EQ(print(compiled("6 - 0")), "%0 = 6\n");
  EXPECT_EQ(print(compiled("-(1+2)^2 + sqrt(16)")), "%0 = -5\n");
  EXPECT_EQ(print(compiled("a * (1 + 1)", {"a"})), "%0 = p0\n%1 = 2\n%2 = * %0 %1\n");
}

TEST(FormulaCompiler, KeepsConstantsThatLeaveTheirDomainForTheEvaluation) {
  const Program program = compiled("x + log(-1)");
  EXPECT_EQ(print(program), "%0 = x\n%1 = -1\n%2 = log %1\n%3 = + %0 %2\n");
  const Evaluation<double> value = value_at(program, 1, 0);
  EXPECT_TRUE(value.left_domain);
  EXPECT_EQ(value.instruction, 2);
  EXPECT_EQ(value.domain_message, "log of a number ≤ 0 at column 5");
  EXPECT_EQ(print(compiled("1/0")), "%0 = 1\n%1 = 0\n%2 = / %0 %1\n");
}

TEST(FormulaCompiler, SharesCommonSubexpressions) {
  const std::string formula = "sin(x*y) + sin(x*y)^2 + x*y";
  EXPECT_EQ(ast_size(formula), 15);
  const Program program = compiled(formula);
  EXPECT_EQ(print(program),
            "%0 = x\n%1 = y\n%2 = * %0 %1\n%3 = sin %2\n%4 = 2\n%5 = ^ %3 %4\n%6 = + %3 %5\n%7 = + %6 %2\n");
  const double s = std::sin(0.125);
  EXPECT_NEAR(value_at(program, 0.5, 0.25).value, s + s * s + 0.125, 1e-15);
}

TEST(FormulaCompiler, EvaluatesParametersAndConstants) {
  const Program program = compiled("a*x + b*y + pi", {"a", "b"});
  const double parameters[] = {2, -3};
  EXPECT_EQ(value_at(program, 1.5, 0.5, parameters).value, 2 * 1.5 + -3 * 0.5 + 3.141592653589793);
}

TEST(FormulaCompiler, EvaluationAnswersBadInputWithAMessage) {
  const Program program = compiled("a*x + y", {"a"});
  const double none[] = {1.0};
  EXPECT_EQ(value_at(program, 1, 2).error, "the formula declares 1 parameter, got 0 values");
  EXPECT_EQ(value_at(program, std::nan(""), 2, none).error, "x must be a finite number");
  EXPECT_EQ(derivatives_at(program, 1, INFINITY, none).error, "y must be a finite number");
  const double infinite[] = {INFINITY};
  EXPECT_EQ(value_at(program, 1, 2, infinite).error, "parameter 1 must be a finite number");
  EXPECT_EQ(value_at(Program{}, 1, 2).error, "the program is empty (compile a formula first)");
  const Evaluation<double> fine = value_at(program, 1, 2, none);
  EXPECT_EQ(fine.error, "");
  EXPECT_EQ(fine.value, 3);
}

}  // namespace
}  // namespace gs::formula
