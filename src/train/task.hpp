// A training task: one model over one dataset, and the minibatches it reads. The image tasks
// gather a batch's rows into contiguous f32 pixels (data::gather_pixels); the sparse task points
// the model at CSR rows. The training engine (train/training_run.hpp) sees only this interface.
#pragma once

#include <memory>
#include <vector>

#include "data/image_dataset.hpp"
#include "data/sparse_dataset.hpp"
#include "models/model.hpp"

namespace gs::train {

class Task {
 public:
  virtual ~Task() = default;
  virtual models::Model& model() = 0;
  virtual size_t train_size() const = 0;
  virtual size_t test_size() const = 0;
  // The training examples rows[0..count) (indices below train_size()).
  virtual models::Batch train_batch(const uint32_t* rows, size_t count) = 0;
  // Test examples begin..begin + count.
  virtual models::Batch test_batch(size_t begin, size_t count) = 0;
};

// The first `train` and `test` images of each split of `images` (kept alive by the task).
std::unique_ptr<Task> make_image_task(std::shared_ptr<const data::ImageDataset> images, size_t train, size_t test,
                                      std::unique_ptr<models::Model> model);
std::unique_ptr<Task> make_sparse_task(std::shared_ptr<const data::SparseDataset> docs,
                                       std::unique_ptr<models::Model> model);

// Σ loss and correct predictions over the whole test split, in chunks of 256 examples.
models::Evaluation evaluate_test(Task& task, const float* params, const models::NoiseKey& noise);

}  // namespace gs::train
