// Hands a JavaScript value to the checker as a compact tape instead of a
// JSON string: walking the object costs far less than JSON.stringify, and
// a string the checker already holds (field names, unchanged texts) is sent
// as a number, not encoded again. The Rust side (src/wasm/tape.rs) reads it.
// Semantics follow JSON.stringify: toJSON is called, undefined, functions
// and symbols are left out of objects and become null in arrays (holes of a
// sparse array too); a value that contains itself, or a BigInt, makes the
// whole value unreadable. A number that is not finite is sent as it is, for
// the checker to report as out of range (as it does `1e999` in JSON text).
// The checker's reading limits are applied while walking, exactly as the
// Rust side reads: a text or list past its limit is marked by its length and
// never walked (a sparse array of 2**32 - 1 entries costs one mark), nesting
// too deep is marked, and a document past its size stops the walk.

const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, NEW_STRING = 4, KNOWN_STRING = 5,
  ARRAY = 6, OBJECT = 7, TOO_DEEP = 8, TEXT_TOO_LONG = 9, LIST_TOO_LONG = 10, TOO_LARGE = 11;
// Without limits from a checker: only nesting, at the checker's default.
const NO_LIMITS = { size: Infinity, text: Infinity, list: Infinity, depth: 64 };
// Strings remembered before both sides start afresh (and how many bytes).
const MAX_STRINGS = 4096, MAX_STRING_BYTES = 1 << 22;

const encoder = new TextEncoder();

class Foreign extends Error {}
// The document grew past its size limit: the walk stops.
class TooLarge extends Error {}

export class Tape {
  constructor(limits = NO_LIMITS) {
    this.limits = limits;
    this.buf = new Uint8Array(1 << 14);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;
    this.ids = new Map();
    this.order = []; // the strings in the order they were numbered
    this.bytes = 0;
    this.left = 0; // what is left of the size limit
    this.open = []; // the objects being walked, by depth: one met again is a cycle
  }

  // One value, or a text or field name's length: as the checker counts a document's size.
  spend(n) {
    if (n > this.left) throw new TooLarge();
    this.left -= n;
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
    this.order.push(s);
    this.bytes += written;
  }

  /// Forgets the strings numbered since `count` were (their tape was taken back).
  unnumber(count, bytes) {
    for (let i = count; i < this.order.length; i++) this.ids.delete(this.order[i]);
    this.order.length = count;
    this.bytes = bytes;
  }

  value(v, depth) {
    if (v !== null && typeof v === "object" && typeof v.toJSON === "function") v = v.toJSON();
    switch (typeof v) {
      case "string":
        if (v.length > this.limits.text) return this.mark(TEXT_TOO_LONG, v.length);
        this.spend(v.length + 1);
        return this.string(v);
      case "number":
        this.spend(1);
        this.u8(NUMBER);
        this.room(8);
        this.view.setFloat64(this.pos, v, true);
        this.pos += 8;
        return;
      case "boolean":
        this.spend(1);
        return this.u8(v ? TRUE : FALSE);
      case "bigint":
        throw new Foreign("type.bigint");
      case "object":
        break;
      default:
        this.spend(1);
        return this.u8(NULL); // undefined, a function or a symbol inside an array
    }
    this.spend(1);
    if (v === null) return this.u8(NULL);
    for (let d = 0; d < depth; d++) if (this.open[d] === v) throw new Foreign("type.cycle");
    if (depth >= this.limits.depth) return this.u8(TOO_DEEP);
    this.open[depth] = v;
    if (Array.isArray(v)) {
      this.entries(v, depth);
    } else {
      this.members(v, depth);
    }
  }

  /// A value not read, counted as one, with its length.
  mark(tag, length) {
    this.spend(1);
    this.u8(tag);
    this.u32(length);
  }

  /// A list's entries (already counted as one value): as many as a list may
  /// have are walked, as the checker reads JSON text; one more, and they are
  /// taken back and the list is marked with its length instead.
  entries(v, depth) {
    const length = v.length;
    const n = Number.isFinite(length) && length > 0 ? Math.floor(Math.min(length, 0xffffffff)) : 0;
    const start = this.pos, left = this.left + 1, strings = this.order.length, bytes = this.bytes;
    const walked = Math.min(n, this.limits.list);
    this.u8(ARRAY);
    this.u32(walked);
    for (let i = 0; i < walked; i++) this.value(v[i], depth + 1);
    if (n > walked) {
      this.pos = start;
      this.left = left;
      this.unnumber(strings, bytes);
      this.mark(LIST_TOO_LONG, n);
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
      count++;
      if (key.length > this.limits.text) {
        // A field name past the limit: marked, its value not walked.
        this.mark(TEXT_TOO_LONG, key.length);
        this.u8(NULL);
        continue;
      }
      this.spend(key.length);
      this.string(key);
      this.value(member, depth + 1);
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
    this.left = this.limits.size;
    try {
      this.value(value, 0);
    } catch (e) {
      if (e instanceof TooLarge) {
        // Nothing of it is read: both sides start afresh, and the tape says why.
        this.forget();
        this.pos = 0;
        this.u8(1);
        this.u8(TOO_LARGE);
      } else {
        return this.fail(e instanceof Foreign ? e.message : "type.unreadable");
      }
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
    this.order.length = 0;
    this.bytes = 0;
    this.open.length = 0;
  }
}

export function new_tape(size, text, list, depth) {
  return new Tape({ size, text, list, depth });
}

export function write_tape(tape, value) {
  return tape.write(value);
}

export function forget_tape(tape) {
  tape.forget();
}
