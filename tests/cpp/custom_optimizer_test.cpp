// The `custom` optimizer through the engine (optim/custom/custom_optimizer.hpp): Adam and SGD with
// momentum written as rules give the built-ins' trajectories (f64, 1e-12 relative per coordinate
// and step, on every objective of the torch fixtures); the config's rule and hyperparameters are
// checked with messages naming the field and the line; a step that leaves a formula's domain stops
// the run and says where; the result's optimizer object round-trips.
#include <string>

#include "labs/paper/paper_config.hpp"
#include "labs/sweep/sweep_lab.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

constexpr const char* kAdamRule =
    "hyper lr = 0.001 [1e-5, 1] log; beta1 = 0.9 [0, 0.999]; beta2 = 0.999 [0, 0.99999]; eps = 1e-8 [0, 1e-3]\n"
    "state m = 0; v = 0\n"
    "m = beta1*m + (1 - beta1)*g\n"
    "v = beta2*v + (1 - beta2)*g*g\n"
    "theta = theta - lr/(1 - beta1^t) * m / (sqrt(v)/sqrt(1 - beta2^t) + eps)\n";

constexpr const char* kMomentumRule =
    "hyper lr = 0.01 [1e-5, 1] log; momentum = 0.9 [0, 0.999]\n"
    "state buf = 0\n"
    "buf = momentum*buf + g\n"
    "theta = theta - lr*buf\n";

// The worst relative error (floor 1e-3) between two runs of one config, each optimizer alone.
double worst_difference(const std::string& objective, const json::Value& a, const json::Value& b, int steps) {
  double worst = 0;
  std::vector<engine::Trace> traces;
  for (const json::Value* optimizer : {&a, &b}) {
    json::Value config{json::Object{}};
    config.set("objective", json::parse(objective).value);
    config.set("steps", steps);
    config.set("optimizers", json::Value(json::Array{*optimizer}));
    engine::RunSession session;
    test::run_session(session, json::serialize(config));
    traces.push_back(session.trace(0));
  }
  EXPECT_EQ(traces[0].points(), traces[1].points()) << objective;
  for (size_t k = 0; k < 2 * std::min(traces[0].points(), traces[1].points()); ++k)
    worst = std::max(worst, test::fixture_error(traces[0].xy[k], traces[1].xy[k]));
  return worst;
}

std::string with_schedule(std::string optimizer) {
  optimizer.insert(optimizer.size() - 1, R"(,"schedule":"cosine")");
  return R"({"objective":"quadratic","steps":5,"optimizers":[)" + optimizer + "]}";
}

json::Value rule_optimizer(const char* rule, std::initializer_list<std::pair<const char*, double>> hypers) {
  json::Value v{json::Object{}};
  v.set("name", "custom");
  v.set("rule", rule);
  for (const auto& [name, value] : hypers) v.set(name, value);
  return v;
}

TEST(CustomOptimizer, AdamAndSgdMomentumAsRulesGiveTheBuiltInsTrajectories) {
  const char* objectives[] = {R"({"name":"rosenbrock"})", R"({"name":"quadratic","params":{"kappa":10,"angle":30}})",
                              R"({"name":"himmelblau"})", R"({"name":"beale"})"};
  double worst = 0;
  for (const char* objective : objectives) {
    const double adam = worst_difference(objective, rule_optimizer(kAdamRule, {{"lr", 0.05}}),
                                         json::parse(R"({"name":"adam","lr":0.05})").value, 300);
    const double momentum = worst_difference(objective, rule_optimizer(kMomentumRule, {{"lr", 0.0005}}),
                                             json::parse(R"({"name":"sgd","lr":0.0005,"momentum":0.9})").value, 300);
    EXPECT_LE(adam, 1e-12) << objective << " adam";
    EXPECT_LE(momentum, 1e-12) << objective << " sgd momentum";
    worst = std::max({worst, adam, momentum});
  }
  std::printf("[ custom   ] Adam and SGD + momentum as rules vs the built-ins, 300 steps: worst relative error %.3g\n", worst);
}

TEST(CustomOptimizer, BadRulesAndValuesNameTheFieldAndTheLine) {
  auto error_of = [](const std::string& optimizer) {
    return test::config_error(R"({"objective":"quadratic","steps":3,"optimizers":[{"name":"adam"},)" + optimizer + "]}");
  };
  EXPECT_EQ(error_of(R"({"name":"custom","rule":"hyper beta = 0.9 [0, 1]\nstate m = 0\nm = bta*m + g\ntheta = theta - m"})"),
            "optimizers[1].rule: line 3, column 5: unknown name \"bta\"; did you mean \"beta\"?");
  EXPECT_EQ(error_of(R"({"name":"custom","rule":"g = 1\ntheta = theta"})"),
            "optimizers[1].rule: line 1, column 1: cannot assign \"g\": it is the gradient");
  EXPECT_EQ(error_of(R"({"name":"custom","rule":"hyper lr = 0.1 [0, 1]\nm = lr*g"})").rfind("optimizers[1].rule: ", 0), 0u);
  EXPECT_NE(error_of(R"({"name":"custom","rule":"hyper lr = 0.1 [0, 1]\nm = lr*g"})").find("never assigns theta"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"name":"custom","lr":2})"), "optimizers[1].lr: must be a number in [1e-5, 1], got 2");
  EXPECT_NE(error_of(R"({"name":"custom","beta2":0.5})").find("optimizers[1].beta2: unknown field"), std::string::npos);
  EXPECT_EQ(error_of(R"({"name":"custom","rule":3})"), "optimizers[1].rule: must be a string, got 3");
  EXPECT_EQ(error_of(R"({"name":"custom"})"), "");
}

TEST(CustomOptimizer, AStepOutsideTheDomainStopsTheRunAndSaysWhere) {
  engine::RunSession session;
  test::run_session(session, R"json({"objective":"quadratic","steps":20,"optimizers":[{"name":"custom",
    "rule":"hyper lr = 0.1 [0, 1]\ntheta = theta - lr*log(g + 1)"}]})json");
  const engine::Trace& trace = session.trace(0);
  EXPECT_TRUE(trace.diverged);
  EXPECT_NE(trace.divergence.find("line 2, column "), std::string::npos) << trace.divergence;
  EXPECT_NE(trace.divergence.find("log of a number ≤ 0"), std::string::npos) << trace.divergence;
}

TEST(CustomOptimizer, TheResultsOptimizerObjectRunsTheSameAgain) {
  engine::RunSession first;
  test::run_session(first, std::string(R"({"objective":"rosenbrock","steps":40,"optimizers":[)") +
                               json::serialize(rule_optimizer(kAdamRule, {{"lr", 0.02}, {"beta1", 0.8}})) + "]}");
  const json::Value result = json::parse(first.result_json()).value;
  const json::Value& optimizer = *result.find("runs")->as_array()[0].find("optimizer");
  EXPECT_EQ(optimizer.find("rule")->as_string(), kAdamRule);
  EXPECT_EQ(optimizer.find("beta1")->as_number(), 0.8);
  EXPECT_EQ(optimizer.find("eps")->as_number(), 1e-8);
  engine::RunSession again;
  test::run_session(again, std::string(R"({"objective":"rosenbrock","steps":40,"optimizers":[)") +
                               json::serialize(optimizer) + "]}");
  EXPECT_EQ(first.trace(0).xy, again.trace(0).xy);
}

// A typed rule runs in f32 like a built-in (θ and its states stored in f32, the rule computed in
// double), in the sweep with axes over its declared hyperparameters, and is refused by name where
// it cannot run (the paper lab, Lookahead's inner optimizer, a schedule).
TEST(CustomOptimizer, RunsInF32AndInTheSweepAndSaysWhereItDoesNot) {
  const std::string momentum = json::serialize(rule_optimizer(kMomentumRule, {{"lr", 0.001}}));
  engine::RunSession f32, f64;
  test::run_session(f32, R"({"objective":"rosenbrock","steps":50,"precision":"f32","optimizers":[)" + momentum + "]}");
  test::run_session(f64, R"({"objective":"rosenbrock","steps":50,"precision":"f64","optimizers":[)" + momentum + "]}");
  ASSERT_EQ(f32.trace(0).points(), 51u);
  bool differs = false;
  for (size_t k = 0; k < f32.trace(0).xy.size(); ++k) {
    const double v = f32.trace(0).xy[k];
    EXPECT_EQ(v, double(float(v))) << "point " << k << " is not an f32 value";
    EXPECT_NEAR(v, f64.trace(0).xy[k], 1e-4 * (1 + std::fabs(v)));
    differs = differs || v != f64.trace(0).xy[k];
  }
  EXPECT_TRUE(differs) << "the f32 run computed in f64";

  std::string result, error;
  const std::string sweep = R"({"objective":"rosenbrock","steps":30,"optimizer":)" + momentum +
                            R"(,"x":{"param":"lr","n":3},"y":{"param":"momentum","min":0,"max":0.9,"n":2}})";
  ASSERT_TRUE(test::lab_command<labs::SweepLab>(sweep, result, error)) << error;
  const json::Value maps = json::parse(result).value;
  EXPECT_EQ(maps.find("x")->find("min")->as_number(), 1e-5);  // the rule's declared range
  EXPECT_EQ(maps.find("x")->find("log")->as_bool(), true);
  EXPECT_EQ(maps.find("optimizer")->find("rule")->as_string(), kMomentumRule);
  EXPECT_FALSE(test::lab_command<labs::SweepLab>(
      R"({"optimizer":)" + momentum + R"(,"x":{"param":"momentun"},"y":{"param":"lr"}})", result, error));
  EXPECT_NE(error.find("x.param: unknown custom hyperparameter \"momentun\""), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean \"momentum\""), std::string::npos) << error;
  EXPECT_FALSE(test::lab_command<labs::SweepLab>(
      R"({"optimizer":)" + momentum + R"(,"x":{"param":"momentum","min":0,"max":2},"y":{"param":"lr"}})", result, error));
  EXPECT_NE(error.find("x.max: must be a number in [0, 0.999], got 2"), std::string::npos) << error;

  labs::PaperConfig paper;
  json::Value config = json::parse(R"({"experiment":"logreg_bow","optimizers":[)" + momentum + "]}").value;
  EXPECT_FALSE(labs::parse_paper_config(config, paper, error));
  EXPECT_NE(error.find("optimizers[0].name: custom is a rule you type"), std::string::npos) << error;
  EXPECT_NE(error.find("not in the paper lab"), std::string::npos) << error;
  EXPECT_NE(test::config_error(with_schedule(momentum)).find("optimizers[0].schedule: unknown field"), std::string::npos);
}

}  // namespace
}  // namespace gs
