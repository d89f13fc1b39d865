// The lane forms of the polynomial objectives (src/sweep/objective_lanes.hpp) give the bits of
// Objective::value_and_gradient at every point, on F64x2 lanes and on plain doubles.
#include <cstring>

#include "core/rng.hpp"
#include "engine/run_config.hpp"
#include "sweep/objective_lanes.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

using sweep::LaneObjective;

template <LaneObjective K>
void expect_lanes_match(const objectives::Objective& f, const sweep::ObjectiveLanes& lanes, double x0, double x1,
                        double y0, double y1) {
  for (uint64_t k = 0; k < 400; k += 2) {
    double x[2], y[2];
    for (int l = 0; l < 2; ++l) {
      x[l] = x0 + (x1 - x0) * rng::uniform01(5, 0, k + l);
      y[l] = y0 + (y1 - y0) * rng::uniform01(5, 1, k + l);
    }
    simd::F64x2 gx, gy;
    const simd::F64x2 v = sweep::value_and_gradient<K>(lanes, simd::F64x2::load(x), simd::F64x2::load(y), gx, gy);
    double vs[2], gxs[2], gys[2];
    v.store(vs);
    gx.store(gxs);
    gy.store(gys);
    for (int l = 0; l < 2; ++l) {
      double want_gx, want_gy;
      const double want = f.value_and_gradient(x[l], y[l], want_gx, want_gy);
      double one_gx, one_gy;
      const double one = sweep::value_and_gradient<K>(lanes, x[l], y[l], one_gx, one_gy);
      const std::string at = std::string(f.info().name) + " at (" + std::to_string(x[l]) + ", " + std::to_string(y[l]) + ")";
      ASSERT_TRUE(same_bits(vs[l], want) && same_bits(one, want)) << at << " value";
      ASSERT_TRUE(same_bits(gxs[l], want_gx) && same_bits(one_gx, want_gx)) << at << " gx";
      ASSERT_TRUE(same_bits(gys[l], want_gy) && same_bits(one_gy, want_gy)) << at << " gy";
    }
  }
}

TEST(SweepObjective, LaneFormsMatchTheObjectiveBitForBit) {
  const char* configs[] = {R"("rosenbrock")", R"({"name":"rosenbrock","params":{"a":-2.5,"b":7}})", R"("beale")",
                           R"("himmelblau")", R"("booth")", R"({"name":"quadratic","params":{"kappa":37,"angle":-23}})",
                           R"("saddle")", R"("styblinski_tang")", R"("goldstein_price")"};
  size_t with_lane_form = 0;
  for (const char* text : configs) {
    engine::ObjectiveConfig config;
    std::string error;
    const json::Value value = json::parse(text).value;
    ASSERT_TRUE(engine::parse_objective(&value, "objective", config, error)) << error;
    objectives::Objective f(*config.info, config.params);
    const sweep::ObjectiveLanes lanes = sweep::objective_lanes(f);
    const double* view = config.info->view;
    switch (lanes.kind) {
      case LaneObjective::Rosenbrock: expect_lanes_match<LaneObjective::Rosenbrock>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::Beale: expect_lanes_match<LaneObjective::Beale>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::Himmelblau: expect_lanes_match<LaneObjective::Himmelblau>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::Booth: expect_lanes_match<LaneObjective::Booth>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::Quadratic: expect_lanes_match<LaneObjective::Quadratic>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::Saddle: expect_lanes_match<LaneObjective::Saddle>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::StyblinskiTang: expect_lanes_match<LaneObjective::StyblinskiTang>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::GoldsteinPrice: expect_lanes_match<LaneObjective::GoldsteinPrice>(f, lanes, view[0], view[1], view[2], view[3]); break;
      case LaneObjective::PerLane: ADD_FAILURE() << text << " has no lane form"; break;
    }
    with_lane_form += lanes.kind != LaneObjective::PerLane;
  }
  EXPECT_EQ(with_lane_form, std::size(configs));
}

TEST(SweepObjective, TranscendentalObjectivesAreEvaluatedLaneByLane) {
  for (const char* name : {"rastrigin", "ackley", "local_minima"}) {
    objectives::Objective f(*objectives::find(name), {});
    EXPECT_EQ(sweep::objective_lanes(f).kind, LaneObjective::PerLane) << name;
  }
}

}  // namespace
}  // namespace gs
