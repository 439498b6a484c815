/// What an export shows of a composite's provenance: each source motion, and the blocks of the
/// composite drafted from it, in a delegate's words ("Conference notes: paragraphs 1, 3;
/// Conference calls on ...: points 1, 2").
public enum CompositeSources {
    public struct Row: Sendable, Equatable {
        /// As `composites:` names it (`ID@N`).
        public var source: String
        public var places: String
    }

    /// One row per source motion, in `composites:` order; empty for a motion that is not a composite.
    public static func rows(of motion: Motion) -> [Row] {
        guard motion.metadata.kind == .composite else { return [] }
        let parts: [(heading: String?, blocks: [Block])] = [(nil, motion.preamble)] + motion.sections.map { ($0.headingText, $0.blocks) }
        return motion.metadata.composites.map { reference in
            let id = AmendmentIndex.motionID(reference)
            var places: [String] = []
            for part in parts {
                var numbers: [Block.Kind: [Int]] = [:]
                var counts: [Block.Kind: Int] = [:]
                for block in part.blocks {
                    counts[block.kind, default: 0] += 1
                    if block.provenance?.sources.contains(where: { $0.motionID == id }) == true { numbers[block.kind, default: []].append(counts[block.kind]!) }
                }
                let named = [Block.Kind.paragraph, .point, .bullet].compactMap { kind in
                    numbers[kind].map { "\(kind.plural(count: $0.count)) \($0.map(String.init).joined(separator: ", "))" }
                }
                guard !named.isEmpty else { continue }
                let heading = part.heading.map { $0.hasSuffix(":") ? $0 + " " : $0 + ": " } ?? "before the first section: "
                places.append(heading + named.joined(separator: ", "))
            }
            return Row(source: reference, places: places.isEmpty ? "(none)" : places.joined(separator: "; "))
        }
    }
}

extension Block.Kind {
    fileprivate func plural(count: Int) -> String {
        let noun = switch self { case .paragraph: "paragraph"; case .point: "point"; case .bullet: "bullet" }
        return count == 1 ? noun : noun + "s"
    }
}
