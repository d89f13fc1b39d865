// The race behind every front end: configure once, then advance a few trials at a time, so a Web
// Worker can show the tuning progress, the leaderboard as it settles, and cancel between calls
// (RaceLab::command runs it to the end). The work, in order: every optimizer's tuning (trials
// in rounds; tuning.hpp), f* where it is found by the tuning, every optimizer's held-out runs,
// the ranks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "labs/race/race_config.hpp"
#include "race/race_engine.hpp"
#include "race/tuning.hpp"

namespace gs::labs {

enum class RacePhase { Tuning, HeldOut, Finished };

class RaceSession {
 public:
  RaceSession() = default;
  RaceSession(const RaceSession&) = delete;  // each tuning points at this session's protocol
  RaceSession& operator=(const RaceSession&) = delete;

  bool configure(const json::Value& config, std::string& error);
  bool configure(const RaceConfig& config, std::string& error);

  // Runs up to `trials` (≥ 1) more tuning trials of the optimizer being tuned, or the held-out runs
  // of one optimizer (with the ranks after the last). Returns the optimizer steps it ran.
  uint64_t advance(size_t trials);
  bool finished() const { return phase_ == RacePhase::Finished; }
  RacePhase phase() const { return phase_; }
  size_t entry() const { return entry_; }  // the optimizer being tuned or evaluated

  // Optimizer steps of the whole race, and of the runs done (every run counts its whole budget).
  uint64_t lane_steps_total() const { return total_; }
  uint64_t lane_steps_done() const;

  const RaceConfig& config() const { return config_; }
  const race::RaceProtocol& protocol() const { return protocol_; }
  double f_star() const { return protocol_.held_out.f_star; }  // the held-out runs' (once tuned)
  const std::vector<race::EntryTuning>& tunings() const { return tunings_; }
  const std::vector<race::EntryResult>& results() const { return results_; }  // tuned ones so far
  size_t evaluated() const { return evaluated_; }  // optimizers with their held-out runs

  // The race result of docs/schema.md, so far.
  std::string result_json() const;
  // The run config of held-out run `run` (RunSet order) of optimizer `entry`'s tuned
  // configuration: engine::RunSession gives the same run. Needs that optimizer tuned.
  json::Value held_out_run_config(size_t entry, size_t run) const;

 private:
  void finish_tuning();

  RaceConfig config_;
  race::RaceProtocol protocol_;
  std::vector<race::RaceEntry> entries_;
  std::vector<race::EntryTuning> tunings_;
  std::vector<race::EntryResult> results_;
  RacePhase phase_ = RacePhase::Finished;
  size_t entry_ = 0, evaluated_ = 0;
  uint64_t total_ = 0;
};

}  // namespace gs::labs
