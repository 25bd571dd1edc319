// Hands a JavaScript value to the checker as a compact tape instead of a
// JSON string: walking the object costs far less than JSON.stringify, and
// a string the checker already holds (field names, unchanged texts) is sent
// as a number, not encoded again. The Rust side (src/wasm/tape.rs) reads it.
// Semantics follow JSON.stringify: toJSON is called, undefined, functions
// and symbols are left out of objects and become null in arrays, non-finite
// numbers become null; nesting deeper than 64 is marked, not followed; a
// value that contains itself, or a BigInt, makes the whole value unreadable.

const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, NEW_STRING = 4, KNOWN_STRING = 5,
  ARRAY = 6, OBJECT = 7, TOO_DEEP = 8;
const MAX_DEPTH = 64;
// Strings remembered before both sides start afresh (and how many bytes).
const MAX_STRINGS = 4096, MAX_STRING_BYTES = 1 << 22;

const encoder = new TextEncoder();

class Foreign extends Error {}

export class Tape {
  constructor() {
    this.buf = new Uint8Array(1 << 14);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;
    this.ids = new Map();
    this.bytes = 0;
    this.open = []; // the objects being walked, by depth: one met again is a cycle
  }

  room(n) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
    this.view = new DataView(bigger.buffer);
  }

  u8(b) {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  u32(n) {
    this.room(4);
    this.view.setUint32(this.pos, n, true);
    this.pos += 4;
  }

  string(s) {
    const id = this.ids.get(s);
    if (id !== undefined) {
      this.room(5);
      this.buf[this.pos] = KNOWN_STRING;
      this.view.setUint32(this.pos + 1, id, true);
      this.pos += 5;
      return;
    }
    this.room(5 + s.length * 3);
    this.buf[this.pos] = NEW_STRING;
    const { written } = encoder.encodeInto(s, this.buf.subarray(this.pos + 5));
    this.view.setUint32(this.pos + 1, written, true);
    this.pos += 5 + written;
    this.ids.set(s, this.ids.size);
    this.bytes += written;
  }

  value(v, depth) {
    if (v !== null && typeof v === "object" && typeof v.toJSON === "function") v = v.toJSON();
    switch (typeof v) {
      case "string":
        return this.string(v);
      case "number":
        if (!Number.isFinite(v)) return this.u8(NULL);
        this.u8(NUMBER);
        this.room(8);
        this.view.setFloat64(this.pos, v, true);
        this.pos += 8;
        return;
      case "boolean":
        return this.u8(v ? TRUE : FALSE);
      case "bigint":
        throw new Foreign("type.bigint");
      case "object":
        break;
      default:
        return this.u8(NULL); // undefined, a function or a symbol inside an array
    }
    if (v === null) return this.u8(NULL);
    for (let d = 0; d < depth; d++) if (this.open[d] === v) throw new Foreign("type.cycle");
    if (depth >= MAX_DEPTH) return this.u8(TOO_DEEP);
    this.open[depth] = v;
    if (Array.isArray(v)) {
      this.u8(ARRAY);
      this.u32(v.length);
      for (let i = 0; i < v.length; i++) this.value(v[i], depth + 1);
    } else {
      this.members(v, depth);
    }
  }

  members(v, depth) {
    this.u8(OBJECT);
    const at = this.pos;
    this.u32(0);
    let count = 0;
    for (const key of Object.keys(v)) {
      const member = v[key];
      const kind = typeof member;
      if (kind === "undefined" || kind === "function" || kind === "symbol") continue;
      this.string(key);
      this.value(member, depth + 1);
      count++;
    }
    this.view.setUint32(at, count, true);
  }

  /// The tape of `value`, or why it cannot be read as JSON (the key of its
  /// words in the message catalogues, `type.bigint` …).
  write(value) {
    this.pos = 0;
    // Byte 0: 1 when both sides forget the strings they hold before reading.
    const reset = this.ids.size > MAX_STRINGS || this.bytes > MAX_STRING_BYTES;
    if (reset) this.forget();
    this.u8(reset ? 1 : 0);
    const kind = typeof value;
    if (kind === "undefined") return this.fail("type.undefined");
    if (kind === "function") return this.fail("type.function");
    if (kind === "symbol") return this.fail("type.symbol");
    try {
      this.value(value, 0);
    } catch (e) {
      return this.fail(e instanceof Foreign ? e.message : "type.unreadable");
    }
    return this.buf.subarray(0, this.pos);
  }

  /// No tape: the checker forgets its strings whenever it gets none, so the
  /// writer forgets them too (some may have been numbered before the failure).
  fail(reason) {
    this.forget();
    return reason;
  }

  forget() {
    this.ids.clear();
    this.bytes = 0;
    this.open.length = 0;
  }
}

export function new_tape() {
  return new Tape();
}

export function write_tape(tape, value) {
  return tape.write(value);
}

export function forget_tape(tape) {
  tape.forget();
}
