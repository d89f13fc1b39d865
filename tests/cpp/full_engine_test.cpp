// The full engine's parts (engine/full_engine.hpp): this test binary is a full engine, as the CLI
// is (the user objectives and the optimizer pack registered before any test runs; the registries
// are built on demand, so the order of static initialisation does not matter); and the rules of
// registering them.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "engine/full_engine.hpp"
#include "engine/run_state.hpp"
#include "engine/run_config.hpp"
#include "objectives/objective.hpp"
#include "objectives/user_objectives.hpp"
#include "optim/whole/whole_registry.hpp"
#include "optim/optimizer.hpp"
#include "optim/pack/optimizer_pack.hpp"
#include "optim/registry.hpp"
#include "optim/rule_table.hpp"
#include "optim/rules/all.hpp"
#include "test_support.hpp"

namespace {

[[maybe_unused]] const bool kRegistered =
    (gs::engine::register_full_engine(), gs::optim::whole::register_whole_optimizers(),
     gs::engine::register_beyond_rule_runs(), true);

using namespace gs;
using objectives::registry;

size_t entries_named(std::string_view name) {
  return static_cast<size_t>(std::count_if(registry().begin(), registry().end(),
                                           [&](const objectives::ObjectiveInfo& o) { return name == o.name; }));
}

TEST(UserObjectives, EveryNameTheCoreKnowsHasOneRegisteredKindAndOneEntry) {
  objectives::register_user_objectives();  // a second time: nothing changes
  for (std::string_view name : objectives::kUserObjectiveNames) {
    EXPECT_TRUE(objectives::is_user_objective(name));
    ASSERT_NE(objectives::kind_of(name), nullptr) << name;
    EXPECT_EQ(entries_named(name), 1u) << name;
  }
  EXPECT_FALSE(objectives::is_user_objective("rosenbrock"));
  EXPECT_EQ(objectives::kind_of("rosenbrock"), nullptr);
  // The catalog's entries come first, then the user objectives in registration order.
  const size_t first = registry().size() - std::size(objectives::kUserObjectiveNames);
  for (size_t i = 0; i < std::size(objectives::kUserObjectiveNames); ++i)
    EXPECT_EQ(registry()[first + i].name, objectives::kUserObjectiveNames[i]);
}

TEST(UserObjectives, ARegistryEntryIsItsKindsStandardObjective) {
  for (std::string_view name : objectives::kUserObjectiveNames) {
    const objectives::Objective standard(*objectives::find(name), {});
    ASSERT_NE(standard.defined(), nullptr) << name;
    EXPECT_EQ(standard.catalog_index(), objectives::kDefinedIndex);
    EXPECT_EQ(standard.defined(), objectives::standard_defined(name).get()) << name;
    // A config naming it without fields is the same objective.
    engine::ObjectiveConfig config;
    std::string error;
    const json::Value value(std::string{name});
    ASSERT_TRUE(engine::parse_objective(&value, "objective", config, error)) << error;
    const objectives::Objective parsed = engine::make_objective(config);
    double gx = 0, gy = 0, sx = 0, sy = 0;
    EXPECT_EQ(parsed.value_and_gradient(0.3, -0.2, gx, gy), standard.value_and_gradient(0.3, -0.2, sx, sy)) << name;
    EXPECT_EQ(gx, sx);
    EXPECT_EQ(gy, sy);
    EXPECT_EQ(parsed.minima().size(), standard.minima().size()) << name;
  }
}

TEST(OptimizerPack, ItsRulesFollowTheCoreRulesInTheRegistryUnderTheNamesTheCoreKnows) {
  optim::register_optimizer_pack();  // a second time: nothing changes
  const auto& registry = optim::optimizer_registry();
  ASSERT_EQ(registry.size(), optim::rules::AllRules::size + optim::whole::kBeyondRuleCount);
  for (size_t k = 0; k < registry.size(); ++k) {
    const bool beyond_rules = k >= optim::rules::AllRules::size;
    EXPECT_EQ(registry[k].whole || registry[k].interpreted(), beyond_rules) << registry[k].name;
    EXPECT_EQ(registry[k].interpreted(), registry[k].name == std::string("custom")) << registry[k].name;
    if (beyond_rules) {
      EXPECT_EQ(registry[k].name, optim::whole::kBeyondRuleNames[k - optim::rules::AllRules::size]);
    }
  }
  size_t i = 0;
  optim::rules::CoreRules::for_each([&](auto rule) {
    EXPECT_EQ(registry[i].name, std::string_view(decltype(rule)::info().name));
    EXPECT_FALSE(optim::is_pack_optimizer(registry[i].name));
    ++i;
  });
  size_t p = 0;
  optim::rules::PackRules::for_each([&](auto rule) {
    ASSERT_LT(p, std::size(optim::kPackOptimizerNames));
    EXPECT_EQ(optim::kPackOptimizerNames[p], std::string_view(decltype(rule)::info().name));
    EXPECT_EQ(registry[i].name, optim::kPackOptimizerNames[p]);
    EXPECT_EQ(registry[i].kind.index, i);
    EXPECT_TRUE(optim::rule_registered(registry[i].kind));
    EXPECT_NE(optim::rule_ops<float>(registry[i].kind).simd, nullptr);
    EXPECT_NE(optim::rule_ops<double>(registry[i].kind).reference, nullptr);
    ++i, ++p;
  });
  EXPECT_EQ(p, std::size(optim::kPackOptimizerNames));
}

}  // namespace
