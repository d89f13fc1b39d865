// The parameter sets the objective tests run every entry with, and how a failure names one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "objectives/objective_info.hpp"

namespace gs::test {

inline std::vector<double> default_params(const objectives::ObjectiveInfo& info) {
  std::vector<double> p;
  for (const auto& q : info.params) p.push_back(q.default_value);
  return p;
}

// The defaults, the range ends and `draws` seeded draws from the ranges (stream `seed`).
inline std::vector<std::vector<double>> param_sets(const objectives::ObjectiveInfo& info, std::uint64_t draws,
                                                   std::uint64_t seed) {
  std::vector<std::vector<double>> sets = {default_params(info)};
  if (info.params.empty()) return sets;
  std::vector<double> lo, hi;
  for (const auto& q : info.params) {
    lo.push_back(q.min);
    hi.push_back(q.max);
  }
  sets.push_back(lo);
  sets.push_back(hi);
  for (std::uint64_t k = 0; k < draws; ++k) {
    std::vector<double> p;
    for (std::size_t i = 0; i < info.params.size(); ++i) {
      const double u = rng::uniform01(seed, i, k);
      p.push_back(info.params[i].min + u * (info.params[i].max - info.params[i].min));
    }
    sets.push_back(p);
  }
  return sets;
}

// "name a=1.000000 b=100.000000"
inline std::string describe(const objectives::ObjectiveInfo& info, const std::vector<double>& p) {
  std::string s = info.name;
  for (std::size_t i = 0; i < p.size(); ++i) s += " " + std::string(info.params[i].name) + "=" + std::to_string(p[i]);
  return s;
}

}  // namespace gs::test
