// The race lab (labs/race/): its config names the failing field; a session is reproducible bit for
// bit and advances trial by trial to the result of the lab's command; every held-out run it
// reports is the single run of its run config; successive halving gives every optimizer the same
// lane-steps; f* where the objective has none; clipping is stated and replayed.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/run_session.hpp"
#include "labs/race/race_lab.hpp"
#include "labs/race/race_session.hpp"
#include "test_support.hpp"

namespace gs::labs {
namespace {

const char* kSmallRace = R"({"objective":{"name":"quadratic","params":{"kappa":10,"angle":30}},
  "optimizers":[{"name":"sgd"},{"name":"adam","tune":["lr",{"param":"beta1","min":0.5,"max":0.99}]},
                {"name":"newton"},{"name":"custom","rule":"hyper lr = 0.01 [1e-5, 1] log; momentum = 0.9 [0, 0.999]\nstate v = 0\nv = momentum*v + g\ntheta = theta - lr*v","tune":["lr","momentum"]}],
  "trials":8,"tuning_starts":4,"held_out_starts":12,"steps":150,"eps":1e-6,"seed":7,"bootstrap":300})";

json::Value parse(const std::string& text) {
  json::ParseResult parsed = json::parse(text);
  EXPECT_TRUE(parsed.ok()) << parsed.error;
  return parsed.value;
}

std::string race_error(const std::string& text) {
  RaceConfig config;
  std::string error;
  EXPECT_FALSE(parse_race_config(parse(text), config, error)) << text;
  return error;
}

void run_to_end(RaceSession& s, size_t trials) {
  while (!s.finished()) s.advance(trials);
}

TEST(RaceLab, BadConfigsAreRefusedNamingTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({})", "optimizers: missing"},
      {R"({"optimizers":[]})", "optimizers: must be an array of 1 to 40"},
      {R"({"optimizers":[{"name":"adamm"}]})", "optimizers[0].name"},
      {R"({"optimizers":[{"name":"adam","tune":["lrr"]}]})", "optimizers[0].tune[0]: unknown adam hyperparameter \"lrr\"; did you mean \"lr\""},
      {R"({"optimizers":[{"name":"adam","tune":[{"param":"lr","min":0.1,"max":0.01}]}]})", "optimizers[0].tune[0].max: must be greater than min"},
      {R"({"optimizers":[{"name":"adam","tune":[{"param":"weight_decay","min":0,"max":0.1,"scale":"log"}]}]})", "optimizers[0].tune[0].min: a log scale needs min > 0"},
      {R"({"optimizers":[{"name":"adam","tune":[{"param":"beta2","min":0.9,"max":0.5,"scale":"log1m"}]}]})", "optimizers[0].tune[0].max: must be greater than min (0.9)"},
      {R"({"optimizers":[{"name":"adam","tune":[{"param":"lr","scale":"cubic"}]}]})", "optimizers[0].tune[0].scale: unknown scale"},
      {R"({"optimizers":[{"name":"adam","tune":["lr","lr"]}]})", "optimizers[0].tune[1]: lr is tuned twice"},
      {R"({"optimizers":[{"name":"sgd","momentum":0.9,"nesterov":true,"tune":[{"param":"momentum","min":0,"max":0.9}]}]})", "optimizers[0].tune: with momentum = 0"},
      {R"({"optimizers":[{"name":"newton"}],"precision":"f32"})", "optimizers[0].name: newton runs in f64 only"},
      {R"({"optimizers":[{"name":"adam"}],"start":[1,1],"tuning_starts":8})", "tuning_starts: not used with a fixed start"},
      {R"({"optimizers":[{"name":"adam"}],"start":[1,1],"box":[0,1,0,1]})", "box: not used with a fixed start"},
      {R"({"optimizers":[{"name":"adam"}],"box":[1,0,0,1]})", "box[1]: must be at least box[0]"},
      {R"({"optimizers":[{"name":"adam"}],"seeds":4})", "seeds: more than one seed needs gradient noise"},
      {R"({"optimizers":[{"name":"adam"}],"trials":0})", "trials: must be an integer in [1, 1024]"},
      {R"({"optimizers":[{"name":"adam"}],"search":"bayes"})", "search: unknown search \"bayes\""},
      {R"({"objective":"saddle","optimizers":[{"name":"adam"}]})", "score: steps_to_eps needs f*, and saddle has no known global minimum"},
      {R"({"optimizers":[{"name":"adam"}],"clip_norm":-1})", "clip_norm: must be a number in [0, 1000000]"},
      {R"({"objective":{"name":"rosenbrock","noise":{"clip_norm":1}},"optimizers":[{"name":"adam"}]})", "objective.noise.clip_norm: a race clips gradients by its own clip_norm"},
  };
  for (const auto& [config, expected] : cases) {
    const std::string error = race_error(config);
    EXPECT_NE(error.find(expected), std::string::npos) << config << "\n  got: " << error;
  }
}

TEST(RaceLab, ARaceIsReproducibleBitForBitAndItsSessionIsTheCommand) {
  RaceSession a, b;
  std::string error;
  ASSERT_TRUE(a.configure(parse(kSmallRace), error)) << error;
  ASSERT_TRUE(b.configure(parse(kSmallRace), error)) << error;
  // One trial at a time against whole optimizers at once: the same race.
  const std::string before = a.result_json();
  EXPECT_NE(before.find("\"ranking\":null"), std::string::npos);
  size_t calls = 0;
  while (!a.finished()) {
    a.advance(1);
    ++calls;
  }
  run_to_end(b, 100);
  EXPECT_EQ(a.result_json(), b.result_json());
  EXPECT_EQ(a.lane_steps_done(), a.lane_steps_total());
  EXPECT_GT(calls, 4u * 8u);  // every trial by itself, then each optimizer's held-out runs
  std::string result;
  ASSERT_TRUE(test::lab_command<RaceLab>(kSmallRace, result, error)) << error;
  EXPECT_EQ(result, a.result_json());
  const json::Value r = parse(result);
  EXPECT_TRUE(r.find("finished")->as_bool());
  EXPECT_EQ(r.find("ranking")->as_array().size(), 4u);
  EXPECT_NE(r.find("protocol")->as_string().find("Each of 4 optimizers on Ill-conditioned quadratic"), std::string::npos);
  // Resolved, the config parses again to the same race.
  RaceConfig resolved;
  ASSERT_TRUE(parse_race_config(json::parse(json::serialize(race_config_json(a.config()))).value, resolved, error))
      << error;
  EXPECT_EQ(json::serialize(race_config_json(resolved)), json::serialize(race_config_json(a.config())));
}

TEST(RaceLab, EveryHeldOutRunReplaysThroughItsRunConfig) {
  for (const char* clip : {"", R"(,"clip_norm":0.5)"}) {
    std::string text = kSmallRace;
    text.insert(text.size() - 1, clip);
    RaceSession s;
    std::string error;
    ASSERT_TRUE(s.configure(parse(text), error)) << error;
    run_to_end(s, 8);
    for (size_t e = 0; e < s.results().size(); ++e)
      for (size_t run = 0; run < s.results()[e].held_out.size(); ++run) {
        const json::Value config = s.held_out_run_config(e, run);
        if (*clip) {
          EXPECT_EQ(config.find("objective")->find("noise")->find("clip_norm")->as_number(), 0.5);
        }
        engine::RunSession single;
        ASSERT_TRUE(single.configure(config, error)) << error;
        single.advance(single.config().steps);
        const engine::Trace& trace = single.trace(0);
        const race::RunOutcome& o = s.results()[e].held_out[run];
        EXPECT_EQ(o.diverged, trace.diverged);
        if (!trace.diverged) {
          EXPECT_EQ(o.final_loss, trace.loss.back()) << e << " run " << run;
        }
        double first = -1;
        for (size_t k = 0; k < trace.points() && first < 0; ++k)
          if (trace.loss[k] - s.f_star() <= s.config().eps) first = double(k);
        EXPECT_EQ(o.steps_to_eps, first < 0 ? double(s.config().steps + 1) : first) << e << " run " << run;
      }
  }
}

TEST(RaceLab, SuccessiveHalvingGivesEveryOptimizerTheSameLaneSteps) {
  const std::vector<race::TuningRound> rounds = race::tuning_rounds(race::SearchKind::Halving, 128, 500);
  ASSERT_EQ(rounds.size(), 5u);
  const size_t trials[] = {128, 42, 14, 4, 1};
  const uint64_t steps[] = {6, 18, 55, 166, 500};
  for (size_t r = 0; r < 5; ++r) {
    EXPECT_EQ(rounds[r].trials, trials[r]);
    EXPECT_EQ(rounds[r].budget, steps[r]);
  }
  std::string text = kSmallRace;
  text.replace(text.find(R"("trials":8)"), 10, R"("trials":27,"search":"halving")");
  RaceSession s;
  std::string error;
  ASSERT_TRUE(s.configure(parse(text), error)) << error;
  run_to_end(s, 5);
  uint64_t expected = 0;
  for (const auto& round : race::tuning_rounds(race::SearchKind::Halving, 27, 150)) expected += round.trials * round.budget * 4;
  for (const auto& t : s.tunings()) {
    EXPECT_EQ(t.lane_steps(), expected);
    // The tuned trial reached the last round, and every trial ran in round 0.
    EXPECT_EQ(t.rounds_reached()[t.best()], 3u);
    for (double score : t.scores()) EXPECT_FALSE(std::isnan(score));
  }
}

TEST(RaceLab, WithoutAKnownMinimumFStarIsTheLowestLossTheTuningFound) {
  RaceSession s;
  std::string error;
  ASSERT_TRUE(s.configure(parse(R"({"objective":{"name":"quadratic","params":{"kappa":4}},"optimizers":[{"name":"sgd"},{"name":"adam"}],
      "f_star":-1,"trials":4,"tuning_starts":3,"held_out_starts":5,"steps":40,"score":"success_rate"})"), error))
      << error;
  EXPECT_EQ(s.protocol().tuning.f_star, -1);
  ASSERT_TRUE(s.configure(parse(R"({"objective":"saddle","optimizers":[{"name":"sgd"},{"name":"adam"}],"score":"final_loss",
      "trials":4,"tuning_starts":3,"held_out_starts":5,"steps":40,"eps":0.5})"), error))
      << error;
  run_to_end(s, 4);
  double lowest = INFINITY;
  for (const auto& t : s.tunings()) lowest = std::min(lowest, t.lowest_loss());
  EXPECT_TRUE(std::isfinite(lowest));
  EXPECT_EQ(s.f_star(), lowest);
  const json::Value r = parse(s.result_json());
  EXPECT_EQ(r.find("f_star_from")->as_string(), "best_found");
  EXPECT_EQ(r.find("f_star")->as_number(), lowest);
  EXPECT_NE(r.find("protocol")->as_string().find("the lowest loss any tuning run reached"), std::string::npos);
}

}  // namespace
}  // namespace gs::labs
