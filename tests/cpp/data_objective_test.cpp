// Objectives made of data: the two models' losses and gradients (against central differences),
// their best fits, minibatches that cover every point once per epoch, a run's stochastic steps,
// and the config's data fields with their messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "engine/run_config.hpp"
#include "engine/run_session.hpp"
#include "objectives/data/data_definition.hpp"
#include "objectives/data/minibatches.hpp"
#include "objectives/data/model_loss.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

using objectives::data::DataDefinition;
using objectives::data::DataPoint;
using objectives::data::Minibatches;
using objectives::data::Model;

std::vector<DataPoint> scattered(int n, bool labels) {
  std::vector<DataPoint> points;
  for (int i = 0; i < n; ++i) {
    const double x = -1 + 2.0 * i / (n - 1);
    const double y = 0.7 * x + 0.2 + 0.3 * std::sin(7.0 * i);
    points.push_back({x, y, labels ? (std::sin(3.0 * i) > 0 ? 1 : 0) : 0});
  }
  return points;
}

TEST(DataObjective, GradientsMatchCentralDifferences) {
  for (Model model : {Model::LeastSquares, Model::Logistic}) {
    const auto points = scattered(25, model == Model::Logistic);
    for (double w : {-2.0, -0.3, 0.0, 1.7}) {
      for (double b : {-1.5, 0.1, 2.2}) {
        const auto at = objectives::data::loss_and_gradient(model, points, w, b);
        const double h = 1e-6;
        const double dw = (objectives::data::loss_and_gradient(model, points, w + h, b).loss -
                           objectives::data::loss_and_gradient(model, points, w - h, b).loss) / (2 * h);
        const double db = (objectives::data::loss_and_gradient(model, points, w, b + h).loss -
                           objectives::data::loss_and_gradient(model, points, w, b - h).loss) / (2 * h);
        EXPECT_NEAR(at.dw, dw, 1e-7 * (1 + std::fabs(dw))) << int(model) << " at " << w << ", " << b;
        EXPECT_NEAR(at.db, db, 1e-7 * (1 + std::fabs(db))) << int(model) << " at " << w << ", " << b;
      }
    }
  }
}

TEST(DataObjective, BestFitsAreWhereTheGradientVanishes) {
  const auto line = DataDefinition::make(Model::LeastSquares, {{0, 1}, {1, 3}, {2, 5}, {3, 7}}, 4, 1);
  ASSERT_TRUE(line->best_fit());
  EXPECT_NEAR(line->best_fit()->x, 2, 1e-12);
  EXPECT_NEAR(line->best_fit()->y, 1, 1e-12);
  EXPECT_NEAR(line->best_fit()->value, 0, 1e-24);
  EXPECT_FALSE(DataDefinition::make(Model::LeastSquares, {{1, 1}, {1, 3}}, 2, 1)->best_fit()) << "a vertical set of points";
  const auto mixed = DataDefinition::make(Model::Logistic, scattered(40, true), 40, 1);
  ASSERT_TRUE(mixed->best_fit());
  const auto at = objectives::data::loss_and_gradient(Model::Logistic, mixed->points(), mixed->best_fit()->x,
                                                      mixed->best_fit()->y);
  EXPECT_LT(std::hypot(at.dw, at.db), 1e-10);
  // Points at one x: the loss depends on w·x + b alone, so its minima fill a line, and none is the fit.
  EXPECT_FALSE(DataDefinition::make(Model::Logistic, {{1, 1, 1}, {1, 2, 1}, {1, -1, 0}, {1, 0, 0}}, 4, 1)->best_fit());
  // The boundary's slope in y is fixed at 1, so even labels a line separates have a finite best fit.
  EXPECT_TRUE(DataDefinition::make(Model::Logistic, {{0, 1, 1}, {1, 2, 1}, {0, -1, 0}, {1, 0, 0}}, 4, 1)->best_fit());
  // The view is around the best fit, and the start inside it.
  const auto& info = line->info();
  EXPECT_LT(info.view[0], 2);
  EXPECT_GT(info.view[1], 2);
  EXPECT_GT(info.default_start[0], info.view[0]);
  EXPECT_LT(info.default_start[1], info.view[3]);
}

TEST(DataObjective, MinibatchesCoverEveryPointOncePerEpochAndRepeatForASeed) {
  const Minibatches batches(23, 5, 9);
  for (uint64_t epoch = 0; epoch < 3; ++epoch) {
    std::multiset<uint32_t> seen;
    for (uint64_t k = 1; k <= 5; ++k) {  // ⌈23 / 5⌉ = 5 batches: 5, 5, 5, 5, 3
      const auto batch = batches.batch(epoch * 5 + k);
      EXPECT_EQ(batch.size(), k < 5 ? 5u : 3u);
      seen.insert(batch.begin(), batch.end());
    }
    EXPECT_EQ(seen.size(), 23u);
    EXPECT_EQ(std::set<uint32_t>(seen.begin(), seen.end()).size(), 23u) << "each point once in epoch " << epoch;
  }
  const auto first = std::vector<uint32_t>(batches.batch(1).begin(), batches.batch(1).end());
  const auto next_epoch = std::vector<uint32_t>(batches.batch(6).begin(), batches.batch(6).end());
  EXPECT_NE(first, next_epoch) << "every epoch is shuffled anew";
  const Minibatches again(23, 5, 9), other(23, 5, 10);
  EXPECT_EQ(std::vector<uint32_t>(again.batch(1).begin(), again.batch(1).end()), first);
  EXPECT_NE(std::vector<uint32_t>(other.batch(1).begin(), other.batch(1).end()), first);
}

TEST(DataObjective, MinibatchRunsAreStochasticAndSharedByEveryOptimizer) {
  const std::string data = R"J("data":[[0,1],[0.5,1.9],[1,3.2],[1.5,3.9],[2,5.1],[2.5,6.2],[3,6.8],[3.5,8.1]])J";
  engine::RunSession full, mini;
  test::run_session(full, R"J({"objective":{"name":"least_squares",)J" + data +
                              R"J(},"start":[0,0],"steps":2000,"optimizers":[{"name":"sgd","lr":0.05},{"name":"sgd","lr":0.05}]})J");
  test::run_session(mini, R"J({"objective":{"name":"least_squares",)J" + data +
                              R"J(,"batch_size":2,"noise":{"seed":4}},"start":[0,0],"steps":2000,)J"
                              R"J("optimizers":[{"name":"sgd","lr":0.05},{"name":"sgd","lr":0.05}]})J");
  const auto& a = full.trace(0);
  const auto& b = mini.trace(0);
  EXPECT_NE(a.xy[2], b.xy[2]) << "a minibatch's gradient is not the full one";
  EXPECT_EQ(mini.trace(1).xy, b.xy) << "the same batches for every optimizer of a run";
  const auto fit = mini.objective().minima();
  ASSERT_EQ(fit.size(), 1u);
  EXPECT_NEAR(a.xy[a.xy.size() - 2], fit[0].x, 1e-6) << "full-batch SGD converges to the best fit";
  EXPECT_NEAR(b.xy[b.xy.size() - 2], fit[0].x, 0.3) << "minibatch SGD wanders near it";
  EXPECT_NEAR(b.loss.back(), mini.objective().value(b.xy[b.xy.size() - 2], b.xy.back()), 0) << "the loss is over every point";
}

TEST(DataObjective, ConfigFieldsAreValidatedByName) {
  struct Case {
    const char* objective;
    const char* error;
  };
  const Case cases[] = {
      {R"J({"name":"least_squares","data":[]})J", "objective.data: must be an array of 1 to 10000 points [x, y]"},
      {R"J({"name":"least_squares","data":[[1,2,3]]})J", "objective.data[0]: must be [x, y], two numbers"},
      {R"J({"name":"logistic","data":[[1,2]]})J", "objective.data[0]: must be [x, y, label] with label 0 or 1"},
      {R"J({"name":"logistic","data":[[1,2,0.5]]})J", "objective.data[0][2]: must be an integer in [0, 1], got 0.5"},
      {R"J({"name":"least_squares","data":[[1,"a"]]})J", "objective.data[0][1]: must be a number in [-1000000, 1000000], got \"a\""},
      {R"J({"name":"least_squares","data":[[0,1],[1,2]],"batch_size":3})J", "objective.batch_size: must be an integer in [1, 2], got 3"},
      {R"J({"name":"least_squares","params":{}})J", "objective.params: unknown field. Allowed: name, data, batch_size, noise."},
  };
  for (const auto& c : cases) EXPECT_EQ(test::config_error(std::string(R"J({"objective":)J") + c.objective + "}"), c.error) << c.objective;
  std::string too_many = R"J({"objective":{"name":"least_squares","data":[)J";
  for (int i = 0; i < 10001; ++i) too_many += std::string(i ? "," : "") + "[0,0]";
  EXPECT_EQ(test::config_error(too_many + "]}}"), "objective.data: must be an array of 1 to 10000 points [x, y]");
}

}  // namespace
}  // namespace gs
