#include "labs/race/race_result.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

#include "core/check.hpp"
#include "labs/race/race_session.hpp"
#include "optim/registry.hpp"

namespace gs::labs {

namespace {

using check::format_number;

json::Value numbers(const std::vector<double>& values) {
  json::Array list;
  for (double x : values) list.push_back(json::Value(x));  // ±∞ is written as null
  return json::Value(std::move(list));
}

json::Value points(const std::vector<std::array<double, 2>>& list) {
  json::Array out;
  for (const auto& p : list) out.push_back(json::Value(json::Array{p[0], p[1]}));
  return json::Value(std::move(out));
}

// The name a reader knows the optimizer by: its label, else the registry's display name.
std::string label_of(const optim::OptimizerSpec& spec) {
  return spec.label.empty() ? std::string(optim::info(spec.kind).display_name) : spec.label;
}

std::string tuned_names(const RaceEntryConfig& e) {
  if (e.tune.empty()) return "nothing";
  std::string out;
  for (size_t i = 0; i < e.tune.size(); ++i) out += (i ? (i + 1 == e.tune.size() ? " and " : ", ") : "") + e.tune[i].name;
  return out;
}

// "lr (every optimizer)" or the list by optimizer when they differ.
std::string what_is_tuned(const RaceConfig& c) {
  const std::string first = tuned_names(c.optimizers.front());
  bool same = true;
  for (const auto& e : c.optimizers) same = same && tuned_names(e) == first;
  if (same) return first;
  std::string out;
  for (size_t i = 0; i < c.optimizers.size(); ++i)
    out += (i ? "; " : "") + label_of(c.optimizers[i].spec) + ": " + tuned_names(c.optimizers[i]);
  return out;
}

std::string box_text(const double b[4]) {
  return "[" + format_number(b[0]) + ", " + format_number(b[1]) + "] × [" + format_number(b[2]) + ", " +
         format_number(b[3]) + "]";
}

json::Value entry_json(const RaceSession& s, size_t i) {
  const RaceConfig& c = s.config();
  const race::EntryTuning& tuning = s.tunings()[i];
  json::Value v{json::Object{}};
  v.set("name", optim::info(c.optimizers[i].spec.kind).name);
  json::Array trials;
  for (const auto& t : tuning.trials()) trials.push_back(numbers(t));
  v.set("trials", json::Value(std::move(trials)));
  v.set("trial_scores", numbers(tuning.scores()));
  json::Array rounds;
  for (size_t t = 0; t < tuning.trials().size(); ++t)
    rounds.push_back(std::isnan(tuning.scores()[t]) ? json::Value() : json::Value(double(tuning.rounds_reached()[t])));
  v.set("trial_rounds", json::Value(std::move(rounds)));
  v.set("tuning_lane_steps", static_cast<double>(tuning.lane_steps()));
  const bool tuned = i < s.results().size();
  v.set("best_trial", tuned ? json::Value(double(s.results()[i].best_trial)) : json::Value());
  v.set("tuned", tuned ? optim::to_json(s.results()[i].tuned) : json::Value());
  const bool evaluated = tuned && !s.results()[i].held_out.empty();
  if (!evaluated) {
    for (const char* key : {"held_out", "summary", "rank", "rank_interval", "overlaps"}) v.set(key, json::Value());
    return v;
  }
  const race::EntryResult& r = s.results()[i];
  json::Value held_out{json::Object{}};
  std::vector<double> steps, losses, diverged_at;
  for (const auto& run : r.held_out) {
    steps.push_back(run.steps_to_eps);
    losses.push_back(run.final_loss);
    diverged_at.push_back(static_cast<double>(run.diverged_at));
  }
  held_out.set("steps_to_eps", numbers(steps));
  held_out.set("final_loss", numbers(losses));
  held_out.set("diverged_at", numbers(diverged_at));
  v.set("held_out", std::move(held_out));
  json::Value summary{json::Object{}};
  summary.set("runs", static_cast<double>(r.summary.runs));
  summary.set("success_rate", r.summary.success_rate);
  summary.set("steps_median", r.summary.steps_median);
  summary.set("steps_iqr", json::Value(json::Array{r.summary.steps_q1, r.summary.steps_q3}));
  summary.set("final_loss_median", r.summary.final_loss_median);
  summary.set("diverged", static_cast<double>(r.summary.diverged));
  v.set("summary", std::move(summary));
  if (!s.finished()) {
    for (const char* key : {"rank", "rank_interval", "overlaps"}) v.set(key, json::Value());
    return v;
  }
  v.set("rank", r.rank.rank);
  v.set("rank_interval", json::Value(json::Array{r.rank.low, r.rank.high}));
  json::Array overlaps;
  for (size_t j = 0; j < s.results().size(); ++j)
    if (j != i && race::overlap(r.rank, s.results()[j].rank)) overlaps.push_back(json::Value(double(j)));
  v.set("overlaps", json::Value(std::move(overlaps)));
  return v;
}

}  // namespace

std::string protocol_text(const RaceSession& s) {
  const RaceConfig& c = s.config();
  const race::RaceProtocol& p = s.protocol();
  const std::string objective = std::string_view(c.objective.info->name) == "formula" ? std::string("the typed formula")
                                                                                  : c.objective.info->display_name;
  const size_t n = p.tuning.starts.size(), m = p.held_out.starts.size();
  const std::string seeds = c.seeds > 1 ? " × " + std::to_string(c.seeds) + " noise seeds" : "";
  std::string where = c.fixed_start ? "the one start (" + format_number(c.start[0]) + ", " + format_number(c.start[1]) + ")"
                                    : std::to_string(n) + " starts drawn uniformly in " + box_text(c.box) +
                                          " (seed " + std::to_string(c.seed) + ")";
  std::string search = c.search == race::SearchKind::Random ? std::to_string(c.trials) + " random trials"
                       : c.search == race::SearchKind::Grid ? std::to_string(c.trials) + " grid trials"
                                                            : "successive halving of " + std::to_string(c.trials) +
                                                                  " random trials (rate 3, the last round at the full budget)";
  std::string f_star = c.f_star_source == FStarSource::Known   ? "f* = " + format_number(c.f_star) + ", " + objective + "'s global minimum"
                       : c.f_star_source == FStarSource::Given ? "f* = " + format_number(c.f_star) + ", as given"
                       : s.phase() == RacePhase::Tuning        ? "f* is the lowest loss any tuning run reaches"
                                                               : "f* = " + format_number(s.f_star()) +
                                                                     ", the lowest loss any tuning run reached (" +
                                                                     objective + " has no known minimum)";
  const std::string score = c.score == race::TuneScore::StepsToEps ? "its median steps to f − f* ≤ " + format_number(c.eps) +
                                                                        " (an unreached run counts T + 1)"
                            : c.score == race::TuneScore::FinalLoss ? "its median final loss"
                                                                    : "its success rate (f − f* ≤ " + format_number(c.eps) +
                                                                          " within the budget; ties by median steps)";
  const size_t n_optimizers = c.optimizers.size();
  std::string text = (n_optimizers == 1 ? std::string("One optimizer") : "Each of " + std::to_string(n_optimizers) + " optimizers") +
                     " on " + objective + " tuned " +
                     what_is_tuned(c) + " with " + search + "; every trial ran " + std::to_string(c.tuning_steps) +
                     " steps from " + where + seeds + " and was scored by " + score + ". ";
  const std::string one_run = c.seeds == 1 ? ", and the rank intervals, resampled from one run, cannot say how settled the order is" : "";
  text += c.fixed_start ? "Its best trial then ran " + std::to_string(c.steps) + " steps from the same start" + seeds +
                              ": there are no held-out starts, so the result holds for this start only" + one_run + ". "
                        : "Its best trial then ran " + std::to_string(c.steps) + " steps from " + std::to_string(m) +
                              " other starts drawn in the same box" + seeds + ". ";
  text += std::string("Ranks are by the median ") + (c.score == race::TuneScore::FinalLoss ? "final loss" : "steps to ε") +
          " over those runs, with 90% paired-bootstrap intervals (" + std::to_string(c.bootstrap) +
          " resamples); where two intervals overlap, their order is not settled. " + f_star + ". ";
  text += c.clip_norm > 0 ? "Every gradient is clipped to norm " + format_number(c.clip_norm) + " (torch's clip_grad_norm_). "
                          : "Gradients are not clipped. ";
  text += "Precision " + std::string(engine::precision_name(c.precision)) + ".";
  return text;
}

std::string race_result_json(const RaceSession& s) {
  json::Value v = race_config_json(s.config());
  const race::RaceProtocol& p = s.protocol();
  v.set("protocol", protocol_text(s));
  v.set("f_star", s.phase() == RacePhase::Tuning && s.config().f_star_source == FStarSource::BestFound
                      ? json::Value()
                      : json::Value(s.f_star()));
  v.set("f_star_from", f_star_source_name(s.config().f_star_source));
  v.set("tuning_points", points(p.tuning.starts));
  v.set("held_out_points", points(p.held_out.starts));
  json::Array seeds;
  for (uint64_t seed : p.tuning.seeds) seeds.push_back(json::Value(static_cast<double>(seed)));
  v.set("noise_seeds", json::Value(std::move(seeds)));
  json::Array rounds;
  for (const auto& r : race::tuning_rounds(p.search, p.trials, p.tuning.budget)) {
    json::Value round{json::Object{}};
    round.set("trials", static_cast<double>(r.trials));
    round.set("steps", static_cast<double>(r.budget));
    rounds.push_back(std::move(round));
  }
  v.set("rounds", json::Value(std::move(rounds)));
  v.set("finished", s.finished());
  v.set("lane_steps", static_cast<double>(s.lane_steps_done()));
  v.set("lane_steps_total", static_cast<double>(s.lane_steps_total()));
  json::Array entries;
  for (size_t i = 0; i < s.tunings().size(); ++i) entries.push_back(entry_json(s, i));
  v.set("entries", json::Value(std::move(entries)));
  if (s.finished()) {
    std::vector<size_t> order(s.results().size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return s.results()[a].rank.rank < s.results()[b].rank.rank; });
    json::Array ranking;
    for (size_t i : order) ranking.push_back(json::Value(static_cast<double>(i)));
    v.set("ranking", json::Value(std::move(ranking)));
  } else {
    v.set("ranking", json::Value());
  }
  return json::serialize(v);
}

}  // namespace gs::labs
