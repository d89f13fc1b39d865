// The regret lab's long-lived engine object (docs/schema.md, "Regret config"): one online
// problem, the runs of up to 16 optimizers on it from a shared start, advanced together round by
// round (f_t is drawn once per round for every run), and the exact regret of each at the record
// points t = record_every, 2·record_every, …, T:
//   regret[k]          Σ_{s≤t} f_s(x_s) − min_{x ∈ domain} Σ_{s≤t} f_s(x)   (the comparator at t)
//   average_regret[k]  regret[k]/t
//   bound[k]           Theorem 4.1's right-hand side from the run's observed quantities
//                      (online/theorem41.hpp); NaN, null in JSON, where its conditions fail
//   iterate[k]         the first coordinate of x_t, the point played in round t
// Record buffers are reserved for every record point up front, so views into them (the wasm
// bindings' typed arrays) stay valid while the runs advance. A run stops at the first non-finite
// loss or iterate and reports that step (status "diverged", diverged_at).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "labs/regret/regret_config.hpp"
#include "online/problem.hpp"
#include "online/run.hpp"

namespace gs::labs {

struct RegretTrace {
  std::vector<double> regret, average_regret, bound, iterate;  // one entry per record point reached
  bool diverged = false;
  uint64_t diverged_at = 0;
  std::string divergence;
  size_t records() const { return regret.size(); }
};

class RegretSession {
 public:
  RegretSession();  // configured with the defaults ({}), so every call is valid before configure()
  ~RegretSession();
  RegretSession(const RegretSession&) = delete;
  RegretSession& operator=(const RegretSession&) = delete;

  bool configure(const json::Value& config, std::string& error);
  bool configure(const RegretConfig& config, std::string& error);
  void reset();  // back to round 0: a fresh problem, every optimizer state cleared

  // Plays up to k more rounds (never past T) with every live run; returns the rounds played now.
  uint64_t advance(uint64_t k);
  uint64_t steps_done() const { return steps_done_; }
  bool finished() const { return steps_done_ >= config_.T; }

  const RegretConfig& config() const { return config_; }
  size_t run_count() const { return traces_.size(); }
  size_t record_count() const { return t_.size(); }
  const std::vector<double>& t() const { return t_; }
  const RegretTrace& trace(size_t i) const { return traces_[i]; }
  const online::OnlineRun& run(size_t i) const { return *runs_[i]; }
  // The comparator at the latest record point (t = 0 and no point before the first) and its
  // tolerance at every record point so far.
  const online::Comparator& comparator() const { return comparator_; }
  const std::vector<double>& tolerances() const { return tolerances_; }

  // The result schema; written in parts so a CLI can stream it:
  // result_json() = result_header() + run_json(0) + ',' + … + "]}".
  std::string comparator_json() const;
  std::string result_json() const;
  std::string result_header() const;
  std::string run_json(size_t i) const;
  // status, diverged_at, message, records and bound_note of run i.
  json::Value run_status(size_t i) const;

 private:
  void record();

  RegretConfig config_;
  std::unique_ptr<online::Problem> problem_;
  std::vector<std::unique_ptr<online::OnlineRun>> runs_;
  std::vector<RegretTrace> traces_;
  std::vector<double> t_;
  std::vector<double> tolerances_;
  online::Comparator comparator_;
  uint64_t steps_done_ = 0;
};

}  // namespace gs::labs
