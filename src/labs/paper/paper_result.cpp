// The result of the paper lab's config (docs/schema.md): the resolved config, every
// run's curves and status, and per optimizer entry the learning-rate grid with each point's final
// training loss, the chosen point and its seeds' mean and min/max bands.
#include <chrono>

#include "labs/paper/paper_session.hpp"
#include "optim/registry.hpp"

namespace gs::labs {

namespace {

json::Value numbers(const std::vector<double>& xs) {
  json::Array a;
  a.reserve(xs.size());
  for (double x : xs) a.emplace_back(x);
  return json::Value(std::move(a));
}

json::Value band_json(const train::Band& b) {
  json::Value v{json::Object{}};
  v.set("mean", numbers(b.mean));
  v.set("min", numbers(b.min));
  v.set("max", numbers(b.max));
  return v;
}

}  // namespace

std::string PaperSession::result_json() const {
  const bool classifies = task_ && task_->model().classifies();
  json::Value out{json::Object{}};
  out.set("version", 1);
  out.set("experiment", experiment_name(config_.experiment));
  out.set("model", model_json(config_));
  out.set("data", data_json(config_));
  out.set("parameters", double(parameter_count()));
  out.set("epochs", double(config_.epochs));
  out.set("batch_size", double(config_.batch_size));
  json::Array seeds;
  for (uint64_t s : config_.seeds) seeds.emplace_back(double(s));
  out.set("seeds", json::Value(std::move(seeds)));
  out.set("record_every", double(config_.record_every));
  out.set("batches_per_epoch", double(schedule_.batches_per_epoch));
  json::Array runs;
  for (size_t r = 0; r < runs_.size(); ++r) {
    const train::TrainingRun& run = *runs_[r];
    const train::Curves& c = run.curves();
    json::Value v{json::Object{}};
    v.set("optimizer", optim::to_json(run.spec()));
    v.set("optimizer_index", double(run_slots_[r].optimizer));
    v.set("lr", run.spec().lr);
    v.set("seed", double(run.seed()));
    v.set("batch", numbers(c.batch));
    v.set("epoch", numbers(c.epoch));
    v.set("train_loss", numbers(c.train_loss));
    v.set("test_loss", numbers(c.test_loss));
    v.set("test_accuracy", classifies ? numbers(c.test_accuracy) : json::Value());
    const double epochs_done = double(run.batches_done()) / double(schedule_.batches_per_epoch);
    v.set("seconds_per_epoch", epochs_done > 0 ? json::Value(run.train_seconds() / epochs_done) : json::Value());
    v.set("status", run.diverged() ? "diverged" : run.finished() ? "ok" : "running");
    v.set("diverged_at", run.diverged() ? json::Value(double(run.diverged_at())) : json::Value());
    if (run.diverged()) v.set("message", run.divergence());
    runs.push_back(std::move(v));
  }
  out.set("runs", json::Value(std::move(runs)));
  json::Array grids;
  for (size_t i = 0; i < config_.optimizers.size(); ++i) {
    const train::GridSummary s = summary(i);
    json::Value v{json::Object{}};
    v.set("optimizer_index", double(i));
    v.set("lr_grid", numbers(config_.optimizers[i].lr_grid));
    v.set("final_train_loss", numbers(s.final_train_loss));
    v.set("chosen_lr", s.any_finite ? json::Value(config_.optimizers[i].lr_grid[s.chosen]) : json::Value());
    json::Array chosen_runs;
    if (s.any_finite)
      for (size_t r = 0; r < runs_.size(); ++r)
        if (run_slots_[r].optimizer == i && run_slots_[r].grid == s.chosen) chosen_runs.emplace_back(double(r));
    v.set("chosen_runs", json::Value(std::move(chosen_runs)));
    v.set("batch", numbers(s.batch));
    v.set("epoch", numbers(s.epoch));
    v.set("train_loss", band_json(s.train_loss));
    v.set("test_loss", band_json(s.test_loss));
    v.set("test_accuracy", classifies ? band_json(s.test_accuracy) : json::Value());
    grids.push_back(std::move(v));
  }
  out.set("grid", json::Value(std::move(grids)));
  return json::serialize(out);
}

}  // namespace gs::labs
