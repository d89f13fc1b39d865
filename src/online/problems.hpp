// The online problems of the regret lab, one file each. AllProblems lists them in UI order: the
// registry (registry.cpp) reads each one's info(), the regret lab's make_problem() its make(), so
// a module that only describes the problems (the core module's registry) does not link them.
#pragma once

#include <memory>
#include <vector>

#include "core/type_list.hpp"
#include "online/problem.hpp"

namespace gs::online {

// A problem of the list: its .cpp defines both members (template <> ProblemInfo ReddiEntry::info()).
template <class Tag>
struct ProblemEntry {
  static ProblemInfo info();
  static std::unique_ptr<Problem> make(const std::vector<double>& params, const Domain& domain);
};
using ReddiEntry = ProblemEntry<struct ReddiTag>;                          // reddi.cpp
using OnlineLogisticEntry = ProblemEntry<struct OnlineLogisticTag>;        // online_logistic.cpp
using SparseAdversarialEntry = ProblemEntry<struct SparseAdversarialTag>;  // sparse_adversarial.cpp
using OnlineLinearEntry = ProblemEntry<struct OnlineLinearTag>;            // drift_problems.cpp
using OnlineQuadraticEntry = ProblemEntry<struct OnlineQuadraticTag>;      // drift_problems.cpp

using AllProblems =
    TypeList<ReddiEntry, OnlineLogisticEntry, SparseAdversarialEntry, OnlineLinearEntry, OnlineQuadraticEntry>;

// The problem `info` (an entry of problem_registry()) with its parameters, on its domain.
std::unique_ptr<Problem> make_problem(const ProblemInfo& info, const std::vector<double>& params, const Domain& domain);

// Parameters shared by several problems.
optim::HyperInfo dimension_param(double default_value, const char* description);
optim::HyperInfo seed_param();

}  // namespace gs::online
