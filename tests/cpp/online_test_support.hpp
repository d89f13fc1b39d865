// Helpers of the regret-lab tests (tests/cpp/online_*_test.cpp): regret sessions from JSON text,
// problems built from the registry, and a least-squares slope.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "labs/regret/regret_session.hpp"
#include "online/problems.hpp"

namespace gs::test {

// Configures a regret session from JSON text and plays it to the end; fails the test on a config error.
inline void run_regret(labs::RegretSession& session, const std::string& config) {
  json::ParseResult parsed = json::parse(config);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  std::string error;
  ASSERT_TRUE(session.configure(parsed.value, error)) << error;
  session.advance(session.config().T);
}

// The error message a regret config produces ("" if it is valid).
inline std::string regret_config_error(const std::string& config) {
  json::ParseResult parsed = json::parse(config);
  if (!parsed.ok()) return parsed.error;
  labs::RegretConfig out;
  std::string error;
  labs::parse_regret_config(parsed.value, out, error);
  return error;
}

// A problem from the registry with the defaults, overridden by `params` ({name, value} pairs).
inline std::unique_ptr<online::Problem> make_problem(const std::string& name,
                                                     const std::vector<std::pair<std::string, double>>& params,
                                                     const online::Domain& domain) {
  const online::ProblemInfo* info = online::find_problem(name);
  EXPECT_NE(info, nullptr) << name;
  std::vector<double> values;
  for (const auto& p : info->params) {
    double v = p.default_value;
    for (const auto& [key, value] : params)
      if (key == p.name) v = value;
    values.push_back(v);
  }
  return online::make_problem(*info, values, domain);
}

// Least-squares slope of log y against log x.
inline double log_log_slope(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    mx += std::log(x[i]);
    my += std::log(y[i]);
  }
  mx /= static_cast<double>(x.size());
  my /= static_cast<double>(x.size());
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (std::log(x[i]) - mx) * (std::log(y[i]) - my);
    sxx += (std::log(x[i]) - mx) * (std::log(x[i]) - mx);
  }
  return sxy / sxx;
}

}  // namespace gs::test
