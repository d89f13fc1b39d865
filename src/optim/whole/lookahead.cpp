// Lookahead (lookahead.hpp), following tests/fixtures/ports/lookahead.py, Port.step(), line for line.
#include "optim/whole/lookahead.hpp"

#include <cmath>

#include "core/check.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry_fields.hpp"

namespace gs::optim::whole {
namespace {

constexpr const char* kPullbackNames[] = {"none", "reset", "pullback"};

Pullback pullback_of(const OptimizerSpec& spec) {
  return static_cast<Pullback>(static_cast<int>(spec.own[LookaheadOwn::pullback_momentum]));
}

// The optimizer of the fast weights: spec.inner (Adam's defaults for a spec made without one, as
// default_spec makes it) with the wrapper's lr.
OptimizerSpec inner_spec(const OptimizerSpec& spec) {
  OptimizerSpec inner = spec.inner ? *spec.inner : default_spec("adam");
  inner.lr = spec.lr;
  return inner;
}

class Lookahead final : public WholeOptimizer {
 public:
  explicit Lookahead(const OptimizerSpec& spec)
      : inner_(inner_spec(spec), 2), k_(static_cast<uint64_t>(spec.own[LookaheadOwn::k])),
        alpha_(spec.own[LookaheadOwn::alpha]), pullback_(pullback_of(spec)) {}

  void step(uint64_t, double x[2], Oracle& f) override {
    if (!started_) {  // Lookahead.__init__: cache the start point as the slow weights
      slow_[0] = x[0], slow_[1] = x[1];
      started_ = true;
    }
    double point[2], g[2];
    inner_.gradient_point(x, point);
    gradient_at(f, point, g);
    inner_.step(x, g);
    la_step_ += 1;
    if (la_step_ >= k_) {
      la_step_ = 0;
      const double a = alpha_;
      for (int i = 0; i < 2; ++i) x[i] = x[i] * a + (1.0 - a) * slow_[i];
      slow_[0] = x[0], slow_[1] = x[1];
      if (pullback_ == Pullback::pullback) {
        double* buffer = inner_.slot(0);  // SGD's momentum buffer (constraint())
        for (int i = 0; i < 2; ++i) {
          const double t = buffer[i] * a;
          const double cached_mom = cache_is_buffer_ ? t : 0.0;  // the zero tensor of __init__, then the buffer
          buffer[i] = t + (1.0 - a) * cached_mom;
        }
        cache_is_buffer_ = true;
      } else if (pullback_ == Pullback::reset) {
        double* buffer = inner_.slot(0);
        buffer[0] = 0, buffer[1] = 0;
      }
    }
    report_.lr = inner_.last_scalars().lr;
    for (int i = 0; i < 2; ++i) {
      report_.companion[i] = slow_[i];
      report_.first[i] = std::fabs(x[i] - slow_[i]);
    }
  }

 private:
  Optimizer<double> inner_;
  uint64_t k_;
  double alpha_;
  Pullback pullback_;
  uint64_t la_step_ = 0;
  bool started_ = false;
  double slow_[2] = {0, 0};       // the reference's cached_params
  bool cache_is_buffer_ = false;  // "pullback": a sync has made cached_mom the buffer itself
};

OptimizerInfo info() {
  using namespace fields;
  OptimizerInfo o{
      "lookahead", "Lookahead", "michaelrzhang/lookahead lookahead_pytorch.py; Zhang et al. 2019, Algorithm 1",
      "Wraps another optimizer (inner, Adam by default), the fast weights: every k steps they are pulled back to "
      "α of the way from the slow weights φ, which then move there. lr is the inner optimizer's learning rate.",
      R"(\begin{aligned}\theta_t &= A(\theta_{t-1}, g_t)\quad\text{(inner optimizer)}\\ )"
      R"(t \bmod k = 0:\ \ \theta_t &\leftarrow \alpha_{\mathrm{slow}}\,\theta_t + (1-\alpha_{\mathrm{slow}})\,\phi,\ \ \phi \leftarrow \theta_t\end{aligned})",
      {lr(1e-3, "learning rate of the inner optimizer"),
       own("k", LookaheadOwn::k, ParamType::Integer, 5, Range{1, 1000}, 1, 50, "linear",
           "k: inner steps between two syncs of the fast and slow weights"),
       own("alpha", LookaheadOwn::alpha, ParamType::Real, 0.8, Range{0, 1, true, false}, 0.01, 1, "linear",
           "α_slow: at a sync the fast weights move to φ + α_slow(θ − φ) (1: no pullback; the inner optimizer's lr is lr)"),
       own_choice("pullback_momentum", LookaheadOwn::pullback_momentum, {"none", "reset", "pullback"}, 0,
                  "what a sync does to SGD's momentum buffer b: none; reset (b = 0); pullback (the reference's: "
                  "b scaled by α at the first sync, by α(2 − α) later, as its cache aliases the buffer). "
                  "reset and pullback need inner SGD with momentum > 0")},
      false, "|θ − φ| (fast − slow)", nullptr, false, 0.01, false, false, 23};
  o.whole = true;
  o.wraps_optimizer = true;
  o.companion_labels = {"slow weights φ", nullptr};
  return o;
}

std::unique_ptr<WholeOptimizer> make(const OptimizerSpec& spec) { return std::make_unique<Lookahead>(spec); }

std::string latex(const OptimizerSpec& spec) {
  const OptimizerSpec inner = inner_spec(spec);
  std::string sync = R"(t \bmod k = 0:\ \ \theta_t &\leftarrow \alpha_{\mathrm{slow}}\,\theta_t + (1-\alpha_{\mathrm{slow}})\,\phi,\ \ \phi \leftarrow \theta_t)";
  if (pullback_of(spec) == Pullback::reset) sync += R"(,\quad b \leftarrow 0)";
  if (pullback_of(spec) == Pullback::pullback)
    sync += R"(\\ b &\leftarrow \alpha_{\mathrm{slow}}\,b \text{ at the first sync, } \alpha_{\mathrm{slow}}(2-\alpha_{\mathrm{slow}})\,b \text{ at every later one})";
  return R"(\begin{aligned}&\text{fast weights } \theta\text{: )" + std::string(optim::info(inner.kind).display_name) +
         R"(}\\ &)" + formula_latex(inner) + R"(\\ )" + sync + R"(\end{aligned})";
}

std::string constraint(const OptimizerSpec& spec, const std::string& path) {
  const Pullback pullback = pullback_of(spec);
  if (pullback == Pullback::none) return "";
  const OptimizerSpec inner = inner_spec(spec);
  const bool sgd = inner.kind == optimizer_kind("sgd");
  if (sgd && inner.momentum > 0) return "";
  return check::field(path, "pullback_momentum") + ": \"" + kPullbackNames[static_cast<int>(pullback)] +
         "\" acts on SGD's momentum buffer and needs inner SGD with momentum > 0 (allowed otherwise: \"none\"); "
         "the inner optimizer is " + (sgd ? std::string("SGD with momentum 0") : std::string(optim::info(inner.kind).name));
}

}  // namespace

WholeEntry lookahead_entry() { return {info, make, latex, constraint}; }

}  // namespace gs::optim::whole
