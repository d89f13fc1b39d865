// Step-for-step parity with the NumPy ports of the official reference code of the optimizers
// torch.optim lacks (tests/fixtures/ports/<name>.py, each naming the repository, file and commit it
// follows; port_runner.py explains the fixtures and their stability rule), in float64, every case
// and step. The table lists the ports the engine implements, with the tolerance each meets.
#include <string>

#include "test_support.hpp"

namespace gs {
namespace {

struct PortCase {
  const char* name;  // tests/fixtures/ports/<name>.json
  double tolerance;  // relative, per coordinate and step (floor 1e-3 as for torch)
};

constexpr PortCase kPorts[] = {
    {"lion", 1e-12},
    {"adabelief", 1e-12},
    {"yogi", 1e-12},
    {"schedulefree_sgd", 1e-12},
    {"schedulefree_adamw", 1e-12},
    {"adan", 1e-12},
    {"ademamix", 1e-12},
    {"lookahead", 1e-12},
    {"prodigy", 1e-12},
    {"sophia", 1e-12},
    {"shampoo", 1e-12},
};

TEST(ReferencePorts, EveryImplementedPortMatchesStepForStep) {
  for (const PortCase& port : kPorts) {
    const json::Value fixture = test::load_json(std::string("tests/fixtures/ports/") + port.name + ".json");
    const auto& cases = fixture.find("cases")->as_array();
    ASSERT_GE(cases.size(), 3u) << port.name;
    double worst = 0;
    std::string worst_id;
    for (const auto& c : cases) {
      const std::string id = std::string(port.name) + " " + c.find("id")->as_string();
      const double error = test::trajectory_error(c, fixture.find("steps")->as_number(), port.tolerance, id);
      if (error > worst) worst = error, worst_id = id;
    }
    std::printf("[ port     ] %s: %zu cases, worst relative error %.3g (%s)\n", port.name, cases.size(), worst,
                worst_id.c_str());
  }
}

}  // namespace
}  // namespace gs
