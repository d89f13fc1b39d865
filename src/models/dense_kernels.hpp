// The hot loops of the paper lab's models, f32: a fully connected layer over a minibatch (forward,
// parameter gradient, input gradient), ReLU, and element-wise masks (dropout). Every kernel has a
// readable reference form (`reference::`) and a 128-bit SIMD form written with core/simd.hpp
// (wasm_simd128 in the browser, SSE2 natively, lane loops otherwise).
//
// Layout: a layer's weight matrix W is `in × out`, row-major (row i holds input i's weights to
// every output), so the forward pass and the weight gradient are axpys along rows of W and the
// SIMD lanes run over outputs. Activations are `rows × width`, one example per row.
//
// Summation order: the forward pass and the parameter gradient add the terms of each output in
// the reference's order (inputs i ascending, examples r ascending), only several outputs at once,
// so the SIMD forms give the reference's bits (zero inputs are skipped: adding 0·w changes
// nothing but the sign of a zero). The input gradient is a dot product over outputs, summed in 4
// lanes and then ((l0 + l1) + (l2 + l3)) + tail: the same bits on every backend, within a few ulp
// of the reference's sequential sum.
#pragma once

#include <cstddef>

namespace gs::models {

// Y[r, :] = b + Σ_i X[r, i]·W[i, :]
void dense_forward(const float* x, size_t rows, size_t in, const float* w, const float* b, size_t out, float* y);
// dW[i, :] += Σ_r X[r, i]·dY[r, :];  db += Σ_r dY[r, :]
void dense_backward_params(const float* x, const float* dy, size_t rows, size_t in, size_t out, float* dw, float* db);
// dX[r, i] = Σ_o W[i, o]·dY[r, o]
void dense_backward_input(const float* dy, const float* w, size_t rows, size_t in, size_t out, float* dx);
// y = max(y, 0)
void relu_forward(float* y, size_t n);
// dy = 0 where y (the ReLU's output) is 0
void relu_backward(const float* y, float* dy, size_t n);
// x *= mask (a dropout mask holds 0 or 1/(1 − p))
void multiply(float* x, const float* mask, size_t n);

namespace reference {
void dense_forward(const float* x, size_t rows, size_t in, const float* w, const float* b, size_t out, float* y);
void dense_backward_params(const float* x, const float* dy, size_t rows, size_t in, size_t out, float* dw, float* db);
void dense_backward_input(const float* dy, const float* w, size_t rows, size_t in, size_t out, float* dx);
void relu_forward(float* y, size_t n);
void relu_backward(const float* y, float* dy, size_t n);
void multiply(float* x, const float* mask, size_t n);
}  // namespace reference

}  // namespace gs::models
