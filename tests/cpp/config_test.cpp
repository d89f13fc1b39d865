// Bad input answers with a clear message naming the field and the allowed range, never a crash
// and never a silent NaN; a diverging run stops and says at which step.
#include <cmath>

#include "labs/sweep/sweep_lab.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

std::string with_optimizer(const std::string& optimizer) {
  return R"({"objective":"quadratic","steps":5,"optimizers":[)" + optimizer + "]}";
}

void expect_error(const std::string& config, const std::vector<std::string>& parts) {
  std::string error = test::config_error(config);
  ASSERT_FALSE(error.empty()) << "accepted: " << config;
  for (const auto& part : parts) EXPECT_NE(error.find(part), std::string::npos) << "'" << part << "' not in: " << error;
}

TEST(Config, EveryHyperparameterOutOfRangeNamesTheFieldAndRange) {
  for (const auto& o : optim::optimizer_registry()) {
    for (const auto& h : o.hypers) {
      std::string field = std::string("optimizers[0].") + h.name;
      auto with = [&](const std::string& value) {
        return with_optimizer(std::string(R"({"name":")") + o.name + R"(",")" + h.name + "\":" + value + "}");
      };
      if (h.type == check::ParamType::Bool) {
        expect_error(with("\"yes\""), {field, "true or false", "\"yes\""});
        expect_error(with("1"), {field, "true or false"});
        continue;
      }
      if (h.type == check::ParamType::Choice) {
        const std::string first = std::string("\"") + h.choices.front() + "\"";
        expect_error(with("\"nonesuch\""), {field, "unknown choice \"nonesuch\"", "Allowed:", h.choices.back()});
        expect_error(with("0"), {field, "must be one of", h.choices.front()});
        EXPECT_EQ(test::config_error(with(first)), "") << o.name << "." << h.name;
        continue;
      }
      std::string range = h.range.describe();
      expect_error(with(check::format_number(h.range.max + 1)), {field, range});
      double below = h.range.min_open ? h.range.min : h.range.min - 1;
      expect_error(with(check::format_number(below)), {field, range});
      expect_error(with("\"NaN\""), {field, range, "\"NaN\""});
      expect_error(with("null"), {field, "null"});
      expect_error(with("[1]"), {field, "an array"});
      // The default itself is accepted.
      EXPECT_EQ(test::config_error(with(check::format_number(h.default_value))), "") << o.name << "." << h.name;
    }
  }
}

// Whole-vector optimizers: f64 only, no schedule, a Hessian where they need one, per-coordinate
// inner optimizers only, and refused by the labs with a message saying where they run.
TEST(Config, WholeVectorOptimizersSayWhereTheyRun) {
  expect_error(R"({"objective":"quadratic","precision":"f32","optimizers":[{"name":"adam"},{"name":"lbfgs"}]})",
               {"optimizers[1].name", "lbfgs runs in f64 only"});
  expect_error(with_optimizer(R"({"name":"newton","schedule":"cosine"})"),
               {"optimizers[0].schedule", "constant lr"});
  expect_error(R"({"objective":{"name":"least_squares"},"optimizers":[{"name":"sophia"}]})",
               {"optimizers[0].name", "sophia needs the objective's exact Hessian", "least_squares"});
  expect_error(with_optimizer(R"({"name":"lookahead","inner":{"name":"lbfgs"}})"),
               {"optimizers[0].inner.name", "lookahead wraps a compiled per-coordinate optimizer", "lbfgs is a whole-vector"});
  expect_error(with_optimizer(R"({"name":"lookahead","inner":{"name":"custom"}})"),
               {"optimizers[0].inner.name", "custom is a typed rule"});
  expect_error(with_optimizer(R"({"name":"lookahead","inner":{"name":"adam","lr":0.1}})"),
               {"optimizers[0].inner.lr", "lookahead's own lr"});
  expect_error(with_optimizer(R"({"name":"lookahead","inner":{"name":"adma"}})"),
               {"optimizers[0].inner.name", "did you mean \"adam\""});
  expect_error(with_optimizer(R"({"name":"lookahead","pullback_momentum":"pullback"})"),
               {"optimizers[0].pullback_momentum"});
  EXPECT_EQ(test::config_error(with_optimizer(R"({"name":"lookahead","inner":{"name":"nag","momentum":0.5}})")), "");
  EXPECT_EQ(test::config_error(R"({"objective":{"name":"formula","expr":"x^2 + 3*y^2"},"optimizers":[{"name":"newton"}]})"), "");
  std::string result, error;
  EXPECT_FALSE(test::lab_command<labs::SweepLab>(
      R"({"optimizer":{"name":"lbfgs"},"x":{"param":"lr","min":0.1,"max":1,"n":2},"y":{"param":"start_x","min":-1,"max":1,"n":2}})",
      result, error));
  EXPECT_NE(error.find("lbfgs is a whole-vector optimizer"), std::string::npos) << error;
  EXPECT_NE(error.find("not in the sweep lab"), std::string::npos) << error;
}

TEST(Config, UnknownNamesSuggestTheClosestOne) {
  expect_error(with_optimizer(R"({"name":"adma"})"), {"optimizers[0].name", "unknown optimizer \"adma\"", "did you mean \"adam\"", "Allowed:"});
  expect_error(with_optimizer(R"({"name":"adam","lrr":0.1})"), {"optimizers[0].lrr", "unknown field", "did you mean \"lr\""});
  expect_error(with_optimizer(R"({"name":"sgd","beta1":0.9})"), {"optimizers[0].beta1", "unknown field"});
  expect_error(with_optimizer(R"({"name":"adagrad","beta1_decay":0.9})"), {"optimizers[0].beta1_decay", "unknown field"});
  expect_error(R"({"objective":"rosenbrok"})", {"objective.name", "did you mean \"rosenbrock\""});
  expect_error(R"({"objective":{"name":"rosenbrock","params":{"c":1}}})", {"objective.params.c", "unknown field"});
  expect_error(R"({"objective":{"name":"saddle","params":{"a":1}}})", {"objective.params", "no parameters"});
  expect_error(R"({"steps":10,"colour":"red"})", {"colour", "unknown field"});
  expect_error(with_optimizer(R"({"name":"adam","schedule":{"name":"cosin"}})"),
               {"optimizers[0].schedule.name", "did you mean \"cosine\""});
  expect_error(with_optimizer(R"({"name":"adam","schedule":{"name":"step","gamma":2}})"),
               {"optimizers[0].schedule.gamma", "(0, 1]"});
  expect_error(with_optimizer(R"({"name":"adam","schedule":{"name":"step","step_size":2.5}})"),
               {"optimizers[0].schedule.step_size", "integer"});
}

TEST(Config, WrongTypesAndShapes) {
  expect_error("[1,2]", {"config: must be an object", "an array"});
  expect_error(R"({"steps":"many"})", {"steps", "integer", "\"many\""});
  expect_error(R"({"steps":1.5})", {"steps", "integer", "1.5"});
  expect_error(R"({"steps":-1})", {"steps", "[0, 1000000]"});
  expect_error(R"({"steps":2000000})", {"steps", "[0, 1000000]"});
  expect_error(R"({"start":[1]})", {"start", "two numbers"});
  expect_error(R"({"start":[1,"x"]})", {"start[1]"});
  expect_error(R"({"start":[1,1e9]})", {"start[1]", "[-1000000, 1000000]"});
  expect_error(R"({"precision":"f16"})", {"precision", "\"f32\" or \"f64\""});
  expect_error(R"({"version":2})", {"version", "[1, 1]"});
  expect_error(R"({"optimizers":[]})", {"optimizers", "1 to 16"});
  expect_error(R"({"optimizers":{"name":"adam"}})", {"optimizers", "array"});
  expect_error(R"({"optimizers":[42]})", {"optimizers[0]", "must be an object"});
  expect_error(R"({"optimizers":[{"lr":1}]})", {"optimizers[0].name", "missing"});
  expect_error(R"({"optimizers":[{"name":"adam"},{"name":7}]})", {"optimizers[1].name", "string"});
  expect_error(R"({"objective":{"name":"rosenbrock","noise":{"sigma":-1}}})", {"objective.noise.sigma"});
  expect_error(R"({"objective":{"name":"rosenbrock","noise":{"sparsity":1}}})", {"objective.noise.sparsity", "[0, 1)"});
  expect_error(R"({"objective":{"name":"rosenbrock","noise":{"seed":0.5}}})", {"objective.noise.seed", "integer"});
  expect_error(with_optimizer(R"({"name":"sgd","nesterov":true})"), {"optimizers[0].nesterov", "momentum > 0"});
  expect_error(with_optimizer(R"({"name":"sgd","momentum":0.9,"dampening":0.1,"nesterov":true})"),
               {"optimizers[0].nesterov", "dampening = 0"});
  expect_error(with_optimizer(R"({"name":"rprop","step_size_min":2,"step_size_max":1})"),
               {"optimizers[0].step_size_min", "at most step_size_max (1), got 2"});
  expect_error(with_optimizer(R"({"name":"rprop","etas":[0.4,1.3]})"),
               {"optimizers[0].etas", "two fields here: etaminus and etaplus"});
  expect_error(with_optimizer(R"({"name":"adam","betas":[0.8,0.99]})"),
               {"optimizers[0].betas", "two fields here: beta1 and beta2"});
  expect_error(with_optimizer(R"({"name":"rprop","etaminus":1})"), {"optimizers[0].etaminus", "(0, 1)"});
  expect_error(with_optimizer(R"({"name":"adam","label":7})"), {"optimizers[0].label", "string"});
}

TEST(Config, MalformedJsonSaysWhere) {
  expect_error("{\"steps\": 10,\n \"optimizers\": [}", {"JSON syntax error at line 2, column 17"});
  expect_error("", {"JSON syntax error", "end of input"});
  expect_error(R"({"steps": NaN})", {"NaN and Infinity are not valid JSON"});
  expect_error(R"({"steps": 1e999})", {"out of the double range"});
  expect_error(R"({"steps": 1, "steps": 2})", {"duplicate key \"steps\""});
  expect_error(std::string(100, '[') + std::string(100, ']'), {"deeper than 64"});
}

TEST(Config, ValidConfigsResolveDefaults) {
  engine::RunSession session;
  test::run_session(session, "{}");
  EXPECT_EQ(session.config().objective.info->name, std::string("rosenbrock"));
  EXPECT_EQ(session.config().steps, 200u);
  ASSERT_EQ(session.run_count(), 1u);
  EXPECT_EQ(session.trace(0).points(), 201u);
  test::run_session(session, R"({"optimizers":[{"name":"adam","schedule":"inv_sqrt"}]})");
  EXPECT_EQ(session.config().optimizers[0].schedule.kind, optim::ScheduleKind::InvSqrt);
}

TEST(Divergence, StopsAndReportsTheStep) {
  engine::RunSession session;
  test::run_session(session, R"({"objective":"rosenbrock","start":[-1.5,2],"steps":100,
    "optimizers":[{"name":"sgd","lr":0.01},{"name":"adam","lr":0.01}]})");
  const engine::Trace& diverged = session.trace(0);
  ASSERT_TRUE(diverged.diverged);
  EXPECT_GT(diverged.diverged_at, 0u);
  EXPECT_EQ(diverged.points(), diverged.diverged_at);  // start + every finite step before it
  EXPECT_NE(diverged.divergence.find("diverged at step " + std::to_string(diverged.diverged_at)), std::string::npos);
  for (double v : diverged.xy) EXPECT_TRUE(std::isfinite(v) && std::fabs(v) <= 1e12);
  EXPECT_FALSE(session.trace(1).diverged);
  EXPECT_EQ(session.trace(1).points(), 101u);
  std::string result = session.result_json();
  EXPECT_NE(result.find("\"status\":\"diverged\",\"diverged_at\":" + std::to_string(diverged.diverged_at)),
            std::string::npos);
  EXPECT_EQ(result.find("NaN"), std::string::npos);
}

TEST(Divergence, SaddleRunsAwayAndIsCaught) {
  engine::RunSession session;
  test::run_session(session, R"({"objective":"saddle","start":[1,0.001],"steps":100000,
    "optimizers":[{"name":"sgd","lr":0.1,"momentum":0.9}]})");
  EXPECT_TRUE(session.trace(0).diverged);
  EXPECT_NE(session.trace(0).divergence.find("exceeded 1e12"), std::string::npos);
}

}  // namespace
}  // namespace gs
