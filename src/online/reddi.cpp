// Reddi, Kale & Kumar, "On the Convergence of Adam and Beyond" (ICLR 2018), Section 3: the
// online problem on which Adam's average regret does not go to zero. On x ∈ [−1, 1] (d = 1),
//   f_t(x) = C·x  if t mod 3 = 1,   −x  otherwise,   C > 2.
// The best fixed point is x = −1 (average loss −(C−2)/3 per round); with β1 = 0, β2 = 1/(1+C²)
// and α_t = α/√t Adam drifts to x = +1, so R(t)/t → 2(C−2)/3, while AMSGrad's average regret
// vanishes. Σ_{s≤t} f_s(x) = a_t·x with a_t = C·#{s ≤ t : s mod 3 = 1} − #{the others}: linear,
// so the comparator is a vertex of the domain (closed form, exact).
#include <memory>

#include "online/problems.hpp"

namespace gs::online {

namespace {

class Reddi final : public Problem {
 public:
  Reddi(double C, const Domain& domain) : Problem(1, domain), C_(C) {}

  double loss_and_gradient(const double* x, double* g) const override {
    g[0] = slope_;
    return slope_ * x[0];
  }

  void comparator(Comparator& out, bool) override {
    out.t = t_;
    out.x.resize(1);
    out.loss = domain_.minimize_linear(&sum_, 1, out.x.data());
    out.tolerance = 0;
  }

 private:
  void draw(uint64_t t) override {
    slope_ = t % 3 == 1 ? C_ : -1.0;
    sum_ += slope_;
  }

  double C_;
  double slope_ = 0;
  double sum_ = 0;  // a_t
};

}  // namespace

template <>
std::unique_ptr<Problem> ReddiEntry::make(const std::vector<double>& params, const Domain& domain) {
  return std::make_unique<Reddi>(params[0], domain);
}

template <>
ProblemInfo ReddiEntry::info() {
  return {"reddi",
          "Reddi et al.: Adam does not converge",
          R"(f_t(x) = \begin{cases} C\,x & t \bmod 3 = 1\\ -x & \text{otherwise}\end{cases},\quad x \in [-1, 1])",
          "A one-dimensional linear sequence: a large gradient C once every three rounds, −1 twice. The best fixed "
          "point is x = −1. With β1 = 0, β2 = 0.1 and α/√t, Adam's small second-moment memory forgets the rare large "
          "gradient and drifts to x = +1, so its average regret stays near 2(C−2)/3; AMSGrad keeps the maximum of v "
          "and converges. The counterexample to the Adam paper's Theorem 4.1.",
          "Reddi, Kale & Kumar, On the Convergence of Adam and Beyond, ICLR 2018, Section 3",
          "closed form: Σ f_s is linear, a_t·x, minimised at a vertex (x = −r·sign a_t); exact",
          {{"C", check::ParamType::Real, 3, check::Range{2, 1000, true, false}, 2.01, 100, "log",
            "C > 2: the large gradient of every third round"}},
          1,
          DomainType::Box,
          1,
          1};
}

}  // namespace gs::online
