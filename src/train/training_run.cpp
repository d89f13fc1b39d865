#include "train/training_run.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "optim/divergence.hpp"
#include "train/shuffle.hpp"

namespace gs::train {

TrainingRun::TrainingRun(const optim::OptimizerSpec& spec, uint64_t seed, const RunSchedule& schedule, Task& task)
    : optimizer_(spec, task.model().parameter_count()),
      seed_(seed),
      schedule_(schedule),
      params_(task.model().parameter_count()),
      grads_(params_.size()) {
  task.model().init(seed, params_.data());
  if (optimizer_.has_lookahead()) point_.resize(params_.size());
  const size_t points = schedule.record_points();
  for (auto* v : {&curves_.batch, &curves_.epoch, &curves_.train_loss, &curves_.test_loss, &curves_.test_accuracy})
    v->reserve(points);
}

uint64_t TrainingRun::advance(Task& task, uint64_t k) {
  uint64_t trained = 0;
  while (trained < k && !finished()) {
    const auto start = std::chrono::steady_clock::now();
    const bool ok = train_one(task);
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!ok) break;
    ++trained;
    if (done_ % schedule_.record_every == 0 || done_ == schedule_.total_batches) record(task);
  }
  return trained;
}

bool TrainingRun::train_one(Task& task) {
  const uint64_t t = done_ + 1;
  const uint64_t epoch = done_ / schedule_.batches_per_epoch;
  const uint64_t position = done_ % schedule_.batches_per_epoch;
  const size_t n = task.train_size();
  if (position == 0) shuffled_order(seed_, epoch, n, order_);
  const size_t begin = size_t(position) * schedule_.batch_size;
  const size_t count = std::min(schedule_.batch_size, n - begin);
  const models::Batch batch = task.train_batch(order_.data() + begin, count);
  const float* at = params_.data();
  if (optimizer_.has_lookahead()) {
    optimizer_.gradient_point(params_.data(), point_.data());
    at = point_.data();
  }
  const double loss = task.model().loss_and_grad(at, batch, grads_.data(), models::NoiseKey{seed_, t});
  std::string why;
  if (!std::isfinite(loss)) {
    why = std::string("the training loss became ") + (std::isnan(loss) ? "NaN" : "infinite");
  } else {
    optimizer_.step(params_.data(), grads_.data());
    params_finite(why);
  }
  if (!why.empty()) {
    diverged_ = true;
    diverged_at_ = t;
    divergence_ = "diverged at minibatch " + std::to_string(t) + ": " + why;
    return false;
  }
  done_ = t;
  window_loss_ += loss;
  ++window_batches_;
  return true;
}

bool TrainingRun::params_finite(std::string& why) const {
  for (size_t i = 0; i < params_.size(); ++i) {
    const float p = params_[i];
    if (!std::isfinite(p)) {
      why = "parameter " + std::to_string(i) + " became " + (std::isnan(p) ? "NaN" : "infinite");
      return false;
    }
    if (std::fabs(p) > optim::kDivergenceLimit) {
      why = "|parameter " + std::to_string(i) + "| exceeded 1e12";
      return false;
    }
  }
  return true;
}

void TrainingRun::record(Task& task) {
  const models::Evaluation e = evaluate_test(task, params_.data(), models::NoiseKey{seed_, kEvaluationStep});
  const double tests = double(task.test_size());
  curves_.batch.push_back(double(done_));
  curves_.epoch.push_back(double(done_) / double(schedule_.batches_per_epoch));
  curves_.train_loss.push_back(window_loss_ / double(window_batches_));
  curves_.test_loss.push_back(e.loss_sum / tests);
  curves_.test_accuracy.push_back(task.model().classifies() ? double(e.correct) / tests : std::nan(""));
  window_loss_ = 0;
  window_batches_ = 0;
}

}  // namespace gs::train
