#include "race/race_runs.hpp"

#include <algorithm>
#include <numeric>
#include <limits>

#include "engine/run_session.hpp"
#include "optim/registry.hpp"
#include "sweep/batch.hpp"

namespace gs::race {

namespace {

// Lanes per batch: a cache-sized chunk, as the sweep runs its grids.
constexpr size_t kChunk = 256;

RunOutcome outcome_of(double first_hit, double loss, uint64_t diverged_at, uint64_t budget) {
  const bool diverged = diverged_at != 0;
  return {first_hit >= 0 ? first_hit : static_cast<double>(budget + 1),
          diverged ? std::numeric_limits<double>::infinity() : loss, diverged, diverged_at};
}

template <class T>
void run_lanes(const RunSet& set, const objectives::Objective& f, const objectives::GradientNoise& noise, size_t seed,
               const std::vector<optim::OptimizerSpec>& specs, std::vector<RunOutcome>& out) {
  const size_t starts = set.starts.size(), lanes = specs.size() * starts;
  const sweep::TolTracking tol{true, set.f_star, set.eps};
  // The specs by learning rate: the runs that diverge (mostly the large steps) share chunks, and a
  // chunk whose runs have all diverged stops early. Every lane is its own run, so the order changes
  // no result.
  std::vector<size_t> order(specs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return specs[a].lr < specs[b].lr; });
  for (size_t first = 0; first < lanes; first += kChunk) {
    const size_t count = std::min(kChunk, lanes - first);
    std::vector<optim::OptimizerSpec> chunk;
    std::vector<double> x0, y0;
    for (size_t lane = first; lane < first + count; ++lane) {
      chunk.push_back(specs[order[lane / starts]]);
      x0.push_back(set.starts[lane % starts][0]);
      y0.push_back(set.starts[lane % starts][1]);
    }
    sweep::Batch<T> batch;
    batch.reset(f, noise, chunk, x0, y0, tol);
    batch.run(set.budget);
    for (size_t i = 0; i < count; ++i) {
      const size_t lane = first + i, s = order[lane / starts], start = lane % starts;
      out[s * set.runs_per_spec() + seed * starts + start] =
          outcome_of(batch.first_hit(i), batch.loss(i), batch.diverged_at(i), set.budget);
    }
  }
}

// A whole-vector optimizer's runs, one RunSession each.
void run_singly(const RunSet& set, const objectives::GradientNoise& noise, size_t seed,
                const std::vector<optim::OptimizerSpec>& specs, std::vector<RunOutcome>& out) {
  engine::RunConfig config;
  config.objective = set.objective;
  config.objective.noise = noise;
  config.steps = set.budget;
  config.precision = set.precision;
  engine::RunSession session;
  std::string error;
  for (size_t s = 0; s < specs.size(); ++s) {
    config.optimizers = {specs[s]};
    for (size_t start = 0; start < set.starts.size(); ++start) {
      config.start[0] = set.starts[start][0];
      config.start[1] = set.starts[start][1];
      session.configure(config, error);
      session.advance(set.budget);
      const engine::Trace& trace = session.trace(0);
      double first_hit = -1;
      for (size_t k = 0; k < trace.points() && first_hit < 0; ++k)
        if (trace.loss[k] - set.f_star <= set.eps) first_hit = static_cast<double>(k);
      out[s * set.runs_per_spec() + seed * set.starts.size() + start] =
          outcome_of(first_hit, trace.loss.back(), trace.diverged ? trace.diverged_at : 0, set.budget);
    }
  }
}

}  // namespace

std::vector<RunOutcome> run_specs(const RunSet& set, const std::vector<optim::OptimizerSpec>& specs,
                                  uint64_t& lane_steps) {
  std::vector<RunOutcome> out(specs.size() * set.runs_per_spec());
  if (specs.empty()) return out;
  const objectives::Objective f = engine::make_objective(set.objective);
  const bool whole = optim::info(specs[0].kind).whole;
  for (size_t seed = 0; seed < set.seeds.size(); ++seed) {
    objectives::GradientNoise noise = set.objective.noise;
    noise.seed = set.seeds[seed];
    if (whole) run_singly(set, noise, seed, specs, out);
    else if (set.precision == engine::Precision::F32) run_lanes<float>(set, f, noise, seed, specs, out);
    else run_lanes<double>(set, f, noise, seed, specs, out);
  }
  lane_steps += static_cast<uint64_t>(out.size()) * set.budget;
  return out;
}

std::vector<double> steps_of(const std::vector<RunOutcome>& runs) {
  std::vector<double> v;
  for (const auto& r : runs) v.push_back(r.steps_to_eps);
  return v;
}

std::vector<double> losses_of(const std::vector<RunOutcome>& runs) {
  std::vector<double> v;
  for (const auto& r : runs) v.push_back(r.final_loss);
  return v;
}

}  // namespace gs::race
