// The typed formula as an objective: the run evaluator (GradientProgram) against the exact
// derivatives, the typed built-ins against the catalog's, runs that leave the domain, the
// stationary points found, and the config's formula fields with their messages.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "engine/run_config.hpp"
#include "engine/run_session.hpp"
#include "objectives/formula/evaluate.hpp"
#include "objectives/formula/gradient_program.hpp"
#include "objectives/formula/landscape.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

formula::Program compiled(const std::string& text, const std::vector<std::string>& names = {}) {
  formula::Result<formula::Program> p = formula::compile(text, names);
  EXPECT_TRUE(p.ok()) << text;
  return p.ok() ? p.value() : formula::Program{};
}

const char* const kFormulas[] = {
    "(1 - x)^2 + 100*(y - x^2)^2",
    "sin(x)*cos(y) + 0.1*(x^2 + y^2)",
    "x/y + y/(1 + x^2) - 3/(2 + y^2)",
    "exp(-(x^2 + y^2)/2) * tanh(x - y) + log(2 + sin(x*y))",
    "a*x^3 - b*y^3 + hypot(x, y + 3) + atan2(y + 4, x - 5)",
    "sigmoid(x) + softplus(y - x) + relu(x + y) + abs(x - 1) + max(x, y) - min(x, 2*y)",
    "cbrt(x + 7) + sqrt(y^2 + 1) + asin(x/10) + acos(y/10) + atan(x*y) + sinh(x/3) + cosh(y/3)",
    "pow(x^2 + 1, 1.5) + 2^x + log2(x^2 + 1) + log10(y^2 + 2) + tan(x/4) + sign(y)",
};

// The run evaluator's value has the bits of the evaluator's (evaluate.hpp), its gradient agrees
// with the exact dual-number gradient, and neither depends on the points evaluated beside it.
TEST(FormulaObjective, RunEvaluatorAgreesWithTheExactDerivatives) {
  const std::vector<double> params{1.5, -0.5};
  for (const char* text : kFormulas) {
    const formula::Program program = compiled(text, {"a", "b"});
    const formula::GradientProgram run(program, params);
    std::vector<double> xs, ys;
    for (int k = 0; k < 150; ++k) {
      xs.push_back(-3 + 0.043 * k);
      ys.push_back(2.5 - 0.031 * k + 0.2 * std::sin(k));
    }
    std::vector<double> f(xs.size()), gx(xs.size()), gy(xs.size()), v(xs.size());
    run.evaluate(xs.data(), ys.data(), xs.size(), f.data(), gx.data(), gy.data());
    run.values(xs.data(), ys.data(), xs.size(), v.data());
    for (size_t k = 0; k < xs.size(); ++k) {
      const auto exact = formula::derivatives_at(program, xs[k], ys[k], params);
      const auto value = formula::value_at(program, xs[k], ys[k], params);
      const std::string where = std::string(text) + " at (" + std::to_string(xs[k]) + ", " + std::to_string(ys[k]) + ")";
      if (value.left_domain) {
        EXPECT_TRUE(std::isnan(v[k])) << where;
        continue;
      }
      EXPECT_TRUE(same_bits(v[k], value.value)) << where << ": " << v[k] << " vs " << value.value;
      EXPECT_TRUE(same_bits(f[k], v[k])) << where;
      if (exact.left_domain) continue;
      const double scale = 1 + std::fabs(exact.value.gx) + std::fabs(exact.value.gy);
      EXPECT_NEAR(gx[k], exact.value.gx, 1e-12 * scale) << where;
      EXPECT_NEAR(gy[k], exact.value.gy, 1e-12 * scale) << where;
      double f1, gx1, gy1;
      run.evaluate(&xs[k], &ys[k], 1, &f1, &gx1, &gy1);
      EXPECT_TRUE(same_bits(f1, f[k]) && same_bits(gx1, gx[k]) && same_bits(gy1, gy[k])) << where << " alone";
    }
  }
}

struct TypedBuiltIn {
  const char* builtin;
  const char* objective;  // the typed formula's objective JSON
};

const TypedBuiltIn kTypedBuiltIns[] = {
    {R"J({"name":"rosenbrock","params":{"a":1,"b":100}})J",
     R"J({"name":"formula","expr":"(a - x)^2 + b*(y - x^2)^2","params":{"a":1,"b":100}})J"},
    {R"J("beale")J", R"J({"name":"formula","expr":"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"})J"},
    {R"J("himmelblau")J", R"J({"name":"formula","expr":"(x^2 + y - 11)^2 + (x + y^2 - 7)^2"})J"},
    {R"J("booth")J", R"J({"name":"formula","expr":"(x + 2y - 7)^2 + (2x + y - 5)^2"})J"},
};

double relative(double a, double b) { return std::fabs(a - b) / std::max(1.0, std::fabs(a)); }

void run_both(const TypedBuiltIn& c, const std::string& rest, engine::RunSession& builtin, engine::RunSession& typed) {
  test::run_session(builtin, std::string(R"J({"objective":)J") + c.builtin + rest);
  test::run_session(typed, std::string(R"J({"objective":)J") + c.objective + rest);
}

// The catalog's objectives typed as formulas run the same trajectories, to 1e-12 relative in f64.
// The typed gradient is the differentiated expression, not the catalog's hand-simplified one, so
// the two differ in the last bits; these optimizers do not amplify that. (Some do: AdaGrad in
// Beale's curved valley, for one, turns last-bit differences into 1e-5 after 300 steps, which is
// why the next test compares the gradient itself along every optimizer's path.)
TEST(FormulaObjective, TypedBuiltInsRunTheBuiltInsTrajectories) {
  const char* optimizers = R"J([{"name":"sgd","lr":0.0005,"momentum":0.9},{"name":"adam","lr":0.02}])J";
  for (const auto& c : kTypedBuiltIns) {
    for (const char* start : {"[-1.2, 1.8]", "[0.5, -0.7]"}) {
      engine::RunSession builtin, typed;
      run_both(c, std::string(R"J(,"start":)J") + start + R"J(,"steps":1000,"optimizers":)J" + optimizers + "}", builtin,
               typed);
      for (size_t r = 0; r < builtin.run_count(); ++r) {
        const engine::Trace& a = builtin.trace(r);
        const engine::Trace& b = typed.trace(r);
        ASSERT_EQ(a.points(), b.points()) << c.objective << " run " << r;
        double worst = 0;
        for (size_t k = 0; k < a.xy.size(); ++k) worst = std::max(worst, relative(a.xy[k], b.xy[k]));
        for (size_t k = 0; k < a.loss.size(); ++k) worst = std::max(worst, relative(a.loss[k], b.loss[k]));
        EXPECT_LE(worst, 1e-12) << c.objective << " from " << start << " run " << r;
      }
    }
  }
}

// Along every point of many optimizers' paths on the built-in, the typed formula's value and
// gradient equal the catalog's to 1e-12 relative.
TEST(FormulaObjective, TypedBuiltInsHaveTheBuiltInsGradientAlongEveryPath) {
  const char* optimizers =
      R"J([{"name":"sgd","lr":0.0005,"momentum":0.9},{"name":"adam","lr":0.02},{"name":"rmsprop","lr":0.005},)J"
      R"J({"name":"adagrad","lr":0.3},{"name":"nadam","lr":0.02}])J";
  for (const auto& c : kTypedBuiltIns) {
    for (const char* start : {"[-1.2, 1.8]", "[0.5, -0.7]"}) {
      engine::RunSession builtin, typed;
      run_both(c, std::string(R"J(,"start":)J") + start + R"J(,"steps":1000,"optimizers":)J" + optimizers + "}", builtin,
               typed);
      double worst = 0;
      for (size_t r = 0; r < builtin.run_count(); ++r) {
        const engine::Trace& a = builtin.trace(r);
        for (size_t k = 0; k < a.points(); ++k) {
          double gx, gy, hx, hy;
          const double f = builtin.objective().value_and_gradient(a.xy[2 * k], a.xy[2 * k + 1], gx, gy);
          const double h = typed.objective().value_and_gradient(a.xy[2 * k], a.xy[2 * k + 1], hx, hy);
          const double scale = std::max({1.0, std::fabs(gx), std::fabs(gy)});
          worst = std::max({worst, relative(f, h), std::fabs(gx - hx) / scale, std::fabs(gy - hy) / scale});
        }
      }
      EXPECT_LE(worst, 1e-12) << c.objective << " from " << start;
    }
  }
}

engine::Trace run_formula(const std::string& objective, const std::string& start, const std::string& optimizer,
                          int steps) {
  engine::RunSession session;
  test::run_session(session, R"({"objective":)" + objective + R"(,"start":)" + start +
                                 R"(,"steps":)" + std::to_string(steps) + R"(,"optimizers":[)" + optimizer + "]}");
  return session.trace(0);
}

TEST(FormulaObjective, ARunThatLeavesTheDomainSaysWhereAndWhy) {
  // log(x): SGD steps from x = 0.5 by -lr/x = -1 to x = -0.5, where log has no value.
  const engine::Trace log_run =
      run_formula(R"J({"name":"formula","expr":"log(x) + y^2"})J", "[0.5, 1]", R"J({"name":"sgd","lr":1})J", 20);
  EXPECT_TRUE(log_run.left_domain);
  EXPECT_EQ(log_run.diverged_at, 1u);
  EXPECT_EQ(log_run.divergence, "left the domain at step 1: log of a number ≤ 0 at column 1");
  EXPECT_EQ(log_run.points(), 1u);
  // sqrt(x² + y²): from (1, 0) SGD with lr 1 lands on the origin, where f = 0 but sqrt has no
  // derivative: the next step's gradient leaves the domain.
  const engine::Trace cone =
      run_formula(R"J({"name":"formula","expr":"sqrt(x^2 + y^2)"})J", "[1, 0]", R"J({"name":"sgd","lr":1})J", 20);
  EXPECT_TRUE(cone.left_domain);
  EXPECT_EQ(cone.diverged_at, 2u);
  EXPECT_EQ(cone.divergence, "left the domain at step 2: sqrt has no finite derivative at column 1");
  EXPECT_EQ(cone.points(), 2u);
  // 1/x: division by zero.
  const engine::Trace pole =
      run_formula(R"J({"name":"formula","expr":"x^2 + 1/(x - 0.5)"})J", "[1.5, 0]", R"J({"name":"sgd","lr":0.5})J", 20);
  EXPECT_TRUE(pole.left_domain || !pole.diverged) << pole.divergence;
  // Growing without bound is a divergence, not a domain exit.
  const engine::Trace growing =
      run_formula(R"J({"name":"formula","expr":"x^2 + y^2"})J", "[1, 1]", R"J({"name":"sgd","lr":10})J", 100);
  EXPECT_TRUE(growing.diverged);
  EXPECT_FALSE(growing.left_domain);
  EXPECT_EQ(growing.divergence.rfind("diverged at step", 0), 0u) << growing.divergence;
}

TEST(FormulaObjective, ExitMessagesNameTheOperationAndColumn) {
  const formula::Program program = compiled("x^2 + log(y) + 1/(x - 1)");
  const formula::GradientProgram run(program, {});
  EXPECT_TRUE(run.exit_at(0.5, 1, true).finite());
  const formula::Exit log_exit = run.exit_at(0.5, -1, false);
  EXPECT_TRUE(log_exit.left_domain);
  EXPECT_EQ(log_exit.message, "log of a number ≤ 0 at column 7");
  const formula::Exit pole = run.exit_at(1, 1, true);
  EXPECT_TRUE(pole.left_domain);
  EXPECT_EQ(pole.message, "division by 0 at column 17");
  const formula::GradientProgram huge(compiled("exp(x)"), {});
  const formula::Exit overflow = huge.exit_at(1000, 0, false);
  EXPECT_FALSE(overflow.left_domain);
  EXPECT_EQ(overflow.message, "exp has no finite value at column 1");
  const formula::GradientProgram constant(compiled("x + log(a)", {"a"}), std::vector<double>{-1});
  EXPECT_EQ(constant.exit_at(0, 0, false).message, "log of a number ≤ 0 at column 5");
}

int count(const std::vector<formula::StationaryPoint>& points, formula::PointKind kind) {
  int n = 0;
  for (const auto& p : points) n += p.kind == kind;
  return n;
}

TEST(FormulaObjective, StationaryPointsAreFoundAndClassified) {
  // Himmelblau: four minima (f = 0), four saddles and one maximum in [-5, 5]².
  const auto himmelblau =
      formula::stationary_points(compiled("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"), {}, {-5, 5, -5, 5});
  EXPECT_EQ(count(himmelblau, formula::PointKind::Minimum), 4);
  EXPECT_EQ(count(himmelblau, formula::PointKind::Saddle), 4);
  EXPECT_EQ(count(himmelblau, formula::PointKind::Maximum), 1);
  for (const auto& p : himmelblau) {
    if (p.kind != formula::PointKind::Minimum) continue;
    EXPECT_TRUE(p.lowest);
    EXPECT_NEAR(p.value, 0, 1e-20);
  }
  int near_known = 0;
  for (const auto& p : himmelblau)
    near_known += std::hypot(p.x + 3.779310253377747, p.y + 3.2831859912861696) < 1e-9;
  EXPECT_EQ(near_known, 1);
  // Rosenbrock: one minimum at (1, 1) and nothing else.
  const auto rosenbrock = formula::stationary_points(compiled("(1 - x)^2 + 100*(y - x^2)^2"), {}, {-2, 2, -1, 3});
  ASSERT_EQ(rosenbrock.size(), 1u);
  EXPECT_NEAR(rosenbrock[0].x, 1, 1e-12);
  EXPECT_NEAR(rosenbrock[0].y, 1, 1e-12);
  // A degenerate minimum (the Hessian vanishes) decided by the ring around it, and a saddle.
  const auto flat = formula::stationary_points(compiled("x^4 + y^2"), {}, {-1, 1, -1, 1});
  ASSERT_FALSE(flat.empty());
  EXPECT_EQ(flat[0].kind, formula::PointKind::Minimum);
  EXPECT_NEAR(flat[0].x, 0, 1e-3);
  const auto saddle = formula::stationary_points(compiled("x^2 - y^2"), {}, {-1, 1, -1, 1});
  ASSERT_EQ(saddle.size(), 1u);
  EXPECT_EQ(saddle[0].kind, formula::PointKind::Saddle);
  // The issue's example: the minima of sin(x)cos(y) + 0.1(x² + y²) in the automatic view.
  const formula::Program example = compiled("sin(x)*cos(y) + 0.1*(x^2 + y^2)");
  const auto view = formula::automatic_view(example, {});
  const auto points = formula::stationary_points(example, {}, view);
  EXPECT_GE(count(points, formula::PointKind::Minimum), 2);
  EXPECT_EQ(points[0].kind, formula::PointKind::Minimum);
  EXPECT_TRUE(points[0].lowest);
}

TEST(FormulaObjective, ConfigFieldsAreValidatedByName) {
  struct Case {
    const char* objective;
    const char* error;
  };
  const Case cases[] = {
      {R"J({"name":"formula","expr":"x + *y"})J",
       "objective.expr: unexpected '*' at column 5: expected a number, variable, function or '('"},
      {R"J({"name":"formula","expr":"sine(x)"})J", "objective.expr: unknown function 'sine' at column 1 (did you mean sin?)"},
      {R"J({"name":"formula","expr":"a*x"})J",
       "objective.expr: unknown name 'a' at column 1 (x, y and the declared parameters are the names)"},
      {R"J({"name":"formula","expr":""})J", "objective.expr: the formula is empty"},
      {R"J({"name":"formula","expr":3})J", "objective.expr: must be a string, got 3"},
      {R"J({"name":"formula","expr":"x","params":{"sin":1}})J", "objective.params: parameter 'sin' clashes with a built-in name"},
      {R"J({"name":"formula","expr":"a*x","params":{"a":"big"}})J",
       "objective.params.a: must be a number or an object {value, min, max}"},
      {R"J({"name":"formula","expr":"a*x","params":{"a":{"value":7,"min":0,"max":5}}})J",
       "objective.params.a.value: must be in [0, 5] (its min and max), got 7"},
      {R"J({"name":"formula","expr":"a*x","params":{"a":{"value":1,"min":2,"max":0}}})J",
       "objective.params.a: min must be less than max, got min 2 and max 0"},
      {R"J({"name":"formula","expr":"a*x","params":{"a":{"min":0}}})J",
       "objective.params.a.value: missing (the parameter's value, a number in [-1000000, 1000000])"},
      {R"J({"name":"formula","expr":"x","params":{"a":1,"b":1,"c":1,"d":1,"f":1,"g":1,"h":1,"k":1,"m":1}})J",
       "objective.params: at most 8 parameters, got 9"},
      {R"J({"name":"formula","expr":"x","view":[1,0,0,1]})J",
       "objective.view: must be [xmin, xmax, ymin, ymax] with xmin < xmax and ymin < ymax"},
      {R"J({"name":"formula","expr":"x","view":[0,1]})J", "objective.view: must be an array of four numbers [xmin, xmax, ymin, ymax]"},
      {R"J({"name":"rosenbrock","expr":"x"})J", "objective.expr: unknown field. Allowed: name, params, noise."},
  };
  for (const auto& c : cases) {
    const std::string config = std::string(R"J({"objective":)J") + c.objective + "}";
    EXPECT_EQ(test::config_error(config), c.error) << c.objective;
  }
}

TEST(FormulaObjective, TheResultEchoesTheFormulaWithItsParametersAndView) {
  engine::RunSession session;
  test::run_session(session,
                    R"J({"objective":{"name":"formula","expr":"a*x^2 + y^2","params":{"a":{"value":2,"min":0,"max":4}},)J"
                    R"J("view":[-2,2,-1,1]},"steps":2})J");
  EXPECT_NE(session.result_json().find(
                R"J("objective":{"name":"formula","expr":"a*x^2 + y^2","params":{"a":{"value":2,"min":0,"max":4}},)J"
                R"J("view":[-2,2,-1,1])J"),
            std::string::npos)
      << session.result_json().substr(0, 300);
  const auto minima = session.objective().minima();
  ASSERT_EQ(minima.size(), 1u);
  EXPECT_TRUE(minima[0].global);
  EXPECT_DOUBLE_EQ(session.config().start[0], -1.6);
  EXPECT_DOUBLE_EQ(session.config().start[1], 0.8);
}

}  // namespace
}  // namespace gs
