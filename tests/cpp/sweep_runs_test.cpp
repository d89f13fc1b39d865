// The sweep engine's key property: every run of a batch computes exactly what engine::RunSession
// computes for that run alone, bit for bit, at every step, in f32 and f64. Every optimizer case of
// tests/fixtures/optimizer_cases.json (the custom rules' too), on every objective, with per-run hyperparameters and
// starts, odd run counts (a batch pads them to whole vectors), gradient noise, one or every
// hyperparameter differing between runs, and runs that diverge among runs that do not.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "objectives/objective.hpp"
#include "optim/custom/custom_rule.hpp"
#include "optim/registry.hpp"
#include "optim/rules/sgd.hpp"
#include "sweep/batch.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

// A value of `h` spread around `base` for run k: runs differ, every value in the range, and a
// hyperparameter that is 0 (or 1 for beta1_decay) is switched on in some runs and left in others.
double spread(const optim::HyperInfo& h, double base, size_t k) {
  const double f = 1 + 0.3 * (static_cast<double>((k * 37) % 17) - 8) / 8;  // in [0.7, 1.3]
  const std::string name = h.name;
  double v;
  const bool beta_like = name == "beta" || name == "beta1" || name == "beta2" || name == "alpha" || name == "rho" ||
                         name == "momentum";
  if (beta_like) {
    v = base == 0 ? (k % 3 == 0 ? 0 : 0.5 * f) : 1 - (1 - base) * f;  // β-like: spread 1 − β
  } else if (base == 0) {
    v = k % 2 == 0 ? 0 : (name == "initial_accumulator_value" ? 0.1 : 1e-3) * f;
  } else {
    v = base * f;
  }
  v = std::clamp(v, h.range.min, h.range.max);
  if (h.range.max_open && v >= h.range.max) v = std::nextafter(h.range.max, h.range.min);
  if (h.range.min_open && v <= h.range.min) v = std::nextafter(h.range.min, h.range.max);
  return v;
}

// Run k's spec: every real hyperparameter of the case spread (a custom rule's declared ones too),
// beta1_decay λ < 1 in odd runs.
optim::OptimizerSpec lane_spec(const optim::OptimizerSpec& base, size_t k) {
  optim::OptimizerSpec spec = base;
  const optim::OptimizerInfo& info = optim::info(base.kind);
  for (const auto& h : info.hypers) {
    if (h.type != check::ParamType::Real) continue;
    const std::string name = h.name;
    if (base.kind == optim::optimizer_kind("sgd") && spec.own[optim::rules::Sgd::Own::nesterov] != 0 &&
        name == "dampening")
      continue;
    h.set(spec, spread(h, h.get(base), k));
  }
  for (size_t i = 0; base.rule && i < base.rule->hypers().size(); ++i) {
    const optim::custom::HyperDecl& d = base.rule->hypers()[i];
    const optim::HyperInfo h{d.name.c_str(), check::ParamType::Real, d.value, check::Range{d.min, d.max}, d.min, d.max,
                             "linear", "", nullptr, nullptr, nullptr, static_cast<int>(i)};
    h.set(spec, spread(h, h.get(base), k));
  }
  if (info.first_moment && k % 2 == 1) spec.beta1_decay = base.beta1_decay * (1 - 1e-3 * static_cast<double>(k % 5));
  return spec;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The single run of one run: a session over the run's spec and start.
void run_alone(engine::RunSession& session, const json::Value& objective, const optim::OptimizerSpec& spec,
                      double x0, double y0, uint64_t steps, const char* precision) {
  json::Value config{json::Object{}};
  config.set("objective", objective);
  config.set("start", json::Value(json::Array{x0, y0}));
  config.set("steps", static_cast<double>(steps));
  config.set("precision", precision);
  config.set("optimizers", json::Value(json::Array{optim::to_json(spec)}));
  test::run_session(session, json::serialize(config));
}

// Every objective of the catalog, by name.
const std::vector<std::string>& objective_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& info : objectives::registry()) list.push_back(info.name);
    return list;
  }();
  return names;
}

struct LaneSetup {
  json::Value objective;
  std::vector<optim::OptimizerSpec> specs;
  std::vector<double> x0, y0;
  uint64_t steps;
};

// Runs the batch step by step and each run alone; compares point and loss after every step.
template <class T>
void expect_runs_equal_single_runs(const LaneSetup& setup, const std::string& what) {
  engine::ObjectiveConfig objective;
  std::string error;
  ASSERT_TRUE(engine::parse_objective(&setup.objective, "objective", objective, error)) << error;
  const objectives::Objective f = engine::make_objective(objective);
  sweep::Batch<T> batch;
  batch.reset(f, objective.noise, setup.specs, setup.x0, setup.y0);
  const char* precision = sizeof(T) == 4 ? "f32" : "f64";
  std::vector<engine::RunSession> alone(setup.specs.size());
  for (size_t i = 0; i < setup.specs.size(); ++i)
    run_alone(alone[i], setup.objective, setup.specs[i], setup.x0[i], setup.y0[i], setup.steps, precision);
  for (uint64_t k = 0; k <= setup.steps; ++k) {
    if (k > 0) batch.step();
    for (size_t i = 0; i < setup.specs.size(); ++i) {
      const engine::Trace& trace = alone[i].trace(0);
      const size_t point = std::min<size_t>(k, trace.points() - 1);
      const bool diverged = trace.diverged && k >= trace.diverged_at;
      const std::string where = what + " lane " + std::to_string(i) + " of " + std::to_string(setup.specs.size()) +
                                " step " + std::to_string(k);
      ASSERT_EQ(batch.diverged_at(i), diverged ? trace.diverged_at : 0) << where;
      ASSERT_TRUE(same_bits(double(batch.x(i)), trace.xy[2 * point]) &&
                  same_bits(double(batch.y(i)), trace.xy[2 * point + 1]))
          << where << ": (" << batch.x(i) << ", " << batch.y(i) << ") vs (" << trace.xy[2 * point] << ", "
          << trace.xy[2 * point + 1] << ")";
      if (!diverged) {
        ASSERT_TRUE(same_bits(batch.loss(i), trace.loss[point])) << where << " loss";
      }
    }
  }
}

// The setup's lanes run as one f64 batch to its last step, beside the objective the batch points to.
struct FinishedBatch {
  objectives::Objective f;
  sweep::Batch<double> batch;
  size_t diverged() const {
    size_t n = 0;
    for (size_t k = 0; k < batch.size(); ++k) n += batch.diverged_at(k) != 0;
    return n;
  }
};

std::unique_ptr<FinishedBatch> run_to_end(const LaneSetup& setup) {
  engine::ObjectiveConfig objective;
  std::string error;
  EXPECT_TRUE(engine::parse_objective(&setup.objective, "objective", objective, error)) << error;
  auto out = std::make_unique<FinishedBatch>(FinishedBatch{engine::make_objective(objective), {}});
  out->batch.reset(out->f, objective.noise, setup.specs, setup.x0, setup.y0);
  out->batch.run(setup.steps);
  return out;
}

LaneSetup make_setup(const json::Value& objective, const optim::OptimizerSpec& base, size_t lanes, uint64_t steps,
                 bool uniform) {
  LaneSetup s{objective, {}, {}, {}, steps};
  engine::ObjectiveConfig parsed;
  std::string error;
  EXPECT_TRUE(engine::parse_objective(&objective, "objective", parsed, error)) << error;
  for (size_t k = 0; k < lanes; ++k) {
    s.specs.push_back(uniform ? base : lane_spec(base, k));
    s.x0.push_back(parsed.info->default_start[0] + 0.1 * (static_cast<double>((k * 13) % 7) - 3));
    s.y0.push_back(parsed.info->default_start[1] + 0.1 * (static_cast<double>((k * 5) % 9) - 4));
  }
  return s;
}

void check_case(const test::OptimizerCase& c, const json::Value& objective, size_t lanes, uint64_t steps,
                bool uniform) {
  const optim::OptimizerSpec base = test::parse_spec(c.optimizer);
  const LaneSetup setup = make_setup(objective, base, lanes, steps, uniform);
  const std::string what = c.id + " on " + json::serialize(objective) + (uniform ? " uniform" : "");
  expect_runs_equal_single_runs<float>(setup, what + " f32");
  expect_runs_equal_single_runs<double>(setup, what + " f64");
}

TEST(SweepRuns, EveryCaseOnEveryObjectiveEqualsSingleRuns) {
  size_t index = 0;
  for (const auto& c : test::lane_cases()) {
    for (size_t lanes : {1, 3, 5, 7}) {
      const std::string& name = objective_names()[(index + lanes) % objective_names().size()];
      check_case(c, json::Value(name), lanes, 60, false);
    }
    ++index;
  }
}

TEST(SweepRuns, ManyLanesEqualSingleRuns) {
  for (const auto& c : test::lane_cases()) check_case(c, json::Value("rosenbrock"), 1023, 25, false);
}

TEST(SweepRuns, UniformHyperparametersEqualSingleRuns) {
  size_t index = 0;
  for (const auto& c : test::lane_cases())
    check_case(c, json::Value(objective_names()[index++ % objective_names().size()]), 5, 60, true);
}

TEST(SweepRuns, GradientNoiseAndSparsityAsInTheSingleRun) {
  json::ParseResult objective = json::parse(R"({"name":"quadratic","params":{"kappa":10,"angle":30},
    "noise":{"sigma":0.3,"sparsity":0.25,"seed":11}})");
  json::ParseResult sparse_only = json::parse(R"({"name":"rosenbrock","noise":{"sparsity":0.4,"seed":3}})");
  for (const auto& c : test::lane_cases()) {
    check_case(c, objective.value, 5, 60, false);
    check_case(c, sparse_only.value, 3, 40, true);
  }
}

TEST(SweepRuns, ClippedGradientsAsInTheSingleRun) {
  // Rosenbrock's gradient at the starts is far above norm 1 (clipped), near the minimum below (kept);
  // with noise the clipping follows it.
  json::ParseResult clipped = json::parse(R"({"name":"rosenbrock","noise":{"clip_norm":1}})");
  json::ParseResult noisy = json::parse(R"({"name":"quadratic","noise":{"sigma":2,"seed":5,"clip_norm":0.5}})");
  for (const auto& c : test::lane_cases()) {
    check_case(c, clipped.value, 5, 60, false);
    check_case(c, noisy.value, 3, 40, true);
  }
}

TEST(SweepRuns, RadamLanesRectifyAtTheirOwnSteps) {
  // ρ∞ = 2/(1−β2) − 1: β2 = 0.7 never rectifies, larger β2 from steps that differ per run.
  optim::OptimizerSpec base = test::parse_spec(std::string(R"({"name":"radam","lr":0.05})"));
  LaneSetup setup = make_setup(json::Value("booth"), base, 7, 80, true);
  const double beta2[] = {0.7, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999};
  for (size_t k = 0; k < 7; ++k) setup.specs[k].beta2 = beta2[k];
  expect_runs_equal_single_runs<float>(setup, "radam f32");
  expect_runs_equal_single_runs<double>(setup, "radam f64");
}


TEST(SweepRuns, DivergedLanesStopWhereTheSingleRunStopsAndStayFrozen) {
  // SGD on Rosenbrock from (−1.5, 2): lr ≥ 2e-3 overshoots the valley walls and diverges at a step
  // that depends on lr; smaller lr converge. Adam with ε = 0 started at the minimum (1, 1) divides
  // 0 by 0 at step 1 (NaN); the runs between them run on.
  const double lrs[] = {1e-4, 3e-4, 1e-3, 2e-3, 2.5e-3, 3e-3, 5e-3, 1e-2, 3e-2, 1e-1, 2e-4};
  for (const char* name : {"sgd", "adam"}) {
    const bool adam = std::string(name) == "adam";
    optim::OptimizerSpec base = test::parse_spec(std::string(R"({"name":")") + name + R"("})");
    LaneSetup setup = make_setup(json::Value("rosenbrock"), base, std::size(lrs), 300, false);
    for (size_t k = 0; k < std::size(lrs); ++k) {
      setup.specs[k] = base;
      setup.specs[k].lr = lrs[k];
      const bool at_minimum = adam && k % 2 == 0;
      if (at_minimum) setup.specs[k].eps = 0;
      setup.x0[k] = at_minimum ? 1 : -1.5;
      setup.y0[k] = at_minimum ? 1 : 2;
    }
    expect_runs_equal_single_runs<float>(setup, std::string(name) + " f32");
    expect_runs_equal_single_runs<double>(setup, std::string(name) + " f64");
    const auto finished = run_to_end(setup);
    const size_t diverged = finished->diverged();
    EXPECT_GT(diverged, 2u) << name;
    EXPECT_LT(diverged, setup.specs.size() - 2) << name;
    EXPECT_EQ(finished->batch.live(), setup.specs.size() - diverged);
  }
}


// A custom rule's lanes stop where its single run stops: where the rule leaves its formula's domain
// (a division by sqrt(0) once lr·s·|g| reaches 2), and the other lanes run on.
TEST(SweepRuns, CustomRuleLanesStopWhereTheSingleRunStops) {
  const std::string rule =
      "hyper lr = 0.001 [1e-6, 10] log; grow = 1 [1, 3]\n"
      "state s = 1\n"
      "s = grow*s\n"
      "theta = theta - lr*s*g/sqrt(1 - min(lr*s*abs(g), 2)/2)\n";
  optim::OptimizerSpec base = test::parse_spec(json::Value(json::Object{{"name", json::Value("custom")}, {"rule", json::Value(rule)}}));
  const double lrs[] = {1e-6, 1e-5, 1e-4, 3e-4, 1e-3, 2e-3, 5e-3, 1e-2, 1e-1};
  LaneSetup setup = make_setup(json::Value("rosenbrock"), base, std::size(lrs), 60, true);
  for (size_t k = 0; k < std::size(lrs); ++k) {
    setup.specs[k].own[0] = lrs[k];
    setup.specs[k].own[1] = k % 3 == 1 ? 1.2 : 1;
  }
  expect_runs_equal_single_runs<float>(setup, "custom f32");
  expect_runs_equal_single_runs<double>(setup, "custom f64");
  const size_t diverged = run_to_end(setup)->diverged();
  size_t left_domain = 0;
  for (size_t k = 0; k < setup.specs.size(); ++k) {
    engine::RunSession alone;
    run_alone(alone, setup.objective, setup.specs[k], setup.x0[k], setup.y0[k], setup.steps, "f64");
    left_domain += alone.trace(0).divergence.find("line 4, column") != std::string::npos;
  }
  EXPECT_GE(left_domain, 2u);
  EXPECT_GE(diverged, left_domain);
  EXPECT_LE(diverged, setup.specs.size() - 2);
}

TEST(SweepRuns, OneHyperparameterPerLaneEqualsSingleRuns) {
  // A map varies one or two hyperparameters; the rest are shared, so the batch computes each
  // per-step scalar once per batch, once per step or per run according to what it depends on.
  size_t index = 0;
  for (const auto& c : test::lane_cases()) {
    const optim::OptimizerSpec base = test::parse_spec(c.optimizer);
    const optim::OptimizerInfo& info = optim::info(base.kind);
    const json::Value objective(objective_names()[index++ % objective_names().size()]);
    std::vector<std::string> names;
    for (const auto& h : info.hypers)
      if (h.type == check::ParamType::Real) names.push_back(h.name);
    if (info.first_moment) names.push_back("beta1_decay");
    for (const std::string& name : names) {
      LaneSetup setup = make_setup(objective, base, 5, 40, true);
      for (size_t k = 0; k < setup.specs.size(); ++k) {
        const optim::OptimizerSpec spread = lane_spec(base, k);
        if (name == "beta1_decay") {
          setup.specs[k].beta1_decay = spread.beta1_decay;
        } else {
          for (const auto& h : info.hypers)
            if (h.name == name) h.set(setup.specs[k], h.get(spread));
        }
      }
      expect_runs_equal_single_runs<float>(setup, c.id + " varying " + name + " f32");
      expect_runs_equal_single_runs<double>(setup, c.id + " varying " + name + " f64");
    }
  }
}

// A typed formula: every case with per-run hyperparameters and starts, with its parameters and
// gradient noise, and runs that leave its domain (the disk x² + y² < 4 of a log barrier, and
// the cone's tip where sqrt has no derivative) beside runs that do not.
TEST(SweepRuns, FormulaLanesEqualSingleRuns) {
  json::ParseResult typed = json::parse(R"J({"name":"formula",
    "expr":"a*(x - 0.3)^2 + b*sin(3y) + y^2 + 0.1*sqrt(x^2 + y^2 + 0.01) + sigmoid(x*y)",
    "params":{"a":{"value":1.5,"min":0,"max":4},"b":0.2},"noise":{"sigma":0.1,"seed":5}})J");
  ASSERT_TRUE(typed.ok());
  for (const auto& c : test::lane_cases()) check_case(c, typed.value, 5, 60, false);
  json::ParseResult barrier = json::parse(R"J({"name":"formula",
    "expr":"x^2 + y^2 - log(4 - x^2 - y^2) + 0.5*sqrt(x^2 + (y - 0.5)^2)","view":[-1,1,-1,1]})J");
  ASSERT_TRUE(barrier.ok());
  const double lrs[] = {1e-3, 0.05, 0.3, 1, 3, 10, 0.01};
  for (const char* name : {"sgd", "adam", "rmsprop"}) {
    optim::OptimizerSpec base = test::parse_spec(std::string(R"({"name":")") + name + R"("})");
    LaneSetup setup = make_setup(barrier.value, base, std::size(lrs), 80, false);
    for (size_t k = 0; k < std::size(lrs); ++k) {
      setup.specs[k] = base;
      setup.specs[k].lr = lrs[k];
    }
    expect_runs_equal_single_runs<float>(setup, std::string(name) + " barrier f32");
    expect_runs_equal_single_runs<double>(setup, std::string(name) + " barrier f64");
    size_t left = 0, ok = 0;
    for (size_t k = 0; k < setup.specs.size(); ++k) {
      engine::RunSession alone;
      run_alone(alone, setup.objective, setup.specs[k], setup.x0[k], setup.y0[k], setup.steps, "f64");
      left += alone.trace(0).left_domain;
      ok += !alone.trace(0).diverged;
    }
    EXPECT_GT(left, 0u) << name << ": some runs leave the domain";
    EXPECT_GT(ok, 0u) << name << ": some runs stay in it";
  }
}

// A data objective: minibatches of the step (the same for every run), with gradient noise on top.
TEST(SweepRuns, DataObjectiveLanesEqualSingleRuns) {
  json::ParseResult squares = json::parse(R"J({"name":"least_squares","batch_size":3,
    "data":[[0,1],[0.5,1.9],[1,3.2],[1.5,3.9],[2,5.1],[2.5,6.2],[3,6.8]],"noise":{"sigma":0.05,"seed":8}})J");
  json::ParseResult logistic = json::parse(R"J({"name":"logistic","batch_size":4,"noise":{"seed":2},
    "data":[[0,1,1],[0.5,0.2,0],[1,1.3,1],[1.5,0.1,0],[-1,0.4,1],[-0.5,-0.6,0],[0.2,0.5,0],[0.7,0.6,1]]})J");
  ASSERT_TRUE(squares.ok() && logistic.ok());
  for (const auto& c : test::lane_cases()) {
    check_case(c, squares.value, 5, 40, false);
    check_case(c, logistic.value, 3, 40, false);
  }
}

}  // namespace
}  // namespace gs
