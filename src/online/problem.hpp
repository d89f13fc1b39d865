// Online convex optimization (Zinkevich, ICML 2003): in round t the learner plays x_t from a
// convex domain, then the convex loss f_t is revealed and the learner pays f_t(x_t). Regret
// against the best fixed point in hindsight: R(t) = Σ_{s≤t} f_s(x_s) − min_{x ∈ domain} Σ_{s≤t} f_s(x).
//
// A Problem is a seeded, reproducible sequence f_1, f_2, …: next_round() draws f_t (t = 1, 2, …
// in order, the same f_t for every optimizer of a session), loss_and_gradient() evaluates it at
// any point, and comparator() gives the best fixed point in hindsight of the rounds so far. Every
// transcendental function goes through gs::dm and every random number through gs::rng, so a
// config gives the same bits natively and in wasm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "online/domain.hpp"
#include "optim/registry.hpp"

namespace gs::online {

// The best fixed point in hindsight of Σ_{s≤t} f_s. The exact minimum lies in
// [loss − tolerance, loss]: closed forms have tolerance 0, an iterative solve reports its
// duality gap.
struct Comparator {
  uint64_t t = 0;
  std::vector<double> x;
  double loss = 0;
  double tolerance = 0;
};

class Problem {
 public:
  Problem(size_t d, const Domain& domain) : d_(d), domain_(domain) {}
  virtual ~Problem() = default;
  Problem(const Problem&) = delete;
  Problem& operator=(const Problem&) = delete;

  size_t dimension() const { return d_; }
  const Domain& domain() const { return domain_; }
  uint64_t round() const { return t_; }

  // Draws f_t for t = round() + 1 and adds it to the hindsight sum.
  void next_round() { draw(++t_); }
  // f_t(x) for the current round, and ∇f_t(x) into g. A dense problem writes all d coordinates
  // of g; a sparse one only those listed in support(), and the caller keeps g zero elsewhere.
  virtual double loss_and_gradient(const double* x, double* g) const = 0;
  bool sparse() const { return sparse_; }
  const std::vector<uint32_t>& support() const { return support_; }
  // The best fixed point in hindsight of Σ_{s≤round()} f_s over the domain. `last`: the final
  // record point of the session (an iterative comparator then always solves).
  virtual void comparator(Comparator& out, bool last) = 0;

 protected:
  virtual void draw(uint64_t t) = 0;

  size_t d_;
  Domain domain_;
  uint64_t t_ = 0;
  bool sparse_ = false;
  std::vector<uint32_t> support_;  // sparse problems: coordinates of ∇f_t that may be non-zero
};

// Extra validation of a problem's parameters against the run length; "" when fine.
using ProblemCheck = std::string (*)(const std::vector<double>& params, uint64_t T);

// Registry metadata: the UI and the config validation are generated from it (what runs a problem
// is its entry's make(), src/online/problems.hpp). Parameters are
// described like optimizer hyperparameters (default, range, slider range and scale).
struct ProblemInfo {
  const char* name;
  const char* display_name;
  const char* latex;        // f_t(x)
  const char* description;  // one paragraph, for the UI
  const char* source;       // the paper it comes from
  const char* comparator;   // how the best fixed point in hindsight is found
  std::vector<optim::HyperInfo> params;
  size_t fixed_dimension;   // 0: the parameter "d" sets the dimension
  DomainType default_domain;
  double default_radius;
  double default_start;     // broadcast to every coordinate
  ProblemCheck check = nullptr;
};

const std::vector<ProblemInfo>& problem_registry();
const ProblemInfo* find_problem(std::string_view name);
// The value of parameter `name` in `params` (registry order).
double param(const ProblemInfo& info, const std::vector<double>& params, std::string_view name);
size_t dimension(const ProblemInfo& info, const std::vector<double>& params);

}  // namespace gs::online
