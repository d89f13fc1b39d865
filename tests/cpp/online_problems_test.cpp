// The online problems: registry metadata, seeded reproducibility, gradients against finite
// differences, and every comparator against brute force on small cases (a fine grid over the
// domain, or every vertex of the box), with the comparator's loss checked by replaying the rounds.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/rng.hpp"
#include "engine/registry_json.hpp"
#include "online/problems.hpp"
#include "online_test_support.hpp"

namespace gs {
namespace {

using online::Domain;
using online::DomainType;
using Params = std::vector<std::pair<std::string, double>>;

TEST(OnlineRegistry, EveryProblemIsDescribed) {
  std::set<std::string> names;
  for (const auto& p : online::problem_registry()) {
    EXPECT_TRUE(names.insert(p.name).second) << p.name;
    EXPECT_EQ(online::find_problem(p.name), &p);
    EXPECT_GT(std::string(p.latex).size(), 10u) << p.name;
    EXPECT_GT(std::string(p.description).size(), 60u) << p.name;
    EXPECT_GT(std::string(p.source).size(), 10u) << p.name;
    EXPECT_GT(std::string(p.comparator).size(), 10u) << p.name;
    EXPECT_GT(p.default_radius, 0) << p.name;
    // Its entry of AllProblems makes it, with its default parameters, at its dimension.
    std::vector<double> defaults;
    for (const auto& h : p.params) defaults.push_back(h.default_value);
    const auto problem = online::make_problem(p, defaults, online::Domain{p.default_domain, p.default_radius});
    ASSERT_NE(problem, nullptr) << p.name;
    EXPECT_EQ(problem->dimension(), online::dimension(p, defaults)) << p.name;
    bool has_d = false;
    for (const auto& h : p.params) {
      EXPECT_TRUE(h.range.contains(h.default_value)) << p.name << "." << h.name;
      EXPECT_GT(std::string(h.description).size(), 5u) << p.name << "." << h.name;
      has_d = has_d || std::string(h.name) == "d";
    }
    EXPECT_EQ(has_d, p.fixed_dimension == 0) << p.name;
  }
  for (const char* name : {"reddi", "online_logistic", "sparse_adversarial", "online_linear", "online_quadratic"})
    EXPECT_NE(online::find_problem(name), nullptr) << name;
  EXPECT_EQ(online::find_problem("redi"), nullptr);

  const json::Value registry = engine::registry_json();
  const auto& problems = registry.find("problems")->as_array();
  ASSERT_EQ(problems.size(), online::problem_registry().size());
  const json::Value& reddi = problems[0];
  EXPECT_EQ(reddi.find("name")->as_string(), "reddi");
  EXPECT_EQ(reddi.find("dimension")->as_number(), 1);
  EXPECT_EQ(reddi.find("default_domain")->find("type")->as_string(), "box");
  EXPECT_EQ(reddi.find("default_start")->as_number(), 1);
  EXPECT_EQ(reddi.find("params")->as_array()[0].find("min_exclusive")->as_bool(), true);
  EXPECT_EQ(problems[1].find("dimension")->as_string(), "d");
  EXPECT_EQ(registry.find("domains")->as_array().size(), 2u);
  EXPECT_NE(registry.find("regret_bound")->find("latex")->as_string().find("1-\\lambda"), std::string::npos);
}

// Loss and gradient of `rounds` rounds at a fixed probe point, as one flat list.
std::vector<double> trace(online::Problem& p, int rounds) {
  const size_t d = p.dimension();
  std::vector<double> x(d), g(d), out;
  for (size_t i = 0; i < d; ++i) x[i] = 0.3 * std::sin(double(i) + 1);
  for (int t = 0; t < rounds; ++t) {
    p.next_round();
    std::fill(g.begin(), g.end(), 0.0);
    out.push_back(p.loss_and_gradient(x.data(), g.data()));
    out.insert(out.end(), g.begin(), g.end());
  }
  return out;
}

TEST(OnlineProblems, SeededAndReproducible) {
  const Domain box;
  for (const char* name : {"online_logistic", "sparse_adversarial", "online_linear", "online_quadratic"}) {
    auto a = test::make_problem(name, {{"d", 40}, {"seed", 7}}, box);
    auto b = test::make_problem(name, {{"d", 40}, {"seed", 7}}, box);
    auto c = test::make_problem(name, {{"d", 40}, {"seed", 8}}, box);
    std::vector<double> ta = trace(*a, 50), tb = trace(*b, 50), tc = trace(*c, 50);
    EXPECT_EQ(ta, tb) << name;
    EXPECT_NE(ta, tc) << name;
  }
}

TEST(OnlineProblems, GradientsMatchFiniteDifferences) {
  const Domain box{DomainType::Box, 2};
  const std::vector<std::pair<const char*, Params>> cases = {
      {"reddi", {}},
      {"online_logistic", {{"d", 30}, {"words", 6}}},
      {"sparse_adversarial", {{"d", 30}, {"alpha", 1}}},
      {"online_linear", {{"d", 5}}},
      {"online_quadratic", {{"d", 5}}}};
  for (const auto& [name, params] : cases) {
    auto p = test::make_problem(name, params, box);
    const size_t d = p->dimension();
    std::vector<double> x(d), g(d), xp(d);
    for (int t = 1; t <= 20; ++t) {
      p->next_round();
      for (size_t i = 0; i < d; ++i) x[i] = 1.5 * (2 * rng::uniform01(3, i, t) - 1);
      std::fill(g.begin(), g.end(), 0.0);
      const double f = p->loss_and_gradient(x.data(), g.data());
      std::set<uint32_t> support(p->support().begin(), p->support().end());
      for (size_t i = 0; i < d; ++i) {
        const double h = 1e-6;
        xp = x;
        xp[i] = x[i] + h;
        std::vector<double> scratch(d, 0.0);
        const double up = p->loss_and_gradient(xp.data(), scratch.data());
        xp[i] = x[i] - h;
        const double down = p->loss_and_gradient(xp.data(), scratch.data());
        EXPECT_NEAR(g[i], (up - down) / (2 * h), 1e-6 * (1 + std::fabs(f))) << name << " t=" << t << " i=" << i;
        if (p->sparse() && !support.count(static_cast<uint32_t>(i))) {
          EXPECT_EQ(g[i], 0) << name << " i=" << i;
        }
      }
    }
  }
}

// Grid points covering the domain (d = 1 or 2): Cartesian on the box, polar on the ball, and
// pairs of neighbours, whose largest loss difference bounds how far the true minimum can lie
// below the grid's.
struct Grid {
  std::vector<std::vector<double>> points;
  std::vector<std::pair<size_t, size_t>> neighbours;
};

Grid make_grid(const Domain& domain, size_t d) {
  Grid grid;
  const double r = domain.radius;
  if (d == 1) {
    const int n = 2000;
    for (int k = 0; k <= n; ++k) {
      grid.points.push_back({-r + 2 * r * k / n});
      if (k) grid.neighbours.push_back({size_t(k - 1), size_t(k)});
    }
  } else if (domain.type == DomainType::Box) {
    const int n = 160;
    for (int j = 0; j <= n; ++j)
      for (int i = 0; i <= n; ++i) {
        grid.points.push_back({-r + 2 * r * i / n, -r + 2 * r * j / n});
        const size_t k = grid.points.size() - 1;
        if (i) grid.neighbours.push_back({k - 1, k});
        if (j) grid.neighbours.push_back({k - (n + 1), k});
      }
  } else {
    const int rings = 60, angles = 360;
    grid.points.push_back({0, 0});
    for (int k = 1; k <= rings; ++k)
      for (int a = 0; a < angles; ++a) {
        const double rho = r * k / rings, phi = 2 * 3.141592653589793 * a / angles;
        grid.points.push_back({rho * std::cos(phi), rho * std::sin(phi)});
        const size_t here = grid.points.size() - 1;
        grid.neighbours.push_back({k == 1 ? 0 : here - angles, here});
        grid.neighbours.push_back({a ? here - 1 : here + angles - 1, here});
      }
  }
  return grid;
}

// Σ_{s≤t} f_s(x) by replaying the first t rounds of a fresh instance.
double replay(const char* name, const Params& params, const Domain& domain, uint64_t t, const std::vector<double>& x) {
  auto p = test::make_problem(name, params, domain);
  std::vector<double> g(p->dimension(), 0.0);
  double sum = 0;
  for (uint64_t s = 0; s < t; ++s) {
    p->next_round();
    sum += p->loss_and_gradient(x.data(), g.data());
  }
  return sum;
}

void check_against_grid(const char* name, const Params& params, const Domain& domain, int rounds) {
  auto p = test::make_problem(name, params, domain);
  const size_t d = p->dimension();
  ASSERT_LE(d, 2u);
  const Grid grid = make_grid(domain, d);
  std::vector<double> sums(grid.points.size(), 0.0), g(d);
  for (int t = 1; t <= rounds; ++t) {
    p->next_round();
    for (size_t k = 0; k < grid.points.size(); ++k) sums[k] += p->loss_and_gradient(grid.points[k].data(), g.data());
    if (t != 1 && t != 2 && t != 5 && t != rounds) continue;
    online::Comparator c;
    p->comparator(c, t == rounds);
    std::string where = std::string(name) + " " + online::domain_type_name(domain.type) + " t=" + std::to_string(t);
    ASSERT_EQ(c.x.size(), d) << where;
    EXPECT_EQ(c.t, uint64_t(t));
    EXPECT_TRUE(domain.contains(c.x.data(), d, 1e-12)) << where;
    const double grid_min = *std::min_element(sums.begin(), sums.end());
    double slack = 0;
    for (auto [a, b] : grid.neighbours) slack = std::max(slack, std::fabs(sums[a] - sums[b]));
    const double eps = 1e-9 * (1 + std::fabs(grid_min));
    EXPECT_NEAR(replay(name, params, domain, t, c.x), c.loss, eps) << where << ": the reported loss is not Σ f_s(x)";
    EXPECT_LE(c.loss, grid_min + c.tolerance + eps) << where << ": a grid point beats the comparator";
    EXPECT_GE(c.loss, grid_min - slack - eps) << where << ": below the grid's minimum by more than its resolution";
    EXPECT_GE(c.tolerance, 0) << where;
  }
}

TEST(OnlineComparator, ReddiIsTheBestPointOfTheInterval) {
  check_against_grid("reddi", {}, Domain{DomainType::Box, 1}, 10);
  check_against_grid("reddi", {{"C", 5}}, Domain{DomainType::Ball, 0.7}, 10);
  auto p = test::make_problem("reddi", {}, Domain{});
  for (int t = 0; t < 30000; ++t) p->next_round();
  online::Comparator c;
  p->comparator(c, true);
  EXPECT_EQ(c.x[0], -1);
  EXPECT_EQ(c.loss, -10000);  // 10,000 rounds of C·x = −3 and 20,000 of −x = 1
}

TEST(OnlineComparator, LinearAndQuadraticDriftAgainstTheGrid) {
  for (const Domain& domain : {Domain{DomainType::Box, 1}, Domain{DomainType::Ball, 0.8}}) {
    check_against_grid("online_linear", {{"d", 2}, {"period", 7}, {"noise", 0.5}}, domain, 12);
    check_against_grid("online_linear", {{"d", 1}, {"center", 0}, {"noise", 1}}, domain, 9);
    check_against_grid("online_quadratic", {{"d", 2}, {"period", 9}, {"center", 0.9}, {"amplitude", 0.7}}, domain, 12);
    check_against_grid("online_quadratic", {{"d", 2}, {"center", -0.2}, {"noise", 2}}, domain, 12);
  }
}

TEST(OnlineComparator, SparseAdversarialAgainstTheGrid) {
  for (const Domain& domain : {Domain{DomainType::Box, 1}, Domain{DomainType::Ball, 2}})
    check_against_grid("sparse_adversarial", {{"d", 2}}, domain, 15);
}

TEST(OnlineComparator, LogisticAgainstTheGrid) {
  for (const Domain& domain : {Domain{DomainType::Box, 1}, Domain{DomainType::Box, 3}, Domain{DomainType::Ball, 2}}) {
    check_against_grid("online_logistic", {{"d", 2}, {"words", 2}, {"zipf", 0.5}}, domain, 40);
    check_against_grid("online_logistic", {{"d", 2}, {"words", 3}, {"label_noise", 0.3}, {"seed", 5}}, domain, 40);
  }
}

// Linear losses on the box: the minimum over all 2^d vertices, exactly.
void check_against_vertices(const char* name, const Params& params, int rounds) {
  const Domain box{DomainType::Box, 1.5};
  auto p = test::make_problem(name, params, box);
  const size_t d = p->dimension();
  for (int t = 0; t < rounds; ++t) p->next_round();
  online::Comparator c;
  p->comparator(c, true);
  double best = INFINITY;
  for (size_t mask = 0; mask < (size_t(1) << d); ++mask) {
    std::vector<double> v(d);
    for (size_t i = 0; i < d; ++i) v[i] = mask >> i & 1 ? 1.5 : -1.5;
    best = std::min(best, replay(name, params, box, rounds, v));
  }
  EXPECT_NEAR(c.loss, best, 1e-9 * (1 + std::fabs(best))) << name;
  EXPECT_EQ(c.tolerance, 0);
}

TEST(OnlineComparator, LinearProblemsAgainstEveryVertex) {
  check_against_vertices("online_linear", {{"d", 6}, {"period", 11}, {"noise", 0.3}}, 40);
  check_against_vertices("sparse_adversarial", {{"d", 8}, {"alpha", 1}}, 60);
}

TEST(OnlineComparator, LogisticSolveIsCertifiedInManyDimensions) {
  for (const Domain& domain : {Domain{DomainType::Ball, 3}, Domain{DomainType::Box, 0.5}}) {
    const Params params = {{"d", 200}, {"words", 10}};
    auto p = test::make_problem("online_logistic", params, domain);
    for (int t = 0; t < 600; ++t) p->next_round();
    online::Comparator c;
    p->comparator(c, true);
    EXPECT_LE(c.tolerance, 1e-6 * (1 + c.loss));
    EXPECT_TRUE(domain.contains(c.x.data(), c.x.size(), 1e-12));
    EXPECT_NEAR(replay("online_logistic", params, domain, 600, c.x), c.loss, 1e-9 * c.loss);
    // No feasible point nearby does better than the certified minimum.
    for (int k = 0; k < 20; ++k) {
      std::vector<double> y = c.x;
      for (size_t i = 0; i < y.size(); ++i) y[i] += 0.05 * (2 * rng::uniform01(9, i, k) - 1);
      domain.project(y.data(), y.size());
      EXPECT_GE(replay("online_logistic", params, domain, 600, y), c.loss - c.tolerance);
    }
  }
}

}  // namespace
}  // namespace gs
