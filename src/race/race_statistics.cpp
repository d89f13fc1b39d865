#include "race/race_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "core/rng.hpp"

namespace gs::race {

namespace {

// Type 7 on sorted values.
double sorted_quantile(const std::vector<double>& x, double q) {
  const double h = static_cast<double>(x.size() - 1) * q;
  const size_t i = static_cast<size_t>(std::floor(h));
  const double fraction = h - static_cast<double>(i);
  if (fraction == 0 || i + 1 >= x.size()) return x[i];
  if (x[i + 1] == x[i]) return x[i];
  return x[i] + fraction * (x[i + 1] - x[i]);
}

// 1-based ranks of `scores` (lower is better: by first, then by second), ties sharing their mean rank.
using Key = std::pair<double, double>;
std::vector<double> ranks_of(const std::vector<Key>& scores) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  std::vector<double> ranks(scores.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && scores[order[j + 1]] == scores[order[i]]) ++j;
    const double shared = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = shared;
    i = j + 1;
  }
  return ranks;
}

}  // namespace

double quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  return sorted_quantile(values, q);
}

double median(std::vector<double> values) { return quantile(std::move(values), 0.5); }

Summary summarize(const RunOutcomes& runs, uint64_t budget) {
  Summary s{};
  s.runs = runs.steps_to_eps.size();
  std::vector<double> steps = runs.steps_to_eps;
  std::sort(steps.begin(), steps.end());
  size_t reached = 0;
  for (double k : steps) reached += k <= static_cast<double>(budget);
  s.success_rate = static_cast<double>(reached) / static_cast<double>(s.runs);
  s.steps_median = sorted_quantile(steps, 0.5);
  s.steps_q1 = sorted_quantile(steps, 0.25);
  s.steps_q3 = sorted_quantile(steps, 0.75);
  s.final_loss_median = median(runs.final_loss);
  s.diverged = static_cast<size_t>(std::count(runs.diverged.begin(), runs.diverged.end(), true));
  return s;
}

std::vector<RankInterval> rank_intervals(const std::vector<std::vector<double>>& scores, uint64_t seed,
                                         size_t resamples) {
  return rank_intervals(scores, {}, seed, resamples);
}

std::vector<RankInterval> rank_intervals(const std::vector<std::vector<double>>& scores,
                                         const std::vector<std::vector<double>>& ties, uint64_t seed,
                                         size_t resamples) {
  const size_t optimizers = scores.size();
  std::vector<RankInterval> out(optimizers);
  if (optimizers == 0) return out;
  const size_t n = scores[0].size();
  const bool tie_break = !ties.empty();
  std::vector<Key> medians(optimizers);
  for (size_t o = 0; o < optimizers; ++o) medians[o] = {median(scores[o]), tie_break ? median(ties[o]) : 0.0};
  const std::vector<double> point = ranks_of(medians);
  std::vector<std::vector<double>> ranks(optimizers, std::vector<double>(resamples));
  std::vector<size_t> pick(n);
  std::vector<double> sample(n);
  for (size_t b = 0; b < resamples; ++b) {
    for (size_t i = 0; i < n; ++i) {
      const uint64_t bits = rng::bits(seed, kBootstrapStream, static_cast<uint64_t>(b) * n + i);
      pick[i] = static_cast<size_t>(bits % n);  // the modulo's bias is below n / 2⁶⁴
    }
    for (size_t o = 0; o < optimizers; ++o) {
      for (size_t i = 0; i < n; ++i) sample[i] = scores[o][pick[i]];
      medians[o].first = median(sample);
      if (!tie_break) continue;
      for (size_t i = 0; i < n; ++i) sample[i] = ties[o][pick[i]];
      medians[o].second = median(sample);
    }
    const std::vector<double> r = ranks_of(medians);
    for (size_t o = 0; o < optimizers; ++o) ranks[o][b] = r[o];
  }
  for (size_t o = 0; o < optimizers; ++o) {
    std::sort(ranks[o].begin(), ranks[o].end());
    out[o] = {point[o], sorted_quantile(ranks[o], 0.05), sorted_quantile(ranks[o], 0.95)};
  }
  return out;
}

bool overlap(const RankInterval& a, const RankInterval& b) { return a.low <= b.high && b.low <= a.high; }

}  // namespace gs::race
