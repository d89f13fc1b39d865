// The long-lived engine object behind every front end: it holds one objective and the runs of
// up to 16 optimizers from a shared start, and advances them together. The player calls
// advance() once per animation frame; run() is configure + advance to the end + result.
// Trajectories and losses live in buffers reserved for every step up front, so views into them
// (the wasm bindings' typed arrays) stay valid while the runs advance.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/run_config.hpp"
#include "engine/trace.hpp"
#include "objectives/objective.hpp"

namespace gs::engine {

class RunState;

class RunSession {
 public:
  RunSession();
  ~RunSession();
  RunSession(const RunSession&) = delete;
  RunSession& operator=(const RunSession&) = delete;

  bool configure(const json::Value& config, std::string& error);
  bool configure(const RunConfig& config, std::string& error);
  // Record Trace::diagnostics from the next reset() (configure() resets) on.
  void record_diagnostics(bool on) { record_diagnostics_ = on; }
  void reset();  // back to the start point, every optimizer state cleared

  // Advances every live run by up to k steps (never past config().steps); returns steps done now.
  uint64_t advance(uint64_t k);
  uint64_t steps_done() const { return steps_done_; }
  bool finished() const;

  const RunConfig& config() const { return config_; }
  const objectives::Objective& objective() const { return *objective_; }
  size_t run_count() const { return traces_.size(); }
  const Trace& trace(size_t i) const { return traces_[i]; }

  // The run result of docs/schema.md. Long results are written in parts (header, each run, the
  // closing "]}") so a CLI can stream them: result_json() = header + runs joined by ',' + "]}".
  std::string result_json() const;
  std::string result_header() const;
  std::string run_json(size_t i) const;

 private:
  RunConfig config_;
  std::unique_ptr<objectives::Objective> objective_;
  std::vector<std::unique_ptr<RunState>> runs_;
  std::vector<Trace> traces_;
  uint64_t steps_done_ = 0;
  bool record_diagnostics_ = false;
};

// One call: parse, validate, run to the end and serialise. On bad input returns false and
// sets `error` to one line naming the field.
bool run(const std::string& config_text, std::string& result, std::string& error);

}  // namespace gs::engine
