// The loss of a data objective's model (data_set.hpp) and its exact gradient in (w, b), over all
// points or over the indices of a minibatch.
#pragma once

#include <cstdint>
#include <span>

#include "objectives/data/data_set.hpp"

namespace gs::objectives::data {

struct LossAndGradient {
  double loss, dw, db;
};

// Over `points` (every point) or, with `indices`, over those points only.
LossAndGradient loss_and_gradient(Model model, std::span<const DataPoint> points, double w, double b);
LossAndGradient loss_and_gradient(Model model, std::span<const DataPoint> points, std::span<const std::uint32_t> indices,
                                  double w, double b);

}  // namespace gs::objectives::data
