// The regret lab's problem factory: the entry of AllProblems at the registry's position of `info`.
// Only code that runs problems calls it, so only those modules link them.
#include "online/problems.hpp"

namespace gs::online {

std::unique_ptr<Problem> make_problem(const ProblemInfo& info, const std::vector<double>& params, const Domain& domain) {
  const size_t index = static_cast<size_t>(&info - problem_registry().data());
  return AllProblems::visit(index, [&](auto entry) { return decltype(entry)::make(params, domain); });
}

}  // namespace gs::online
