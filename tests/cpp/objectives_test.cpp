// Tests for gs::objectives: registry metadata, analytic gradients against
// central finite differences, known minima, grid evaluation, the
// local_minima story, and the gradient noise model.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/detmath.hpp"
#include "core/rng.hpp"
#include "objectives/objective.hpp"
#include "objective_params.hpp"

namespace {

using gs::objectives::find;
using gs::objectives::GradientNoise;
using gs::objectives::Minimum;
using gs::objectives::Objective;
using gs::objectives::ObjectiveInfo;
using gs::objectives::registry;

std::vector<double> defaults(const ObjectiveInfo& info) { return gs::test::default_params(info); }
std::vector<std::vector<double>> param_sets(const ObjectiveInfo& info) { return gs::test::param_sets(info, 4, 11); }
using gs::test::describe;

// The names configs already use: each must keep resolving (more may be added).
const char* const kKnownNames[] = {"rosenbrock",      "beale",           "himmelblau",  "booth",
                                 "quadratic",       "saddle",          "rastrigin",   "ackley",
                                 "styblinski_tang", "goldstein_price", "local_minima"};

// ---- registry ---------------------------------------------------------------------

TEST(Registry, ListsEveryObjectiveOnceWithConsistentMetadata) {
  ASSERT_GE(registry().size(), std::size(kKnownNames));
  std::set<std::string> seen;
  for (const ObjectiveInfo& info : registry()) {
    SCOPED_TRACE(info.name);
    EXPECT_TRUE(seen.insert(info.name).second);
    EXPECT_EQ(find(info.name), &info);
    EXPECT_GT(std::string_view(info.display_name).size(), 0u);
    EXPECT_GT(std::string_view(info.latex).size(), 0u);
    EXPECT_GT(std::string_view(info.description).size(), 0u);
    EXPECT_LT(info.view[0], info.view[1]);
    EXPECT_LT(info.view[2], info.view[3]);
    EXPECT_GE(info.default_start[0], info.view[0]);
    EXPECT_LE(info.default_start[0], info.view[1]);
    EXPECT_GE(info.default_start[1], info.view[2]);
    EXPECT_LE(info.default_start[1], info.view[3]);
    for (const auto& p : info.params) {
      EXPECT_LE(p.min, p.default_value) << p.name;
      EXPECT_LE(p.default_value, p.max) << p.name;
      EXPECT_GT(std::string_view(p.description).size(), 0u);
    }
    // The default start is not a stationary point.
    const Objective o(info, defaults(info));
    double gx = 0, gy = 0;
    o.value_and_gradient(info.default_start[0], info.default_start[1], gx, gy);
    EXPECT_GT(std::hypot(gx, gy), 1e-3);
  }
  for (const char* name : kKnownNames) EXPECT_NE(find(name), nullptr) << name;
  EXPECT_EQ(find("nope"), nullptr);
  EXPECT_EQ(find(""), nullptr);
  EXPECT_EQ(find("Rosenbrock"), nullptr);
}

TEST(Registry, ParameterRangesAndDefaults) {
  struct Expect {
    const char* objective;
    const char* param;
    double def, min, max;
  };
  const Expect expected[] = {
      {"rosenbrock", "a", 1, -5, 5},      {"rosenbrock", "b", 100, 0, 1000},
      {"quadratic", "kappa", 10, 1, 1e4}, {"quadratic", "angle", 0, -180, 180},
      {"rastrigin", "A", 10, 0, 100},
  };
  for (const Expect& e : expected) {
    const ObjectiveInfo* info = find(e.objective);
    ASSERT_NE(info, nullptr);
    bool found = false;
    for (const auto& p : info->params) {
      if (std::string_view(p.name) != e.param) continue;
      found = true;
      EXPECT_EQ(p.default_value, e.def) << e.objective << "." << e.param;
      EXPECT_EQ(p.min, e.min) << e.objective << "." << e.param;
      EXPECT_EQ(p.max, e.max) << e.objective << "." << e.param;
    }
    EXPECT_TRUE(found) << e.objective << "." << e.param;
  }
  for (const char* name : {"beale", "himmelblau", "booth", "saddle", "ackley", "styblinski_tang",
                           "goldstein_price", "local_minima"}) {
    EXPECT_TRUE(find(name)->params.empty()) << name;
  }
}

// ---- values at reference points (the fixed formulas) ---------------------------------

TEST(Formulas, ReferenceValues) {
  struct Ref {
    const char* name;
    std::vector<double> params;
    double x, y, f;
  };
  const double e = 2.718281828459045;
  const Ref refs[] = {
      {"rosenbrock", {}, -1.5, 2.0, 2.5 * 2.5 + 100 * 0.25 * 0.25},
      {"rosenbrock", {2.0, 10.0}, 0.0, 1.0, 4.0 + 10.0},
      {"beale", {}, 1.0, 1.5, 4.0 + 12.25 + 25.0},
      {"himmelblau", {}, 0.0, 0.0, 121.0 + 49.0},
      {"booth", {}, 0.0, 0.0, 49.0 + 25.0},
      {"quadratic", {}, 1.0, 2.0, 0.5 * (1.0 + 10.0 * 4.0)},
      {"quadratic", {4.0, 90.0}, 1.0, 0.0, 0.5 * 4.0},  // u = x cos - y sin ~ 0, w = x sin + y cos = 1
      {"saddle", {}, 3.0, 2.0, 5.0},
      {"rastrigin", {}, 0.5, 0.0, 20.0 + (0.25 + 10.0) + (0.0 - 10.0)},
      {"rastrigin", {3.0}, 1.0, 1.0, 2.0},
      {"ackley", {}, 1.0, 1.0, -20.0 * std::exp(-0.2) - e + e + 20.0},
      {"styblinski_tang", {}, 1.0, -1.0, 0.5 * ((1 - 16 + 5) + (1 - 16 - 5))},
      {"goldstein_price", {}, 0.0, -1.0, 3.0},
      {"goldstein_price", {}, 0.0, 0.0, (1 + 19.0) * (30 + 0.0)},
      {"local_minima", {}, 0.0, 0.0, -std::exp(-2.0) - 3.0 * std::exp(-1.125)},
  };
  for (const Ref& r : refs) {
    const Objective o(*find(r.name), r.params);
    EXPECT_NEAR(o.value(r.x, r.y), r.f, 1e-12 * std::max(1.0, std::fabs(r.f))) << r.name;
  }
}

TEST(Formulas, QuadraticRotationMatchesTheDesignFormula) {
  for (double angle : {-180.0, -135.0, -30.0, 0.0, 17.0, 45.0, 90.0, 180.0}) {
    const Objective o(*find("quadratic"), {25.0, angle});
    const double th = angle * 0x1.921fb54442d18p+1 / 180.0;
    const double c = gs::dm::cos(th), s = gs::dm::sin(th);
    for (int k = 0; k < 50; ++k) {
      const double x = 4 * gs::rng::uniform01(3, 0, k) - 2, y = 4 * gs::rng::uniform01(3, 1, k) - 2;
      const double u = c * x - s * y, w = s * x + c * y;
      double gx = 0, gy = 0;
      const double f = o.value_and_gradient(x, y, gx, gy);
      EXPECT_EQ(f, 0.5 * (u * u + 25.0 * w * w));
      EXPECT_EQ(gx, c * u + 25.0 * s * w);
      EXPECT_EQ(gy, -s * u + 25.0 * c * w);
    }
  }
}

// ---- gradients vs central finite differences ------------------------------------------

TEST(Gradients, MatchCentralFiniteDifferences) {
  int checked = 0;
  for (const ObjectiveInfo& info : registry()) {
    for (const auto& p : param_sets(info)) {
      const Objective o(info, p);
      const double w = info.view[1] - info.view[0], h = info.view[3] - info.view[2];
      for (std::uint64_t k = 0; k < 300; ++k) {
        // Points over 1.5x the view box.
        const double x = info.view[0] - 0.25 * w + 1.5 * w * gs::rng::uniform01(21, 0, k);
        const double y = info.view[2] - 0.25 * h + 1.5 * h * gs::rng::uniform01(21, 1, k);
        double gx = 0, gy = 0;
        const double f = o.value_and_gradient(x, y, gx, gy);
        EXPECT_EQ(f, o.value(x, y));
        const double g[2] = {gx, gy};
        for (int d = 0; d < 2; ++d) {
          const double at = d == 0 ? x : y;
          const double step = 1e-5 * std::max(1.0, std::fabs(at));
          auto eval = [&](double s) { return d == 0 ? o.value(x + s, y) : o.value(x, y + s); };
          const double fp = eval(step), fm = eval(-step);
          const double fd = (fp - fm) / (2 * step);
          // Truncation O(step^2) relative to |g|, plus rounding of f over 2*step.
          const double tol = 2e-6 * (1.0 + std::fabs(g[d])) +
                             8 * 0x1p-52 * std::max({std::fabs(fp), std::fabs(fm), std::fabs(f)}) / step;
          EXPECT_NEAR(g[d], fd, tol) << describe(info, p) << " at (" << x << ", " << y << ") d=" << d;
          ++checked;
        }
      }
    }
  }
  std::printf("  checked %d partial derivatives\n", checked);
}

// ---- known minima -----------------------------------------------------------------------

TEST(Minima, GradientVanishesAndValueIsCorrect) {
  for (const ObjectiveInfo& info : registry()) {
    for (const auto& p : param_sets(info)) {
      const Objective o(info, p);
      const std::vector<Minimum> mins = o.minima();
      if (std::string_view(info.name) == "saddle") {
        EXPECT_TRUE(mins.empty());
        continue;
      }
      ASSERT_FALSE(mins.empty()) << describe(info, p);
      double best_global = INFINITY;
      double worst_global = -INFINITY;
      for (const Minimum& m : mins) {
        SCOPED_TRACE(describe(info, p) + " minimum (" + std::to_string(m.x) + ", " + std::to_string(m.y) +
                     ")");
        double gx = 0, gy = 0;
        const double f = o.value_and_gradient(m.x, m.y, gx, gy);
        const double scale = std::max(1.0, std::fabs(m.value));
        EXPECT_NEAR(f, m.value, 1e-12 * scale);
        EXPECT_LE(std::hypot(gx, gy), 1e-9 * scale);
        // A minimum, not a saddle or maximum: no lower value nearby.
        for (int k = 0; k < 16; ++k) {
          const double a = k * 0x1.921fb54442d18p+2 / 16;
          for (double r : {1e-4, 1e-2}) {
            EXPECT_GE(o.value(m.x + r * gs::dm::cos(a), m.y + r * gs::dm::sin(a)), f - 1e-12 * scale)
                << "r=" << r << " direction " << k;
          }
        }
        if (m.global) {
          best_global = std::min(best_global, m.value);
          worst_global = std::max(worst_global, m.value);
        }
      }
      ASSERT_TRUE(std::isfinite(best_global)) << describe(info, p) << ": no global minimum flagged";
      EXPECT_NEAR(best_global, worst_global, 1e-12 * std::max(1.0, std::fabs(best_global)));
      for (const Minimum& m : mins) EXPECT_GE(m.value, best_global - 1e-12) << describe(info, p);
      // Nothing in (1.5 x) the view box is lower than the global minimum.
      const double w = info.view[1] - info.view[0], h = info.view[3] - info.view[2];
      for (std::uint64_t k = 0; k < 20000; ++k) {
        const double x = info.view[0] - 0.25 * w + 1.5 * w * gs::rng::uniform01(31, 0, k);
        const double y = info.view[2] - 0.25 * h + 1.5 * h * gs::rng::uniform01(31, 1, k);
        ASSERT_GE(o.value(x, y), best_global - 1e-9 * std::max(1.0, std::fabs(best_global)))
            << describe(info, p) << " at (" << x << ", " << y << ")";
      }
    }
  }
}

TEST(Minima, KnownLocations) {
  auto mins = [](const char* name, std::vector<double> p = {}) { return Objective(*find(name), p).minima(); };
  const auto r = mins("rosenbrock", {-2.0, 50.0});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].x, -2.0);
  EXPECT_EQ(r[0].y, 4.0);
  EXPECT_EQ(mins("himmelblau").size(), 4u);
  for (const auto& m : mins("himmelblau")) EXPECT_TRUE(m.global);
  const auto st = mins("styblinski_tang");
  ASSERT_EQ(st.size(), 4u);
  EXPECT_TRUE(st[0].global);
  EXPECT_NEAR(st[0].value, -78.33233140754282, 1e-12);
  EXPECT_EQ(std::count_if(st.begin(), st.end(), [](const Minimum& m) { return m.global; }), 1);
  const auto gp = mins("goldstein_price");
  ASSERT_EQ(gp.size(), 4u);
  EXPECT_EQ(gp[0].value, 3.0);
  EXPECT_TRUE(gp[0].global);
  const auto lm = mins("local_minima");
  ASSERT_EQ(lm.size(), 2u);
  EXPECT_TRUE(lm[0].global);
  EXPECT_FALSE(lm[1].global);
  EXPECT_LT(lm[0].value, lm[1].value);
  EXPECT_GT(lm[0].x, 0.0);
  EXPECT_LT(lm[1].x, 0.0);
  EXPECT_TRUE(mins("saddle").empty());
  // Saddle: unbounded below.
  EXPECT_LT(Objective(*find("saddle"), {}).value(0.0, 1e4), -1e7);
}

TEST(Minima, AckleyConePointHasZeroGradient) {
  const Objective o(*find("ackley"), {});
  double gx = 1, gy = 1;
  EXPECT_EQ(o.value_and_gradient(0.0, 0.0, gx, gy), 0.0);
  EXPECT_EQ(gx, 0.0);
  EXPECT_EQ(gy, 0.0);
}

// ---- value_grid ---------------------------------------------------------------------------

TEST(ValueGrid, AgreesWithValueBitForBit) {
  for (const ObjectiveInfo& info : registry()) {
    for (const auto& p : param_sets(info)) {
      const Objective o(info, p);
      for (auto [nx, ny] :
           {std::pair{17, 9}, std::pair{1, 5}, std::pair{4, 1}, std::pair{1, 1}, std::pair{64, 48}}) {
        const double x0 = info.view[0], x1 = info.view[1], y0 = info.view[2], y1 = info.view[3];
        std::vector<double> out(static_cast<std::size_t>(nx * ny), -12345.0);
        o.value_grid(x0, x1, y0, y1, nx, ny, out.data());
        for (int j = 0; j < ny; ++j) {
          for (int i = 0; i < nx; ++i) {
            const double x = nx == 1 ? x0 : x0 + i * (x1 - x0) / (nx - 1);
            const double y = ny == 1 ? y0 : y0 + j * (y1 - y0) / (ny - 1);
            const double v = out[static_cast<std::size_t>(j * nx + i)];
            EXPECT_EQ(gs::dm::to_bits(v), gs::dm::to_bits(o.value(x, y)))
                << describe(info, p) << " i=" << i << " j=" << j;
          }
        }
        if (nx > 1) {
          EXPECT_EQ(gs::objectives::grid_coordinate(x0, x1, nx - 1, nx), x1);
        }
      }
      double untouched = 7.0;
      o.value_grid(0, 1, 0, 1, 0, 3, &untouched);
      o.value_grid(0, 1, 0, 1, 3, 0, &untouched);
      EXPECT_EQ(untouched, 7.0);
    }
  }
}

// ---- the local_minima story ----------------------------------------------------------------

// Plain SGD (momentum 0) or heavy-ball SGD as in torch.optim.SGD: v = mu*v + g, theta -= lr*v.
std::pair<double, double> run_sgd(const Objective& o, double lr, double mu, int steps) {
  double x = o.info().default_start[0], y = o.info().default_start[1];
  double vx = 0, vy = 0;
  for (int t = 0; t < steps; ++t) {
    double gx = 0, gy = 0;
    o.value_and_gradient(x, y, gx, gy);
    vx = mu * vx + gx;
    vy = mu * vy + gy;
    x -= lr * vx;
    y -= lr * vy;
  }
  return {x, y};
}

// The EMA ("momentum" in docs/schema.md) form: m = beta*m + (1-beta)*g, theta -= lr*m.
std::pair<double, double> run_ema_momentum(const Objective& o, double lr, double beta, int steps) {
  double x = o.info().default_start[0], y = o.info().default_start[1];
  double mx = 0, my = 0;
  for (int t = 0; t < steps; ++t) {
    double gx = 0, gy = 0;
    o.value_and_gradient(x, y, gx, gy);
    mx = beta * mx + (1 - beta) * gx;
    my = beta * my + (1 - beta) * gy;
    x -= lr * mx;
    y -= lr * my;
  }
  return {x, y};
}

TEST(LocalMinimaStory, SgdStaysShallowMomentumReachesDeep) {
  const Objective o(*find("local_minima"), {});
  const auto mins = o.minima();
  const Minimum deep = mins[0], shallow = mins[1];
  ASSERT_TRUE(deep.global);
  auto near = [](std::pair<double, double> p, const Minimum& m) {
    return std::hypot(p.first - m.x, p.second - m.y) < 1e-3;
  };
  for (double lr : {0.03, 0.05, 0.1, 0.2}) {
    SCOPED_TRACE("lr=" + std::to_string(lr));
    EXPECT_TRUE(near(run_sgd(o, lr, 0.0, 200), shallow));
    EXPECT_TRUE(near(run_sgd(o, lr, 0.0, 5000), shallow));  // stuck for good
    EXPECT_TRUE(near(run_sgd(o, lr, 0.9, 200), deep));
  }
  for (double lr : {0.1, 0.2}) EXPECT_TRUE(near(run_ema_momentum(o, lr, 0.9, 200), deep)) << lr;
  // The shallow basin is a genuine trap: a barrier separates it from the deep one.
  double barrier = -INFINITY;
  for (int k = 0; k <= 1000; ++k) {
    const double x = shallow.x + (deep.x - shallow.x) * k / 1000.0;
    barrier = std::max(barrier, o.value(x, 0.0));
  }
  EXPECT_GT(barrier - shallow.value, 0.1);
}

// ---- gradient noise ----------------------------------------------------------------------------

TEST(Noise, InactiveNoiseLeavesGradientUntouched) {
  const GradientNoise quiet{};
  EXPECT_FALSE(quiet.active());
  double g[4] = {1.5, -0.0, 0.0, std::nan("")};
  for (std::uint64_t t = 1; t <= 100; ++t) quiet.apply(t, g, 4);
  EXPECT_EQ(gs::dm::to_bits(g[0]), gs::dm::to_bits(1.5));
  EXPECT_EQ(gs::dm::to_bits(g[1]), gs::dm::to_bits(-0.0));
  EXPECT_EQ(gs::dm::to_bits(g[2]), gs::dm::to_bits(0.0));
  EXPECT_TRUE(std::isnan(g[3]));
  EXPECT_TRUE((GradientNoise{0.1, 0.0, 1}).active());
  EXPECT_TRUE((GradientNoise{0.0, 0.1, 1}).active());
}

TEST(Noise, ClippingIsTorchsClipGradNorm) {
  // torch.nn.utils.clip_grad_norm_([p], max_norm) on a float64 p.grad (torch 1.13).
  struct Case {
    double g[2], max_norm, clipped[2];
  };
  const Case cases[] = {{{3.0, 4.0}, 1.0, {0.599999880000024, 0.799999840000032}},
                        {{0.1, -0.2}, 1.0, {0.1, -0.2}},
                        {{-120.5, 33.25}, 2.5, {-2.409937323164637, 0.6649827053545576}}};
  for (const auto& c : cases) {
    GradientNoise clip{};
    clip.clip_norm = c.max_norm;
    EXPECT_TRUE(clip.active());
    double g[2] = {c.g[0], c.g[1]};
    clip.apply(7, g, 2);
    EXPECT_EQ(g[0], c.clipped[0]);
    EXPECT_EQ(g[1], c.clipped[1]);
  }
}

TEST(Noise, ReproducibleAndIndependentOfTheGradient) {
  const GradientNoise a{0.7, 0.25, 1234}, b{0.7, 0.25, 1234}, other_seed{0.7, 0.25, 1235};
  int differ = 0;
  for (std::uint64_t t = 1; t <= 2000; ++t) {
    double g1[2] = {1.0, -2.0}, g2[2] = {1.0, -2.0}, g3[2] = {1.0, -2.0}, g4[2] = {5.0, 3.0};
    a.apply(t, g1, 2);
    b.apply(t, g2, 2);
    other_seed.apply(t, g3, 2);
    a.apply(t, g4, 2);
    for (int i = 0; i < 2; ++i) {
      EXPECT_EQ(gs::dm::to_bits(g1[i]), gs::dm::to_bits(g2[i]));
      // Same draw whatever the gradient: additive noise, same drop decision.
      if (g1[i] == 0.0) {
        EXPECT_EQ(g4[i], 0.0);
      } else {
        EXPECT_NEAR(g1[i] - (i == 0 ? 1.0 : -2.0), g4[i] - (i == 0 ? 5.0 : 3.0), 1e-14);
      }
      if (g1[i] != g3[i]) ++differ;
    }
  }
  EXPECT_GT(differ, 3000);
  // Pinned: the perturbation of step 1 is part of the cross-platform contract.
  const GradientNoise pinned{1.0, 0.0, 1};
  double g[1] = {0.0};
  pinned.apply(1, g, 1);
  EXPECT_EQ(g[0], gs::rng::gaussian(1, 0, 1));
  EXPECT_EQ(g[0], -0x1.ddd034716396ep-3);
}

TEST(Noise, SparsityRateMatchesP) {
  for (double p : {0.1, 0.5, 0.9}) {
    const GradientNoise n{0.0, p, 99};
    constexpr int kSteps = 50000;
    int dropped = 0;
    for (std::uint64_t t = 1; t <= kSteps; ++t) {
      double g[2] = {1.0, 1.0};
      n.apply(t, g, 2);
      for (double v : g) {
        if (v == 0.0) {
          EXPECT_FALSE(std::signbit(v));
          ++dropped;
        } else {
          EXPECT_EQ(v, 1.0);  // sigma 0: kept coordinates are untouched
        }
      }
    }
    const double rate = dropped / (2.0 * kSteps);
    const double sd = std::sqrt(p * (1 - p) / (2.0 * kSteps));
    EXPECT_NEAR(rate, p, 5 * sd) << "p=" << p;
  }
  const GradientNoise all{0.5, 1.0, 3};
  double g[3] = {1, 2, 3};
  all.apply(7, g, 3);
  EXPECT_EQ(g[0], 0.0);
  EXPECT_EQ(g[1], 0.0);
  EXPECT_EQ(g[2], 0.0);
}

TEST(Noise, SigmaIsTheEmpiricalStandardDeviation) {
  for (double sigma : {0.01, 0.5, 3.0}) {
    const GradientNoise n{sigma, 0.0, 5};
    constexpr int kSteps = 100000;
    double s1[2] = {0, 0}, s2[2] = {0, 0}, s12 = 0;
    for (std::uint64_t t = 1; t <= kSteps; ++t) {
      double g[2] = {2.0, -1.0};
      n.apply(t, g, 2);
      const double e0 = g[0] - 2.0, e1 = g[1] + 1.0;
      s1[0] += e0;
      s1[1] += e1;
      s2[0] += e0 * e0;
      s2[1] += e1 * e1;
      s12 += e0 * e1;
    }
    for (int i = 0; i < 2; ++i) {
      const double mean = s1[i] / kSteps;
      const double sd = std::sqrt(s2[i] / kSteps - mean * mean);
      EXPECT_NEAR(mean, 0.0, 5 * sigma / std::sqrt(kSteps)) << sigma;
      EXPECT_NEAR(sd / sigma, 1.0, 0.015) << sigma;  // ~6 standard errors
    }
    EXPECT_NEAR(s12 / kSteps / (sigma * sigma), 0.0, 0.02) << "coordinates are independent";
  }
}

}  // namespace
