// L-BFGS (src/optim/whole/lbfgs.hpp) against torch.optim.LBFGS 1.13 in float64, every case of
// tests/fixtures/lbfgs/lbfgs.json (made by make_lbfgs_fixtures.py with Debian's python3-torch):
// after every outer step the point within 1e-9 relative (floor 1e-3) and the returned loss too, and
// the cumulative function evaluations and iterations exactly torch's. The objective is the engine's
// own (its catalog entry with the case's parameters), as a run would use it.
#include <string>
#include <vector>

#include "engine/run_config.hpp"
#include "engine/run_session.hpp"
#include "optim/whole/lbfgs.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

constexpr double kTolerance = 1e-9;

optim::whole::LbfgsOptions options_of(const json::Value& o) {
  optim::whole::LbfgsOptions options;
  options.lr = o.find("lr")->as_number();
  options.max_iter = static_cast<int>(o.find("max_iter")->as_number());
  const json::Value* max_eval = o.find("max_eval");
  options.max_eval = max_eval && max_eval->is_number() ? static_cast<int>(max_eval->as_number()) : 0;
  options.tolerance_grad = o.find("tolerance_grad")->as_number();
  options.tolerance_change = o.find("tolerance_change")->as_number();
  options.history_size = static_cast<int>(o.find("history_size")->as_number());
  const json::Value* line_search = o.find("line_search_fn");
  options.strong_wolfe = line_search && line_search->is_string() && line_search->as_string() == "strong_wolfe";
  return options;
}

TEST(Lbfgs, EveryCaseMatchesTorchStepForStepWithItsEvaluationCounts) {
  const json::Value fixture = test::load_json("tests/fixtures/lbfgs/lbfgs.json");
  const auto& cases = fixture.find("cases")->as_array();
  ASSERT_GE(cases.size(), 40u);
  double worst = 0;
  std::string worst_id;
  size_t steps_checked = 0;
  for (const auto& c : cases) {
    const std::string id = c.find("id")->as_string();
    engine::ObjectiveConfig objective_config;
    std::string error;
    ASSERT_TRUE(engine::parse_objective(c.find("objective"), "objective", objective_config, error)) << id << ": " << error;
    const objectives::Objective objective = engine::make_objective(objective_config);
    optim::whole::Lbfgs lbfgs(options_of(*c.find("options")));
    const auto closure = [&](const std::vector<double>& x, std::vector<double>& grad) {
      return objective.value_and_gradient(x[0], x[1], grad[0], grad[1]);
    };
    std::vector<double> x = {c.find("start")->as_array()[0].as_number(), c.find("start")->as_array()[1].as_number()};
    size_t k = 0;
    for (const auto& expected : c.find("steps")->as_array()) {
      ++k;
      const double loss = lbfgs.step(x, closure);
      const auto& want = expected.find("x")->as_array();
      const double errors[3] = {test::fixture_error(x[0], want[0].as_number()), test::fixture_error(x[1], want[1].as_number()),
                                test::fixture_error(loss, expected.find("loss")->as_number())};
      for (const double e : errors) {
        if (e > worst) worst = e, worst_id = id;
      }
      ASSERT_LE(std::max({errors[0], errors[1], errors[2]}), kTolerance)
          << id << " step " << k << ": (" << x[0] << ", " << x[1] << ") loss " << loss;
      ASSERT_EQ(lbfgs.evaluations(), static_cast<int>(expected.find("func_evals")->as_number())) << id << " step " << k;
      ASSERT_EQ(lbfgs.iterations(), static_cast<int>(expected.find("n_iter")->as_number())) << id << " step " << k;
      ++steps_checked;
    }
  }
  std::printf("[ lbfgs    ] %zu torch cases, %zu steps, counts exact, worst relative error %.3g (%s)\n", cases.size(),
              steps_checked, worst, worst_id.c_str());
}

// The same cases as runs of the engine (an `lbfgs` optimizer of a run config): one run step is one
// torch step, and the run's cumulative evaluations are torch's func_evals after every step.
TEST(Lbfgs, AsARunItsTrajectoryAndEvaluationsAreTorchs) {
  const json::Value fixture = test::load_json("tests/fixtures/lbfgs/lbfgs.json");
  size_t runs = 0;
  for (const auto& c : fixture.find("cases")->as_array()) {
    const std::string id = c.find("id")->as_string();
    const json::Value& o = *c.find("options");
    json::Value optimizer{json::Object{}};
    optimizer.set("name", "lbfgs");
    for (const char* key : {"lr", "max_iter", "tolerance_grad", "tolerance_change", "history_size"})
      optimizer.set(key, *o.find(key));
    const json::Value* max_eval = o.find("max_eval");
    optimizer.set("max_eval", max_eval && max_eval->is_number() ? max_eval->as_number() : 0.0);
    const json::Value* line_search = o.find("line_search_fn");
    optimizer.set("line_search", line_search && line_search->is_string() ? line_search->as_string() : "none");
    const auto& steps = c.find("steps")->as_array();
    json::Value config{json::Object{}};
    config.set("objective", *c.find("objective"));
    config.set("start", *c.find("start"));
    config.set("steps", double(steps.size()));
    config.set("optimizers", json::Value(json::Array{optimizer}));
    engine::RunSession session;
    test::run_session(session, json::serialize(config));
    const engine::Trace& trace = session.trace(0);
    ASSERT_EQ(trace.points(), steps.size() + 1) << id;
    for (size_t k = 1; k <= steps.size(); ++k) {
      const auto& want = steps[k - 1].find("x")->as_array();
      ASSERT_LE(test::fixture_error(trace.xy[2 * k], want[0].as_number()), kTolerance) << id << " step " << k;
      ASSERT_LE(test::fixture_error(trace.xy[2 * k + 1], want[1].as_number()), kTolerance) << id << " step " << k;
      ASSERT_EQ(trace.evaluations[k], static_cast<uint32_t>(steps[k - 1].find("func_evals")->as_number())) << id << " step " << k;
    }
    EXPECT_EQ(trace.evaluated.size(), engine::kEvaluatedFields * trace.evaluations.back()) << id;
    ++runs;
  }
  EXPECT_GE(runs, 40u);
}

// The record of a step's closure calls: the step's first evaluation is not a line-search trial,
// every strong-Wolfe trial is, and the count adds up to the evaluations.
TEST(Lbfgs, RecordsEachStepsInnerPointsAndLineSearchTrials) {
  for (const bool strong_wolfe : {false, true}) {
    optim::whole::LbfgsOptions options;
    options.strong_wolfe = strong_wolfe;
    optim::whole::Lbfgs lbfgs(options);
    const auto closure = [](const std::vector<double>& x, std::vector<double>& grad) {
      grad[0] = 2 * (x[0] - 1);
      grad[1] = 20 * (x[1] + 0.5);
      return (x[0] - 1) * (x[0] - 1) + 10 * (x[1] + 0.5) * (x[1] + 0.5);
    };
    std::vector<double> x = {-1.0, 1.0};
    int evaluations = 0;
    for (int step = 0; step < 3; ++step) {
      lbfgs.step(x, closure);
      const auto& inner = lbfgs.last_inner();
      ASSERT_FALSE(inner.empty());
      EXPECT_FALSE(inner.front().line_search_trial);
      bool any_trial = false;
      for (const auto& point : inner) any_trial = any_trial || point.line_search_trial;
      if (step == 0) {
        EXPECT_EQ(any_trial, strong_wolfe);
      }
      evaluations += static_cast<int>(inner.size());
      EXPECT_EQ(lbfgs.evaluations(), evaluations);
    }
    EXPECT_NEAR(x[0], 1.0, 1e-4);  // torch's tolerance_change stops the iterations about here
    EXPECT_NEAR(x[1], -0.5, 1e-4);
  }
}

}  // namespace
}  // namespace gs
