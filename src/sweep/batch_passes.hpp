// The passes of one batched step over a chunk of runs (internal to batch.cpp), each one loop over
// whole SIMD vectors of runs:
//   run_column_pass   one coefficient of the rule (optim/rules) for every run: the run's per-step
//                      scalars (optim::step_scalar_lanes on double lanes) rounded to T; the last
//                      one of a step also advances each run's running products
//   scheduled_lr_pass  each run's scheduled lr of the step, which the column passes then read
//   kernel_loop        the update of x and y from the coefficient columns and the point check
//                      (|θ| > 1e12 or non-finite → diverged: the run keeps its last point)
//   objective_pass     f and ∇f at each run's point on double lanes (a single run evaluates its
//                      objective in double whatever its precision), the step's gradient noise and
//                      clipping, the
//                      gradient rounded to T; the loss check (non-finite → diverged, the point
//                      restored to the last finite one) and the steps_to_tol bookkeeping
//   lookahead_pass     nag: the look-ahead point θ + μ_t·v where the gradient is taken
//   custom_kernel_pass a custom rule's update (optim/custom/), interpreted run by run and
//                      coordinate by coordinate, then the same point check
// A diverged run keeps computing in its vector, but its point, loss and first hit no longer
// change. The per-run bookkeeping of a divergence runs only in the rare vectors where it happens.
#pragma once

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <string>
#include <type_traits>
#include <utility>

#include "core/lane_ops.hpp"
#include "optim/custom/custom_steps.hpp"
#include "optim/divergence.hpp"
#include "optim/rules/nag.hpp"
#include "optim/schedule.hpp"
#include "sweep/batch_runs.hpp"
#include "sweep/run_loop.hpp"
#include "sweep/objective_lanes.hpp"

namespace gs::sweep::passes {

using simd::abs;
using simd::any_ne;
using simd::broadcast;
using simd::indicator_le;
using simd::indicator_lt;
using simd::load;
using simd::narrow;
using simd::parts_of;
using simd::select_eq;
using simd::store;
using simd::WideOf;
using simd::widen;

// The largest T that is ≤ kDivergenceLimit: |θ| ≤ it exactly when the run's double(θ) ≤ 1e12.
template <class T>
T divergence_limit() {
  T limit = static_cast<T>(optim::kDivergenceLimit);
  if (static_cast<double>(limit) > optim::kDivergenceLimit) limit = std::nextafter(limit, T(0));
  return limit;
}

// Entry = DefinedPoints: a user objective (a typed formula, a data objective), whose f and
// gradient at every run's point the pass computes first, all at once (Objective::evaluate_points;
// f alone, Objective::values_at, when the pass needs no gradient); the body reads them at run j.
struct DefinedPoints {
  const double *f, *gx, *gy;
};

// Entry = void: the objective has no lane form, so each run calls the Objective.
template <class Entry, class W>
inline W evaluate(const objectives::catalog::Bound& bound, const objectives::Objective* objective,
                  const DefinedPoints& points, size_t j, W x, W y, W& gx, W& gy) {
  if constexpr (std::is_same_v<Entry, DefinedPoints>) {
    gx = load<W>(points.gx + j);
    gy = load<W>(points.gy + j);
    return load<W>(points.f + j);
  } else if constexpr (std::is_void_v<Entry>) {
    return objective->value_and_gradient(x, y, gx, gy);
  } else {
    return value_and_gradient<Entry>(bound, x, y, gx, gy);
  }
}

// Runs [i, i + count) whose loss just became non-finite: diverged at step t, point restored.
template <class T>
void mark_loss_divergence(BatchRuns<T>& b, size_t i, size_t count, uint64_t t) {
  for (size_t j = i; j < std::min(i + count, b.n); ++j) {
    if (b.alive[j] != T(1) || std::fabs(b.loss[j]) <= DBL_MAX) continue;
    b.alive[j] = T(0);
    b.diverged_at[j] = static_cast<uint32_t>(t);
    b.x[j] = b.prev_x[j];
    b.y[j] = b.prev_y[j];
    --b.live;
  }
}

// Runs [i, i + count) whose point the kernel pass just froze: diverged at step t.
template <class T>
void mark_point_divergence(BatchRuns<T>& b, size_t i, size_t count, uint64_t t) {
  for (size_t j = i; j < std::min(i + count, b.n); ++j) {
    if (b.alive[j] != T(0) || b.diverged_at[j] != 0) continue;
    b.diverged_at[j] = static_cast<uint32_t>(t);
    --b.live;
  }
}

// f and ∇f at work's point, written as `work` asks (ObjectiveWork).
template <class T, class Entry>
void objective_pass(BatchRuns<T>& b, const ObjectiveWork& work) {
  const objectives::catalog::Bound bound = b.objective->bound();
  const objectives::Objective* objective = b.objective;
  const T* px = static_cast<const T*>(work.px);
  const T* py = static_cast<const T*>(work.py);
  T* gx = b.gx.data();
  T* gy = b.gy.data();
  double* loss = b.loss.data();
  double* first_hit = b.first_hit.data();
  const T* alive = b.alive.data();
  const uint64_t t = work.t;
  const bool gradient = work.gradient, value = work.value, check = work.t > 0, track_tol = b.track_tol;
  const NoiseStep& noise = work.noise;
  const bool noisy = noise.drop[0] || noise.drop[1] || noise.shift[0] || noise.shift[1];
  const bool drop_x = noise.drop[0], drop_y = noise.drop[1], shift_x = noise.shift[0], shift_y = noise.shift[1];
  const double add_x = noise.add[0], add_y = noise.add[1];
  const bool clipping = noise.clip_norm > 0;
  const double clip_norm = noise.clip_norm;
  const double f_star = b.f_star, tol = b.tol, step = static_cast<double>(t);
  BatchRuns<T>* batch = &b;
  DefinedPoints points{};
  if constexpr (std::is_same_v<Entry, DefinedPoints>) {
    const size_t n = b.padded;
    b.points_x.resize(n), b.points_y.resize(n), b.points_f.resize(n), b.points_gx.resize(n), b.points_gy.resize(n);
    for (size_t i = 0; i < n; ++i) b.points_x[i] = static_cast<double>(px[i]), b.points_y[i] = static_cast<double>(py[i]);
    if (gradient) {
      objective->evaluate_points(b.points_x.data(), b.points_y.data(), n, b.points_f.data(), b.points_gx.data(),
                                 b.points_gy.data(), work.gradient_step);
    } else {
      objective->values_at(b.points_x.data(), b.points_y.data(), n, b.points_f.data());
    }
    points = {b.points_f.data(), b.points_gx.data(), b.points_gy.data()};
  }
  const auto body = [=]<class V>(size_t i) __attribute__((always_inline)) {
    using W = WideOf<V>;
    constexpr size_t kParts = parts_of<V>();
    W x[kParts], y[kParts], dx[kParts], dy[kParts];
    widen(load<V>(px + i), x);
    widen(load<V>(py + i), y);
    for (size_t p = 0; p < kParts; ++p) {
      const size_t j = i + p * simd::lanes<W>();
      const W f = evaluate<Entry>(bound, objective, points, j, x[p], y[p], dx[p], dy[p]);
      if (noisy) {
        dx[p] = drop_x ? broadcast<W>(0.0) : shift_x ? dx[p] + broadcast<W>(add_x) : dx[p];
        dy[p] = drop_y ? broadcast<W>(0.0) : shift_y ? dy[p] + broadcast<W>(add_y) : dy[p];
      }
      if (clipping) {
        using simd::sqrt;
        const W coefficient = simd::lane_min(
            broadcast<W>(1.0), broadcast<W>(1.0) / (sqrt(dx[p] * dx[p] + dy[p] * dy[p]) + broadcast<W>(1e-6)) * broadcast<W>(clip_norm));
        dx[p] = dx[p] * coefficient;
        dy[p] = dy[p] * coefficient;
      }
      if (!value) continue;
      // A diverged run sits at a point whose loss was finite, so only a live run can fail here.
      store(loss + j, f);
      if (check && any_ne(indicator_le(abs(f), broadcast<W>(DBL_MAX)), broadcast<W>(1.0)))
        mark_loss_divergence(*batch, j, simd::lanes<W>(), t);
      if (track_tol) {
        W live[kParts];
        widen(load<V>(alive + i), live);
        const W before = load<W>(first_hit + j);
        const W hit = live[p] * indicator_le(f - broadcast<W>(f_star), broadcast<W>(tol)) *
                      indicator_lt(before, broadcast<W>(0.0));
        store(first_hit + j, select_eq(hit, broadcast<W>(1.0), broadcast<W>(step), before));
      }
    }
    if (gradient) {
      store(gx + i, narrow<V>(dx));
      store(gy + i, narrow<V>(dy));
    }
  };
  // An objective without a lane form is evaluated run by run, on scalars.
  if constexpr (std::is_void_v<Entry>) {
    for (size_t i = 0; i < b.padded; ++i) body.template operator()<T>(i);
  } else {
    for_each_vector<T>(b.padded, body);
  }
}

// The HyperLanes of runs [j, j + lanes<W>) from the structure-of-arrays copy.
template <class W, size_t... f>
inline optim::HyperLanes<W> load_hyper(const double* const* h, size_t j, std::index_sequence<f...>) {
  optim::HyperLanes<W> out;
  ((out.role(f) = load<W>(h[f] + j)), ...);
  return out;
}

// The first run's hyperparameters with runs of its own lr.
template <class W, size_t... f>
inline optim::HyperLanes<W> broadcast_hyper(const optim::HyperLanes<double>& first, W lr, std::index_sequence<f...>) {
  optim::HyperLanes<W> out;
  ((out.role(f) = broadcast<W>(first.role(f))), ...);
  out.lr = lr;
  return out;
}

template <class W>
inline optim::RunningLanes<W> broadcast_running(const optim::RunningLanes<double>& r) {
  return {broadcast<W>(r.mu_product), broadcast<W>(r.beta1_pow), broadcast<W>(r.beta2_pow),
          broadcast<W>(r.decay_pow), broadcast<W>(r.mu_pow), {broadcast<W>(r.own[0]), broadcast<W>(r.own[1])}};
}

// The running products Rule advances (the others stay 1 and are not touched): λ^t with a first
// moment, β1^t and β2^t with bias powers, NAdam's Π μ and 0.96^(ψt) where its hyperparameters have
// a momentum schedule (Rule::kMomentumSchedule), and the rule's own running values (Rule::kRunning).
template <class Rule, class W>
inline optim::RunningLanes<W> load_running(double* const* r, size_t j) {
  optim::RunningLanes<W> run;
  if constexpr (Rule::kMomentumSchedule) {
    run.mu_product = load<W>(r[0] + j);
    run.mu_pow = load<W>(r[4] + j);
  }
  if constexpr (Rule::kBiasPowers) {
    run.beta1_pow = load<W>(r[1] + j);
    run.beta2_pow = load<W>(r[2] + j);
  }
  if constexpr (Rule::kFirstMoment) run.decay_pow = load<W>(r[3] + j);
  for (int k = 0; k < Rule::kRunning; ++k) run.own[k] = load<W>(r[5 + k] + j);
  return run;
}

template <class Rule, class W>
inline void store_running(double* const* r, size_t j, const optim::RunningLanes<W>& run) {
  if constexpr (Rule::kMomentumSchedule) {
    store(r[0] + j, run.mu_product);
    store(r[4] + j, run.mu_pow);
  }
  if constexpr (Rule::kBiasPowers) {
    store(r[1] + j, run.beta1_pow);
    store(r[2] + j, run.beta2_pow);
  }
  if constexpr (Rule::kFirstMoment) store(r[3] + j, run.decay_pow);
  for (int k = 0; k < Rule::kRunning; ++k) store(r[5 + k] + j, run.own[k]);
}

// Column k of step t: each run's step-t scalars on double lanes (from its running products after
// t − 1 steps), the rule's coefficient k from them, rounded to T. Only what coefficient k
// needs is computed (the rest of the formulas is dead code here). With `advance`, the running
// products are stored at step t (the last column of a step does this).
// kLrOnly (BatchRuns::lr_only): every input but lr is the same broadcast value in every
// iteration, so the compiler computes what does not depend on lr (Adam's 1/(1 − β1^t)) once,
// before the loop; the running products are not stored (the batch advances step_running).
template <class T, class Rule, size_t k, bool kLrOnly>
void run_column_pass(BatchRuns<T>& b, uint64_t t, bool advance) {
  // The lr field holds each run's scheduled lr of step t already (scheduled_lr_pass), so the
  // formulas see the constant schedule, a compile-time constant here.
  static constexpr optim::ScheduleSpec kConstant{};
  const optim::StepShared shared{t, &kConstant, 1, b.spec.bias_correction};
  const double* hyper[kHyperFields];
  double* running[kRunningFields];
  for (size_t f = 0; f < kHyperFields; ++f) hyper[f] = b.hyper[f].data();
  hyper[0] = b.scheduled_lr.empty() ? b.hyper[0].data() : b.scheduled_lr.data();
  for (size_t f = 0; f < kRunningFields; ++f) running[f] = b.running[f].data();
  T* column = b.columns[k].data();
  const optim::HyperLanes<double> first = b.first_hyper;
  const optim::RunningLanes<double> step_running = b.step_running;
  constexpr auto kRoles = std::make_index_sequence<kHyperFields>{};
  for_each_vector<T>(b.padded, [=]<class V>(size_t i) __attribute__((always_inline)) {
    using W = WideOf<V>;
    constexpr size_t kParts = parts_of<V>();
    W lanes[kParts];
    for (size_t p = 0; p < kParts; ++p) {
      const size_t j = i + p * simd::lanes<W>();
      if constexpr (kLrOnly) {
        const optim::HyperLanes<W> h = broadcast_hyper<W>(first, load<W>(hyper[0] + j), kRoles);
        optim::RunningLanes<W> r = broadcast_running<W>(step_running);
        lanes[p] = Rule::coefficients(optim::step_scalar_lanes<Rule>(h, r, shared), h)[k];
      } else {
        const optim::HyperLanes<W> h = load_hyper<W>(hyper, j, kRoles);
        optim::RunningLanes<W> r = load_running<Rule, W>(running, j);
        lanes[p] = Rule::coefficients(optim::step_scalar_lanes<Rule>(h, r, shared), h)[k];
        if (advance) store_running<Rule>(running, j, r);
      }
    }
    store(column + i, narrow<V>(lanes));
  });
}

// The scheduled lr of step t of every run (apply_schedule on double lanes), for the run passes.
inline void scheduled_lr_pass(const optim::ScheduleSpec& schedule, uint64_t t, const double* lr, double* out,
                              size_t n) {
  const double factor = optim::schedule_factor(schedule, t);
  for_each_vector<double>(n, [=]<class W>(size_t i) __attribute__((always_inline)) {
    store(out + i, optim::apply_schedule(load<W>(lr + i), schedule, factor));
  });
}

// Step t's coefficients from the first run's hyperparameters (advancing first_running).
template <class Rule>
std::array<double, kMaxCoefficients> first_run_coefficients(const optim::OptimizerSpec& spec,
                                                             const optim::HyperLanes<double>& hyper,
                                                             optim::RunningLanes<double>& running, uint64_t t) {
  const std::array<double, Rule::kCount> c =
      Rule::coefficients(optim::step_scalar_lanes<Rule>(hyper, running, optim::step_shared(spec, t)), hyper);
  std::array<double, kMaxCoefficients> out{};
  std::copy(c.begin(), c.end(), out.begin());
  return out;
}

// The update of every run at step t from the coefficient columns, then the point check.
template <class T, class Rule, bool... kFlags>
void kernel_loop(BatchRuns<T>& b, uint64_t t) {
  const T* columns[Rule::kCount];
  for (size_t k = 0; k < Rule::kCount; ++k) columns[k] = b.columns[k].data();
  T* slots_x[optim::kMaxSlots] = {};
  T* slots_y[optim::kMaxSlots] = {};
  for (int k = 0; k < Rule::kSlots; ++k) {
    slots_x[k] = b.slot(k, 0);
    slots_y[k] = b.slot(k, 1);
  }
  T* px = b.x.data();
  T* py = b.y.data();
  T* prev_x = b.prev_x.data();
  T* prev_y = b.prev_y.data();
  const T* gx = b.gx.data();
  const T* gy = b.gy.data();
  T* alive = b.alive.data();
  const T limit = divergence_limit<T>();
  BatchRuns<T>* batch = &b;
  for_each_vector<T>(b.padded, [=]<class V>(size_t i) __attribute__((always_inline)) {
    std::array<V, Rule::kCount> c;
    static_for<Rule::kCount>([&](auto k) __attribute__((always_inline)) { c[k] = load<V>(columns[k] + i); });
    const V x = load<V>(px + i), y = load<V>(py + i);
    const V next_x = Rule::template update<kFlags...>(c, x, load<V>(gx + i), slots_x, i);
    const V next_y = Rule::template update<kFlags...>(c, y, load<V>(gy + i), slots_y, i);
    const V live = load<V>(alive + i);
    const V lim = broadcast<V>(limit), one = broadcast<V>(T(1));
    const V ok = live * indicator_le(abs(next_x), lim) * indicator_le(abs(next_y), lim);
    store(prev_x + i, x);
    store(prev_y + i, y);
    store(px + i, select_eq(ok, one, next_x, x));
    store(py + i, select_eq(ok, one, next_y, y));
    store(alive + i, ok);
    if (any_ne(ok, live)) mark_point_divergence(*batch, i, simd::lanes<V>(), t);
  });
}

template <class T, class Rule>
void kernel_pass(BatchRuns<T>& b, uint64_t t) {
  Rule::dispatch(b.flags, [&](auto... flags) { kernel_loop<T, Rule, decltype(flags)::value...>(b, t); });
}

// nag: the look-ahead point θ + μ_t·v of every run, with μ_t = T(β1·λ^(t−1)) the step's own
// momentum coefficient (its column, computed before this pass).
template <class T>
void lookahead_pass(BatchRuns<T>& b) {
  const T* mu = b.columns[optim::rules::Nag::kMu].data();
  T* velocity_x[1] = {b.slot(0, 0)};
  T* velocity_y[1] = {b.slot(0, 1)};
  const T* px = b.x.data();
  const T* py = b.y.data();
  T* look_x = b.look_x.data();
  T* look_y = b.look_y.data();
  for_each_vector<T>(b.padded, [=]<class V>(size_t i) __attribute__((always_inline)) {
    const V m = load<V>(mu + i);
    store(look_x + i, optim::rules::Nag::lookahead(m, load<V>(px + i), velocity_x, i));
    store(look_y + i, optim::rules::Nag::lookahead(m, load<V>(py + i), velocity_y, i));
  });
}

// A custom rule's update of every live run at step t: the rule steps x, then y, exactly as the single
// run does (optim/custom/custom_steps.hpp); a coordinate the rule fails on, or a point past the
// divergence limit, freezes the run at its last point, diverged at step t.
template <class T>
void custom_kernel_pass(BatchRuns<T>& b, uint64_t t) {
  const optim::custom::CustomRule& rule = *b.spec.rule;
  T* slots[2][optim::custom::kMaxStates] = {};
  for (size_t k = 0; k < rule.states().size(); ++k) {
    slots[0][k] = b.slot(static_cast<int>(k), 0);
    slots[1][k] = b.slot(static_cast<int>(k), 1);
  }
  const T limit = divergence_limit<T>();
  std::string why;
  for (size_t j = 0; j < b.n; ++j) {
    if (b.alive[j] != T(1)) continue;
    const double* hyper = b.rule_hyper.data() + j * b.rule_hypers;
    T x = b.x[j], y = b.y[j];
    const bool stepped = optim::custom::step_coordinate(rule, t, hyper, x, b.gx[j], slots[0], j, why) &&
                         optim::custom::step_coordinate(rule, t, hyper, y, b.gy[j], slots[1], j, why);
    b.prev_x[j] = b.x[j];
    b.prev_y[j] = b.y[j];
    if (stepped && std::fabs(x) <= limit && std::fabs(y) <= limit) {
      b.x[j] = x;
      b.y[j] = y;
      continue;
    }
    b.alive[j] = T(0);
    b.diverged_at[j] = static_cast<uint32_t>(t);
    --b.live;
  }
}

}  // namespace gs::sweep::passes
