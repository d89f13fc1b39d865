#include "labs/paper/paper_session.hpp"

#include <algorithm>

#include "core/check.hpp"
#include "models/mlp.hpp"
#include "models/softmax_regression.hpp"
#include "models/sparse_logistic_regression.hpp"
#include "models/vae.hpp"

namespace gs::labs {

namespace {

bool same_bow(const data::BagOfWordsTaskParams& a, const data::BagOfWordsTaskParams& b) {
  return a.vocabulary == b.vocabulary && a.train == b.train && a.test == b.test && a.words == b.words &&
         a.zipf == b.zipf && a.polar == b.polar && a.strength == b.strength && a.label_noise == b.label_noise && a.seed == b.seed;
}

// data.train / data.test against what the image file holds (0: all of it).
bool resolve_count(size_t& count, size_t available, const char* field, std::string& error) {
  if (count == 0) count = available;
  if (count > available) {
    error = std::string(field) + ": must be at most " + std::to_string(available) + " (the images loaded), got " +
            std::to_string(count);
    return false;
  }
  return true;
}

}  // namespace

PaperSession::PaperSession() = default;
PaperSession::~PaperSession() = default;

bool PaperSession::load_images(std::span<const uint8_t> bytes, std::string& error) {
  auto images = std::make_shared<data::ImageDataset>();
  if (!data::parse_image_dataset(bytes, *images, error)) return false;
  images_ = std::move(images);
  return true;
}

bool PaperSession::configure(const json::Value& config, std::string& error) {
  PaperConfig parsed;
  if (!parse_paper_config(config, parsed, error)) return false;
  return configure(parsed, error);
}

bool PaperSession::configure(const PaperConfig& config, std::string& error) {
  PaperConfig c = config;
  if (is_image_experiment(c.experiment)) {
    if (!images_) {
      error = std::string("experiment: ") + experiment_name(c.experiment) +
              " needs the image data (public/data/fashion-mnist-6k.bin): load it first";
      return false;
    }
    if (!resolve_count(c.data.train, images_->train.count, "data.train", error) ||
        !resolve_count(c.data.test, images_->test.count, "data.test", error))
      return false;
  }
  if (c.batch_size > c.data.train) {
    error = "batch_size: must be at most data.train = " + std::to_string(c.data.train) + ", got " +
            std::to_string(c.batch_size);
    return false;
  }
  train::RunSchedule s;
  s.batch_size = c.batch_size;
  s.batches_per_epoch = (c.data.train + c.batch_size - 1) / c.batch_size;
  s.total_batches = c.epochs * s.batches_per_epoch;
  if (c.record_every == 0) c.record_every = (s.batches_per_epoch + 3) / 4;
  if (c.record_every > s.total_batches) {
    error = "record_every: must be at most the " + std::to_string(s.total_batches) + " minibatches of the run, got " +
            std::to_string(c.record_every);
    return false;
  }
  s.record_every = c.record_every;
  if (s.record_points() > kMaxPaperRecords) {
    error = "record_every: must be at least " + std::to_string((s.total_batches + kMaxPaperRecords - 1) / kMaxPaperRecords) +
            " (at most 100000 record points), got " + std::to_string(c.record_every);
    return false;
  }
  if (!is_image_experiment(c.experiment) && (!docs_ || !same_bow(docs_->params, c.data.bow)))
    docs_ = std::make_shared<const data::SparseDataset>(data::make_bag_of_words(c.data.bow));
  config_ = std::move(c);
  schedule_ = s;
  if (is_image_experiment(config_.experiment))
    task_ = train::make_image_task(images_, config_.data.train, config_.data.test, make_model());
  else
    task_ = train::make_sparse_task(docs_, make_model());
  reset();
  return true;
}

std::unique_ptr<models::Model> PaperSession::make_model() const {
  const ModelConfig& m = config_.model;
  switch (config_.experiment) {
    case Experiment::LogregImages:
      return std::make_unique<models::SoftmaxRegression>(images_->rows * images_->cols, images_->classes);
    case Experiment::LogregBow:
      return std::make_unique<models::SparseLogisticRegression>(config_.data.bow.vocabulary, float(m.dropout));
    case Experiment::MlpImages: {
      models::MlpShape shape;
      shape.inputs = images_->rows * images_->cols;
      shape.classes = images_->classes;
      shape.hidden = m.hidden;
      shape.dropout = float(m.dropout);
      shape.input_dropout = float(m.input_dropout);
      return std::make_unique<models::Mlp>(shape);
    }
    case Experiment::VaeImages: {
      models::VaeShape shape;
      shape.inputs = images_->rows * images_->cols;
      shape.hidden = m.hidden;
      shape.latent = m.latent;
      return std::make_unique<models::Vae>(shape);
    }
  }
  return nullptr;
}

void PaperSession::reset() {
  runs_.clear();
  run_slots_.clear();
  for (size_t o = 0; o < config_.optimizers.size(); ++o) {
    const PaperOptimizer& entry = config_.optimizers[o];
    for (size_t g = 0; g < entry.lr_grid.size(); ++g)
      for (size_t s = 0; s < config_.seeds.size(); ++s) {
        optim::OptimizerSpec spec = entry.spec;
        spec.lr = entry.lr_grid[g];
        runs_.push_back(std::make_unique<train::TrainingRun>(spec, config_.seeds[s], schedule_, *task_));
        run_slots_.push_back({o, g, s});
      }
  }
}

uint64_t PaperSession::advance(uint64_t k) {
  uint64_t most = 0;
  for (auto& run : runs_) most = std::max(most, run->advance(*task_, k));
  return most;
}

bool PaperSession::finished() const {
  return std::all_of(runs_.begin(), runs_.end(), [](const auto& r) { return r->finished(); });
}

size_t PaperSession::parameter_count() const { return task_ ? task_->model().parameter_count() : 0; }

train::GridSummary PaperSession::summary(size_t i) const {
  const PaperOptimizer& entry = config_.optimizers[i];
  std::vector<std::vector<const train::TrainingRun*>> grid(entry.lr_grid.size());
  for (size_t r = 0; r < runs_.size(); ++r)
    if (run_slots_[r].optimizer == i) grid[run_slots_[r].grid].push_back(runs_[r].get());
  return train::summarise_grid(grid);
}

}  // namespace gs::labs
