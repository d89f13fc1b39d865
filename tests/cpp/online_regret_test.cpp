// The regret lab's headline behaviours and the session: Reddi et al.'s counterexample (Adam's
// average regret stays near 2/3, AMSGrad's vanishes), AdaGrad's sublinear regret on the sparse
// logistic stream, AdaGrad beating OGD on the adversarial sparse sequence, divergence, record
// points, incremental advance, and the result schema.
#include <algorithm>
#include <cmath>

#include "online_test_support.hpp"

namespace gs {
namespace {

// Reddi, Kale & Kumar (ICLR 2018), Section 3 with C = 3: β1 = 0, β2 = 0.1, α_t = 0.5/√t, x₁ = 1,
// no bias correction, x ∈ [−1, 1].
TEST(OnlineRegret, ReddiAdamDoesNotConvergeAmsgradDoes) {
  labs::RegretSession session;
  test::run_regret(session, R"({"version":1,"problem":{"name":"reddi","params":{"C":3}},
    "domain":{"type":"box","radius":1},"start":[1],"T":100000,"record_every":500,
    "optimizers":[{"name":"adam","lr":0.5,"beta1":0,"beta2":0.1,"bias_correction":false,"schedule":{"name":"inv_sqrt"}},
                  {"name":"adam","amsgrad":true,"lr":0.5,"beta1":0,"beta2":0.1,"bias_correction":false,
                   "schedule":{"name":"inv_sqrt"}}]})");
  const labs::RegretTrace& adam = session.trace(0);
  const labs::RegretTrace& amsgrad = session.trace(1);
  ASSERT_EQ(adam.records(), 200u);
  ASSERT_EQ(amsgrad.records(), 200u);
  for (size_t k = 0; k < adam.records(); ++k)
    EXPECT_GT(adam.average_regret[k], 0.5) << "t = " << session.t()[k];
  EXPECT_NEAR(adam.average_regret.back(), 2.0 / 3, 0.01);  // 2(C−2)/3: Adam sits near x = +1
  EXPECT_GT(adam.iterate.back(), 0.99);
  EXPECT_LT(amsgrad.average_regret.back(), 0.01);
  EXPECT_LT(amsgrad.iterate.back(), -0.99);
  EXPECT_EQ(session.comparator().x[0], -1);
  // Theorem 4.1's conditions hold (β1 = 0, γ = 0, α/√t), yet Adam's regret crosses the bound.
  EXPECT_TRUE(std::isfinite(adam.bound.back()));
  EXPECT_GT(adam.regret.back(), adam.bound.back());
  EXPECT_LT(amsgrad.regret.back(), amsgrad.bound.back());
}

TEST(OnlineRegret, AdagradRegretOnSparseLogisticIsSublinear) {
  labs::RegretSession session;
  test::run_regret(session, R"({"problem":{"name":"online_logistic","params":{"d":1000,"words":20}},
    "T":20000,"record_every":1000,"optimizers":[{"name":"adagrad","lr":0.3}]})");
  const labs::RegretTrace& trace = session.trace(0);
  ASSERT_EQ(trace.records(), 20u);
  for (double r : trace.regret) EXPECT_GT(r, 0);
  const double slope = test::log_log_slope(session.t(), trace.regret);
  EXPECT_LT(slope, 0.75);
  EXPECT_GT(slope, 0.3);
  std::printf("[ measured ] online_logistic AdaGrad: slope of log R vs log t = %.3f, R(20000) = %.1f\n", slope,
              trace.regret.back());
  // At the last record point the comparator is solved to its target.
  EXPECT_LE(session.comparator().tolerance, 1e-6 * (1 + session.comparator().loss));
}

TEST(OnlineRegret, AdagradBeatsOnlineGradientDescentOnTheAdversarialSequence) {
  labs::RegretSession session;
  std::string optimizers;
  const double rates[] = {0.1, 0.3, 1};
  for (double lr : rates) {
    const std::string rate = check::format_number(lr);
    optimizers += R"({"name":"adagrad","lr":)" + rate + R"(},{"name":"sgd","lr":)" + rate +
                  R"(},{"name":"sgd","lr":)" + rate + R"(,"schedule":"inv_sqrt"},)";
  }
  optimizers += R"({"name":"sgd","lr":0.03},{"name":"sgd","lr":0.01})";
  test::run_regret(session, R"({"problem":{"name":"sparse_adversarial","params":{"d":1000}},"T":10000,
    "record_every":1000,"optimizers":[)" + optimizers + "]}");
  double best_adagrad = INFINITY, best_sgd = INFINITY;
  for (size_t r = 0; r < session.run_count(); ++r) {
    const double regret = session.trace(r).regret.back();
    if (session.config().optimizers[r].kind == optim::optimizer_kind("adagrad")) best_adagrad = std::min(best_adagrad, regret);
    else best_sgd = std::min(best_sgd, regret);
  }
  for (size_t k = 0; k < 3; ++k) {
    const double adagrad = session.trace(3 * k).regret.back();
    EXPECT_LT(adagrad, session.trace(3 * k + 1).regret.back()) << "constant lr " << rates[k];
    EXPECT_LT(adagrad, session.trace(3 * k + 2).regret.back()) << "inv_sqrt lr " << rates[k];
  }
  EXPECT_LT(2 * best_adagrad, best_sgd);
  std::printf("[ measured ] sparse_adversarial T = 10000: best AdaGrad R = %.1f, best OGD R = %.1f\n", best_adagrad,
              best_sgd);
}

TEST(OnlineRegret, NonStationaryTargetsCanBeTrackedBelowTheBestFixedPoint) {
  labs::RegretSession session;
  test::run_regret(session, R"({"problem":{"name":"online_quadratic","params":{"d":2,"period":200,"noise":0}},
    "T":4000,"record_every":1000,"optimizers":[{"name":"sgd","lr":0.5},{"name":"sgd","lr":0.5,"schedule":"inv_sqrt"}]})");
  // A constant step follows c_t: its loss is below that of every fixed point.
  EXPECT_LT(session.trace(0).regret.back(), 0);
  EXPECT_LT(session.trace(0).regret.back(), session.trace(1).regret.back());
}

TEST(OnlineRegret, DivergenceStopsTheRunAndReportsTheStep) {
  // AdaGrad with eps = 0 divides 0 by 0 on a coordinate that has never been active.
  labs::RegretSession session;
  test::run_regret(session, R"({"problem":{"name":"sparse_adversarial","params":{"d":50}},"T":100,"record_every":10,
    "optimizers":[{"name":"adagrad","eps":0},{"name":"adagrad"}]})");
  const labs::RegretTrace& bad = session.trace(0);
  EXPECT_TRUE(bad.diverged);
  EXPECT_EQ(bad.diverged_at, 1u);
  EXPECT_EQ(bad.records(), 0u);
  EXPECT_NE(bad.divergence.find("diverged at step 1: x became NaN or infinite"), std::string::npos);
  EXPECT_FALSE(session.trace(1).diverged);
  EXPECT_EQ(session.trace(1).records(), 10u);
  json::ParseResult result = json::parse(session.result_json());
  ASSERT_TRUE(result.ok()) << result.error;
  const json::Value& run = result.value.find("runs")->as_array()[0];
  EXPECT_EQ(run.find("status")->as_string(), "diverged");
  EXPECT_EQ(run.find("diverged_at")->as_number(), 1);
  EXPECT_TRUE(run.find("regret")->as_array().empty());
  EXPECT_EQ(run.find("x_final")->as_array().size(), 16u);  // the last finite iterate, x_1 = 0
  EXPECT_EQ(run.find("x_final")->as_array()[0].as_number(), 0);
}

TEST(OnlineSession, RecordPointsAdvanceInPiecesAndReset) {
  const char* config = R"({"problem":{"name":"online_linear","params":{"d":3}},"T":1003,"record_every":100,
    "optimizers":[{"name":"adam","lr":0.1},{"name":"nag","lr":0.05}]})";
  labs::RegretSession whole, pieces;
  test::run_regret(whole, config);
  ASSERT_EQ(whole.record_count(), 11u);
  EXPECT_EQ(whole.t()[0], 100);
  EXPECT_EQ(whole.t()[9], 1000);
  EXPECT_EQ(whole.t()[10], 1003);
  EXPECT_EQ(whole.tolerances().size(), 11u);
  json::ParseResult parsed = json::parse(config);
  std::string error;
  ASSERT_TRUE(pieces.configure(parsed.value, error)) << error;
  const double* views = pieces.t().data();
  uint64_t total = 0;
  while (!pieces.finished()) total += pieces.advance(37);
  EXPECT_EQ(total, 1003u);
  EXPECT_EQ(pieces.advance(5), 0u);
  EXPECT_EQ(pieces.t().data(), views) << "record buffers must not move while the session advances";
  EXPECT_EQ(whole.result_json(), pieces.result_json());
  pieces.reset();
  EXPECT_EQ(pieces.steps_done(), 0u);
  EXPECT_EQ(pieces.record_count(), 0u);
  EXPECT_EQ(pieces.trace(0).records(), 0u);
  EXPECT_EQ(pieces.comparator_json(), R"({"t":0,"x":[],"d":3,"loss":0,"tolerance":0,"tolerances":[]})");
  pieces.advance(1003);
  EXPECT_EQ(whole.result_json(), pieces.result_json());
}

TEST(OnlineSession, ResultFollowsTheSchemaAndRoundTrips) {
  labs::RegretSession session;
  test::run_regret(session, R"({"version":1,"problem":{"name":"online_logistic","params":{"d":40,"words":5}},
    "domain":{"type":"ball","radius":2},"start":0.1,"T":300,"record_every":100,
    "optimizers":[{"name":"adam","lr":0.1,"schedule":"inv_sqrt","beta1_decay":0.999,"label":"Adam"},{"name":"rmsprop"}]})");
  json::ParseResult parsed = json::parse(session.result_json());
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const json::Value& r = parsed.value;
  EXPECT_EQ(r.find("version")->as_number(), 1);
  EXPECT_EQ(r.find("problem")->find("name")->as_string(), "online_logistic");
  EXPECT_EQ(r.find("problem")->find("params")->find("zipf")->as_number(), 1.1);
  EXPECT_EQ(r.find("domain")->find("type")->as_string(), "ball");
  EXPECT_EQ(r.find("T")->as_number(), 300);
  EXPECT_EQ(r.find("record_every")->as_number(), 100);
  const json::Value& comparator = *r.find("comparator");
  EXPECT_EQ(comparator.find("d")->as_number(), 40);
  EXPECT_EQ(comparator.find("x")->as_array().size(), 16u);
  EXPECT_EQ(comparator.find("tolerances")->as_array().size(), 3u);
  EXPECT_GE(comparator.find("tolerance")->as_number(), 0);
  const auto& runs = r.find("runs")->as_array();
  ASSERT_EQ(runs.size(), 2u);
  for (const json::Value& run : runs) {
    for (const char* key : {"t", "regret", "average_regret", "bound", "iterate"})
      EXPECT_EQ(run.find(key)->as_array().size(), 3u) << key;
    EXPECT_EQ(run.find("x_final")->as_array().size(), 16u);
    EXPECT_EQ(run.find("status")->as_string(), "ok");
    EXPECT_TRUE(run.find("diverged_at")->is_null());
    const auto& regret = run.find("regret")->as_array();
    const auto& average = run.find("average_regret")->as_array();
    EXPECT_DOUBLE_EQ(average[2].as_number(), regret[2].as_number() / 300);
  }
  EXPECT_EQ(runs[0].find("optimizer")->find("label")->as_string(), "Adam");
  EXPECT_TRUE(runs[0].find("bound")->as_array()[0].is_number());
  EXPECT_TRUE(runs[0].find("bound_note")->is_null());
  EXPECT_TRUE(runs[1].find("bound")->as_array()[0].is_null());
  EXPECT_NE(runs[1].find("bound_note")->as_string().find("adam or adamw"), std::string::npos);

  json::Value config{json::Object{}};
  for (const char* key : {"problem", "domain", "T", "record_every"}) config.set(key, *r.find(key));
  config.set("start", 0.1);
  json::Array optimizers;
  for (const json::Value& run : runs) optimizers.push_back(*run.find("optimizer"));
  config.set("optimizers", json::Value(std::move(optimizers)));
  labs::RegretSession again;
  test::run_regret(again, json::serialize(config));
  EXPECT_EQ(again.result_json(), session.result_json());
}

TEST(OnlineSession, DefaultsResolve) {
  labs::RegretSession session;
  test::run_regret(session, "{}");
  const labs::RegretConfig& c = session.config();
  EXPECT_EQ(std::string(c.problem.info->name), "reddi");
  EXPECT_EQ(c.T, 1000u);
  EXPECT_EQ(c.record_every, 1u);
  EXPECT_EQ(c.start, std::vector<double>{1});
  EXPECT_EQ(c.domain.type, online::DomainType::Box);
  ASSERT_EQ(session.run_count(), 1u);
  EXPECT_EQ(session.record_count(), 1000u);
  test::run_regret(session, R"({"problem":"online_logistic","T":12345})");
  EXPECT_EQ(session.config().record_every, 13u);
  EXPECT_EQ(session.config().domain.type, online::DomainType::Ball);
  EXPECT_EQ(session.config().domain.radius, 3);
  EXPECT_EQ(session.config().start, std::vector<double>(1000, 0.0));
  EXPECT_EQ(session.record_count(), 950u);
}

}  // namespace
}  // namespace gs
