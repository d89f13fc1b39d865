// Embind layer of the paper module (gradscape-paper-{simd,scalar}): the paper lab's engine
// (docs/schema.md, "Paper config"), in a module of its own so the landscape page and the embeds don't
// download the models. The image data (the bytes of public/data/fashion-mnist-6k.bin) is parsed
// once per module by loadImages and shared by every PaperSession configured after it. One
// PaperSession per paper-lab experiment: advance(k) trains every unfinished run by up to k
// minibatches in one call; each run's curves are zero-copy views of buffers reserved for every
// record point at configure (valid until the next configure/reset or memory growth). Failing
// calls return the error text (empty means success); web/api/ turns it into a JS Error, so no
// C++ exception crosses the boundary.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "binding_support.hpp"
#include "core/json.hpp"
#include "core/simd.hpp"
#include "labs/paper/paper_session.hpp"
#include "optim/pack/optimizer_pack.hpp"
#include "optim/registry.hpp"

namespace {

using emscripten::val;

// Holds the module's image data; sessions share it (PaperSession::share_images) at configure.
gs::labs::PaperSession& image_holder() {
  static gs::labs::PaperSession holder;
  return holder;
}

std::string loadImages(const val& bytes) {
  const std::vector<uint8_t> data = emscripten::convertJSArrayToNumberVector<uint8_t>(bytes);
  std::string error;
  image_holder().load_images(data, error);
  return error.empty() ? error : "bytes: " + error;
}

bool hasImages() { return image_holder().has_images(); }

gs::json::Value numbers(const std::vector<double>& xs) {
  gs::json::Array a;
  a.reserve(xs.size());
  for (double x : xs) a.emplace_back(x);
  return gs::json::Value(std::move(a));
}

gs::json::Value band_json(const gs::train::Band& b) {
  gs::json::Value v{gs::json::Object{}};
  v.set("mean", numbers(b.mean));
  v.set("min", numbers(b.min));
  v.set("max", numbers(b.max));
  return v;
}

class PaperSessionHandle {
 public:
  std::string configure(const std::string& text) {
    session_.share_images(image_holder());
    return gs::bindings::configure_from_text(session_, text);
  }
  void reset() { session_.reset(); }
  double advance(double k) {
    const double total = double(session_.schedule().total_batches);
    return double(session_.advance(k > 0 ? static_cast<uint64_t>(k < total ? k : total) : 0));
  }
  bool finished() const { return session_.finished(); }
  int runCount() const { return static_cast<int>(session_.run_count()); }
  double batchesPerRun() const { return double(session_.schedule().total_batches); }
  double batchesPerEpoch() const { return double(session_.schedule().batches_per_epoch); }
  double parameterCount() const { return double(session_.parameter_count()); }
  // The most minibatches any run has trained.
  double batchesDone() const {
    uint64_t most = 0;
    for (size_t r = 0; r < session_.run_count(); ++r) most = std::max(most, session_.run(r).batches_done());
    return double(most);
  }
  double runBatchesDone(int i) const { return double(run(i).batches_done()); }
  double points(int i) const { return double(run(i).curves().points()); }
  val batch(int i) const { return view(i, &gs::train::Curves::batch); }
  val epoch(int i) const { return view(i, &gs::train::Curves::epoch); }
  val trainLoss(int i) const { return view(i, &gs::train::Curves::train_loss); }
  val testLoss(int i) const { return view(i, &gs::train::Curves::test_loss); }
  val testAccuracy(int i) const { return view(i, &gs::train::Curves::test_accuracy); }
  // optimizer (every hyperparameter resolved), optimizer_index, lr, seed of run i as JSON.
  std::string runInfo(int i) const {
    const size_t r = static_cast<size_t>(i);
    gs::json::Value v{gs::json::Object{}};
    v.set("optimizer", gs::optim::to_json(run(i).spec()));
    v.set("optimizer_index", double(session_.run_optimizer(r)));
    v.set("lr", session_.run_lr(r));
    v.set("seed", double(run(i).seed()));
    return gs::json::serialize(v);
  }
  // status ("ok", "diverged" or "running"), diverged_at, message of run i as JSON.
  std::string runStatus(int i) const {
    const gs::train::TrainingRun& r = run(i);
    gs::json::Value v{gs::json::Object{}};
    v.set("status", r.diverged() ? "diverged" : r.finished() ? "ok" : "running");
    v.set("diverged_at", r.diverged() ? gs::json::Value(double(r.diverged_at())) : gs::json::Value());
    v.set("message", r.diverged() ? gs::json::Value(r.divergence()) : gs::json::Value());
    return gs::json::serialize(v);
  }
  // Wall-clock training seconds per epoch so far (NaN before the first minibatch).
  double secondsPerEpoch(int i) const {
    const double epochs = double(run(i).batches_done()) / double(session_.schedule().batches_per_epoch);
    return epochs > 0 ? run(i).train_seconds() / epochs : NAN;
  }
  // The result's grid[i] (docs/schema.md) from what is recorded so far.
  std::string summaryJson(int i) const {
    const gs::labs::PaperConfig& c = session_.config();
    const size_t o = static_cast<size_t>(i);
    const gs::train::GridSummary s = session_.summary(o);
    const bool classifies = c.experiment != gs::labs::Experiment::VaeImages;
    gs::json::Value v{gs::json::Object{}};
    v.set("optimizer_index", double(o));
    v.set("lr_grid", numbers(c.optimizers[o].lr_grid));
    v.set("final_train_loss", numbers(s.final_train_loss));
    v.set("chosen_lr", s.any_finite ? gs::json::Value(c.optimizers[o].lr_grid[s.chosen]) : gs::json::Value());
    // Runs are ordered optimizer entry by entry, then grid point, then seed.
    size_t first = 0;
    for (size_t e = 0; e < o; ++e) first += c.optimizers[e].lr_grid.size() * c.seeds.size();
    gs::json::Array chosen_runs;
    if (s.any_finite)
      for (size_t seed = 0; seed < c.seeds.size(); ++seed)
        chosen_runs.emplace_back(double(first + s.chosen * c.seeds.size() + seed));
    v.set("chosen_runs", gs::json::Value(std::move(chosen_runs)));
    v.set("batch", numbers(s.batch));
    v.set("epoch", numbers(s.epoch));
    v.set("train_loss", band_json(s.train_loss));
    v.set("test_loss", band_json(s.test_loss));
    v.set("test_accuracy", classifies ? band_json(s.test_accuracy) : gs::json::Value());
    return gs::json::serialize(v);
  }
  int optimizerCount() const { return static_cast<int>(session_.config().optimizers.size()); }
  std::string resultJson() const { return session_.result_json(); }

 private:
  const gs::train::TrainingRun& run(int i) const { return session_.run(static_cast<size_t>(i)); }
  val view(int i, std::vector<double> gs::train::Curves::*curve) const {
    const gs::train::Curves& c = run(i).curves();
    return gs::bindings::view(c.*curve, c.points());
  }
  gs::labs::PaperSession session_;
};

std::string simdBackend() { return gs::simd::backend_name(); }

}  // namespace

EMSCRIPTEN_BINDINGS(gradscape_paper) {
  // A paper config may name a pack optimizer: this lab module has the pack.
  gs::optim::register_optimizer_pack();
  emscripten::class_<PaperSessionHandle>("PaperSession")
      .constructor<>()
      .function("configure", &PaperSessionHandle::configure)
      .function("reset", &PaperSessionHandle::reset)
      .function("advance", &PaperSessionHandle::advance)
      .function("finished", &PaperSessionHandle::finished)
      .function("runCount", &PaperSessionHandle::runCount)
      .function("batchesPerRun", &PaperSessionHandle::batchesPerRun)
      .function("batchesPerEpoch", &PaperSessionHandle::batchesPerEpoch)
      .function("parameterCount", &PaperSessionHandle::parameterCount)
      .function("batchesDone", &PaperSessionHandle::batchesDone)
      .function("runBatchesDone", &PaperSessionHandle::runBatchesDone)
      .function("points", &PaperSessionHandle::points)
      .function("batch", &PaperSessionHandle::batch)
      .function("epoch", &PaperSessionHandle::epoch)
      .function("trainLoss", &PaperSessionHandle::trainLoss)
      .function("testLoss", &PaperSessionHandle::testLoss)
      .function("testAccuracy", &PaperSessionHandle::testAccuracy)
      .function("runInfo", &PaperSessionHandle::runInfo)
      .function("runStatus", &PaperSessionHandle::runStatus)
      .function("secondsPerEpoch", &PaperSessionHandle::secondsPerEpoch)
      .function("summaryJson", &PaperSessionHandle::summaryJson)
      .function("optimizerCount", &PaperSessionHandle::optimizerCount)
      .function("resultJson", &PaperSessionHandle::resultJson);
  emscripten::function("loadImages", &loadImages);
  emscripten::function("hasImages", &hasImages);
  emscripten::function("simdBackend", &simdBackend);
  emscripten::function("heapBytes", &gs::bindings::heap_bytes);
}
