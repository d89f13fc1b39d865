// Bad sweep configs answer with one line naming the field (and the allowed values or range);
// valid ones resolve their defaults.
#include "labs/sweep/sweep_lab.hpp"
#include "labs/sweep/sweep_session.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

std::string sweep_error(const std::string& config) {
  json::ParseResult parsed = json::parse(config);
  if (!parsed.ok()) return parsed.error;
  labs::SweepSession session;
  std::string error;
  session.configure(parsed.value, error);
  return error;
}

// A valid Adam lr × beta1 sweep with `change` spliced in (a later key replaces nothing: the
// fields below are the ones the base leaves out, or whole replacements of x / y).
std::string with(const std::string& fields) {
  return R"({"objective":"rosenbrock","optimizer":{"name":"adam"},)" + fields + "}";
}
const std::string kX = R"("x":{"param":"lr","min":1e-4,"max":1,"n":8,"log":true})";
const std::string kY = R"("y":{"param":"beta1","min":0,"max":0.99,"n":8})";

void expect_error(const std::string& config, const std::vector<std::string>& parts) {
  const std::string error = sweep_error(config);
  ASSERT_FALSE(error.empty()) << "accepted: " << config;
  for (const auto& part : parts) EXPECT_NE(error.find(part), std::string::npos) << "'" << part << "' not in: " << error;
}

TEST(SweepConfig, AValidConfigResolvesItsDefaults) {
  EXPECT_EQ(sweep_error(with(kX + "," + kY)), "");
  labs::SweepSession session;
  std::string error;
  ASSERT_TRUE(session.configure(json::parse(with(R"("x":{"param":"eps"},"y":{"param":"start_y"})")).value, error)) << error;
  const labs::SweepConfig& c = session.config();
  EXPECT_EQ(c.steps, labs::kDefaultSweepSteps);
  EXPECT_EQ(c.precision, engine::Precision::F32);
  EXPECT_EQ(c.metric, labs::SweepMetric::FinalLoss);
  EXPECT_EQ(c.x.n, 64);
  EXPECT_TRUE(c.x.log);  // eps: a log-scale hyperparameter in the registry
  EXPECT_EQ(c.x.min, 1e-10);
  EXPECT_EQ(c.y.min, -1);  // start_y: rosenbrock's view box
  EXPECT_EQ(c.y.max, 3);
  EXPECT_EQ(c.start[0], -1.5);
  EXPECT_EQ(session.rows(), 64u);
}

TEST(SweepConfig, AxesNameTheFieldAndTheAllowedValues) {
  expect_error(with(R"("x":{"param":"beta3"},)" + kY),
               {"x.param", "unknown adam hyperparameter \"beta3\"", "did you mean \"beta1\"", "start_x"});
  expect_error(with(R"("x":{"param":"amsgrad"},)" + kY), {"x.param", "unknown adam hyperparameter \"amsgrad\""});
  expect_error(with(R"("x":{"param":"momentum"},)" + kY), {"x.param", "\"momentum\"", "Allowed: lr, beta1"});
  expect_error(with(R"("x":{"param":"lr","n":0},)" + kY), {"x.n: must be an integer in [1, 512], got 0"});
  expect_error(with(R"("x":{"param":"lr","n":513},)" + kY), {"x.n", "[1, 512]", "513"});
  expect_error(with(R"("x":{"param":"lr","n":2.5},)" + kY), {"x.n", "integer"});
  expect_error(with(R"("x":{"param":"lr","min":0,"max":1},)" + kY), {"x.min", "(0, 1000]", "got 0"});
  expect_error(with(kX + R"(,"y":{"param":"beta1","min":0,"max":1})"), {"y.max", "[0, 1)", "got 1"});
  expect_error(with(kX + R"(,"y":{"param":"beta2","min":0.9,"max":0.8})"), {"y.max", "greater than y.min (0.9)", "0.8"});
  expect_error(with(kX + R"(,"y":{"param":"weight_decay","min":0,"max":1,"log":true})"), {"y.min", "log axis", "min > 0"});
  expect_error(with(kX + R"(,"y":{"param":"start_y","min":-2e6})"), {"y.min", "[-1000000, 1000000]"});
  expect_error(with(kX + R"(,"y":{"param":"lr"})"), {"y.param", "must differ from x.param", "\"lr\""});
  expect_error(with(kX + R"(,"y":{"param":"beta1","steps":3})"), {"y.steps", "unknown field"});
  expect_error(with(kX + R"(,"y":{"min":0})"), {"y.param", "missing", "Allowed: lr"});
  expect_error(with(kX + R"(,"y":[1,2])"), {"y", "must be an object"});
  expect_error(with(kX), {"y: missing", "param"});
  expect_error(with(kX + R"(,"y":{"param":"beta1","log":"yes"})"), {"y.log", "true or false"});
  expect_error(R"({"optimizer":{"name":"momentum"},"x":{"param":"beta"},"y":{"param":"beta1_decay","min":0}})",
               {"y.min", "(0, 1]"});
  expect_error(R"({"optimizer":{"name":"adagrad"},"x":{"param":"lr"},"y":{"param":"beta1_decay"}})",
               {"y.param", "unknown adagrad hyperparameter \"beta1_decay\""});
}

TEST(SweepConfig, EveryCellMustBeAValidOptimizer) {
  expect_error(R"({"optimizer":{"name":"sgd","momentum":0.9,"nesterov":true},"x":{"param":"lr"},
    "y":{"param":"momentum","min":0,"max":0.9}})", {"y.min", "nesterov", "momentum > 0"});
  EXPECT_EQ(sweep_error(R"({"optimizer":{"name":"sgd","momentum":0.9,"nesterov":true},"x":{"param":"lr"},
    "y":{"param":"momentum","min":0.1,"max":0.9}})"), "");
  expect_error(R"({"optimizer":{"name":"sgd","momentum":0.9,"nesterov":true},"x":{"param":"lr"},
    "y":{"param":"dampening","min":0,"max":0.5}})", {"y.max", "dampening = 0"});
}

TEST(SweepConfig, MetricsAndTheRest) {
  const std::string axes = kX + "," + kY;
  expect_error(with(axes + R"(,"metric":"final_los")"), {"metric", "unknown metric \"final_los\"", "did you mean \"final_loss\""});
  expect_error(with(axes + R"(,"metric":3)"), {"metric", "string"});
  expect_error(with(axes + R"(,"tol":1e-3)"), {"tol", "only used with metric \"steps_to_tol\""});
  expect_error(with(axes + R"(,"metric":"steps_to_tol","tol":0)"), {"tol", "(0, 1000000]"});
  EXPECT_EQ(sweep_error(with(axes + R"(,"metric":"steps_to_tol","tol":1e-3)")), "");
  expect_error(R"({"objective":"saddle","optimizer":{"name":"sgd"},"x":{"param":"lr"},"y":{"param":"start_x"},
    "metric":"nearest_minimum"})", {"metric", "nearest_minimum", "saddle has none"});
  expect_error(with(axes + R"(,"optimizers":[])"), {"optimizers", "unknown field", "did you mean \"optimizer\""});
  expect_error(R"({"x":{"param":"lr"},"y":{"param":"beta1"}})", {"optimizer: missing"});
  expect_error(with(axes + R"(,"precision":"f16")"), {"precision", "\"f32\" or \"f64\""});
  expect_error(with(axes + R"(,"steps":-1)"), {"steps", "[0, 1000000]"});
  expect_error(with(axes + R"(,"start":[1])"), {"start", "two numbers"});
  expect_error(with(axes + R"(,"version":2)"), {"version", "[1, 1]"});
  expect_error(R"({"objective":"rosenbrok","optimizer":{"name":"adam"},)" + axes + "}", {"objective.name", "did you mean"});
  expect_error(R"({"optimizer":{"name":"adam","beta1":2},)" + axes + "}", {"optimizer.beta1", "[0, 1)"});
  expect_error("[]", {"config: must be an object"});
  std::string result, error;
  EXPECT_FALSE(test::lab_command<labs::SweepLab>("{\"steps\":", result, error));
  EXPECT_NE(error.find("JSON syntax error"), std::string::npos) << error;
}

}  // namespace
}  // namespace gs
