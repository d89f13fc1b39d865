// Embind layer of the regret module (gradscape-regret-{simd,scalar}): the regret lab's engine, in a
// module of its own so the landscape page and the embeds don't download it. One RegretSession per
// regret-lab run (in a Web Worker). Failing calls return the error text (empty means success);
// web/api/ turns it into a JS Error, so no C++ exception crosses the boundary.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "binding_support.hpp"
#include "core/json.hpp"
#include "labs/regret/regret_session.hpp"
#include "optim/pack/optimizer_pack.hpp"

namespace {

using emscripten::val;

// The regret lab's session for the Web Worker: advance(k) plays k rounds of every run in one call;
// t, regret, averageRegret, bound (NaN where Theorem 4.1 does not apply), iterate and the
// comparator's tolerances are views of buffers reserved for every record point (valid until the
// next configure/reset or memory growth).
class RegretSessionHandle {
 public:
  std::string configure(const std::string& text) { return gs::bindings::configure_from_text(session_, text); }
  void reset() { session_.reset(); }
  double advance(double k) {
    const double total = double(session_.config().T);
    return double(session_.advance(k > 0 ? static_cast<uint64_t>(k < total ? k : total) : 0));
  }
  double stepsDone() const { return double(session_.steps_done()); }
  double totalSteps() const { return double(session_.config().T); }
  bool finished() const { return session_.finished(); }
  int runCount() const { return static_cast<int>(session_.run_count()); }
  double recordCount() const { return double(session_.record_count()); }
  val t() const { return gs::bindings::view(session_.t(), session_.record_count()); }
  val regret(int i) const { return gs::bindings::view(trace(i).regret, trace(i).records()); }
  val averageRegret(int i) const { return gs::bindings::view(trace(i).average_regret, trace(i).records()); }
  val bound(int i) const { return gs::bindings::view(trace(i).bound, trace(i).records()); }
  val iterate(int i) const { return gs::bindings::view(trace(i).iterate, trace(i).records()); }
  val tolerances() const { return gs::bindings::view(session_.tolerances(), session_.record_count()); }
  std::string runStatus(int i) const { return gs::json::serialize(session_.run_status(static_cast<size_t>(i))); }
  std::string comparatorJson() const { return session_.comparator_json(); }
  std::string resultJson() const { return session_.result_json(); }
  std::string resultHeader() const { return session_.result_header(); }
  std::string runJson(int i) const { return session_.run_json(static_cast<size_t>(i)); }

 private:
  const gs::labs::RegretTrace& trace(int i) const { return session_.trace(static_cast<size_t>(i)); }
  gs::labs::RegretSession session_;
};


}  // namespace

EMSCRIPTEN_BINDINGS(gradscape_regret) {
  // A regret config may name a pack optimizer: this lab module has the pack.
  gs::optim::register_optimizer_pack();
  emscripten::class_<RegretSessionHandle>("RegretSession")
      .constructor<>()
      .function("configure", &RegretSessionHandle::configure)
      .function("reset", &RegretSessionHandle::reset)
      .function("advance", &RegretSessionHandle::advance)
      .function("stepsDone", &RegretSessionHandle::stepsDone)
      .function("totalSteps", &RegretSessionHandle::totalSteps)
      .function("finished", &RegretSessionHandle::finished)
      .function("runCount", &RegretSessionHandle::runCount)
      .function("recordCount", &RegretSessionHandle::recordCount)
      .function("t", &RegretSessionHandle::t)
      .function("regret", &RegretSessionHandle::regret)
      .function("averageRegret", &RegretSessionHandle::averageRegret)
      .function("bound", &RegretSessionHandle::bound)
      .function("iterate", &RegretSessionHandle::iterate)
      .function("tolerances", &RegretSessionHandle::tolerances)
      .function("runStatus", &RegretSessionHandle::runStatus)
      .function("comparatorJson", &RegretSessionHandle::comparatorJson)
      .function("resultJson", &RegretSessionHandle::resultJson)
      .function("resultHeader", &RegretSessionHandle::resultHeader)
      .function("runJson", &RegretSessionHandle::runJson);
  emscripten::function("heapBytes", &gs::bindings::heap_bytes);
}
