// Step-for-step parity with PyTorch's torch.optim 1.13 in float64: every torch optimizer and
// option, several objectives, 200 steps, ≤ 1e-9 relative error per coordinate at every step.
// Reference trajectories: tests/fixtures/torch_parity.json, made by make_torch_fixtures.py with
// Debian's python3-torch (the script checks each case is well conditioned: a 1e-12 perturbation
// moves it by < 1e-7, so rounding differences cannot reach 1e-9).
#include "test_support.hpp"

namespace gs {
namespace {

constexpr double kTolerance = 1e-9;

TEST(TorchParity, EveryCaseMatchesTorchStepForStep) {
  json::Value fixture = test::load_json("tests/fixtures/torch_parity.json");
  const auto& cases = fixture.find("cases")->as_array();
  ASSERT_GE(cases.size(), 90u);
  double worst = 0;
  std::string worst_id;
  for (const auto& c : cases) {
    const std::string id = c.find("id")->as_string();
    const double error = test::trajectory_error(c, fixture.find("steps")->as_number(), kTolerance, id);
    if (error > worst) worst = error, worst_id = id;
  }
  std::printf("[ parity   ] %zu torch cases, worst relative error %.3g (%s)\n", cases.size(), worst,
              worst_id.c_str());
}

}  // namespace
}  // namespace gs
