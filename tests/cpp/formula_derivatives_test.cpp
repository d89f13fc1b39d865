// Exact derivatives of compiled formulas: forward-mode value, gradient and Hessian against central
// differences on random formulas, against the closed forms of four classic test functions, the
// documented subgradients at kinks, the domain reports, and the accuracy of the deterministic
// functions the evaluator builds from gs::dm.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/detmath.hpp"
#include "objectives/formula/evaluate.hpp"
#include "objectives/formula/functions.hpp"
#include "objectives/formula/program.hpp"

namespace gs::formula {
namespace {

Program compiled(const std::string& formula, const std::vector<std::string>& parameters = {}) {
  Result<Program> program = compile(formula, parameters);
  EXPECT_TRUE(program.ok()) << formula << ": " << (program.ok() ? "" : program.error().message);
  return program.ok() ? program.value() : Program{};
}

// A seeded grammar-based generator of formulas over x and y using every operator and function
// (and implicit multiplication), at most `depth` levels deep.
class FormulaGenerator {
 public:
  explicit FormulaGenerator(std::uint64_t seed) : random_(seed) {}

  std::string generate(int depth) {
    if (depth == 0 || uniform(0, 1) < 0.25) return leaf();
    const int choice = static_cast<int>(uniform(0, 9));
    switch (choice) {
      case 0: return "(" + generate(depth - 1) + " + " + generate(depth - 1) + ")";
      case 1: return "(" + generate(depth - 1) + " - " + generate(depth - 1) + ")";
      case 2: return "(" + generate(depth - 1) + " * " + generate(depth - 1) + ")";
      case 3: return "(" + generate(depth - 1) + " / " + generate(depth - 1) + ")";
      case 4: return "(" + generate(depth - 1) + ")^" + pick({"2", "3", "0.5", "-1", "1.5"});
      case 5: return "-" + generate(depth - 1);
      case 6: return pick({"2", "0.5", "3"}) + "(" + generate(depth - 1) + ")";
      case 7: {
        const std::string f = pick({"atan2", "min", "max", "hypot", "pow"});
        return f + "(" + generate(depth - 1) + ", " + generate(depth - 1) + ")";
      }
      default: {
        const std::string f = pick({"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp",
                                    "log", "log2", "log10", "sqrt", "cbrt", "abs", "sign", "sigmoid",
                                    "softplus", "relu"});
        return f + "(" + generate(depth - 1) + ")";
      }
    }
  }

  // Uniform in [low, high) from the top 53 bits: the same numbers on every platform (the standard
  // distributions are implementation-defined, so libc++ in wasm and libstdc++ natively differ).
  double uniform(double low, double high) { return low + (high - low) * static_cast<double>(random_() >> 11) * 0x1.0p-53; }

 private:
  std::string leaf() {
    return pick({"x", "y", "x", "y", "1.5", "2", "0.25", "pi", "e", "2x", "3y"});
  }
  std::string pick(std::initializer_list<const char*> options) {
    const auto index = static_cast<std::size_t>(random_() % options.size());
    return *(options.begin() + index);
  }

  std::mt19937_64 random_;
};

// Central difference of g along one axis with step h (NaN where a sample leaves the domain), and
// its rounding noise: 4 eps max(|g(h)|, |g(-h)|) / h, the error cancellation can leave in it.
struct Difference {
  double d, noise;
};
template <class F>
Difference central_difference(F g, double h) {
  const double plus = g(h), minus = g(-h);
  return {(plus - minus) / (2 * h), 4 * std::numeric_limits<double>::epsilon() * std::max(std::fabs(plus), std::fabs(minus)) / h};
}

// Random formulas: the exact gradient against central differences of the value, the exact Hessian
// against central differences of the exact gradient.
//
// Step h = 1e-5 * max(1, |coordinate|). A central difference then errs by about h^2 |f'''| / 6
// (truncation) plus 1e-16 |f| / h (rounding), so the comparison allows 1e-6 (1 + |derivative|).
// A point is skipped (never counted) when any sample leaves the domain, when a difference's
// rounding noise exceeds a tenth of that tolerance (a large |f| beside a small derivative, e.g.
// cosh(9y²) + atan2(x², 1)), or when the differences with steps h and 2h disagree by more than the
// tolerance: a kink or jump (abs, sign, relu, min, max) or a singularity within 2h, or curvature
// too high for differences to be trusted there.
// This test only looks at the differences, never at the exact derivatives, to decide what to skip.
TEST(FormulaDerivatives, MatchCentralDifferencesOnRandomFormulas) {
  FormulaGenerator generator(20261207);
  int formulas_checked = 0, points_checked = 0, attempts = 0;
  std::set<std::string> covered;  // the functions that occur in checked formulas
  while (formulas_checked < 1000 && attempts < 20000) {
    ++attempts;
    const std::string formula = generator.generate(4);
    const Program program = compiled(formula);
    ASSERT_FALSE(program.code.empty()) << formula;
    bool checked_here = false;
    for (int trial = 0; trial < 6; ++trial) {
      const double x = generator.uniform(-2, 2), y = generator.uniform(-2, 2);
      const Evaluation<Dual> exact = derivatives_at(program, x, y);
      if (exact.left_domain) continue;
      const Evaluation<double> plain = value_at(program, x, y);
      ASSERT_FALSE(plain.left_domain) << formula;
      ASSERT_EQ(plain.value, exact.value.v) << formula;
      const double hx = 1e-5 * std::max(1.0, std::fabs(x)), hy = 1e-5 * std::max(1.0, std::fabs(y));
      bool usable = true;
      const auto value = [&](double px, double py) {
        const Evaluation<double> e = value_at(program, px, py);
        usable = usable && !e.left_domain;
        return e.value;
      };
      const auto gradient = [&](double px, double py) {
        const Evaluation<Dual> e = derivatives_at(program, px, py);
        usable = usable && !e.left_domain;
        return e.value;
      };
      // Each estimate: {derivative by differences with h, with 2h, exact}.
      struct Estimate {
        Difference h, h2;
        double exact;
      };
      std::vector<Estimate> estimates;
      const auto along_x = [&](auto f) {
        return [&, f](double s) { return f(x + s, y); };
      };
      const auto along_y = [&](auto f) {
        return [&, f](double s) { return f(x, y + s); };
      };
      const auto gx = [&](double px, double py) { return gradient(px, py).gx; };
      const auto gy = [&](double px, double py) { return gradient(px, py).gy; };
      estimates.push_back({central_difference(along_x(value), hx), central_difference(along_x(value), 2 * hx), exact.value.gx});
      estimates.push_back({central_difference(along_y(value), hy), central_difference(along_y(value), 2 * hy), exact.value.gy});
      estimates.push_back({central_difference(along_x(gx), hx), central_difference(along_x(gx), 2 * hx), exact.value.hxx});
      estimates.push_back({central_difference(along_y(gx), hy), central_difference(along_y(gx), 2 * hy), exact.value.hxy});
      estimates.push_back({central_difference(along_x(gy), hx), central_difference(along_x(gy), 2 * hx), exact.value.hxy});
      estimates.push_back({central_difference(along_y(gy), hy), central_difference(along_y(gy), 2 * hy), exact.value.hyy});
      if (!usable) continue;
      const auto tolerance = [](double d) { return 1e-6 * (1 + std::fabs(d)); };
      bool smooth = true;
      for (const Estimate& e : estimates) {
        smooth = smooth && e.h.noise <= 0.1 * tolerance(e.h.d) && e.h2.noise <= 0.1 * tolerance(e.h.d) &&
                 std::fabs(e.h.d - e.h2.d) <= tolerance(e.h.d);
      }
      if (!smooth) continue;
      for (const Estimate& e : estimates)
        ASSERT_NEAR(e.exact, e.h.d, tolerance(e.h.d)) << formula << " at (" << x << ", " << y << ")";
      ++points_checked;
      checked_here = true;
    }
    if (checked_here) {
      ++formulas_checked;
      for (const std::string_view name : function_names())
        for (std::size_t at = formula.find(std::string(name) + "("); at != std::string::npos;
             at = formula.find(std::string(name) + "(", at + 1))
          if (at == 0 || !std::isalpha(static_cast<unsigned char>(formula[at - 1]))) covered.insert(std::string(name));
    }
  }
  EXPECT_EQ(covered.size(), function_names().size()) << "every function is checked somewhere";
  EXPECT_EQ(formulas_checked, 1000) << "after " << attempts << " formulas";
  EXPECT_GE(points_checked, 2000);
  RecordProperty("formulas_generated", attempts);
  RecordProperty("points_checked", points_checked);
}

void expect_relative(double actual, double expected, const char* what) {
  EXPECT_LE(std::fabs(actual - expected), 1e-12 * std::fabs(expected)) << what << ": " << actual << " vs " << expected;
}

void expect_derivatives(const Dual& d, double f, double gx, double gy, double hxx, double hxy, double hyy) {
  expect_relative(d.v, f, "value");
  expect_relative(d.gx, gx, "df/dx");
  expect_relative(d.gy, gy, "df/dy");
  expect_relative(d.hxx, hxx, "d2f/dx2");
  expect_relative(d.hxy, hxy, "d2f/dxdy");
  expect_relative(d.hyy, hyy, "d2f/dy2");
}

const double kPoints[][2] = {{-1.2, 1.0}, {0.3, -0.7}, {2.5, 1.75}, {-3.1, -2.2}};

TEST(FormulaDerivatives, RosenbrockMatchesItsClosedForm) {
  const Program program = compiled("(a - x)^2 + b*(y - x^2)^2", {"a", "b"});
  const double a = 1, b = 100, parameters[] = {a, b};
  for (const auto& p : kPoints) {
    const double x = p[0], y = p[1];
    const Evaluation<Dual> e = derivatives_at(program, x, y, parameters);
    ASSERT_FALSE(e.left_domain);
    const double r = y - x * x;
    expect_derivatives(e.value, (a - x) * (a - x) + b * r * r, -2 * (a - x) - 4 * b * x * r, 2 * b * r,
                       2 - 4 * b * r + 8 * b * x * x, -4 * b * x, 2 * b);
  }
}

TEST(FormulaDerivatives, BealeMatchesItsClosedForm) {
  const Program program = compiled("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2");
  for (const auto& p : kPoints) {
    const double x = p[0], y = p[1];
    const double t[3] = {1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y};
    const double tx[3] = {y - 1, y * y - 1, y * y * y - 1};
    const double ty[3] = {x, 2 * x * y, 3 * x * y * y};
    const double txy[3] = {1, 2 * y, 3 * y * y};
    const double tyy[3] = {0, 2 * x, 6 * x * y};
    double f = 0, gx = 0, gy = 0, hxx = 0, hxy = 0, hyy = 0;
    for (int i = 0; i < 3; ++i) {
      f += t[i] * t[i];
      gx += 2 * t[i] * tx[i];
      gy += 2 * t[i] * ty[i];
      hxx += 2 * tx[i] * tx[i];
      hxy += 2 * (tx[i] * ty[i] + t[i] * txy[i]);
      hyy += 2 * (ty[i] * ty[i] + t[i] * tyy[i]);
    }
    const Evaluation<Dual> e = derivatives_at(program, x, y);
    ASSERT_FALSE(e.left_domain);
    expect_derivatives(e.value, f, gx, gy, hxx, hxy, hyy);
  }
}

TEST(FormulaDerivatives, HimmelblauMatchesItsClosedForm) {
  const Program program = compiled("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");
  for (const auto& p : kPoints) {
    const double x = p[0], y = p[1];
    const double u = x * x + y - 11, v = x + y * y - 7;
    const Evaluation<Dual> e = derivatives_at(program, x, y);
    ASSERT_FALSE(e.left_domain);
    expect_derivatives(e.value, u * u + v * v, 4 * x * u + 2 * v, 2 * u + 4 * y * v, 2 * (4 * x * x + 2 * u) + 2,
                       2 * (2 * x + 2 * y), 2 + 2 * (4 * y * y + 2 * v));
  }
}

TEST(FormulaDerivatives, BoothMatchesItsClosedForm) {
  const Program program = compiled("(x + 2y - 7)^2 + (2x + y - 5)^2");
  for (const auto& p : kPoints) {
    const double x = p[0], y = p[1];
    const double u = x + 2 * y - 7, v = 2 * x + y - 5;
    const Evaluation<Dual> e = derivatives_at(program, x, y);
    ASSERT_FALSE(e.left_domain);
    expect_derivatives(e.value, u * u + v * v, 2 * u + 4 * v, 4 * u + 2 * v, 10, 8, 10);
  }
}

TEST(FormulaDerivatives, TakeTheDocumentedSubgradientsAtKinks) {
  const auto gradient = [](const std::string& formula, double x, double y) {
    const Evaluation<Dual> e = derivatives_at(compiled(formula), x, y);
    EXPECT_FALSE(e.left_domain) << formula;
    return std::vector<double>{e.value.gx, e.value.gy};
  };
  EXPECT_EQ(gradient("abs(x)", 0, 1), (std::vector<double>{0, 0}));
  EXPECT_EQ(gradient("abs(x)", -2, 1), (std::vector<double>{-1, 0}));
  EXPECT_EQ(gradient("relu(x)", 0, 1), (std::vector<double>{0, 0}));
  EXPECT_EQ(gradient("relu(x)", 0.5, 1), (std::vector<double>{1, 0}));
  EXPECT_EQ(gradient("sign(x) * 3", 0.5, 1), (std::vector<double>{0, 0}));
  EXPECT_EQ(gradient("max(x, y)", 1, 1), (std::vector<double>{1, 0}));
  EXPECT_EQ(gradient("max(y, x)", 1, 1), (std::vector<double>{0, 1}));
  EXPECT_EQ(gradient("min(x, y)", 1, 1), (std::vector<double>{1, 0}));
  EXPECT_EQ(gradient("min(2y, x)", 1, 0.5), (std::vector<double>{0, 2}));
  EXPECT_EQ(gradient("x^2", 0, 0), (std::vector<double>{0, 0}));
  EXPECT_EQ(gradient("x^3", -2, 0), (std::vector<double>{12, 0}));
}

TEST(FormulaDomain, LogOfANegativeNumberLeavesTheDomain) {
  const Program program = compiled("1 + log(x)");
  const Evaluation<double> value = value_at(program, -1, 0);
  EXPECT_TRUE(value.left_domain);
  ASSERT_GE(value.instruction, 0);
  EXPECT_EQ(value.domain_message, "log of a number ≤ 0 at column 5");
  const Evaluation<Dual> derivatives = derivatives_at(program, -1, 0);
  EXPECT_TRUE(derivatives.left_domain);
  EXPECT_EQ(derivatives.instruction, value.instruction);
  EXPECT_FALSE(value_at(program, 1, 0).left_domain);
}

// The chosen convention: sqrt at 0 has the value 0; its derivative is infinite there, so the
// derivative evaluation reports leaving the domain at the sqrt instead of returning inf or NaN.
TEST(FormulaDomain, SqrtAtZeroHasValueZeroAndNoDerivative) {
  const Program program = compiled("sqrt(x) + y");
  const Evaluation<double> value = value_at(program, 0, 2);
  EXPECT_FALSE(value.left_domain);
  EXPECT_EQ(value.value, 2);
  const Evaluation<Dual> derivatives = derivatives_at(program, 0, 2);
  EXPECT_TRUE(derivatives.left_domain);
  EXPECT_EQ(derivatives.domain_message, "sqrt has no finite derivative at column 1");
  const Evaluation<Dual> inside = derivatives_at(program, 4, 2);
  ASSERT_FALSE(inside.left_domain);
  EXPECT_EQ(inside.value.gx, 0.25);
  EXPECT_EQ(inside.value.hxx, -1.0 / 32);
}

TEST(FormulaDomain, EveryDomainExitIsReportedNeverNaN) {
  struct Case {
    const char* formula;
    double x, y;
    const char* exit;
  };
  const Case cases[] = {
      {"sqrt(x)", -1, 0, "sqrt of a negative number at column 1"},
      {"log2(x) + log10(y)", 1, 0, "log10 of a number ≤ 0 at column 11"},
      {"asin(x)", 1.5, 0, "asin of a number outside [−1, 1] at column 1"},
      {"acos(x)", -1.5, 0, "acos of a number outside [−1, 1] at column 1"},
      {"y / x", 0, 1, "division by 0 at column 3"},
      {"x^0.5", -4, 0, "a negative number to a non-integer power at column 2"},
      {"pow(x, y)", -4, 0.5, "a negative number to a non-integer power at column 1"},
      {"exp(x)", 1000, 0, "exp has no finite value at column 1"},
      {"1/x^2", 0, 0, "division by 0 at column 2"},
  };
  for (const Case& c : cases) {
    const Program program = compiled(c.formula);
    const Evaluation<double> value = value_at(program, c.x, c.y);
    ASSERT_TRUE(value.left_domain) << c.formula;
    EXPECT_EQ(value.domain_message, c.exit) << c.formula;
    const Evaluation<Dual> derivatives = derivatives_at(program, c.x, c.y);
    EXPECT_TRUE(derivatives.left_domain) << c.formula;
    EXPECT_EQ(derivatives.domain_message, c.exit) << c.formula;
  }
  const Program integer_power = compiled("x^y");
  EXPECT_EQ(value_at(integer_power, -2, 3).value, -8);
  EXPECT_TRUE(derivatives_at(integer_power, -2, 3).left_domain);
}

TEST(FormulaDomain, PointsWithoutDerivativesLeaveTheDomainOnlyForDerivatives) {
  struct Case {
    const char* formula;
    double value;
    const char* exit;
  };
  const Case cases[] = {
      {"cbrt(x) + 1", 1, "cbrt has no finite derivative at column 1"},
      {"hypot(x, y)", 0, "hypot has no finite derivative at column 1"},
      {"2 + atan2(y, x)", 2, "atan2 has no finite derivative at column 5"},
      {"x^0.5", 0, "^ has no finite derivative at column 2"},
  };
  for (const Case& c : cases) {
    const Program program = compiled(c.formula);
    const Evaluation<double> value = value_at(program, 0, 0);
    ASSERT_FALSE(value.left_domain) << c.formula;
    EXPECT_EQ(value.value, c.value) << c.formula;
    const Evaluation<Dual> derivatives = derivatives_at(program, 0, 0);
    EXPECT_TRUE(derivatives.left_domain) << c.formula;
    EXPECT_EQ(derivatives.domain_message, c.exit) << c.formula;
  }
}

// asin, acos and the logarithms go through jets rather than core/detmath.hpp: checked through the
// evaluator, within a few ulp of the C library.
TEST(FormulaFunctions, InverseSinesAndLogarithmsAreAccurate) {
  std::mt19937_64 random(11);
  const auto ulps = [](double a, double b) { return std::fabs(a - b) / (std::fabs(b) * 2.220446049250313e-16); };
  const Program asin_program = compiled("asin(x)"), acos_program = compiled("acos(x)");
  const Program log2_program = compiled("log2(x)"), log10_program = compiled("log10(x)");
  double worst[4] = {};
  for (int i = 0; i < 20000; ++i) {
    const double u = std::uniform_real_distribution<double>(-1, 1)(random);
    if (u == 0) continue;
    const double p = std::pow(10.0, std::uniform_real_distribution<double>(-30, 30)(random));
    worst[0] = std::max(worst[0], ulps(value_at(asin_program, u, 0).value, std::asin(u)));
    worst[1] = std::max(worst[1], ulps(value_at(acos_program, u, 0).value, std::acos(u)));
    worst[2] = std::max(worst[2], ulps(value_at(log2_program, p, 0).value, std::log2(p)));
    worst[3] = std::max(worst[3], ulps(value_at(log10_program, p, 0).value, std::log10(p)));
  }
  const char* names[] = {"asin", "acos", "log2", "log10"};
  for (int i = 0; i < 4; ++i) EXPECT_LE(worst[i], 4) << names[i];
}

// Values of the functions gs::dm provides are its values, bit for bit (what makes native and wasm
// evaluations agree).
TEST(FormulaFunctions, UseTheDeterministicMathBitForBit) {
  const Program program = compiled("sin(x) + cos(y)");
  const Program exp_log = compiled("exp(x) * log(y)");
  const Program power = compiled("x^y");
  for (const auto& p : kPoints) {
    const double x = p[0], y = std::fabs(p[1]);
    EXPECT_EQ(value_at(program, x, y).value, dm::sin(x) + dm::cos(y));
    EXPECT_EQ(value_at(exp_log, x, y).value, dm::exp(x) * dm::log(y));
    EXPECT_EQ(value_at(power, y, x).value, dm::pow(y, x));
    EXPECT_EQ(derivatives_at(program, x, y).value.gx, dm::cos(x));
  }
}

}  // namespace
}  // namespace gs::formula
