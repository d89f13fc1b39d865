// Bad regret configs answer with one line naming the field and the allowed range.
#include "online_test_support.hpp"

namespace gs {
namespace {

void expect_error(const std::string& config, const std::vector<std::string>& parts) {
  const std::string error = test::regret_config_error(config);
  ASSERT_FALSE(error.empty()) << "accepted: " << config;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  for (const auto& part : parts) EXPECT_NE(error.find(part), std::string::npos) << "'" << part << "' not in: " << error;
}

TEST(OnlineConfig, BadFieldsAreNamed) {
  expect_error("[1]", {"config: must be an object"});
  expect_error(R"({"steps":10})", {"steps", "unknown field", "Allowed: version, problem, domain, start, T"});
  expect_error(R"({"version":2})", {"version", "[1, 1]"});
  expect_error(R"({"problem":"redi"})", {"problem.name", "unknown problem \"redi\"", "did you mean \"reddi\""});
  expect_error(R"({"problem":{"params":{}}})", {"problem.name", "missing", "online_logistic"});
  expect_error(R"({"problem":{"name":"reddi","param":{}}})", {"problem.param", "did you mean \"params\""});
  expect_error(R"({"problem":{"name":"reddi","params":{"C":2}}})", {"problem.params.C", "(2, 1000]", "got 2"});
  expect_error(R"({"problem":{"name":"reddi","params":{"c":3}}})", {"problem.params.c", "did you mean \"C\""});
  expect_error(R"({"problem":{"name":"online_logistic","params":{"d":0}}})", {"problem.params.d", "[1, 100000]"});
  expect_error(R"({"problem":{"name":"online_logistic","params":{"d":200000}}})", {"problem.params.d"});
  expect_error(R"({"problem":{"name":"online_logistic","params":{"words":2.5}}})", {"problem.params.words", "integer"});
  expect_error(R"({"problem":{"name":"online_logistic","params":{"label_noise":0.7}}})",
               {"problem.params.label_noise", "[0, 0.5]"});
  expect_error(R"({"problem":{"name":"sparse_adversarial","params":{"alpha":"two"}}})",
               {"problem.params.alpha", "\"two\""});
  expect_error(R"({"problem":{"name":"online_quadratic","params":{"period":1}}})", {"problem.params.period", "[2,"});
  expect_error(R"({"domain":"box"})", {"domain: must be an object"});
  expect_error(R"({"domain":{"type":"cube"}})", {"domain.type", "unknown domain type \"cube\"", "box, ball"});
  expect_error(R"({"domain":{"type":"box","radius":0}})", {"domain.radius", "(0, 1000000]"});
  expect_error(R"({"domain":{"type":"ball","size":1}})", {"domain.size", "unknown field"});
  expect_error(R"({"start":[1,2]})", {"start", "d = 1", "an array of 2"});
  expect_error(R"({"problem":{"name":"online_linear","params":{"d":3}},"start":[1,2]})", {"start", "d = 3"});
  expect_error(R"({"problem":{"name":"online_linear","params":{"d":2}},"start":[1,"x"]})", {"start[1]", "\"x\""});
  expect_error(R"({"start":"one"})", {"start", "one number", "a string"});
  expect_error(R"({"start":1e7})", {"start", "[-1000000, 1000000]"});
  expect_error(R"({"T":0})", {"T", "[1, 10000000]"});
  expect_error(R"({"T":20000000})", {"T", "[1, 10000000]"});
  expect_error(R"({"T":10.5})", {"T", "integer"});
  expect_error(R"({"T":100,"record_every":0})", {"record_every", "[1, 100]"});
  expect_error(R"({"T":100,"record_every":101})", {"record_every", "[1, 100]"});
  expect_error(R"({"T":10000000,"record_every":10})", {"record_every", "[100, 10000000]", "at most 100000 record points"});
  expect_error(R"({"problem":{"name":"online_logistic","params":{"words":100}},"T":1000000})",
               {"T", "T × words must be at most 40000000"});
  expect_error(R"({"optimizers":[]})", {"optimizers", "1 to 16"});
  expect_error(R"({"optimizers":[{"name":"adma"}]})", {"optimizers[0].name", "did you mean \"adam\""});
  expect_error(R"({"optimizers":[{"name":"adam","beta2":1}]})", {"optimizers[0].beta2", "[0, 1)"});
  expect_error(R"({"optimizers":[{"name":"sgd"},{"name":"adam","schedule":"inv_sqr"}]})",
               {"optimizers[1].schedule.name", "did you mean \"inv_sqrt\""});
  expect_error(R"({"T": 10,)", {"JSON syntax error at line 1"});
}

TEST(OnlineConfig, EdgesAreAccepted) {
  for (const char* config : {R"({"T":1})", R"({"T":10000000})", R"({"T":10000000,"record_every":100})",
                             R"({"problem":{"name":"reddi","params":{"C":1000}}})", R"({"start":-1e6})",
                             R"({"problem":{"name":"online_logistic","params":{"words":40}},"T":1000000})",
                             R"({"problem":{"name":"online_linear","params":{"d":100000}},"start":0})"})
    EXPECT_EQ(test::regret_config_error(config), "") << config;
}

}  // namespace
}  // namespace gs
