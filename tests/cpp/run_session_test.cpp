// The session: result schema, determinism, noise, f32 runs, the player's incremental
// advance, and the table-driven convergence of every optimizer case.
#include <cmath>

#include "test_support.hpp"

namespace gs {
namespace {

TEST(Convergence, EveryCaseReachesTheQuadraticsMinimum) {
  json::Value table = test::load_json("tests/fixtures/optimizer_cases.json");
  const json::Value& setup = *table.find("convergence");
  double tol = setup.find("tol")->as_number();
  for (const auto& c : test::optimizer_cases()) {
    for (const char* precision : {"f64", "f32"}) {
      if (c.whole && std::string_view(precision) == "f32") continue;  // whole-vector optimizers run in f64 only
      json::Value config{json::Object{}};
      config.set("objective", *setup.find("objective"));
      config.set("start", *setup.find("start"));
      config.set("steps", *setup.find("steps"));
      config.set("precision", precision);
      config.set("optimizers", json::Value(json::Array{c.optimizer}));
      engine::RunSession session;
      test::run_session(session, json::serialize(config));
      const engine::Trace& trace = session.trace(0);
      ASSERT_FALSE(trace.diverged) << c.id << " " << precision << ": " << trace.divergence;
      double closest = INFINITY, last = 0;
      for (size_t k = 0; k < trace.points(); ++k) {
        last = std::hypot(trace.xy[2 * k], trace.xy[2 * k + 1]);
        closest = std::min(closest, last);
      }
      EXPECT_LT(closest, tol) << c.id << " " << precision << " comes no closer than " << closest;
      EXPECT_LT(last, 100 * tol) << c.id << " " << precision << " ends at distance " << last;
    }
  }
}

TEST(RunSession, ResultFollowsTheSchema) {
  engine::RunSession session;
  test::run_session(session, R"({"version":1,"objective":{"name":"rosenbrock","params":{"a":1,"b":100}},
    "start":[-1.5,2],"steps":50,"precision":"f64","optimizers":[{"name":"adam","lr":0.01,"label":"Adam fast"},
    {"name":"sgd","lr":0.0001,"momentum":0.9}]})");
  json::ParseResult result = json::parse(session.result_json());
  ASSERT_TRUE(result.ok()) << result.error;
  const json::Value& r = result.value;
  EXPECT_EQ(r.find("version")->as_number(), 1);
  EXPECT_EQ(r.find("objective")->find("params")->find("b")->as_number(), 100);
  const auto& runs = r.find("runs")->as_array();
  ASSERT_EQ(runs.size(), 2u);
  for (const auto& run : runs) {
    EXPECT_EQ(run.find("trajectory")->as_array().size(), 51u);
    EXPECT_EQ(run.find("loss")->as_array().size(), 51u);
    EXPECT_EQ(run.find("status")->as_string(), "ok");
    EXPECT_TRUE(run.find("diverged_at")->is_null());
  }
  const json::Value& adam = *runs[0].find("optimizer");
  EXPECT_EQ(adam.find("label")->as_string(), "Adam fast");
  EXPECT_EQ(adam.find("beta2")->as_number(), 0.999);
  EXPECT_EQ(adam.find("amsgrad")->as_bool(), false);
  EXPECT_EQ(adam.find("schedule")->find("name")->as_string(), "constant");
  EXPECT_EQ(runs[0].find("trajectory")->as_array()[0].as_array()[0].as_number(), -1.5);
  EXPECT_NEAR(runs[0].find("loss")->as_array()[0].as_number(), 2.5 * 2.5 + 100 * 0.25 * 0.25, 1e-12);
}

TEST(RunSession, ResultJsonRoundTripsThroughTheConfig) {
  engine::RunSession a;
  test::run_session(a, R"({"objective":"himmelblau","steps":30,"optimizers":[{"name":"rmsprop","lr":0.01,"centered":true}]})");
  json::ParseResult result = json::parse(a.result_json());
  json::Value config{json::Object{}};
  config.set("objective", *result.value.find("objective"));
  config.set("start", *result.value.find("start"));
  config.set("steps", *result.value.find("steps"));
  config.set("precision", *result.value.find("precision"));
  config.set("optimizers", json::Value(json::Array{*result.value.find("runs")->as_array()[0].find("optimizer")}));
  engine::RunSession b;
  test::run_session(b, json::serialize(config));
  EXPECT_EQ(a.result_json(), b.result_json());
}

TEST(RunSession, AdvanceInPiecesEqualsOneRun) {
  const char* config = R"({"objective":"beale","start":[1,1],"steps":333,"optimizers":[{"name":"nadam","lr":0.01},{"name":"nag","lr":0.001}]})";
  engine::RunSession whole, pieces;
  test::run_session(whole, config);
  json::ParseResult parsed = json::parse(config);
  std::string error;
  ASSERT_TRUE(pieces.configure(parsed.value, error));
  uint64_t total = 0;
  while (!pieces.finished()) total += pieces.advance(17);
  EXPECT_EQ(total, 333u);
  EXPECT_EQ(pieces.advance(5), 0u);
  EXPECT_EQ(whole.result_json(), pieces.result_json());
  pieces.reset();
  EXPECT_EQ(pieces.trace(0).points(), 1u);
}

TEST(RunSession, NoiseIsSeededAndSharedByEveryOptimizer) {
  auto run_with_seed = [](int seed) {
    engine::RunSession s;
    test::run_session(s, R"({"objective":{"name":"quadratic","noise":{"sigma":0.5,"sparsity":0.3,"seed":)" +
                             std::to_string(seed) + R"(}},"steps":40,"optimizers":[{"name":"sgd","lr":0.01},{"name":"sgd","lr":0.01}]})");
    return s.result_json();
  };
  std::string a = run_with_seed(1), b = run_with_seed(1), c = run_with_seed(2);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  engine::RunSession s;
  test::run_session(s, R"({"objective":{"name":"quadratic","noise":{"sigma":0.5,"seed":3}},"steps":40,
    "optimizers":[{"name":"sgd","lr":0.01},{"name":"sgd","lr":0.01}]})");
  EXPECT_EQ(s.trace(0).xy, s.trace(1).xy);
  engine::RunSession clean;
  test::run_session(clean, R"({"objective":"quadratic","steps":40,"optimizers":[{"name":"sgd","lr":0.01}]})");
  EXPECT_NE(clean.trace(0).xy, s.trace(0).xy);
}

TEST(RunSession, Float32RunsInFloat32) {
  engine::RunSession f32, f64;
  test::run_session(f32, R"({"precision":"f32","steps":100,"optimizers":[{"name":"adam","lr":0.01}]})");
  test::run_session(f64, R"({"precision":"f64","steps":100,"optimizers":[{"name":"adam","lr":0.01}]})");
  for (double v : f32.trace(0).xy) EXPECT_EQ(v, double(float(v)));
  EXPECT_NE(f32.trace(0).xy, f64.trace(0).xy);
  EXPECT_NEAR(f32.trace(0).xy.back(), f64.trace(0).xy.back(), 1e-4);
}

TEST(RunSession, ZeroStepsGivesTheStartOnly) {
  engine::RunSession s;
  test::run_session(s, R"({"steps":0,"start":[0.5,0.25]})");
  EXPECT_EQ(s.trace(0).points(), 1u);
  EXPECT_TRUE(s.finished());
}

}  // namespace
}  // namespace gs

namespace gs {
namespace {

TEST(RunSession, DiagnosticsRecordGradientsLrAndMoments) {
  json::ParseResult parsed = json::parse(R"({"objective":"booth","start":[0,0],"steps":3,
    "optimizers":[{"name":"adam","lr":0.1,"schedule":"inv_sqrt"},{"name":"sgd","lr":0.01},{"name":"rmsprop","lr":0.01}]})");
  engine::RunSession session;
  session.record_diagnostics(true);
  std::string error;
  ASSERT_TRUE(session.configure(parsed.value, error)) << error;
  session.advance(3);
  const auto& adam = session.trace(0).diagnostics;
  ASSERT_EQ(adam.size(), engine::kDiagnosticsPerPoint * 4);
  for (size_t k = 0; k < engine::kDiagnosticsPerPoint; ++k) EXPECT_TRUE(std::isnan(adam[k]));
  // Booth at (0, 0): ∇f = (2(−7) + 4(−5), 4(−7) + 2(−5)) = (−34, −38).
  const double* first = adam.data() + engine::kDiagnosticsPerPoint;
  EXPECT_EQ(first[0], -34);
  EXPECT_EQ(first[1], -38);
  EXPECT_DOUBLE_EQ(first[2], 0.1);
  EXPECT_NEAR(first[3], -34, 1e-12);   // m̂1 = g1
  EXPECT_NEAR(first[4], -38, 1e-12);
  EXPECT_NEAR(first[5], 34 * 34, 1e-9);  // v̂1 = g1²
  EXPECT_DOUBLE_EQ(adam[2 * engine::kDiagnosticsPerPoint + 2], 0.1 / std::sqrt(2.0));
  const double* sgd = session.trace(1).diagnostics.data() + engine::kDiagnosticsPerPoint;
  EXPECT_TRUE(std::isnan(sgd[3]) && std::isnan(sgd[5]));
  const double* rms = session.trace(2).diagnostics.data() + engine::kDiagnosticsPerPoint;
  EXPECT_TRUE(std::isnan(rms[3]));
  EXPECT_NEAR(rms[5], 0.01 * 34 * 34, 1e-9);
  engine::RunSession plain;
  test::run_session(plain, R"({"steps":3})");
  EXPECT_TRUE(plain.trace(0).diagnostics.empty());
}

}  // namespace
}  // namespace gs
