// The custom update-rule language (optim/custom/custom_rule.hpp): declarations as parsed, every
// error message with its line and column, the step's semantics and failures, Adam and SGD with
// momentum written as rules against plain double loops of the same formulas, and the LaTeX.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/detmath.hpp"
#include "optim/custom/custom_rule.hpp"

namespace gs::optim::custom {
namespace {

std::shared_ptr<const CustomRule> compiled(const std::string& text) {
  std::string error;
  std::shared_ptr<const CustomRule> rule = CustomRule::compile(text, error);
  EXPECT_TRUE(rule) << text << "\n" << error;
  EXPECT_EQ(error, "");
  return rule;
}

std::string error_of(const std::string& text) {
  std::string error;
  const std::shared_ptr<const CustomRule> rule = CustomRule::compile(text, error);
  EXPECT_FALSE(rule) << text;
  return error;
}

const char* const kSignMomentum =
    "hyper lr = 0.01 [1e-5, 1] log; beta = 0.9 [0, 0.999]\n"
    "state m = 0\n"
    "m = beta*m + (1 - beta)*g\n"
    "theta = theta - lr*sign(m)\n";

TEST(CustomRule, ReadsDeclarations) {
  const auto rule = compiled(kSignMomentum);
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->text(), kSignMomentum);
  ASSERT_EQ(rule->hypers().size(), 2u);
  EXPECT_EQ(rule->hypers()[0].name, "lr");
  EXPECT_EQ(rule->hypers()[0].value, 0.01);
  EXPECT_EQ(rule->hypers()[0].min, 1e-5);
  EXPECT_EQ(rule->hypers()[0].max, 1);
  EXPECT_TRUE(rule->hypers()[0].log);
  EXPECT_EQ(rule->hypers()[1].name, "beta");
  EXPECT_EQ(rule->hypers()[1].value, 0.9);
  EXPECT_EQ(rule->hypers()[1].min, 0);
  EXPECT_EQ(rule->hypers()[1].max, 0.999);
  EXPECT_FALSE(rule->hypers()[1].log);
  ASSERT_EQ(rule->states().size(), 1u);
  EXPECT_EQ(rule->states()[0].name, "m");
  EXPECT_EQ(rule->states()[0].initial, 0);

  const auto spread = compiled("state a = -1.5; b = .5  # two states\n hyper k = 2e-3 [-1, 1]\ntheta = theta + a*b*k; b = b*2\n");
  ASSERT_TRUE(spread);
  ASSERT_EQ(spread->states().size(), 2u);
  EXPECT_EQ(spread->states()[0].initial, -1.5);
  EXPECT_EQ(spread->states()[1].initial, 0.5);
  ASSERT_EQ(spread->hypers().size(), 1u);
  EXPECT_EQ(spread->hypers()[0].value, 2e-3);
  EXPECT_EQ(spread->hypers()[0].min, -1);
}

struct ErrorCase {
  std::string text;
  std::string message;
};

TEST(CustomRule, ReportsEachErrorWithItsLineAndColumn) {
  const std::string hint = " (a rule reads g, theta, t, its hypers and states, and locals assigned earlier)";
  const ErrorCase cases[] = {
      // Names.
      {"hyper beta = 0.9 [0, 1]\nstate m = 0\nm = bta*m + g\ntheta = theta - m",
       R"(line 3, column 5: unknown name "bta"; did you mean "beta"?)"},
      {"state m = 0\nm = g\ntheta = theta - 0.1*gm", R"(line 3, column 21: unknown name "gm"; write g*m for a product)"},
      {"theta = theta - 0.1*x", "line 1, column 21: unknown name \"x\"" + hint},
      {"theta = y*g", "line 1, column 9: unknown name \"y\"" + hint},
      {"theta = theta - lr2*g\nlr2 = 0.1", R"(line 1, column 17: "lr2" is read before it is assigned (first on line 2))"},
      {"d = d + g\ntheta = theta - d", R"(line 1, column 5: "d" is read before it is assigned (first on line 1))"},
      // Assignments to what may not be assigned.
      {"g = 2*g\ntheta = theta - g", R"(line 1, column 1: cannot assign "g": it is the gradient)"},
      {"theta = theta - g;  t = t + 1", R"(line 1, column 21: cannot assign "t": it is the step number)"},
      {"hyper lr = 0.1 [0, 1]\nlr = 0.2\ntheta = theta - lr*g",
       R"(line 2, column 1: cannot assign "lr": it is a hyperparameter)"},
      {"pi = 3\ntheta = theta", R"(line 1, column 1: cannot assign "pi": it is a constant)"},
      {"theta = theta\n  x = 1", R"(line 2, column 3: cannot assign "x": it is reserved (update rules have no x or y))"},
      // Redefinitions and built-in names.
      {"hyper beta = 0.9 [0, 1]\nstate beta = 0\ntheta = theta", R"(line 2, column 7: "beta" is already declared on line 1)"},
      {"state m = 0; m = 1\ntheta = theta", R"(line 1, column 14: "m" is already declared on line 1)"},
      {"state theta = 0\ntheta = theta", R"(line 1, column 7: cannot declare "theta": it is the parameter)"},
      {"hyper e = 1 [0, 2]\ntheta = theta", R"(line 1, column 7: cannot declare "e": it is a constant)"},
      {"state sin = 0\ntheta = theta", R"(line 1, column 7: cannot declare "sin": it is a function)"},
      {"state g = 0\ntheta = theta", R"(line 1, column 7: cannot declare "g": it is the gradient)"},
      // The whole rule.
      {"", "line 1, column 1: the rule is empty"},
      {"# only a comment\n  \n", "line 1, column 1: the rule is empty"},
      {"state m = 0\nm = m + g\n", "line 2, column 10: the rule never assigns theta"},
      // Syntax errors of expressions, at the line's column.
      {"theta = theta - (g + ", "line 1, column 22: unexpected end of the statement: expected a number, variable, function or '('"},
      {"theta = theta - sine(g)", "line 1, column 17: unknown function 'sine' (did you mean sin?)"},
      {"m = (g\ntheta = m", "line 1, column 5: missing ')' for the '('"},
      {"theta = theta 2", "line 1, column 15: unexpected '2': expected an operator or the end"},
      {"theta = theta @ g", "line 1, column 15: unexpected '@': expected a number, a name, an operator or a parenthesis"},
      {"theta = theta + + bta", "line 1, column 17: unexpected '+': expected a number, variable, function or '('"},
      {"theta = sin", "line 1, column 9: function 'sin' needs its arguments in parentheses: sin(...)"},
      // Syntax errors of statements.
      {"m = \ntheta = theta", "line 1, column 5: expected an expression after '='"},
      {"= g", "line 1, column 1: expected a statement: NAME = expression, or a hyper or state declaration"},
      {"theta + g", R"(line 1, column 7: expected '=' after "theta")"},
      {"hyper\ntheta = theta", R"(line 1, column 6: expected a name after "hyper")"},
      {"hyper lr 0.1 [0, 1]", R"(line 1, column 10: expected '=' after "lr")"},
      {"state m = g", "line 1, column 11: expected a number"},
      {"state m = 0 1", "line 1, column 13: expected the end of the statement after the initial value"},
      {"state m = 1e999", "line 1, column 11: the number 1e999 is too large (at most about 1.8e308)"},
      {"hyper lr = 0.5 [0, 1]; m = g\ntheta = theta",
       R"(line 1, column 28: expected a number (the statements after "hyper" on its line declare hyperparameters))"},
      {"hyper lr = 0.5", "line 1, column 15: expected '[' and the range [MIN, MAX] after the default"},
      {"hyper lr = 0.5 [0 1]", "line 1, column 19: expected ',' between the range's minimum and maximum"},
      {"hyper lr = 0.5 [0, 1", "line 1, column 21: expected ']' after the range's maximum"},
      {"hyper lr = 0.5 [0, 1] linear", R"(line 1, column 23: expected "log" or the end of the statement)"},
      // Declarations' numbers.
      {"hyper lr = 2 [0, 1]", "line 1, column 12: the default 2 is outside the range [0, 1]"},
      {"hyper lr = 1 [1, 1]", "line 1, column 15: the range [1, 1] needs its minimum below its maximum"},
      {"hyper lr = 0.5 [0, 1] log", "line 1, column 23: a log scale needs a minimum above 0, not 0"},
  };
  for (const ErrorCase& c : cases) EXPECT_EQ(error_of(c.text), c.message) << c.text;
}

TEST(CustomRule, LimitsLengthStatementsHypersAndStates) {
  const std::string longest = "theta = theta #" + std::string(kMaxRuleLength - 15, 'a');
  EXPECT_TRUE(compiled(longest));
  EXPECT_EQ(error_of(longest + "a"), "line 1, column 4001: the rule is 4001 characters long: at most 4000 are allowed");

  std::string statements;
  for (int i = 0; i < kMaxStatements; ++i) statements += "theta = theta - g\n";
  EXPECT_TRUE(compiled(statements));
  EXPECT_EQ(error_of(statements + "theta = theta"), "line 41, column 1: more than 40 statements");

  std::string hypers = "hyper", states = "state";
  for (int i = 0; i <= kMaxHypers; ++i) hypers += " h" + std::to_string(i) + " = 0 [0, 1];";
  for (int i = 0; i <= kMaxStates; ++i) states += " s" + std::to_string(i) + " = 0;";
  EXPECT_EQ(error_of(hypers + "\ntheta = theta"), "line 1, column 127: more than 8 hyperparameters");
  EXPECT_EQ(error_of(states + "\ntheta = theta"), "line 1, column 71: more than 8 states");
}

TEST(CustomRule, StepsInOrderWithThetaLocalsAndT) {
  // theta is read as assigned so far; d is a local; t is the step.
  const auto rule = compiled("theta = theta - g\nd = theta\ntheta = theta + t*d");
  ASSERT_TRUE(rule);
  bool ok = false;
  std::string why;
  EXPECT_EQ(rule->step(1.0, 0.5, 2.0, nullptr, nullptr, ok, why), 1.5);
  EXPECT_TRUE(ok);

  const auto sign_momentum = compiled(kSignMomentum);
  ASSERT_TRUE(sign_momentum);
  const double hyper[] = {0.1, 0.5};
  double state[] = {0.0};
  EXPECT_EQ(sign_momentum->step(2.0, -4.0, 1.0, hyper, state, ok, why), 2.1);
  EXPECT_TRUE(ok);
  EXPECT_EQ(state[0], -2.0);
  EXPECT_EQ(sign_momentum->step(2.1, 6.0, 2.0, hyper, state, ok, why), 2.0);
  EXPECT_EQ(state[0], 2.0);
  state[0] = -2.0;
  EXPECT_EQ(sign_momentum->step(3.0, 2.0, 3.0, hyper, state, ok, why), 3.0);  // sign(0) = 0
  EXPECT_EQ(state[0], 0.0);
}

TEST(CustomRule, StepReportsWhereAValueLeftTheDomain) {
  const auto rule = compiled("state m = 1\nm = m + g\n\ntheta = theta - log(g)*m");
  ASSERT_TRUE(rule);
  bool ok = true;
  std::string why;
  double state[] = {1.0};
  EXPECT_TRUE(std::isnan(rule->step(1.0, -1.0, 1.0, nullptr, state, ok, why)));
  EXPECT_FALSE(ok);
  EXPECT_EQ(why, "line 4, column 17: log of a number ≤ 0");
  EXPECT_EQ(state[0], 1.0);  // left as it was

  const auto exploding = compiled("theta = theta - exp(g)");
  ASSERT_TRUE(exploding);
  exploding->step(1.0, 1000.0, 1.0, nullptr, nullptr, ok, why);
  EXPECT_FALSE(ok);
  EXPECT_EQ(why, "line 1, column 17: exp has no finite value");

  rule->step(1.0, std::nan(""), 1.0, nullptr, state, ok, why);
  EXPECT_FALSE(ok);
  EXPECT_EQ(why, "g is not a finite number");
  state[0] = INFINITY;
  rule->step(1.0, 1.0, 1.0, nullptr, state, ok, why);
  EXPECT_FALSE(ok);
  EXPECT_EQ(why, "state m is not a finite number");
  const auto with_hyper = compiled("hyper lr = 1 [0, 2]\ntheta = theta - lr*g");
  ASSERT_TRUE(with_hyper);
  const double bad[] = {INFINITY};
  with_hyper->step(1.0, 1.0, 1.0, bad, nullptr, ok, why);
  EXPECT_EQ(why, "hyperparameter lr is not a finite number");
}

// A gradient per coordinate: a_i (θ − c_i) + 0.5 sin(θ), the same function for the rule and the loop.
double gradient(double theta, std::size_t i) {
  const double a[] = {1.0, 4.0, 0.2, 10.0, 2.0}, c[] = {0.3, -1.0, 2.0, 0.05, -3.0};
  return a[i] * (theta - c[i]) + 0.5 * std::sin(theta);
}
const std::vector<double> kStart{1.5, -0.7, 3.0, 0.01, -2.2};
constexpr int kSteps = 300;

// |a − b| relative to b, or absolute where |b| < 1 (states such as m tend to 0 at the minimum).
double difference(double a, double b) { return std::fabs(a - b) / std::max(std::fabs(b), 1.0); }

struct Agreement {
  double theta = 0;  // largest |Δθ| / |θ|
  double state = 0;  // largest difference() of a state
};

// Adam written as a rule, stepped against torch 1.13's formula in a double loop whose powers β^t
// come from `power`.
Agreement adam_agreement(double (*power)(double, double)) {
  const auto rule = compiled(
      "# Adam, torch 1.13\n"
      "hyper lr = 0.01 [1e-5, 1] log; beta1 = 0.9 [0, 0.999]; beta2 = 0.999 [0, 0.9999]; eps = 1e-8 [1e-12, 1e-3] log\n"
      "state m = 0; v = 0\n"
      "m = beta1*m + (1 - beta1)*g\n"
      "v = beta2*v + (1 - beta2)*g*g\n"
      "bc1 = 1 - beta1^t\n"
      "bc2 = 1 - beta2^t\n"
      "theta = theta - lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)\n");
  Agreement agreement;
  if (!rule) return {INFINITY, INFINITY};
  const double lr = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const double hyper[] = {lr, beta1, beta2, eps};
  for (std::size_t i = 0; i < kStart.size(); ++i) {
    double theta_rule = kStart[i], theta = kStart[i], m = 0, v = 0;
    double state[] = {0.0, 0.0};
    for (int step = 1; step <= kSteps; ++step) {
      const double t = step;
      bool ok = false;
      std::string why;
      theta_rule = rule->step(theta_rule, gradient(theta_rule, i), t, hyper, state, ok, why);
      if (!ok) return {INFINITY, INFINITY};
      const double g = gradient(theta, i);
      m = beta1 * m + (1 - beta1) * g;
      v = beta2 * v + (1 - beta2) * g * g;
      const double bc1 = 1 - power(beta1, t), bc2 = 1 - power(beta2, t);
      theta = theta - lr / bc1 * m / (std::sqrt(v) / std::sqrt(bc2) + eps);
      agreement.theta = std::max(agreement.theta, std::fabs(theta_rule - theta) / std::fabs(theta));
      agreement.state = std::max({agreement.state, difference(state[0], m), difference(state[1], v)});
    }
  }
  return agreement;
}

TEST(CustomRule, AdamAsARuleAgreesWithTheLoop) {
  const Agreement with_std_pow = adam_agreement([](double a, double b) { return std::pow(a, b); });
  EXPECT_LE(with_std_pow.theta, 1e-12);
  EXPECT_LE(with_std_pow.state, 1e-12);
  // With the formula language's own pow (gs::dm) the loop computes the rule's operations in the
  // rule's order: the same bits.
  const Agreement with_dm_pow = adam_agreement([](double a, double b) { return dm::pow(a, b); });
  EXPECT_EQ(with_dm_pow.theta, 0.0);
  EXPECT_EQ(with_dm_pow.state, 0.0);
}

TEST(CustomRule, SgdWithMomentumAsARuleAgreesWithTorchsLoop) {
  // torch: buf = g on step 1, then momentum*buf + g (dampening 0); with buf0 = 0 the rule's first
  // step momentum*0 + g is that g.
  const auto rule = compiled(
      "hyper lr = 0.01 [1e-4, 1] log; momentum = 0.9 [0, 0.99]\n"
      "state buf = 0\n"
      "buf = momentum*buf + g\n"
      "theta = theta - lr*buf\n");
  ASSERT_TRUE(rule);
  const double lr = 0.02, momentum = 0.8;
  const double hyper[] = {lr, momentum};
  for (std::size_t i = 0; i < kStart.size(); ++i) {
    double theta_rule = kStart[i], theta = kStart[i], buf = 0;
    double state[] = {0.0};
    for (int step = 1; step <= kSteps; ++step) {
      bool ok = false;
      std::string why;
      theta_rule = rule->step(theta_rule, gradient(theta_rule, i), step, hyper, state, ok, why);
      ASSERT_TRUE(ok) << why;
      const double g = gradient(theta, i);
      buf = step == 1 ? g : momentum * buf + g;
      theta = theta - lr * buf;
      // The same operations in the same order: the same bits (so within any relative tolerance).
      ASSERT_EQ(theta_rule, theta) << "coordinate " << i << ", step " << step;
      ASSERT_EQ(state[0], buf) << "coordinate " << i << ", step " << step;
    }
  }
}

TEST(CustomRule, TypesetsEachAssignment) {
  const auto rule = compiled(kSignMomentum);
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->latex(),
            R"(\begin{aligned}m &\leftarrow \beta \cdot m + \left(1 - \beta\right) \cdot g\\ )"
            R"(\theta &\leftarrow \theta - \mathrm{lr} \cdot \operatorname{sign}\left(m\right)\end{aligned})");
  const auto with_local = compiled("hyper eta_0 = 0.1 [0, 1]\nd = g/(1 + t)\ntheta = theta - eta_0*d^2");
  ASSERT_TRUE(with_local);
  EXPECT_EQ(with_local->latex(),
            R"(\begin{aligned}d &\leftarrow \frac{g}{1 + t}\\ )"
            R"(\theta &\leftarrow \theta - \mathrm{eta\_0} \cdot d^{2}\end{aligned})");
}

}  // namespace
}  // namespace gs::optim::custom
