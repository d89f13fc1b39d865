#include "train/task.hpp"

#include <algorithm>
#include <numeric>

namespace gs::train {

namespace {

constexpr size_t kEvaluationChunk = 256;

class ImageTask final : public Task {
 public:
  ImageTask(std::shared_ptr<const data::ImageDataset> images, size_t train, size_t test,
            std::unique_ptr<models::Model> model)
      : images_(std::move(images)), train_(train), test_(test), model_(std::move(model)) {}

  models::Model& model() override { return *model_; }
  size_t train_size() const override { return train_; }
  size_t test_size() const override { return test_; }

  models::Batch train_batch(const uint32_t* rows, size_t count) override {
    return gather(images_->train, rows, count);
  }

  models::Batch test_batch(size_t begin, size_t count) override {
    rows_.resize(count);
    std::iota(rows_.begin(), rows_.end(), uint32_t(begin));
    return gather(images_->test, rows_.data(), count);
  }

 private:
  models::Batch gather(const data::ImageSet& set, const uint32_t* rows, size_t count) {
    pixels_.resize(count * set.pixels_per_image);
    labels_.resize(count);
    data::gather_pixels(set, images_->scale, rows, count, pixels_.data());
    for (size_t r = 0; r < count; ++r) labels_[r] = set.labels[rows[r]];
    models::Batch b;
    b.rows = count;
    b.dense = pixels_.data();
    b.classes = labels_.data();
    return b;
  }

  std::shared_ptr<const data::ImageDataset> images_;
  size_t train_, test_;
  std::unique_ptr<models::Model> model_;
  std::vector<float> pixels_;
  std::vector<uint8_t> labels_;
  std::vector<uint32_t> rows_;
};

class SparseTask final : public Task {
 public:
  SparseTask(std::shared_ptr<const data::SparseDataset> docs, std::unique_ptr<models::Model> model)
      : docs_(std::move(docs)), model_(std::move(model)) {}

  models::Model& model() override { return *model_; }
  size_t train_size() const override { return docs_->train.x.rows; }
  size_t test_size() const override { return docs_->test.x.rows; }

  models::Batch train_batch(const uint32_t* rows, size_t count) override {
    rows_.assign(rows, rows + count);
    return batch(docs_->train);
  }

  models::Batch test_batch(size_t begin, size_t count) override {
    rows_.resize(count);
    std::iota(rows_.begin(), rows_.end(), uint32_t(begin));
    return batch(docs_->test);
  }

 private:
  models::Batch batch(const data::SparseSet& set) {
    targets_.resize(rows_.size());
    for (size_t r = 0; r < rows_.size(); ++r) targets_[r] = set.labels[rows_[r]];
    models::Batch b;
    b.rows = rows_.size();
    b.sparse = &set.x;
    b.sparse_rows = rows_.data();
    b.targets = targets_.data();
    return b;
  }

  std::shared_ptr<const data::SparseDataset> docs_;
  std::unique_ptr<models::Model> model_;
  std::vector<uint32_t> rows_;
  std::vector<float> targets_;
};

}  // namespace

std::unique_ptr<Task> make_image_task(std::shared_ptr<const data::ImageDataset> images, size_t train, size_t test,
                                      std::unique_ptr<models::Model> model) {
  return std::make_unique<ImageTask>(std::move(images), train, test, std::move(model));
}

std::unique_ptr<Task> make_sparse_task(std::shared_ptr<const data::SparseDataset> docs,
                                       std::unique_ptr<models::Model> model) {
  return std::make_unique<SparseTask>(std::move(docs), std::move(model));
}

models::Evaluation evaluate_test(Task& task, const float* params, const models::NoiseKey& noise) {
  models::Evaluation total;
  for (size_t begin = 0; begin < task.test_size(); begin += kEvaluationChunk) {
    const size_t count = std::min(kEvaluationChunk, task.test_size() - begin);
    const models::NoiseKey chunk_noise{noise.seed, noise.step + begin / kEvaluationChunk};
    const models::Evaluation e = task.model().evaluate(params, task.test_batch(begin, count), chunk_noise);
    total.loss_sum += e.loss_sum;
    total.correct += e.correct;
  }
  return total;
}

}  // namespace gs::train
