// The single-run engine's table of kernels (RuleOps) by Kind. The core rules' enter it on the first
// read (their SIMD kernels here, their reference twins from rule_references.cpp); the optimizer
// pack's when registered (set_rule_ops, set_reference_kernel), without reading it.
#include <array>

#include "optim/rule_kernels.hpp"

namespace gs::optim {

namespace {

template <class T>
struct OpsTable {
  std::array<RuleOps<T>, rules::AllRules::size> ops{};
  bool core_entered = false;
};

template <class T>
OpsTable<T>& ops_table() {
  static OpsTable<T> table;
  return table;
}

}  // namespace

template <class T>
const RuleOps<T>& rule_ops(Kind kind) {
  OpsTable<T>& table = ops_table<T>();
  if (!table.core_entered) {
    table.core_entered = true;
    rules::CoreRules::for_each([&](auto rule) {
      using Rule = decltype(rule);
      table.ops[rules::kind_of<Rule>().index] = ops_of<Rule, T>();
    });
    enter_core_references<T>(table.ops.data());
  }
  return table.ops[kind.index];
}
template const RuleOps<float>& rule_ops<float>(Kind);
template const RuleOps<double>& rule_ops<double>(Kind);

template <class T>
void set_rule_ops(Kind kind, const RuleOps<T>& ops) {
  RuleOps<T>& entry = ops_table<T>().ops[kind.index];
  const KernelFn<T> reference = entry.reference;
  entry = ops;
  entry.reference = reference;
}
template void set_rule_ops<float>(Kind, const RuleOps<float>&);
template void set_rule_ops<double>(Kind, const RuleOps<double>&);

template <class T>
void set_reference_kernel(Kind kind, KernelFn<T> kernel) {
  ops_table<T>().ops[kind.index].reference = kernel;
}
template void set_reference_kernel<float>(Kind, KernelFn<float>);
template void set_reference_kernel<double>(Kind, KernelFn<double>);

template <class T>
KernelFn<T> reference_kernel(Kind kind) {
  return rule_ops<T>(kind).reference;
}
template KernelFn<float> reference_kernel<float>(Kind);
template KernelFn<double> reference_kernel<double>(Kind);

}  // namespace gs::optim
