// The SIMD kernel and the readable reference kernel of every optimizer agree bit for bit
// (the same IEEE operations in the same order; -ffp-contract=off), for every option in the
// case table, f32 and f64, odd lengths and tails, over several steps with seeded gradients.
#include <cstring>

#include "core/rng.hpp"
#include "optim/optimizer.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

const size_t kLengths[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 1023};

template <class T>
std::vector<T> seeded(size_t n, uint64_t stream, double scale, bool sparse) {
  std::vector<T> v(n);
  for (size_t i = 0; i < n; ++i) {
    double g = rng::gaussian(7, stream, i) * scale;
    if (sparse && rng::uniform01(8, stream, i) < 0.5) g = 0;
    v[i] = T(g);
  }
  return v;
}

template <class T>
void expect_bitwise_equal(const std::vector<T>& a, const std::vector<T>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::memcmp(&a[i], &b[i], sizeof(T)) != 0) {
      ADD_FAILURE() << what << " differs at " << i << ": " << a[i] << " vs " << b[i];
      return;
    }
  }
}

template <class T>
void check_agreement(const optim::OptimizerSpec& spec, size_t n, bool sparse, const std::string& id) {
  optim::Optimizer<T> simd(spec, n), reference(spec, n);
  std::vector<T> p_simd = seeded<T>(n, 1, 1.0, false);
  std::vector<T> p_ref = p_simd;
  for (uint64_t step = 0; step < 7; ++step) {
    std::vector<T> g = seeded<T>(n, 100 + step, 0.5 + step, sparse);
    simd.step(p_simd.data(), g.data(), optim::KernelImpl::Simd);
    reference.step(p_ref.data(), g.data(), optim::KernelImpl::Reference);
  }
  std::string what = id + " n=" + std::to_string(n) + (sparse ? " sparse" : "") + (sizeof(T) == 4 ? " f32" : " f64");
  expect_bitwise_equal(p_simd, p_ref, what + " params");
  expect_bitwise_equal(simd.state(), reference.state(), what + " state");
}

TEST(Kernels, SimdAgreesWithReferenceBitForBit) {
  for (const auto& c : test::rule_cases()) {
    optim::OptimizerSpec spec = test::parse_spec(c.optimizer);
    for (size_t n : kLengths) {
      for (bool sparse : {false, true}) {
        check_agreement<float>(spec, n, sparse, c.id);
        check_agreement<double>(spec, n, sparse, c.id);
      }
    }
  }
}

TEST(Kernels, EveryRegisteredOptimizerIsInTheCaseTable) {
  for (const auto& info : optim::optimizer_registry()) {
    bool found = false;
    for (const auto& c : test::optimizer_cases()) found |= c.optimizer.find("name")->as_string() == info.name;
    EXPECT_TRUE(found) << info.name << " has no row in tests/fixtures/optimizer_cases.json";
  }
}

TEST(Kernels, ZeroLengthTouchesNothing) {
  optim::Optimizer<float> opt(optim::default_spec("adam"), 0);
  opt.step(nullptr, nullptr);
  EXPECT_EQ(opt.steps_taken(), 1u);
  EXPECT_TRUE(opt.state().empty());
}

TEST(Kernels, SetSpecKeepsStateAndResetClearsIt) {
  optim::OptimizerSpec spec = optim::default_spec("adam");
  optim::Optimizer<double> opt(spec, 3);
  std::vector<double> p{1, 2, 3}, g{0.5, -1, 2};
  opt.step(p.data(), g.data());
  std::vector<double> m_before(opt.slot(0), opt.slot(0) + 3);
  spec.lr = 0.5;
  opt.set_spec(spec);
  EXPECT_EQ(opt.steps_taken(), 1u);
  EXPECT_EQ(std::vector<double>(opt.slot(0), opt.slot(0) + 3), m_before);
  opt.reset();
  EXPECT_EQ(opt.steps_taken(), 0u);
  EXPECT_EQ(opt.slot(0)[0], 0.0);
}

TEST(Kernels, SnapshotAndRestoreContinueIdentically) {
  optim::OptimizerSpec spec = test::parse_spec(std::string(R"({"name":"nadam","lr":0.01})"));
  optim::Optimizer<double> a(spec, 5), b(spec, 5);
  std::vector<double> pa = seeded<double>(5, 3, 1, false);
  for (int s = 0; s < 4; ++s) {
    auto g = seeded<double>(5, 50 + s, 1, false);
    a.step(pa.data(), g.data());
  }
  b.restore(a.running(), a.state());
  std::vector<double> pb = pa;
  for (int s = 0; s < 4; ++s) {
    auto g = seeded<double>(5, 90 + s, 1, false);
    a.step(pa.data(), g.data());
    b.step(pb.data(), g.data());
  }
  EXPECT_EQ(pa, pb);
}

}  // namespace
}  // namespace gs
