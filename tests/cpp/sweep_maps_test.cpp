// Sweep maps: metrics on small grids checked by hand, the progressive session, the result schema,
// and every cell equal to its own run through engine::RunSession.
#include <cmath>
#include <cstring>

#include "labs/sweep/sweep_lab.hpp"
#include "labs/sweep/sweep_session.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void configure(labs::SweepSession& session, const std::string& config) {
  json::ParseResult parsed = json::parse(config);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  std::string error;
  ASSERT_TRUE(session.configure(parsed.value, error)) << error;
}

// SGD on ½(x² + κy²) from (x0, 0): x_k = (1 − lr)^k·x0, so f_k = ½·x0²·(1 − lr)^(2k).
const char* kQuadraticLrByStart = R"({"objective":"quadratic","steps":40,"precision":"%s",
  "optimizer":{"name":"sgd"},"start":[1,0],
  "x":{"param":"lr","min":0.25,"max":0.75,"n":3,"log":false},"y":{"param":"start_x","min":1,"max":4,"n":3,"log":true},
  "metric":"%s"%s})";

std::string quadratic_config(const char* precision, const char* metric, const char* extra = "") {
  char buffer[1024];
  std::snprintf(buffer, sizeof buffer, kQuadraticLrByStart, precision, metric, extra);
  return buffer;
}

TEST(SweepMaps, StepsToTolOnTheQuadraticByHand) {
  // First k with ½·x0²·(1 − lr)^(2k) ≤ 1e-3, rows x0 = 1, 2, 4, columns lr = 0.25, 0.5, 0.75.
  const double expected[3][3] = {{11, 5, 3}, {14, 6, 3}, {16, 7, 4}};
  for (const char* precision : {"f64", "f32"}) {
    labs::SweepSession session;
    configure(session, quadratic_config(precision, "steps_to_tol", R"(,"tol":1e-3)"));
    EXPECT_EQ(session.maps().y_values, (std::vector<double>{1, 2, 4}));
    EXPECT_EQ(session.maps().x_values, (std::vector<double>{0.25, 0.5, 0.75}));
    EXPECT_EQ(session.advance_rows(10), 3u);
    for (size_t j = 0; j < 3; ++j)
      for (size_t i = 0; i < 3; ++i) EXPECT_EQ(session.maps().values[j * 3 + i], expected[j][i]) << precision << " " << i << "," << j;
  }
}

TEST(SweepMaps, FinalLossOnTheQuadraticByHand) {
  labs::SweepSession session;
  configure(session, quadratic_config("f64", "final_loss"));
  session.advance_rows(3);
  for (size_t j = 0; j < 3; ++j) {
    for (size_t i = 0; i < 3; ++i) {
      const double x0 = session.maps().y_values[j], lr = session.maps().x_values[i];
      const double want = 0.5 * x0 * x0 * std::pow(1 - lr, 80);
      EXPECT_NEAR(session.maps().values[j * 3 + i], want, 1e-12 * want) << i << "," << j;
      EXPECT_EQ(session.maps().diverged[j * 3 + i], 0);
    }
  }
}

TEST(SweepMaps, StartAtTheMinimumTakesZeroSteps) {
  labs::SweepSession session;
  configure(session, R"({"objective":"booth","steps":5,"optimizer":{"name":"adam"},
    "x":{"param":"start_x","min":1,"max":1,"n":1},"y":{"param":"start_y","min":3,"max":3,"n":1},
    "metric":"steps_to_tol","tol":1e-12})");
  session.advance_rows(1);
  EXPECT_EQ(session.maps().values[0], 0);
}

TEST(SweepMaps, NearestMinimumFindsEachOfHimmelblausFourBasins) {
  // Starts 0.3 away from each minimum (the registry's order: (3, 2), (−2.81, 3.13), (−3.78, −3.28),
  // (3.58, −1.85)); SGD rolls into the minimum next to it.
  labs::SweepSession session;
  configure(session, R"({"objective":"himmelblau","steps":300,"precision":"f32","optimizer":{"name":"sgd","lr":0.005},
    "x":{"param":"start_x","min":-3.3,"max":3.3,"n":2},"y":{"param":"start_y","min":-2.5,"max":2.5,"n":2},
    "metric":"nearest_minimum"})");
  session.advance_rows(2);
  // Rows y = −2.5, 2.5; columns x = −3.3, 3.3.
  EXPECT_EQ(session.maps().values, (std::vector<double>{2, 3, 1, 0}));
  const json::Value result = json::parse(session.result_json()).value;
  ASSERT_EQ(result.find("minima")->as_array().size(), 4u);
  EXPECT_EQ(result.find("minima")->as_array()[0].as_array()[0].as_number(), 3);
}

TEST(SweepMaps, DivergedCellsAreMarkedAndHaveNoLoss) {
  // SGD on Rosenbrock from (−1.5, 2): lr ≥ 2e-3 diverges.
  labs::SweepSession session;
  configure(session, R"({"objective":"rosenbrock","steps":200,"precision":"f64","optimizer":{"name":"sgd"},
    "start":[-1.5,2],"x":{"param":"lr","min":1e-4,"max":1e-2,"n":5,"log":true},
    "y":{"param":"momentum","min":0,"max":0.5,"n":2}})");
  session.advance_rows(2);
  const labs::SweepMaps& maps = session.maps();
  size_t diverged = 0;
  for (size_t c = 0; c < maps.values.size(); ++c) {
    diverged += maps.diverged[c];
    EXPECT_EQ(maps.diverged[c] != 0, maps.diverged_at[c] != 0);
    EXPECT_EQ(maps.diverged[c] != 0, std::isnan(maps.values[c]));
  }
  EXPECT_GT(diverged, 0u);
  EXPECT_LT(diverged, maps.values.size());
  const json::Value result = json::parse(session.result_json()).value;
  EXPECT_TRUE(result.find("values")->as_array()[0].as_array()[4].is_null());
  EXPECT_EQ(result.find("diverged")->as_array()[0].as_array()[4].as_number(), 1);
}

TEST(SweepMaps, EveryCellIsItsOwnSingleRun) {
  const char* configs[] = {
      R"({"objective":"rosenbrock","steps":120,"precision":"f32","optimizer":{"name":"adam","lr":0.01},
          "x":{"param":"lr","min":1e-3,"max":3,"n":5,"log":true},"y":{"param":"beta1","min":0,"max":0.99,"n":3}})",
      R"({"objective":{"name":"quadratic","params":{"kappa":50,"angle":20},"noise":{"sigma":0.2,"seed":9}},
          "steps":90,"precision":"f64","optimizer":{"name":"nag","lr":0.02},
          "x":{"param":"momentum","min":0,"max":0.95,"n":3},"y":{"param":"start_y","min":-2,"max":2,"n":3}})",
      R"({"objective":"himmelblau","steps":60,"precision":"f32","optimizer":{"name":"radam","lr":0.1},
          "x":{"param":"beta2","min":0.6,"max":0.999,"n":3},"y":{"param":"weight_decay","min":0,"max":0.1,"n":2},
          "metric":"steps_to_tol","tol":0.5})",
      // Rows long enough to be run in chunks within a row (runs differing in lr alone), with a
      // schedule, and a row as long as a chunk.
      R"({"objective":"rosenbrock","steps":40,"precision":"f32",
          "optimizer":{"name":"adamw","weight_decay":0.01,"schedule":{"name":"cosine","T_max":30,"eta_min":0.001}},
          "x":{"param":"lr","min":1e-4,"max":1,"n":130,"log":true},"y":{"param":"beta1","min":0,"max":0.999,"n":2}})",
      R"({"objective":"beale","steps":30,"precision":"f64","optimizer":{"name":"adamax"},
          "x":{"param":"lr","min":1e-3,"max":0.5,"n":512,"log":true},"y":{"param":"beta2","min":0.9,"max":0.999,"n":1}})"};
  for (const char* config : configs) {
    labs::SweepSession session;
    configure(session, config);
    session.advance_rows(session.rows());
    const double tol = session.config().tol, f_star = session.maps().f_star;
    for (size_t j = 0; j < session.rows(); ++j) {
      for (size_t i = 0; i < session.columns(); ++i) {
        engine::RunSession alone;
        test::run_session(alone, json::serialize(session.cell_config(i, j)));
        const engine::Trace& trace = alone.trace(0);
        const size_t c = j * session.columns() + i;
        EXPECT_EQ(session.maps().diverged_at[c], trace.diverged ? trace.diverged_at : 0) << config << " " << i << "," << j;
        if (session.config().metric == labs::SweepMetric::StepsToTol) {
          double first = NAN;
          for (size_t k = 0; k < trace.points() && std::isnan(first); ++k)
            if (trace.loss[k] - f_star <= tol) first = double(k);
          EXPECT_TRUE(std::isnan(first) ? std::isnan(session.maps().values[c]) : session.maps().values[c] == first);
        } else if (!trace.diverged) {
          EXPECT_TRUE(same_bits(session.maps().values[c], trace.loss.back())) << config << " " << i << "," << j;
        }
      }
    }
  }
}

TEST(SweepMaps, RowByRowEqualsAllAtOnceAndFollowsTheSchema) {
  const std::string config = R"({"objective":"beale","steps":50,"optimizer":{"name":"rmsprop","lr":0.01},
    "x":{"param":"alpha","min":0.5,"max":0.999,"n":7},"y":{"param":"lr","min":1e-3,"max":1e-1,"n":5,"log":true}})";
  labs::SweepSession rows;
  configure(rows, config);
  EXPECT_EQ(rows.rows(), 5u);
  EXPECT_EQ(rows.columns(), 7u);
  EXPECT_TRUE(std::isnan(rows.maps().values[0]));
  size_t done = 0;
  while (!rows.finished()) {
    done += rows.advance_rows(2);
    EXPECT_EQ(rows.rows_done(), done);
    for (size_t c = 0; c < rows.maps().values.size(); ++c) EXPECT_EQ(c < done * 7, !std::isnan(rows.maps().values[c]));
  }
  EXPECT_EQ(rows.advance_rows(3), 0u);
  std::string whole, error;
  ASSERT_TRUE(test::lab_command<labs::SweepLab>(config, whole, error)) << error;
  EXPECT_EQ(rows.result_json(), whole);

  const json::Value r = json::parse(whole).value;
  EXPECT_EQ(r.find("version")->as_number(), 1);
  EXPECT_EQ(r.find("precision")->as_string(), "f32");
  EXPECT_EQ(r.find("steps")->as_number(), 50);
  EXPECT_EQ(r.find("metric")->as_string(), "final_loss");
  EXPECT_EQ(r.find("optimizer")->find("name")->as_string(), "rmsprop");
  EXPECT_EQ(r.find("x")->find("log")->as_bool(), false);
  EXPECT_EQ(r.find("y")->find("log")->as_bool(), true);
  EXPECT_EQ(r.find("x_values")->as_array().size(), 7u);
  const auto& y_values = r.find("y_values")->as_array();
  ASSERT_EQ(y_values.size(), 5u);
  EXPECT_EQ(y_values.front().as_number(), 1e-3);
  EXPECT_EQ(y_values.back().as_number(), 1e-1);
  EXPECT_NEAR(y_values[2].as_number(), 1e-2, 1e-15);
  for (const char* key : {"values", "diverged", "diverged_at"}) {
    const auto& table = r.find(key)->as_array();
    ASSERT_EQ(table.size(), 5u) << key;
    for (const auto& row : table) EXPECT_EQ(row.as_array().size(), 7u) << key;
  }
  // The resolved config is itself a valid sweep config that gives the same map.
  json::Value again{json::Object{}};
  for (const char* key : {"version", "objective", "steps", "precision", "optimizer", "x", "y", "start", "metric"})
    again.set(key, *r.find(key));
  std::string replay;
  ASSERT_TRUE(test::lab_command<labs::SweepLab>(json::serialize(again), replay, error)) << error;
  EXPECT_EQ(replay, whole);
}

}  // namespace
}  // namespace gs
