// Shared helpers of the Google Test suite: fixture files (read from the source tree, also under
// Node through NODERAWFS), the optimizer-case table, quick session runs and a lab's command.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "engine/run_session.hpp"
#include "labs/lab_base.hpp"
#include "optim/registry.hpp"

namespace gs::test {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream file(std::string(GS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

inline json::Value load_json(const std::string& relative) {
  json::ParseResult parsed = json::parse(read_source_file(relative));
  EXPECT_TRUE(parsed.ok()) << relative << ": " << parsed.error;
  return parsed.value;
}

struct OptimizerCase {
  std::string id;
  json::Value optimizer;
  bool whole;        // a whole-vector optimizer (optim/whole/): 2-D runs in f64 only, no kernels, no lanes
  bool interpreted;  // a custom rule (optim/custom/): 2-D runs and sweep lanes, no kernels, no online runs
};

// tests/fixtures/optimizer_cases.json: the one table every table-driven test iterates.
inline const std::vector<OptimizerCase>& optimizer_cases() {
  static const std::vector<OptimizerCase> cases = [] {
    std::vector<OptimizerCase> out;
    json::Value table = load_json("tests/fixtures/optimizer_cases.json");
    for (const auto& c : table.find("cases")->as_array()) {
      const optim::OptimizerInfo* info = optim::find_optimizer(c.find("optimizer")->find("name")->as_string());
      out.push_back({c.find("id")->as_string(), *c.find("optimizer"), info && info->whole, info && info->interpreted()});
    }
    return out;
  }();
  return cases;
}

// The cases of compiled per-coordinate rules: the ones with kernels, sweep lanes and online runs.
inline const std::vector<OptimizerCase>& rule_cases() {
  static const std::vector<OptimizerCase> cases = [] {
    std::vector<OptimizerCase> out;
    for (const auto& c : optimizer_cases())
      if (!c.whole && !c.interpreted) out.push_back(c);
    return out;
  }();
  return cases;
}

// The cases the sweep runs as lanes: the compiled rules' and the custom rules'.
inline const std::vector<OptimizerCase>& lane_cases() {
  static const std::vector<OptimizerCase> cases = [] {
    std::vector<OptimizerCase> out;
    for (const auto& c : optimizer_cases())
      if (!c.whole) out.push_back(c);
    return out;
  }();
  return cases;
}

inline optim::OptimizerSpec parse_spec(const json::Value& v) {
  optim::OptimizerSpec spec;
  std::string error;
  EXPECT_TRUE(optim::parse_optimizer(v, "optimizer", spec, error)) << error;
  return spec;
}

inline optim::OptimizerSpec parse_spec(const std::string& text) {
  json::ParseResult parsed = json::parse(text);
  EXPECT_TRUE(parsed.ok()) << parsed.error;
  return parse_spec(parsed.value);
}

// Configures a session from JSON text and runs it to the end; fails the test on a config error.
inline void run_session(engine::RunSession& session, const std::string& config) {
  json::ParseResult parsed = json::parse(config);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  std::string error;
  ASSERT_TRUE(session.configure(parsed.value, error)) << error;
  session.advance(session.config().steps);
}

// The error message a config produces ("" if it is valid).
// The relative error of `got` against `want` (floor 1e-3 on the denominator, as the fixtures' tolerances).
inline double fixture_error(double got, double want) { return std::fabs(got - want) / std::max(std::fabs(want), 1e-3); }

// The largest relative error (per coordinate and step, floor 1e-3) between a fixture case's
// trajectory and the engine's f64 run of it: the case's objective, start and optimizer for `steps`
// steps (the torch fixtures and the reference ports share this form). A case with "averages" (ASGD's
// running average after every step) is also checked against the run's first-moment curve, which
// is that average. Fails the test, naming `id`, at the first error above `tolerance`.
inline double trajectory_error(const json::Value& c, double steps, double tolerance, const std::string& id) {
  json::Value config{json::Object{}};
  config.set("objective", *c.find("objective"));
  config.set("start", *c.find("start"));
  config.set("steps", steps);
  config.set("precision", "f64");
  config.set("optimizers", json::Value(json::Array{*c.find("optimizer")}));
  const json::Value* averages = c.find("averages");
  engine::RunSession session;
  session.record_diagnostics(averages != nullptr);
  run_session(session, json::serialize(config));
  const engine::Trace& trace = session.trace(0);
  const auto& expected = c.find("trajectory")->as_array();
  EXPECT_EQ(trace.points(), expected.size()) << id;
  double worst = 0;
  for (size_t k = 0; k < std::min<size_t>(trace.points(), expected.size()); ++k) {
    for (size_t i = 0; i < 2; ++i) {
      const double want = expected[k].as_array()[i].as_number();
      const double error = fixture_error(trace.xy[2 * k + i], want);
      worst = std::max(worst, error);
      if (error > tolerance) {
        ADD_FAILURE() << id << " step " << k << " coordinate " << i << ": " << trace.xy[2 * k + i] << " vs the fixture's " << want;
        return error;
      }
    }
  }
  if (!averages) return worst;
  const auto& expected_averages = averages->as_array();
  EXPECT_EQ(trace.points(), expected_averages.size() + 1) << id << " averages";
  for (size_t k = 1; k < std::min<size_t>(trace.points(), expected_averages.size() + 1); ++k) {
    for (size_t i = 0; i < 2; ++i) {
      const double want = expected_averages[k - 1].as_array()[i].as_number();
      const double got = trace.diagnostics[engine::kDiagnosticsPerPoint * k + 3 + i];  // first_x, first_y
      const double error = fixture_error(got, want);
      worst = std::max(worst, error);
      if (error > tolerance) {
        ADD_FAILURE() << id << " average after step " << k << " coordinate " << i << ": " << got << " vs the fixture's " << want;
        return error;
      }
    }
  }
  return worst;
}

inline std::string config_error(const std::string& config) {
  json::ParseResult parsed = json::parse(config);
  if (!parsed.ok()) return parsed.error;
  engine::RunSession session;
  std::string error;
  session.configure(parsed.value, error);
  return error;
}

// Lab's command (`gradscape_native <lab> CONFIG`) on the config's JSON text.
template <class Lab>
bool lab_command(const std::string& config, std::string& result, std::string& error) {
  labs::CommandInput input;
  input.config = config;
  return Lab::command(input, result, error);
}

}  // namespace gs::test
