// What every optimizer rule (src/optim/rules/<name>.hpp) is made of, and the helpers their bodies
// share. A rule is a struct with:
//   kSlots                    how many state values it keeps per parameter (its Kind is its place in all.hpp)
//   Own                       an enum naming its own hyperparameters: their index in OptimizerSpec::own
//                             (the first four also HyperLanes::own, a flag RuleFlags::own)
//   kFirstMoment, kBiasPowers whether the shared scalars advance λ^t (β1,t) and β1^t, β2^t
//   kMomentumSchedule, kLookahead  NAdam's running μ products; a gradient at a look-ahead point
//   kRunning                  how many of RunningLanes::own it carries from step to step
//   hyper(spec, h)            its hyperparameters mapped onto the roles of HyperLanes
//   scalars(s, h, r, shared)  its own per-step scalars, generic over the lane type L
//   coefficients(s, h)        the values its update reads (the enum names them), computed on double
//                             lanes and rounded to the parameter type T once per step
//   dispatch(flags, fn)       fn(std::bool_constant<...>...) with the flags its update is specialised for
//                             (default: any_weight_decay)
//   update<flags...>(c, p, g, slot, i)  ONE update body for one coordinate, generic over the value type
//                             V (T for a scalar, simd::Vec<T> for a SIMD vector, a vector of runs in
//                             the sweep): returns the new θ and writes the state slots at i
//   reference(s, p, g, state, n)  a readable for-loop twin, the oracle the tests compare update with
//   moments(spec, r, slot)    the curves of the UI (Moments) from the slot values of one coordinate
//   kCompanions, companions(r, slot, out)  points it keeps besides θ, drawn as paths of their own
//                             (ASGD's average, Schedule-Free's x and z): one coordinate of each from
//                             that coordinate's slot values (default: none)
//   initial_state(spec, k), constraint(spec)  slot k's starting value; a rule between hyperparameters
//   latex(spec)               the update rule this spec runs (rule_latex.hpp): its flags' variant
//   info()                    its registry entry: names, source, description, LaTeX, hyperparameters
//                             (registry_fields.hpp has the shared ones), UI facts
// Per-run conditions a batch of runs may not share (weight_decay ≠ 0, momentum on, RAdam's ρ_t > 5)
// are 1/0 coefficients resolved with select_eq, so a run computes the same bits alone or in a batch.
//
// Codegen rules (measured with bench/tools/kernel-loops.sh): loop bodies capture by value, and
// every per-step flag becomes a template parameter (with_flags). A by-reference closure or a
// runtime flag inside the loop made clang keep the closure in wasm linear memory, reloading ~24
// pointers and splat constants every iteration (a 1.4x slowdown).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>

#include "core/lane_ops.hpp"
#include "core/simd.hpp"
#include "optim/registry_fields.hpp"
#include "optim/spec.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::rules {

using simd::abs;
using simd::broadcast;
using simd::det_exp;
using simd::det_log;
using simd::det_pow;
using simd::det_tanh;
using simd::indicator_le;
using simd::indicator_lt;
using simd::indicator_ne;
using simd::lane_min;
using simd::load;
using simd::max;
using simd::select_eq;
using simd::sqrt;
using simd::store;

template <class W>
inline W lane_const(double x) {
  return simd::broadcast<W>(x);
}

// grad + λ·θ where the run's weight decay is on (the reference's `if (weight_decay != 0)`).
template <class V>
inline V with_weight_decay(V grad, V p, V weight_decay, V on) {
  return select_eq(on, simd::broadcast<V>(1.0f), grad + weight_decay * p, grad);
}

// Calls f(std::bool_constant<b>{}...) for the runtime flags, so an update body sees them as
// compile-time constants (`if constexpr`) and its loop has no branches.
template <class F>
inline void with_flags(F&& f) {
  f();
}
template <class F, class... Rest>
inline void with_flags(F&& f, bool flag, Rest... rest) {
  if (flag) {
    with_flags([&](auto... flags) { f(std::true_type{}, flags...); }, rest...);
  } else {
    with_flags([&](auto... flags) { f(std::false_type{}, flags...); }, rest...);
  }
}

struct HyperConstraint {
  const char* field = nullptr;
  std::string message;
};

inline double nan_moment() { return std::numeric_limits<double>::quiet_NaN(); }

// Defaults a rule overrides where it differs.
struct RuleBase {
  static constexpr bool kFirstMoment = false;
  static constexpr bool kBiasPowers = false;
  static constexpr bool kMomentumSchedule = false;  // NAdam's Π μ and 0.96^(ψt) run
  static constexpr bool kLookahead = false;  // the gradient is taken at a look-ahead point (nag)
  static constexpr int kRunning = 0;         // RunningLanes::own values it advances in scalars()
  static constexpr int kCompanions = 0;      // points besides θ it draws (OptimizerInfo::companion_labels)
  static void companions(const RunningScalars&, const double* /*slot*/, double* /*out*/) {}

  static void hyper(const OptimizerSpec&, HyperLanes<double>&) {}
  template <class L>
  static void scalars(ScalarLanes<L>&, const HyperLanes<L>&, RunningLanes<L>&, const StepShared&) {}
  static double initial_state(const OptimizerSpec&, int /*slot*/) { return 0; }  // a slot's starting value
  // A constraint between hyperparameters that their ranges cannot express: the field it names and
  // the message, or no field when the spec satisfies it.
  static HyperConstraint constraint(const OptimizerSpec&) { return {}; }
  // Most rules specialise their update on one flag: whether some run adds L2 weight decay.
  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.any_weight_decay);
  }
};

}  // namespace gs::optim::rules
