// Memory-bandwidth ceilings in wasm for `npm run bench` (bench/adam_step.mjs drives it):
//   Triad : STREAM triad a[i] = b[i] + s·c[i] over float32, 12 bytes/element (read b, c; write a).
//   Rmw   : read-modify-write with Adam's exact memory pattern and trivial arithmetic:
//           read p, g, m, v; write p, m, v (28 bytes/param):  p += s·g; m += s·g; v += s·g.
//   AdamLoop: gs::optim::Optimizer<float> (Adam, defaults) stepped `reps` times inside wasm, with
//           no JS call per step: the kernel cost the JS API's per-step overhead is measured against.
// In the SIMD build (-msimd128) Triad and Rmw use wasm_simd128 intrinsics (f32x4), else scalar loops.
// Each object allocates its buffers once (64-byte aligned, filled with finite values);
// run(reps) does `reps` full passes, so JS times many passes per call and the call cost vanishes.
#include <emscripten/bind.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#include "core/simd.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"

namespace {

float* alloc_floats(size_t n, float value) {
  size_t bytes = ((n * sizeof(float) + 63) / 64) * 64;
  if (bytes == 0) bytes = 64;
  auto* p = static_cast<float*>(std::aligned_alloc(64, bytes));
  for (size_t i = 0; i < n; ++i) p[i] = value;
  return p;
}

class Triad {
 public:
  explicit Triad(double n) : n_(static_cast<size_t>(n)) {
    a_ = alloc_floats(n_, 0.f);
    b_ = alloc_floats(n_, 1.f);
    c_ = alloc_floats(n_, 2.f);
  }
  ~Triad() {
    std::free(a_);
    std::free(b_);
    std::free(c_);
  }
  Triad(const Triad&) = delete;
  Triad& operator=(const Triad&) = delete;

  void run(int reps) {
    const float s = 3.f;
    float* __restrict a = a_;
    const float* __restrict b = b_;
    const float* __restrict c = c_;
    const size_t n = n_;
    for (int r = 0; r < reps; ++r) {
      size_t i = 0;
#if defined(__wasm_simd128__)
      const v128_t vs = wasm_f32x4_splat(s);
      for (; i + 4 <= n; i += 4)
        wasm_v128_store(a + i, wasm_f32x4_add(wasm_v128_load(b + i), wasm_f32x4_mul(vs, wasm_v128_load(c + i))));
#endif
      for (; i < n; ++i) a[i] = b[i] + s * c[i];
    }
  }
  double checksum() const { return n_ ? double(a_[n_ / 2]) : 0.0; }
  double bytesPerElement() const { return 12; }

 private:
  size_t n_;
  float *a_, *b_, *c_;
};

class Rmw {
 public:
  explicit Rmw(double n) : n_(static_cast<size_t>(n)) {
    p_ = alloc_floats(n_, 0.5f);
    g_ = alloc_floats(n_, 1e-3f);
    m_ = alloc_floats(n_, 0.f);
    v_ = alloc_floats(n_, 0.f);
  }
  ~Rmw() {
    std::free(p_);
    std::free(g_);
    std::free(m_);
    std::free(v_);
  }
  Rmw(const Rmw&) = delete;
  Rmw& operator=(const Rmw&) = delete;

  // Alternating sign keeps the values bounded over many passes.
  void run(int reps) {
    float* __restrict p = p_;
    const float* __restrict g = g_;
    float* __restrict m = m_;
    float* __restrict v = v_;
    const size_t n = n_;
    for (int r = 0; r < reps; ++r) {
      const float s = (r & 1) ? -1e-3f : 1e-3f;
      size_t i = 0;
#if defined(__wasm_simd128__)
      const v128_t vs = wasm_f32x4_splat(s);
      for (; i + 4 <= n; i += 4) {
        v128_t sg = wasm_f32x4_mul(vs, wasm_v128_load(g + i));
        wasm_v128_store(p + i, wasm_f32x4_add(wasm_v128_load(p + i), sg));
        wasm_v128_store(m + i, wasm_f32x4_add(wasm_v128_load(m + i), sg));
        wasm_v128_store(v + i, wasm_f32x4_add(wasm_v128_load(v + i), sg));
      }
#endif
      for (; i < n; ++i) {
        float sg = s * g[i];
        p[i] += sg;
        m[i] += sg;
        v[i] += sg;
      }
    }
  }
  double checksum() const { return n_ ? double(p_[n_ / 2] + m_[n_ / 2] + v_[n_ / 2]) : 0.0; }
  double bytesPerElement() const { return 28; }

 private:
  size_t n_;
  float *p_, *g_, *m_, *v_;
};

// The project's Adam step (same code path as OptimizerHandle::step in the bindings, minus the
// JS → Embind → C++ call): Optimizer<float>::step(params, grads, KernelImpl::Simd).
class AdamLoop {
 public:
  explicit AdamLoop(double n) : opt_(gs::optim::default_spec("adam"), static_cast<size_t>(n)) {
    size_t k = static_cast<size_t>(n);
    params_.resize(k);
    grads_.resize(k);
    for (size_t i = 0; i < k; ++i) {
      params_[i] = 0.5f + 1e-3f * static_cast<float>(i % 1000);
      grads_[i] = 1e-2f * static_cast<float>(static_cast<int>(i % 17) - 8);
    }
  }
  void run(int reps) {
    for (int r = 0; r < reps; ++r) opt_.step(params_.data(), grads_.data(), gs::optim::KernelImpl::Simd);
  }
  double checksum() const { return params_.empty() ? 0.0 : double(params_[params_.size() / 2]); }

 private:
  gs::optim::Optimizer<float> opt_;
  std::vector<float> params_, grads_;
};

std::string simdBackend() { return gs::simd::backend_name(); }
bool builtWithSimd128() {
#if defined(__wasm_simd128__)
  return true;
#else
  return false;
#endif
}

}  // namespace

EMSCRIPTEN_BINDINGS(gradscape_bench_roofline) {
  emscripten::class_<Triad>("Triad")
      .constructor<double>()
      .function("run", &Triad::run)
      .function("checksum", &Triad::checksum)
      .function("bytesPerElement", &Triad::bytesPerElement);
  emscripten::class_<Rmw>("Rmw")
      .constructor<double>()
      .function("run", &Rmw::run)
      .function("checksum", &Rmw::checksum)
      .function("bytesPerElement", &Rmw::bytesPerElement);
  emscripten::class_<AdamLoop>("AdamLoop")
      .constructor<double>()
      .function("run", &AdamLoop::run)
      .function("checksum", &AdamLoop::checksum);
  emscripten::function("simdBackend", &simdBackend);
  emscripten::function("builtWithSimd128", &builtWithSimd128);
}
