// The race's protocol (race/race_engine.hpp) on a κ = 10 quadratic: a race is reproducible bit for
// bit, every optimizer's tuning gets the same lane-steps whatever it tunes, every held-out run is
// the single run of the tuned configuration from its start, and Newton ranks above SGD where their
// bootstrap intervals do not overlap.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "engine/run_session.hpp"
#include "race/race_engine.hpp"
#include "test_support.hpp"

namespace gs::race {
namespace {

RaceProtocol quadratic_race(engine::Precision precision = engine::Precision::F64) {
  RaceProtocol p;
  const json::Value objective = json::parse(R"({"name":"quadratic","params":{"kappa":10,"angle":30}})").value;
  std::string error;
  EXPECT_TRUE(engine::parse_objective(&objective, "objective", p.tuning.objective, error)) << error;
  const double box[4] = {-2, 2, -2, 2};
  p.tuning.starts = box_starts(box, 8, 3, 100);
  p.tuning.budget = 200;
  p.tuning.eps = 1e-6;
  p.tuning.precision = precision;
  p.held_out = p.tuning;
  p.held_out.starts = box_starts(box, 24, 3, 101);
  p.trials = 16;
  p.seed = 3;
  p.bootstrap_resamples = 500;
  return p;
}

std::vector<RaceEntry> entries() {
  return {{test::parse_spec(std::string(R"({"name":"sgd"})")), {{"lr", 1e-3, 1, Scale::Log}}},
          {test::parse_spec(std::string(R"({"name":"adam"})")), {{"lr", 1e-3, 1, Scale::Log}, {"beta1", 0, 0.99, Scale::Linear}}},
          {test::parse_spec(std::string(R"({"name":"newton"})")), {{"lr", 0.1, 1, Scale::Linear}}}};
}

std::vector<EntryResult> race(const RaceProtocol& p) {
  std::vector<EntryResult> results;
  const std::vector<RaceEntry> list = entries();
  for (size_t i = 0; i < list.size(); ++i) results.push_back(tune_and_evaluate(p, list[i], i));
  rank_entries(p, results);
  return results;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(RaceEngine, ARaceIsReproducibleAndEveryTuningGetsTheSameLaneSteps) {
  const RaceProtocol p = quadratic_race();
  const std::vector<EntryResult> first = race(p), again = race(p);
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].trials, again[i].trials);
    EXPECT_EQ(first[i].trial_scores, again[i].trial_scores);
    EXPECT_EQ(first[i].best_trial, again[i].best_trial);
    ASSERT_EQ(first[i].held_out.size(), again[i].held_out.size());
    for (size_t r = 0; r < first[i].held_out.size(); ++r) {
      EXPECT_TRUE(same_bits(first[i].held_out[r].final_loss, again[i].held_out[r].final_loss));
      EXPECT_EQ(first[i].held_out[r].steps_to_eps, again[i].held_out[r].steps_to_eps);
    }
    EXPECT_EQ(first[i].rank.low, again[i].rank.low);
    EXPECT_EQ(first[i].rank.high, again[i].rank.high);
    EXPECT_EQ(first[i].tuning_lane_steps, uint64_t{16} * 8 * 200) << i << ": K trials × N starts × T steps";
  }
}

TEST(RaceEngine, EveryHeldOutRunIsTheSingleRunOfTheTunedConfiguration) {
  for (engine::Precision precision : {engine::Precision::F64, engine::Precision::F32}) {
    const RaceProtocol p = quadratic_race(precision);
    const std::vector<RaceEntry> list = entries();
    for (size_t i = 0; i < list.size(); ++i) {
      if (precision == engine::Precision::F32 && optim::info(list[i].spec.kind).whole) continue;
      const EntryResult r = tune_and_evaluate(p, list[i], i);
      for (size_t s = 0; s < p.held_out.starts.size(); ++s) {
        engine::RunConfig config;
        config.objective = p.held_out.objective;
        config.start[0] = p.held_out.starts[s][0];
        config.start[1] = p.held_out.starts[s][1];
        config.steps = p.held_out.budget;
        config.precision = precision;
        config.optimizers = {r.tuned};
        engine::RunSession session;
        std::string error;
        ASSERT_TRUE(session.configure(config, error)) << error;
        session.advance(config.steps);
        const engine::Trace& trace = session.trace(0);
        if (trace.diverged) EXPECT_TRUE(std::isinf(r.held_out[s].final_loss)) << i << " start " << s;
        else EXPECT_TRUE(same_bits(r.held_out[s].final_loss, trace.loss.back())) << i << " start " << s;
        double first = -1;
        for (size_t k = 0; k < trace.points() && first < 0; ++k)
          if (trace.loss[k] <= p.held_out.eps) first = double(k);
        EXPECT_EQ(r.held_out[s].steps_to_eps, first < 0 ? double(p.held_out.budget + 1) : first) << i << " start " << s;
        EXPECT_EQ(r.held_out[s].diverged, trace.diverged);
      }
    }
  }
}

TEST(RaceEngine, NewtonRanksAboveSgdOnTheIllConditionedQuadraticWhereTheIntervalsSaySo) {
  const std::vector<EntryResult> r = race(quadratic_race());
  const EntryResult &sgd = r[0], &newton = r[2];
  EXPECT_EQ(newton.summary.success_rate, 1);
  ASSERT_FALSE(overlap(newton.rank, sgd.rank)) << "newton " << newton.rank.low << "–" << newton.rank.high << ", sgd "
                                                << sgd.rank.low << "–" << sgd.rank.high;
  EXPECT_LT(newton.rank.rank, sgd.rank.rank);
  EXPECT_LT(newton.summary.steps_median, sgd.summary.steps_median);
  std::printf("[ race     ] κ = 10 quadratic, 16 trials × 8 starts, 24 held-out: median steps to 1e-6: sgd %g, adam %g, "
              "newton %g; ranks %g, %g, %g\n",
              sgd.summary.steps_median, r[1].summary.steps_median, newton.summary.steps_median, sgd.rank.rank,
              r[1].rank.rank, newton.rank.rank);
}

TEST(RaceEngine, TunedNamesSetTheRegistrysOrACustomRulesHyperparameters) {
  optim::OptimizerSpec adam = test::parse_spec(std::string(R"({"name":"adam"})"));
  EXPECT_TRUE(set_tuned(adam, "beta2", 0.95));
  EXPECT_EQ(adam.beta2, 0.95);
  EXPECT_FALSE(set_tuned(adam, "momentum", 0.5));
  EXPECT_FALSE(set_tuned(adam, "amsgrad", 1));  // a flag is not tuned
  optim::OptimizerSpec custom = test::parse_spec(std::string(R"({"name":"custom"})"));
  EXPECT_TRUE(set_tuned(custom, "beta", 0.5));
  EXPECT_EQ(custom.own[1], 0.5);
}

}  // namespace
}  // namespace gs::race
