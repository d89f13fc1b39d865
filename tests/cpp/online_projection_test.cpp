// Projection onto the domains, and every optimizer case of the table kept inside the box and the
// ball after every step, on problems whose unconstrained steps would leave them.
#include <cmath>

#include "online/domain.hpp"
#include "online/run.hpp"
#include "online_test_support.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

using online::Domain;
using online::DomainType;

TEST(OnlineDomain, ProjectsOntoTheBoxAndTheBall) {
  const Domain box{DomainType::Box, 2};
  std::vector<double> x = {3, -5, 1.5, -2, 0};
  ASSERT_TRUE(box.project(x.data(), x.size()));
  EXPECT_EQ(x, (std::vector<double>{2, -2, 1.5, -2, 0}));

  const Domain ball{DomainType::Ball, 5};
  std::vector<double> y = {6, 8};  // ‖y‖ = 10
  ASSERT_TRUE(ball.project(y.data(), y.size()));
  EXPECT_DOUBLE_EQ(y[0], 3);
  EXPECT_DOUBLE_EQ(y[1], 4);
  std::vector<double> inside = {1, -2, 2};
  ASSERT_TRUE(ball.project(inside.data(), inside.size()));
  EXPECT_EQ(inside, (std::vector<double>{1, -2, 2}));
  std::vector<double> huge = {1e300, -1e300, 3};  // squares overflow, the point is finite
  ASSERT_TRUE(ball.project(huge.data(), huge.size()));
  EXPECT_NEAR(std::hypot(huge[0], huge[1]), 5, 1e-12);

  for (const Domain& d : {box, ball}) {
    std::vector<double> bad = {1, std::nan(""), 0, 0, 0, 0, 0};
    EXPECT_FALSE(d.project(bad.data(), bad.size()));
    std::vector<double> inf = {1, 2, 3, 4, 5, -INFINITY};
    EXPECT_FALSE(d.project(inf.data(), inf.size()));
  }
}

TEST(OnlineDomain, DiametersLinearMinimaAndGaps) {
  const Domain box{DomainType::Box, 1.5}, ball{DomainType::Ball, 1.5};
  EXPECT_DOUBLE_EQ(box.diameter_l2(4), 6);  // 2r√d
  EXPECT_DOUBLE_EQ(ball.diameter_l2(4), 3);
  EXPECT_EQ(box.diameter_linf(), 3);
  EXPECT_EQ(ball.diameter_linf(), 3);
  const double a[3] = {3, -4, 0};
  double x[3];
  EXPECT_DOUBLE_EQ(box.minimize_linear(a, 3, x), -1.5 * 7);
  EXPECT_EQ(x[0], -1.5);
  EXPECT_EQ(x[1], 1.5);
  EXPECT_EQ(x[2], 0);
  EXPECT_DOUBLE_EQ(ball.minimize_linear(a, 3, x), -1.5 * 5);
  EXPECT_DOUBLE_EQ(x[0], -0.9);
  // The gap of a linear function ⟨a, x⟩ is exactly ⟨a, x⟩ − min.
  const double point[3] = {0.5, 0.25, -1};
  for (const Domain& d : {box, ball}) {
    double xmin[3];
    const double min = d.minimize_linear(a, 3, xmin);
    EXPECT_NEAR(d.duality_gap(point, a, 3), (3 * 0.5 - 4 * 0.25) - min, 1e-12);
    EXPECT_NEAR(d.duality_gap(xmin, a, 3), 0, 1e-12);
  }
}

// Every optimizer case, on a drifting quadratic whose targets lie far outside the domain and on
// the sparse linear sequence, with a large learning rate: after every step x is in the domain.
TEST(OnlineProjection, EveryOptimizerStaysInTheDomain) {
  for (const Domain& domain : {Domain{DomainType::Box, 0.5}, Domain{DomainType::Ball, 0.5}}) {
    for (const char* name : {"online_quadratic", "sparse_adversarial"}) {
      for (const auto& c : test::rule_cases()) {
        optim::OptimizerSpec spec = test::parse_spec(c.optimizer);
        spec.lr = spec.kind == optim::optimizer_kind("adadelta") ? 50 : 2;
        auto problem = test::make_problem(name, {{"d", 7}, {"center", 3}, {"amplitude", 4}, {"period", 20}}, domain);
        std::vector<double> start(7, 0.2);
        online::OnlineRun run(spec, start);
        size_t boundary = 0;
        for (int t = 1; t <= 300; ++t) {
          problem->next_round();
          std::string why;
          ASSERT_TRUE(run.play(*problem, why)) << c.id << " " << name << ": " << why;
          ASSERT_TRUE(domain.contains(run.x().data(), 7, 1e-15))
              << c.id << " " << name << " " << online::domain_type_name(domain.type) << " left the domain at step " << t;
          boundary += !domain.contains(run.x().data(), 7, -1e-9);
        }
        EXPECT_GT(boundary, 0u) << c.id << " " << name << ": never reached the boundary, so nothing was tested";
      }
    }
  }
}

TEST(OnlineProjection, StartIsProjectedAndBroadcast) {
  labs::RegretSession a, b;
  test::run_regret(a, R"({"problem":{"name":"online_quadratic","params":{"d":3}},"domain":{"type":"ball","radius":1},
    "start":4,"T":5,"record_every":1,"optimizers":[{"name":"sgd","lr":0.1}]})");
  test::run_regret(b, R"({"problem":{"name":"online_quadratic","params":{"d":3}},"domain":{"type":"ball","radius":1},
    "start":[4,4,4],"T":5,"record_every":1,"optimizers":[{"name":"sgd","lr":0.1}]})");
  EXPECT_EQ(a.result_json(), b.result_json());
  EXPECT_DOUBLE_EQ(a.trace(0).iterate[0], 1 / std::sqrt(3.0));  // x_1 = Π(start)
  labs::RegretSession reddi;
  test::run_regret(reddi, R"({"problem":"reddi","start":[5],"T":1,"record_every":1,"optimizers":[{"name":"sgd"}]})");
  EXPECT_EQ(reddi.trace(0).iterate[0], 1);
}

}  // namespace
}  // namespace gs
