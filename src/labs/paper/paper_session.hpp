// The long-lived engine object of the paper lab: it holds the image data (handed over as the
// bytes of public/data/fashion-mnist-6k.bin, so a front end fetches the file and passes it on),
// one training task and every run of a paper config (docs/schema.md): optimizers × lr_grid
// points × seeds. advance(k) trains every unfinished run by up to k minibatches, one coarse call
// per frame or chunk; each run's curves live in buffers reserved for every record point up front,
// so views into them (future wasm bindings' typed arrays) stay valid while the runs advance.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "data/image_dataset.hpp"
#include "data/sparse_dataset.hpp"
#include "labs/paper/paper_config.hpp"
#include "train/grid_summary.hpp"
#include "train/task.hpp"
#include "train/training_run.hpp"

namespace gs::labs {

class PaperSession {
 public:
  PaperSession();
  ~PaperSession();
  PaperSession(const PaperSession&) = delete;
  PaperSession& operator=(const PaperSession&) = delete;

  // Parses and keeps the image data (data/image_dataset.hpp); the image experiments need it.
  bool load_images(std::span<const uint8_t> bytes, std::string& error);
  bool has_images() const { return images_ != nullptr; }
  // Uses the image data another session loaded (shared, not copied; none if it has none).
  void share_images(const PaperSession& other) { images_ = other.images_; }

  // Validates the config (naming the failing field) and starts every run from its initial
  // parameters. Image experiments fail unless load_images succeeded first.
  bool configure(const json::Value& config, std::string& error);
  bool configure(const PaperConfig& config, std::string& error);
  void reset();

  // Trains every unfinished run by up to k minibatches; returns the most any run trained.
  uint64_t advance(uint64_t k);
  bool finished() const;

  // The config with data counts and record_every resolved.
  const PaperConfig& config() const { return config_; }
  const train::RunSchedule& schedule() const { return schedule_; }
  size_t parameter_count() const;
  size_t run_count() const { return runs_.size(); }
  const train::TrainingRun& run(size_t i) const { return *runs_[i]; }
  size_t run_optimizer(size_t i) const { return run_slots_[i].optimizer; }
  double run_lr(size_t i) const { return config_.optimizers[run_slots_[i].optimizer].lr_grid[run_slots_[i].grid]; }
  // The grid search and seed bands of optimizer entry i, from what is recorded so far.
  train::GridSummary summary(size_t i) const;

  std::string result_json() const;

 private:
  struct RunSlot {
    size_t optimizer, grid, seed;
  };
  std::unique_ptr<models::Model> make_model() const;

  std::shared_ptr<const data::ImageDataset> images_;
  std::shared_ptr<const data::SparseDataset> docs_;
  PaperConfig config_;
  train::RunSchedule schedule_;
  std::unique_ptr<train::Task> task_;
  std::vector<std::unique_ptr<train::TrainingRun>> runs_;
  std::vector<RunSlot> run_slots_;
};

}  // namespace gs::labs
