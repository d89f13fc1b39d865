// The problem registry: every online problem of AllProblems, in its order, looked up by name.
#include <string_view>
#include <vector>

#include "online/problems.hpp"

namespace gs::online {

optim::HyperInfo dimension_param(double default_value, const char* description) {
  return {"d", check::ParamType::Integer, default_value, check::Range{1, 100000}, 1, 100000, "log", description};
}

optim::HyperInfo seed_param() {
  return {"seed", check::ParamType::Integer, 1, check::Range{0, 9007199254740991.0}, 0, 100, "linear",
          "seed of the counter-based RNG (Philox): the same seed gives the same sequence everywhere"};
}

const std::vector<ProblemInfo>& problem_registry() {
  static const std::vector<ProblemInfo> registry = [] {
    std::vector<ProblemInfo> list;
    AllProblems::for_each([&](auto entry, size_t) { list.push_back(decltype(entry)::info()); });
    return list;
  }();
  return registry;
}

const ProblemInfo* find_problem(std::string_view name) {
  for (const auto& p : problem_registry())
    if (name == p.name) return &p;
  return nullptr;
}

double param(const ProblemInfo& info, const std::vector<double>& params, std::string_view name) {
  for (size_t i = 0; i < info.params.size(); ++i)
    if (name == info.params[i].name) return i < params.size() ? params[i] : info.params[i].default_value;
  return 0;
}

size_t dimension(const ProblemInfo& info, const std::vector<double>& params) {
  return info.fixed_dimension ? info.fixed_dimension : static_cast<size_t>(param(info, params, "d"));
}

}  // namespace gs::online
