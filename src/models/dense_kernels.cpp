#include "models/dense_kernels.hpp"

#include <algorithm>

#include "core/simd.hpp"

namespace gs::models {

namespace {

using V = simd::Vec<float>;
constexpr size_t kLanes = V::lanes;
// Rows of Y (forward) or of dW (parameter gradient) updated together, so a row of W (or of dY)
// is loaded once per block and the block stays in L1.
constexpr size_t kBlock = 8;

// y[0..n) += a·x[0..n)
inline void axpy(float a, const float* x, float* y, size_t n) {
  const V av = V::splat(a);
  size_t k = 0;
  for (; k + kLanes <= n; k += kLanes) (V::load(y + k) + av * V::load(x + k)).store(y + k);
  for (; k < n; ++k) y[k] = y[k] + a * x[k];
}

inline float dot(const float* a, const float* b, size_t n) {
  V acc = V::splat(0.0f);
  size_t k = 0;
  for (; k + kLanes <= n; k += kLanes) acc = acc + V::load(a + k) * V::load(b + k);
  float lanes[kLanes];
  acc.store(lanes);
  float sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
  for (; k < n; ++k) sum = sum + a[k] * b[k];
  return sum;
}

}  // namespace

void dense_forward(const float* x, size_t rows, size_t in, const float* w, const float* b, size_t out, float* y) {
  for (size_t r0 = 0; r0 < rows; r0 += kBlock) {
    const size_t r1 = std::min(rows, r0 + kBlock);
    for (size_t r = r0; r < r1; ++r) std::copy(b, b + out, y + r * out);
    for (size_t i = 0; i < in; ++i) {
      const float* wi = w + i * out;
      for (size_t r = r0; r < r1; ++r) {
        const float xi = x[r * in + i];
        if (xi != 0.0f) axpy(xi, wi, y + r * out, out);
      }
    }
  }
}

void dense_backward_params(const float* x, const float* dy, size_t rows, size_t in, size_t out, float* dw,
                           float* db) {
  for (size_t i0 = 0; i0 < in; i0 += kBlock) {
    const size_t i1 = std::min(in, i0 + kBlock);
    for (size_t r = 0; r < rows; ++r) {
      const float* dyr = dy + r * out;
      for (size_t i = i0; i < i1; ++i) {
        const float xi = x[r * in + i];
        if (xi != 0.0f) axpy(xi, dyr, dw + i * out, out);
      }
    }
  }
  for (size_t r = 0; r < rows; ++r) axpy(1.0f, dy + r * out, db, out);
}

void dense_backward_input(const float* dy, const float* w, size_t rows, size_t in, size_t out, float* dx) {
  for (size_t r = 0; r < rows; ++r)
    for (size_t i = 0; i < in; ++i) dx[r * in + i] = dot(w + i * out, dy + r * out, out);
}

void relu_forward(float* y, size_t n) {
  const V zero = V::splat(0.0f);
  size_t k = 0;
  for (; k + kLanes <= n; k += kLanes) max(V::load(y + k), zero).store(y + k);
  for (; k < n; ++k) y[k] = simd::max(y[k], 0.0f);
}

void relu_backward(const float* y, float* dy, size_t n) {
  const V zero = V::splat(0.0f);
  size_t k = 0;
  for (; k + kLanes <= n; k += kLanes) select_eq(V::load(y + k), zero, zero, V::load(dy + k)).store(dy + k);
  for (; k < n; ++k) dy[k] = y[k] == 0.0f ? 0.0f : dy[k];
}

void multiply(float* x, const float* mask, size_t n) {
  size_t k = 0;
  for (; k + kLanes <= n; k += kLanes) (V::load(x + k) * V::load(mask + k)).store(x + k);
  for (; k < n; ++k) x[k] = x[k] * mask[k];
}

namespace reference {

void dense_forward(const float* x, size_t rows, size_t in, const float* w, const float* b, size_t out, float* y) {
  for (size_t r = 0; r < rows; ++r)
    for (size_t o = 0; o < out; ++o) {
      float sum = b[o];
      for (size_t i = 0; i < in; ++i) sum = sum + x[r * in + i] * w[i * out + o];
      y[r * out + o] = sum;
    }
}

void dense_backward_params(const float* x, const float* dy, size_t rows, size_t in, size_t out, float* dw,
                           float* db) {
  for (size_t i = 0; i < in; ++i)
    for (size_t o = 0; o < out; ++o) {
      float sum = dw[i * out + o];
      for (size_t r = 0; r < rows; ++r) sum = sum + x[r * in + i] * dy[r * out + o];
      dw[i * out + o] = sum;
    }
  for (size_t o = 0; o < out; ++o) {
    float sum = db[o];
    for (size_t r = 0; r < rows; ++r) sum = sum + dy[r * out + o];
    db[o] = sum;
  }
}

void dense_backward_input(const float* dy, const float* w, size_t rows, size_t in, size_t out, float* dx) {
  for (size_t r = 0; r < rows; ++r)
    for (size_t i = 0; i < in; ++i) {
      float sum = 0;
      for (size_t o = 0; o < out; ++o) sum = sum + w[i * out + o] * dy[r * out + o];
      dx[r * in + i] = sum;
    }
}

void relu_forward(float* y, size_t n) {
  for (size_t k = 0; k < n; ++k) y[k] = std::max(y[k], 0.0f);
}

void relu_backward(const float* y, float* dy, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (y[k] == 0.0f) dy[k] = 0.0f;
}

void multiply(float* x, const float* mask, size_t n) {
  for (size_t k = 0; k < n; ++k) x[k] *= mask[k];
}

}  // namespace reference

}  // namespace gs::models
