/** A growable Float64Array, for the points a lab's worker streams in: append() copies a chunk in; view() is the filled part. */
export class Column {
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
    this.length = 0;
  }
  append(values) {
    const need = this.length + values.length;
    if (need > this.data.length) {
      const grown = new Float64Array(Math.max(need, 2 * this.data.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(values, this.length);
    this.length = need;
  }
  view() { return this.data.subarray(0, this.length); }
}
