// A sparse linear sequence on which non-adaptive online gradient descent is provably worse than
// AdaGrad: one global step size cannot suit a dense, oscillating feature and rare, consistent ones.
// It follows the sparse-feature setting of Duchi, Hazan & Singer (JMLR 2011, Section 1.3:
// feature i present with probability ∝ i^−α) and the per-coordinate argument of McMahan &
// Streeter (COLT 2010). On the box [−r, r]^d, f_t(x) = ⟨g_t, x⟩ with
//   coordinate 0:       g_{t,0} = +1 on odd rounds, −1 on even rounds (dense, oscillating);
//   coordinate i ≥ 1:   active with probability p_i = i^−α, and then g_{t,i} = s_i, a fixed seeded sign.
// OGD, x_{t+1} = Π(x_t − η g_t) with one global η: coordinate 0 costs about min(η, r)/2 per round,
// ≈ ηT/2. A rare coordinate moves η per activation, so it needs r/η activations to reach its best
// value −r·s_i and pays ≈ r per activation until then. For α = 2 the coordinates up to
// N = √(Tη/r) get there, at ≈ r²/(2η) each, and the rarer ones pay ≈ r per activation,
// Σ_{i>N} rT/i² ≈ rT/N: R(T) ≳ ηT/2 + (3/2)·r^{3/2}·√(T/η) ≥ c·r·T^{2/3} for every η (once
// d ≥ √(Tη/r)); an α/√t schedule only shrinks the steps further. AdaGrad's step on coordinate i,
// η·g/√(Σ_s g_{s,i}²), is η at the coordinate's first activation: with η ≥ r it jumps to the best
// vertex at once, so each coordinate that ever appears costs at most r (≈ r·√T of them for α = 2),
// and coordinate 0 costs ≈ η√T. R(T) = O((r + η)√T) against Ω(r·T^{2/3}).
//
// Sampling the active set costs O(log d) per round, not O(d): coordinate 1 is always active
// (p_1 = 1), the others are grouped in dyadic blocks [2^b, 2^{b+1}), b ≥ 1, whose largest
// probability is q_b = 2^{−bα} < 1; candidates are visited by
// geometric skips with probability q_b and kept with probability p_i/q_b (thinning), each draw a
// Philox block keyed by (seed, block, draw, t). The comparator is linear: a vertex of the box.
#include <algorithm>
#include <cmath>
#include <memory>

#include "core/detmath.hpp"
#include "core/rng.hpp"
#include "online/problems.hpp"

namespace gs::online {

namespace {

constexpr uint64_t kSignStream = 3ULL << 40;
constexpr uint64_t kSkipStream = 4ULL << 40;

class SparseAdversarial final : public Problem {
 public:
  SparseAdversarial(const std::vector<double>& params, const Domain& domain)
      : Problem(static_cast<size_t>(params[0]), domain),
        alpha_(params[1]),
        seed_(static_cast<uint64_t>(params[2])),
        sign_(d_),
        sum_(d_, 0.0) {
    sparse_ = true;
    for (size_t i = 0; i < d_; ++i) sign_[i] = rng::bits(seed_, kSignStream, i) & 1 ? 1.0 : -1.0;
    for (size_t lo = 2; lo < d_; lo *= 2) {
      const double q = dm::pow(static_cast<double>(lo), -alpha_);
      block_q_.push_back(q);
      block_log1m_q_.push_back(dm::log(1 - q));
    }
  }

  double loss_and_gradient(const double* x, double* g) const override {
    double loss = 0;
    for (size_t k = 0; k < support_.size(); ++k) {
      const uint32_t i = support_[k];
      g[i] = value_[k];
      loss += value_[k] * x[i];
    }
    return loss;
  }

  void comparator(Comparator& out, bool) override {
    out.t = t_;
    out.x.resize(d_);
    out.loss = domain_.minimize_linear(sum_.data(), d_, out.x.data());
    out.tolerance = 0;
  }

 private:
  void activate(size_t i, double v) {
    support_.push_back(static_cast<uint32_t>(i));
    value_.push_back(v);
    sum_[i] += v;
  }

  void draw(uint64_t t) override {
    support_.clear();
    value_.clear();
    activate(0, t % 2 == 1 ? 1.0 : -1.0);
    if (d_ > 1) activate(1, sign_[1]);  // p_1 = 1
    size_t lo = 2;
    for (size_t b = 0; b < block_q_.size(); ++b, lo *= 2) {
      const size_t hi = std::min(2 * lo, d_);
      const double q = block_q_[b];
      size_t next = lo;  // the first position the next skip may land on
      for (uint64_t k = 0;; ++k) {
        const rng::Block r = rng::block(seed_, kSkipStream + (static_cast<uint64_t>(b) << 32) + k, t);
        const double skip = std::floor(dm::log(rng::to_open01(r.v0)) / block_log1m_q_[b]);
        if (!(skip < static_cast<double>(hi - next))) break;
        const size_t i = next + static_cast<size_t>(skip);
        if (rng::to_open01(r.v1) * q < dm::pow(static_cast<double>(i), -alpha_)) activate(i, sign_[i]);
        next = i + 1;
      }
    }
  }

  double alpha_;
  uint64_t seed_;
  std::vector<double> sign_;  // s_i
  std::vector<double> sum_;   // Σ_{s≤t} g_s
  std::vector<double> value_;  // g_{t,i} for i in support_
  std::vector<double> block_q_, block_log1m_q_;
};

}  // namespace

template <>
std::unique_ptr<Problem> SparseAdversarialEntry::make(const std::vector<double>& params, const Domain& domain) {
  return std::make_unique<SparseAdversarial>(params, domain);
}

template <>
ProblemInfo SparseAdversarialEntry::info() {
  using check::ParamType;
  using check::Range;
  return {"sparse_adversarial",
          "Sparse features: AdaGrad vs OGD",
          R"(f_t(x) = \langle g_t, x\rangle,\ \ g_{t,0} = (-1)^{t+1},\ \ g_{t,i} = s_i\,[\text{feature } i \text{ active}],\ \ P(\text{active}) = i^{-\alpha})",
          "Linear losses on the hypercube with one dense feature whose sign alternates every round and many rare "
          "features, feature i present with probability i⁻ᵅ and always with the same sign. A large global step "
          "makes online gradient descent pay on the oscillating feature every round; a small one leaves the rare "
          "features far from their best value. AdaGrad's per-coordinate steps do both: regret O(√T) against "
          "Ω(T²ᐟ³) for any fixed or α/√t global step (α = 2). After Duchi, Hazan & Singer (2011, §1.3) and "
          "McMahan & Streeter (2010).",
          "Duchi, Hazan & Singer, Adaptive Subgradient Methods, JMLR 2011, Section 1.3; McMahan & Streeter, "
          "Adaptive Bound Optimization for Online Convex Optimization, COLT 2010",
          "closed form: Σ f_s is linear, minimised at a vertex of the box (−r·S/‖S‖ on the ball); exact",
          {dimension_param(1000, "dimension d: the dense feature 0 and d − 1 rare ones"),
           {"alpha", ParamType::Real, 2, Range{0.5, 4}, 0.5, 4, "linear",
            "α: feature i ≥ 1 is present with probability i⁻ᵅ (α ≥ 2: the provable T²ᐟ³ vs √T gap)"},
           seed_param()},
          0,
          DomainType::Box,
          1,
          0};
}

}  // namespace gs::online
