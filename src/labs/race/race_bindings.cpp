// Embind layer of the race module (gradscape-race-{simd,scalar}): the race lab's engine, with
// every optimizer (the pack, the whole-vector ones, custom rules) and user objective, in a module
// of its own so the other pages don't download it. One RaceSession per race: configure once, then
// advance(k) runs k more tuning trials of the optimizer being tuned, or one optimizer's held-out
// runs (a Web Worker calls it in ~50 ms chunks to show the progress and to cancel between calls).
// resultJson() is the race result so far. Failing calls return the error text (empty means
// success); web/api/ turns it into a JS Error.
#include <emscripten/bind.h>

#include <string>

#include "binding_support.hpp"
#include "core/json.hpp"
#include "core/simd.hpp"
#include "engine/full_engine.hpp"
#include "engine/registry_json.hpp"
#include "engine/run_state.hpp"
#include "labs/race/race_session.hpp"
#include "optim/whole/whole_registry.hpp"

namespace {

const char* kPhaseNames[] = {"tuning", "held_out", "finished"};

class RaceSessionHandle {
 public:
  std::string configure(const std::string& text) { return gs::bindings::configure_from_text(session_, text); }
  // Runs up to k trials (or one optimizer's held-out runs); returns the optimizer steps run.
  double advance(double k) { return double(session_.advance(k >= 1 ? static_cast<size_t>(k < 1e6 ? k : 1e6) : 1)); }
  bool finished() const { return session_.finished(); }
  std::string phase() const { return kPhaseNames[static_cast<int>(session_.phase())]; }
  int entry() const { return static_cast<int>(session_.entry()); }
  int entries() const { return static_cast<int>(session_.config().optimizers.size()); }
  double laneStepsDone() const { return double(session_.lane_steps_done()); }
  double laneStepsTotal() const { return double(session_.lane_steps_total()); }
  // Trials run so far by the optimizer being tuned, and its trials in all (over its rounds).
  int trialsDone() const { return session_.phase() == gs::labs::RacePhase::Tuning ? int(tuning().evaluations_done()) : 0; }
  int trialsTotal() const { return session_.phase() == gs::labs::RacePhase::Tuning ? int(tuning().evaluations()) : 0; }
  std::string configJson() const { return gs::json::serialize(gs::labs::race_config_json(session_.config())); }
  std::string resultJson() const { return session_.result_json(); }
  // The run config of held-out run `run` of optimizer `entry` (tuned), or an error naming the index.
  std::string heldOutRunConfig(double entry, double run) const {
    const size_t tuned = session_.results().size(), runs = session_.protocol().held_out.runs_per_spec();
    if (tuned == 0) return "entry: no optimizer is tuned yet";
    std::string error = gs::bindings::index_error("entry (a tuned optimizer)", entry, tuned);
    if (error.empty()) error = gs::bindings::index_error("run", run, runs);
    if (!error.empty()) return error;
    return gs::json::serialize(session_.held_out_run_config(static_cast<size_t>(entry), static_cast<size_t>(run)));
  }

 private:
  const gs::race::EntryTuning& tuning() const { return session_.tunings()[session_.entry()]; }
  gs::labs::RaceSession session_;
};

std::string registryJson() { return gs::json::serialize(gs::engine::registry_json()); }
std::string simdBackend() { return gs::simd::backend_name(); }

}  // namespace

EMSCRIPTEN_BINDINGS(gradscape_race) {
  // A race may run any optimizer (custom rules; whole-vector ones as single runs) on any objective.
  gs::engine::register_full_engine();
  gs::optim::whole::register_whole_optimizers();
  gs::engine::register_beyond_rule_runs();
  emscripten::class_<RaceSessionHandle>("RaceSession")
      .constructor<>()
      .function("configure", &RaceSessionHandle::configure)
      .function("advance", &RaceSessionHandle::advance)
      .function("finished", &RaceSessionHandle::finished)
      .function("phase", &RaceSessionHandle::phase)
      .function("entry", &RaceSessionHandle::entry)
      .function("entries", &RaceSessionHandle::entries)
      .function("laneStepsDone", &RaceSessionHandle::laneStepsDone)
      .function("laneStepsTotal", &RaceSessionHandle::laneStepsTotal)
      .function("trialsDone", &RaceSessionHandle::trialsDone)
      .function("trialsTotal", &RaceSessionHandle::trialsTotal)
      .function("configJson", &RaceSessionHandle::configJson)
      .function("resultJson", &RaceSessionHandle::resultJson)
      .function("heldOutRunConfig", &RaceSessionHandle::heldOutRunConfig);
  emscripten::function("registryJson", &registryJson);
  emscripten::function("simdBackend", &simdBackend);
  emscripten::function("heapBytes", &gs::bindings::heap_bytes);
}
