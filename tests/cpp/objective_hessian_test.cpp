// Tests for the catalog entries' exact Hessians (catalog/entry_base.hpp, hessian): every entry of
// catalog::AllObjectives, so a new entry is covered as soon as it is listed, against central
// differences of its own analytic gradient (both mixed partials), positive semidefinite at every
// listed minimum, and Ackley's documented value at its cone point.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

#include "core/rng.hpp"
#include "objectives/catalog/all.hpp"
#include "objectives/objective_info.hpp"
#include "objective_params.hpp"

namespace {

using gs::objectives::Minimum;
using gs::objectives::ObjectiveInfo;
using gs::objectives::catalog::AllObjectives;
using gs::objectives::catalog::Bound;

// The defaults, the range ends and three seeded draws.
std::vector<std::vector<double>> param_sets(const ObjectiveInfo& info) { return gs::test::param_sets(info, 3, 53); }
using gs::test::describe;

// |got − want| relative to |got| with a floor of 1.
double relative_error(double got, double want) { return std::fabs(got - want) / std::max(1.0, std::fabs(got)); }

// Central differences of the entry's gradient: d(g_x)/dx, d(g_y)/dx, d(g_x)/dy, d(g_y)/dy, each
// with step 1e-5·max(1, |coordinate|).
template <class Entry>
std::array<double, 4> gradient_differences(const Bound& b, double x, double y) {
  const double sx = 1e-5 * std::max(1.0, std::fabs(x)), sy = 1e-5 * std::max(1.0, std::fabs(y));
  double xp[2], xm[2], yp[2], ym[2];
  Entry::evaluate(b, x + sx, y, xp);
  Entry::evaluate(b, x - sx, y, xm);
  Entry::evaluate(b, x, y + sy, yp);
  Entry::evaluate(b, x, y - sy, ym);
  return {(xp[0] - xm[0]) / (2 * sx), (xp[1] - xm[1]) / (2 * sx), (yp[0] - ym[0]) / (2 * sy),
          (yp[1] - ym[1]) / (2 * sy)};
}

// ---- against the gradient -------------------------------------------------------------------

TEST(Hessians, MatchCentralDifferencesOfTheGradient) {
  int checked = 0;
  AllObjectives::for_each([&](auto entry, std::size_t) {
    using Entry = decltype(entry);
    // Every entry declares its own (EntryBase has no default).
    static_assert(std::is_same_v<decltype(&Entry::hessian), void (*)(const Bound&, double, double, double*)>);
    const ObjectiveInfo info = Entry::info();
    double worst = 0;
    for (const auto& params : param_sets(info)) {
      const Bound b = Entry::bind(params);
      const double* view = info.view;
      for (std::uint64_t k = 0; k < 200; ++k) {
        const double x = view[0] + (view[1] - view[0]) * gs::rng::uniform01(51, 0, k);
        const double y = view[2] + (view[3] - view[2]) * gs::rng::uniform01(51, 1, k);
        double h[3] = {NAN, NAN, NAN};
        Entry::hessian(b, x, y, h);
        const auto [fxx, fyx, fxy, fyy] = gradient_differences<Entry>(b, x, y);
        SCOPED_TRACE(describe(info, params) + " at (" + std::to_string(x) + ", " + std::to_string(y) + ")");
        ASSERT_TRUE(std::isfinite(h[0]) && std::isfinite(h[1]) && std::isfinite(h[2]));
        EXPECT_LT(relative_error(h[0], fxx), 1e-5) << "f_xx " << h[0] << " vs " << fxx;
        EXPECT_LT(relative_error(h[1], fxy), 1e-5) << "f_xy " << h[1] << " vs d g_x/dy " << fxy;
        EXPECT_LT(relative_error(h[1], fyx), 1e-5) << "f_xy " << h[1] << " vs d g_y/dx " << fyx;
        EXPECT_LT(relative_error(h[2], fyy), 1e-5) << "f_yy " << h[2] << " vs " << fyy;
        // The two mixed partials of the gradient agree with each other (the gradient is a gradient).
        EXPECT_LT(std::fabs(fxy - fyx) / std::max(1.0, std::fabs(h[1])), 1e-5);
        worst = std::max({worst, relative_error(h[0], fxx), relative_error(h[1], fxy), relative_error(h[1], fyx),
                          relative_error(h[2], fyy)});
        ++checked;
      }
    }
    std::printf("  %-16s worst relative error %.2e\n", info.name, worst);
  });
  std::printf("  checked %d Hessians\n", checked);
}

// ---- at the minima ---------------------------------------------------------------------------

TEST(Hessians, PositiveSemidefiniteAtEveryListedMinimum) {
  AllObjectives::for_each([&](auto entry, std::size_t) {
    using Entry = decltype(entry);
    const ObjectiveInfo info = Entry::info();
    for (const auto& params : param_sets(info)) {
      const Bound b = Entry::bind(params);
      for (const Minimum& m : Entry::minima(b)) {
        double h[3];
        Entry::hessian(b, m.x, m.y, h);
        const double scale = std::max({1.0, std::fabs(h[0]), std::fabs(h[2])});
        EXPECT_GE(h[0] + h[2], -1e-9 * scale) << describe(info, params) << " minimum (" << m.x << ", " << m.y << ")";
        EXPECT_GE(h[0] * h[2] - h[1] * h[1], -1e-9 * scale * scale)
            << describe(info, params) << " minimum (" << m.x << ", " << m.y << ")";
      }
    }
  });
}

// ---- special points and constant Hessians ----------------------------------------------------

TEST(Hessians, AckleyConePointIsTheRippleTermAlone) {
  using gs::objectives::catalog::kE;
  using gs::objectives::catalog::kPi;
  double h[3] = {NAN, NAN, NAN};
  gs::objectives::catalog::Ackley::hessian({}, 0.0, 0.0, h);
  const double want = 2 * kPi * kPi * kE;  // 2π²e
  EXPECT_NEAR(h[0], want, 1e-14 * want);
  EXPECT_EQ(h[1], 0.0);
  EXPECT_NEAR(h[2], want, 1e-14 * want);
}

TEST(Hessians, QuadraticEigenvaluesAreOneAndKappa) {
  using gs::objectives::catalog::Quadratic;
  for (const auto& params : param_sets(Quadratic::info())) {
    const Bound b = Quadratic::bind(params);
    double h[3];
    Quadratic::hessian(b, 0.3, -0.7, h);
    const double kappa = params[0];
    EXPECT_NEAR(h[0] + h[2], 1.0 + kappa, 1e-12 * (1.0 + kappa)) << describe(Quadratic::info(), params);
    EXPECT_NEAR(h[0] * h[2] - h[1] * h[1], kappa, 1e-11 * kappa * kappa) << describe(Quadratic::info(), params);
  }
}

}  // namespace
