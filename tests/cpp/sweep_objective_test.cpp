// The lane forms of the polynomial objectives (src/objectives/catalog, through src/sweep/objective_lanes.hpp) give the bits of
// Objective::value_and_gradient at every point, on F64x2 lanes and on plain doubles.
#include <algorithm>
#include <cstring>

#include "core/rng.hpp"
#include "objectives/catalog/all.hpp"
#include "sweep/objective_lanes.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

template <class Entry>
void expect_lanes_match(const objectives::Objective& f, double x0, double x1, double y0, double y1) {
  const objectives::catalog::Bound& bound = f.bound();
  for (uint64_t k = 0; k < 400; k += 2) {
    double x[2], y[2];
    for (int l = 0; l < 2; ++l) {
      x[l] = x0 + (x1 - x0) * rng::uniform01(5, 0, k + l);
      y[l] = y0 + (y1 - y0) * rng::uniform01(5, 1, k + l);
    }
    simd::F64x2 gx, gy;
    const simd::F64x2 v =
        sweep::value_and_gradient<Entry>(bound, simd::F64x2::load(x), simd::F64x2::load(y), gx, gy);
    double vs[2], gxs[2], gys[2];
    v.store(vs);
    gx.store(gxs);
    gy.store(gys);
    for (int l = 0; l < 2; ++l) {
      double want_gx, want_gy;
      const double want = f.value_and_gradient(x[l], y[l], want_gx, want_gy);
      double one_gx, one_gy;
      const double one = sweep::value_and_gradient<Entry>(bound, x[l], y[l], one_gx, one_gy);
      const std::string at = std::string(f.info().name) + " at (" + std::to_string(x[l]) + ", " + std::to_string(y[l]) + ")";
      ASSERT_TRUE(same_bits(vs[l], want) && same_bits(one, want)) << at << " value";
      ASSERT_TRUE(same_bits(gxs[l], want_gx) && same_bits(one_gx, want_gx)) << at << " gx";
      ASSERT_TRUE(same_bits(gys[l], want_gy) && same_bits(one_gy, want_gy)) << at << " gy";
    }
  }
}

// Every catalog entry with a lane form, with default parameters and with other ones.
TEST(SweepObjective, LaneFormsMatchTheObjectiveBitForBit) {
  std::vector<std::string> with_lane_form;
  objectives::catalog::AllObjectives::for_each([&](auto entry, size_t index) {
    using Entry = decltype(entry);
    if constexpr (Entry::kLaneForm) {
      const objectives::ObjectiveInfo& info = objectives::registry()[index];
      std::vector<double> other;
      for (const auto& p : info.params) other.push_back(p.min + (p.max - p.min) * 0.37);
      for (const std::vector<double>& params : {std::vector<double>{}, other}) {
        objectives::Objective f(info, params);
        expect_lanes_match<Entry>(f, info.view[0], info.view[1], info.view[2], info.view[3]);
      }
      with_lane_form.push_back(info.name);
    }
  });
  // The polynomial objectives have one (the sweep evaluates whole vectors of runs).
  for (const char* name : {"rosenbrock", "beale", "himmelblau", "booth", "quadratic", "saddle", "styblinski_tang",
                           "goldstein_price"})
    EXPECT_NE(std::find(with_lane_form.begin(), with_lane_form.end(), name), with_lane_form.end()) << name;
}

TEST(SweepObjective, TranscendentalObjectivesAreEvaluatedLaneByLane) {
  std::vector<std::string> per_lane;
  objectives::catalog::AllObjectives::for_each([&](auto entry, size_t index) {
    if constexpr (!decltype(entry)::kLaneForm) per_lane.push_back(objectives::registry()[index].name);
  });
  for (const char* name : {"rastrigin", "ackley", "local_minima"})
    EXPECT_NE(std::find(per_lane.begin(), per_lane.end(), name), per_lane.end()) << name;
}

}  // namespace
}  // namespace gs
