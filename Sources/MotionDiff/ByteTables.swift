/// Hash tables the engine interns with, on bytes and integers rather than Strings.
///
/// Two reasons. Hashing a String is SipHash over its normalised scalars, several times the work
/// of hashing its bytes. And in a static binary the first use of `Dictionary<Key, Value>` for a
/// new key type asks the runtime for `Key: Hashable`, which scans the whole conformance table
/// (about 300,000 instructions): more than diffing a motion.

/// Hashing for the tables below: 8 bytes at a time, then a finaliser, so long keys (whole
/// blocks) cost about one multiplication per word of text.
package enum ByteHash {
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 32
        x &*= 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        return x
    }

    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix((hash ^ tail) &* 0x9E37_79B9_7F4A_7C15)
    }

    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }

    /// The offset of the first `byte` at or after `start`, or `bytes.count`: eight bytes at a
    /// time (a byte equal to the target becomes zero, and zero bytes are found by carries).
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        var offset = start
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ pattern
            let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return offset + zeros.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < bytes.count, base[offset] != byte { offset += 1 }
        return offset
    }

    /// Whether every byte is ASCII: 32 bytes a step, then eight, then the last eight again
    /// (overlapping) for the rest; a byte at a time only in texts shorter than eight.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base), count = bytes.count
        guard count >= 8 else {
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            return high < 0x80
        }
        @inline(__always) func load(_ offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        var offset = 0
        var high: UInt64 = 0
        while offset &+ 32 <= count {
            high |= load(offset) | load(offset &+ 8) | load(offset &+ 16) | load(offset &+ 24)
            offset &+= 32
        }
        while offset &+ 8 <= count {
            high |= load(offset)
            offset &+= 8
        }
        high |= load(count &- 8)
        return high & 0x8080_8080_8080_8080 == 0
    }
}

/// Open-addressing hash table from byte strings to ids, so the common case never builds a
/// String. A key of one byte (a space, a mark) is looked up directly; a key of up to eight bytes
/// (most words) is kept in its slot as one integer and compared as one; longer keys are kept in
/// one flat buffer.
///
/// The slots are memory the table owns, not an array: the tokenizer looks up a token in a few
/// dozen instructions, and an array's storage would be reached, and its bounds checked, anew for
/// each token. Hence noncopyable.
struct ByteTable: ~Copyable {
    /// 16 bytes: a document's table is sized for all its distinct tokens at once, and hashing
    /// spreads the keys over every page of it (64 KB for a 5,000-word pair, not 128 KB).
    private struct Slot {
        /// A short key's bytes, the first in the lowest bits; for a long key, the top half of its
        /// hash (all that picks a slot) over where its bytes start in `keys`.
        var key: UInt64 = 0
        /// The key's length in bytes; -1 for an empty slot. (Not 0: a table of zeros is made by
        /// memset, whose `rep stosb` valgrind counts as an instruction a byte.)
        var length: Int32 = -1
        var id: Int32 = 0
    }

    /// `mask + 1` slots, a power of two.
    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    /// The ids of one-byte keys, by byte; -1 for none yet.
    private let singles: UnsafeMutablePointer<Int32>
    private var keys: [UInt8] = []
    private var used = 0
    /// A hash's top bits pick its slot: 64 minus log2 of the slot count.
    private var shift: UInt64

    private static let hashHalf: UInt64 = 0xFFFF_FFFF_0000_0000

    init(capacity: Int = 512) {
        var size = 16, shift: UInt64 = 60
        // At most 2^32 slots: a slot is picked by the top half of a hash.
        while size < capacity * 2, shift > 32 {
            size *= 2
            shift -= 1
        }
        slots = Self.emptySlots(size)
        mask = size - 1
        self.shift = shift
        singles = .allocate(capacity: 256)
        singles.initialize(repeating: -1, count: 256)
    }

    deinit {
        slots.deallocate()
        singles.deallocate()
    }

    private static func emptySlots(_ count: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: count)
        slots.initialize(repeating: Slot(), count: count)
        return slots
    }

    /// The slot a probe for `hash` starts at. The top bits, not the low ones: a short key's hash
    /// is one multiplication, whose low bits depend on the key's low bits only.
    @inline(__always) private func home(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash &>> shift)
    }

    /// One multiplication (Fibonacci hashing): every bit of the key reaches the top bits.
    @inline(__always) private static func hash(packed: UInt64) -> UInt64 {
        packed &* 0x9E37_79B9_7F4A_7C15
    }

    /// Up to eight bytes as one integer, the first byte in the lowest bits.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for offset in 0..<bytes.count { packed |= UInt64(bytes[offset]) << UInt64(offset * 8) }
        return packed
    }

    /// A key of one byte.
    @inline(__always) mutating func id(single byte: UInt8, next: Int32) -> (id: Int32, isNew: Bool) {
        let id = singles[Int(byte)]
        if id >= 0 { return (id, false) }
        singles[Int(byte)] = next
        return (next, true)
    }

    /// A key of two to eight bytes, packed (see ``pack(_:)``).
    @inline(__always) mutating func id(packed: UInt64, length: Int, next: Int32) -> (id: Int32, isNew: Bool) {
        var index = home(Self.hash(packed: packed))
        while true {
            let slot = slots[index]
            if slot.length < 0 { break }
            if slot.key == packed, Int(slot.length) == length { return (slot.id, false) }
            index = (index &+ 1) & mask
        }
        insert(Slot(key: packed, length: Int32(length), id: next), at: index)
        return (next, true)
    }

    /// A key of more than eight bytes with its hash (the tokenizer's; one table must always be
    /// given hashes of one function).
    mutating func id(long bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, next: Int32) -> (id: Int32, isNew: Bool) {
        var index = home(hash)
        while true {
            let slot = slots[index]
            if slot.length < 0 { break }
            if slot.key & Self.hashHalf == hash & Self.hashHalf, Int(slot.length) == bytes.count,
               keys.withUnsafeBufferPointer({ ByteHash.equal($0.baseAddress! + Int(slot.key & ~Self.hashHalf), bytes.baseAddress!, count: bytes.count) }) {
                return (slot.id, false)
            }
            index = (index &+ 1) & mask
        }
        precondition(keys.count < Int(UInt32.max) - bytes.count, "the table holds under 4 GB of long keys")
        insert(Slot(key: hash & Self.hashHalf | UInt64(keys.count), length: Int32(bytes.count), id: next), at: index)
        keys.append(contentsOf: bytes)
        return (next, true)
    }

    /// The hash a slot's key was placed by.
    @inline(__always) private static func hash(of slot: Slot) -> UInt64 {
        slot.length > 8 ? slot.key & hashHalf : hash(packed: slot.key)
    }

    /// Stores `slot` in the empty slot `index` its probe ended at, or, when the table must
    /// grow first, in the first empty slot for its hash in the grown table.
    private mutating func insert(_ slot: Slot, at index: Int) {
        var index = index
        if (used + 1) * 2 > mask + 1 {
            grow()
            index = home(Self.hash(of: slot))
            while slots[index].length >= 0 { index = (index + 1) & mask }
        }
        slots[index] = slot
        used += 1
    }

    private mutating func grow() {
        precondition(shift > 32, "a slot is picked by the top half of a hash: at most 2^32 slots")
        let old = slots, oldCount = mask + 1
        slots = Self.emptySlots(oldCount * 2)
        mask = oldCount * 2 - 1
        shift -= 1
        for slot in UnsafeBufferPointer(start: old, count: oldCount) where slot.length >= 0 {
            var index = home(Self.hash(of: slot))
            while slots[index].length >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
        old.deallocate()
    }
}

/// Open-addressing hash table from 64-bit keys to 32-bit values (the glossary's trie keeps its
/// edges in one too).
package struct IntegerMap {
    /// A struct, not a tuple, whose array type the runtime would make on every new map.
    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = 0
        /// In use when equal to the map's `stamp`.
        var stamp: UInt32 = 0
    }

    private var slots: [Slot]
    package private(set) var count = 0
    /// The stamp of the slots in use: `removeAll` moves on to the next one instead of clearing
    /// every slot, so one map can serve many small jobs in turn.
    private var stamp: UInt32 = 1

    package init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = .filled(with: Slot(), count: size)
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ByteHash.mix(key &* 0x9E37_79B9_7F4A_7C15)) & mask
    }

    package subscript(key: UInt64) -> Int32? {
        let mask = slots.count - 1
        var index = Self.slot(key, mask)
        while slots[index].stamp == stamp {
            if slots[index].key == key { return slots[index].value }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The key's value, or `make()` stored for it when it has none.
    package mutating func value(_ key: UInt64, orInsert make: () -> Int32) -> Int32 {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = Self.slot(key, mask)
        while slots[index].stamp == stamp {
            if slots[index].key == key { return slots[index].value }
            index = (index + 1) & mask
        }
        let value = make()
        slots[index] = Slot(key: key, value: value, stamp: stamp)
        count += 1
        return value
    }

    /// Calls `body` with every key and value, in no particular order.
    package func forEach(_ body: (UInt64, Int32) -> Void) {
        for slot in slots where slot.stamp == stamp { body(slot.key, slot.value) }
    }

    /// Empties the map, keeping its slots.
    package mutating func removeAll() {
        count = 0
        stamp &+= 1
        if stamp == 0 {
            slots = .filled(with: Slot(), count: slots.count)
            stamp = 1
        }
    }

    private mutating func grow() {
        let old = slots
        slots = .filled(with: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.stamp == stamp {
            var index = Self.slot(slot.key, mask)
            while slots[index].stamp == stamp { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

/// 64-bit keys given dense ids 0, 1, 2, ... in order of arrival.
struct IntegerTable {
    private var map: IntegerMap

    init(capacity: Int) {
        map = IntegerMap(capacity: capacity)
    }

    var count: Int32 { Int32(map.count) }

    /// Forgets every key: the next id is 0 again.
    mutating func removeAll() {
        map.removeAll()
    }

    /// The key's id, given the next one when it is new.
    mutating func id(_ key: UInt64) -> Int32 {
        let next = Int32(map.count)
        return map.value(key) { next }
    }
}

/// Interns whole strings (headings, block texts) for the structural passes: strings equal as
/// Swift compares them get equal ids. ASCII keys are compared as bytes, where they are: a map
/// from each key's hash to the first key with that hash, not a table that copies every block's
/// text (both documents again, about 80,000 instructions on the 35 KB benchmark pairs). When
/// any key is not ASCII, Swift's own (canonical) equality decides, as two spellings of "café"
/// are one text.
enum KeyTable {
    /// `hash`: ``ByteHash/hash(_:)``; tests give a weaker one to meet texts that share a hash.
    static func ids(_ first: [String], _ second: [String],
                    hash: (UnsafeBufferPointer<UInt8>) -> UInt64 = ByteHash.hash) -> ([Int32], [Int32]) {
        var all = first + second
        var ascii = true
        for index in all.indices where ascii {
            ascii = all[index].withUTF8 { ByteHash.isASCII($0) }
        }
        var ids: [Int32] = []
        ids.reserveCapacity(all.count)
        if ascii {
            var firstWithHash = IntegerMap(capacity: all.count)
            var next: Int32 = 0
            for index in all.indices {
                let key = all[index].withUTF8 { hash($0) }
                let first = Int(firstWithHash.value(key) { Int32(index) })
                if first != index {
                    if sameBytes(all[first], all[index]) {
                        ids.append(ids[first])
                        continue
                    }
                    // Two different texts with one 64-bit hash: look for an equal one the slow way.
                    if let equal = all[..<index].firstIndex(where: { sameBytes($0, all[index]) }) {
                        ids.append(ids[equal])
                        continue
                    }
                }
                ids.append(next)
                next += 1
            }
        } else {
            var table: [String: Int32] = [:]
            for key in all {
                if let id = table[key] {
                    ids.append(id)
                } else {
                    let id = Int32(table.count)
                    table[key] = id
                    ids.append(id)
                }
            }
        }
        return (Array(ids[..<first.count]), Array(ids[first.count...]))
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let equal = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.isEmpty || ByteHash.equal(x.baseAddress!, y.baseAddress!, count: x.count))
            }
        }
        return equal.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }
}

/// Sorts token ids in place: a quicksort with insertion sort for short runs, written out for
/// Int32 so that it needs nothing of the runtime (see the note at the top of this file).
enum IDSort {
    static func sort(_ values: inout [Int32]) {
        values.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 1 else { return }
            sort(buffer.baseAddress!, 0, buffer.count - 1)
        }
    }

    private static func sort(_ v: UnsafeMutablePointer<Int32>, _ low: Int, _ high: Int) {
        var low = low, high = high
        while high - low > 16 {
            // Median of three as the pivot; recurse on the smaller side, loop on the larger.
            let middle = low + (high - low) / 2
            if v[middle] < v[low] { swapAt(v, middle, low) }
            if v[high] < v[low] { swapAt(v, high, low) }
            if v[high] < v[middle] { swapAt(v, high, middle) }
            let pivot = v[middle]
            var i = low, j = high
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j {
                    swapAt(v, i, j)
                    i += 1
                    j -= 1
                }
            }
            if j - low < high - i {
                sort(v, low, j)
                low = i
            } else {
                sort(v, i, high)
                high = j
            }
        }
        if high <= low { return }
        for i in (low + 1)...high {
            let value = v[i]
            var j = i - 1
            while j >= low, v[j] > value {
                v[j + 1] = v[j]
                j -= 1
            }
            v[j + 1] = value
        }
    }

    @inline(__always) private static func swapAt(_ v: UnsafeMutablePointer<Int32>, _ i: Int, _ j: Int) {
        let t = v[i]
        v[i] = v[j]
        v[j] = t
    }
}

extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` gives them, but made through the
    /// specialised growth path. `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)`
    /// reach a generic allocator that asks the runtime for the storage class's metadata on every
    /// call (about 600 instructions each, once per block or per word diff here). Inlinable, so
    /// that other modules get it specialised too.
    @inlinable
    package static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }
}
