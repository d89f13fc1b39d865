#include "models/dense_kernels.hpp"

#include <algorithm>

#include "core/simd.hpp"

namespace gs::models {

namespace {

using V = simd::Vec<float>;
constexpr size_t kLanes = V::lanes;
// Register tiles: kTileRows rows of Y (forward) or of dW (parameter gradient) × kTileVecs vectors
// of outputs are summed in registers over the whole reduction (inputs, or examples), so W (or dY)
// is read once per tile and Y (or dW) is written once. Each output's terms are still added one by
// one in the reference's order, so the bits are the reference's.
constexpr size_t kTileRows = 4;
constexpr size_t kTileVecs = 2;

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

// The tile kernel of both passes: for NR accumulator rows a (a row's start values at acc0 + a·acc_stride,
// ld = acc_stride), NV vectors of outputs from o, adds Σ_k coef(a, k)·row_k[o..] over k = 0..count−1,
// where row_k = rows + k·row_stride and coef(a, k) = coefs[a·coef_a + k·coef_k]. A k whose NR
// coefficients are all zero is skipped (images' blank borders, dead ReLUs): adding 0·w changes
// nothing but the sign of a zero; otherwise every term is added, without a branch per row, as the
// reference adds it. `width` lanes of the last vector are
// kept (a vector of the row's tail reads past the row into the next one, never past the last row:
// its final row is then added lane by lane).
template <size_t NR, size_t NV>
inline void tile(float* acc0, size_t acc_stride, const float* rows, size_t row_stride, size_t count,
                 const float* coefs, size_t coef_a, size_t coef_k, size_t o, size_t width) {
  V acc[NR][NV];
  float start[NR][NV * kLanes];
  for (size_t a = 0; a < NR; ++a) {
    for (size_t l = 0; l < NV * kLanes; ++l) start[a][l] = l < (NV - 1) * kLanes + width ? acc0[a * acc_stride + o + l] : 0.0f;
    for (size_t v = 0; v < NV; ++v) acc[a][v] = V::load(start[a] + v * kLanes);
  }
  const bool partial = width < kLanes;
  const size_t vector_rows = partial && count > 0 ? count - 1 : count;
  for (size_t k = 0; k < vector_rows; ++k) {
    float c[NR];
    bool any = false;
    for (size_t a = 0; a < NR; ++a) {
      c[a] = coefs[a * coef_a + k * coef_k];
      any = any || c[a] != 0.0f;
    }
    if (!any) continue;
    const float* row = rows + k * row_stride + o;
    V w[NV];
    for (size_t v = 0; v < NV; ++v) w[v] = V::load(row + v * kLanes);
    for (size_t a = 0; a < NR; ++a) {
      const V cv = V::splat(c[a]);
      for (size_t v = 0; v < NV; ++v) acc[a][v] = acc[a][v] + cv * w[v];
    }
  }
  for (size_t a = 0; a < NR; ++a) {
    float out[NV * kLanes];
    for (size_t v = 0; v < NV; ++v) acc[a][v].store(out + v * kLanes);
    if (vector_rows < count) {
      const size_t k = count - 1;
      const float c = coefs[a * coef_a + k * coef_k];
      const float* row = rows + k * row_stride + o;
      if (c != 0.0f)
        for (size_t l = 0; l < (NV - 1) * kLanes + width; ++l) out[l] = out[l] + c * row[l];
    }
    for (size_t l = 0; l < (NV - 1) * kLanes + width; ++l) acc0[a * acc_stride + o + l] = out[l];
  }
}

// Every output of NR accumulator rows: tiles of kTileVecs vectors, then single vectors, then the
// tail (a partial vector when the rows have a successor in memory, see tile()).
template <size_t NR>
inline void tile_row_block(float* acc0, size_t acc_stride, const float* rows, size_t row_stride, size_t count,
                           const float* coefs, size_t coef_a, size_t coef_k, size_t out) {
  size_t o = 0;
  for (; o + kTileVecs * kLanes <= out; o += kTileVecs * kLanes)
    tile<NR, kTileVecs>(acc0, acc_stride, rows, row_stride, count, coefs, coef_a, coef_k, o, kLanes);
  for (; o + kLanes <= out; o += kLanes) tile<NR, 1>(acc0, acc_stride, rows, row_stride, count, coefs, coef_a, coef_k, o, kLanes);
  if (o < out) tile<NR, 1>(acc0, acc_stride, rows, row_stride, count, coefs, coef_a, coef_k, o, out - o);
}

// Accumulator rows in blocks of kTileRows, then one by one.
inline void tiled(float* acc, size_t acc_rows, size_t acc_stride, const float* rows, size_t row_stride,
                  size_t count, const float* coefs, size_t coef_a, size_t coef_k, size_t out) {
  size_t a = 0;
  for (; a + kTileRows <= acc_rows; a += kTileRows)
    tile_row_block<kTileRows>(acc + a * acc_stride, acc_stride, rows, row_stride, count, coefs + a * coef_a, coef_a, coef_k, out);
  for (; a < acc_rows; ++a)
    tile_row_block<1>(acc + a * acc_stride, acc_stride, rows, row_stride, count, coefs + a * coef_a, coef_a, coef_k, out);
}

}  // namespace

// Y[r, :] = b + Σ_i X[r, i]·W[i, :]: accumulator rows are Y's, the reduction runs over the rows of W
// with coefficients X[r, i] (coef_a = in, coef_k = 1).
void dense_forward(const float* x, size_t rows, size_t in, const float* w, const float* b, size_t out, float* y) {
  for (size_t r = 0; r < rows; ++r) std::copy(b, b + out, y + r * out);
  tiled(y, rows, out, w, out, in, x, in, 1, out);
}

// dW[i, :] += Σ_r X[r, i]·dY[r, :]: accumulator rows are dW's, the reduction runs over the rows of dY
// with coefficients X[r, i] (coef_a = 1, coef_k = in).
void dense_backward_params(const float* x, const float* dy, size_t rows, size_t in, size_t out, float* dw,
                           float* db) {
  tiled(dw, in, out, dy, out, rows, x, 1, in, out);
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
