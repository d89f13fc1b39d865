// One training run of the paper lab: a model's flat parameters, one optimizer instance (src/optim)
// over all of them, the minibatch order of its seed, and the curves it records. Minibatch t
// (1-based) of epoch e = ⌊(t − 1)/B⌋ takes the next batch_size examples of epoch e's shuffle
// (the last batch of an epoch may be smaller; B = ⌈train/batch_size⌉ batches per epoch), its noise
// key is (seed, t), and one optimizer step follows (so schedules such as α/√t count minibatches,
// as in the Adam paper's Section 6). Every record_every minibatches and after the last one the run
// records the mean training loss of the minibatches since the previous record (with their dropout
// noise), and the test loss and accuracy over the whole test split (without dropout).
// A non-finite loss, or a parameter that is non-finite or beyond ±1e12, stops the run as diverged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "optim/optimizer.hpp"
#include "train/task.hpp"

namespace gs::train {

// The noise step of test evaluation (training steps stay below it; chunks add their index).
inline constexpr uint64_t kEvaluationStep = 1ULL << 31;

struct Curves {
  std::vector<double> batch;          // minibatches done at each record point
  std::vector<double> epoch;          // batch / batches per epoch
  std::vector<double> train_loss;     // mean minibatch loss since the previous record point
  std::vector<double> test_loss;      // mean per-example test loss
  std::vector<double> test_accuracy;  // fraction correct (NaN for the VAE)
  size_t points() const { return batch.size(); }
};

struct RunSchedule {
  size_t batch_size = 128;
  uint64_t batches_per_epoch = 1;
  uint64_t total_batches = 1;
  uint64_t record_every = 1;
  size_t record_points() const { return size_t((total_batches + record_every - 1) / record_every); }
};

class TrainingRun {
 public:
  TrainingRun(const optim::OptimizerSpec& spec, uint64_t seed, const RunSchedule& schedule, Task& task);

  // Trains up to k minibatches (fewer at the end or on divergence); returns how many.
  uint64_t advance(Task& task, uint64_t k);

  uint64_t batches_done() const { return done_; }
  bool finished() const { return diverged_ || done_ >= schedule_.total_batches; }
  bool diverged() const { return diverged_; }
  uint64_t diverged_at() const { return diverged_at_; }
  const std::string& divergence() const { return divergence_; }
  const Curves& curves() const { return curves_; }
  double train_seconds() const { return seconds_; }
  const std::vector<float>& params() const { return params_; }
  uint64_t seed() const { return seed_; }
  const optim::OptimizerSpec& spec() const { return optimizer_.spec(); }

 private:
  bool train_one(Task& task);
  void record(Task& task);
  bool params_finite(std::string& why) const;

  optim::Optimizer<float> optimizer_;
  uint64_t seed_;
  RunSchedule schedule_;
  std::vector<float> params_, grads_, point_;
  std::vector<uint32_t> order_;
  uint64_t done_ = 0;
  double window_loss_ = 0;
  uint64_t window_batches_ = 0;
  bool diverged_ = false;
  uint64_t diverged_at_ = 0;
  std::string divergence_;
  double seconds_ = 0;
  Curves curves_;
};

}  // namespace gs::train
