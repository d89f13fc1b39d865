// The regret config (docs/schema.md, version 1): an online problem with its parameters, a domain
// (box or L2 ball), a start point, the number of rounds T, how often to record, and up to 16
// optimizers (the run config's optimizer objects and validation), described once by
// regret_config_table(). parse_regret_config validates everything once and names the failing field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "online/domain.hpp"
#include "online/problem.hpp"
#include "optim/spec.hpp"
#include "schema/table.hpp"

namespace gs::labs {

inline constexpr uint64_t kMaxRounds = 10000000;
inline constexpr uint64_t kMaxRecords = 100000;

struct ProblemConfig {
  const online::ProblemInfo* info = nullptr;
  std::vector<double> params;  // in the registry's order
  size_t d = 1;
};

struct RegretConfig {
  ProblemConfig problem;
  online::Domain domain;
  std::vector<double> start;  // d values, as given (before the projection)
  uint64_t T = 1000;
  uint64_t record_every = 1;
  std::vector<optim::OptimizerSpec> optimizers;

  // Record points so far: t = record_every, 2·record_every, …, and T.
  uint64_t record_count() const { return T / record_every + (T % record_every != 0); }
  bool is_record_point(uint64_t t) const { return t % record_every == 0 || t == T; }
};

bool parse_regret_config(const json::Value& config, RegretConfig& out, std::string& error);
const schema::Table<RegretConfig>& regret_config_table();

json::Value problem_json(const ProblemConfig& problem);
json::Value domain_json(const online::Domain& domain);

}  // namespace gs::labs
