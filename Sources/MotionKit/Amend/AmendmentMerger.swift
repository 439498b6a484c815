/// Several amendments applied to one motion, in order: the motion as amended.
///
/// Every amendment is written against the same base, so each is resolved against the base and
/// the results are combined as a three-way merge at the level of the base's words: two
/// amendments that change the same words, or one that changes words another quotes to place an
/// insertion (an anchor removed by an earlier amendment), conflict. The later one falls, as at
/// conference; the conflict names both instructions and quotes both wordings.
enum AmendmentMerger {
    public struct Amendment: Sendable {
        /// How reports name it: its id, or its file.
        public var label: String
        public var instructions: [AmendmentInstruction]

        public init(label: String, instructions: [AmendmentInstruction]) {
            self.label = label
            self.instructions = instructions
        }
    }

    public struct Outcome: Sendable {
        /// The motion with every amendment that did not fall.
        public var motion: Motion
        public var applied: [String]
        /// Amendments that conflict with an earlier one, with the conflict.
        public var fallen: [(label: String, conflict: AmendmentError)]
    }

    /// Throws when an amendment does not apply to the base even on its own (the error names it).
    public static func merge(_ amendments: [Amendment], into base: Motion, lines: LineScheme) throws(AmendmentError) -> Outcome {
        let amendable = AmendableMotion(base, lines: lines)
        var plan = AmendmentPlan(base: amendable)
        var applied: [String] = []
        var fallen: [(String, AmendmentError)] = []
        for amendment in amendments {
            let instructions = amendment.instructions.map { instruction in
                var tagged = instruction
                tagged.source = amendment.label
                return tagged
            }
            // On its own first: an amendment that cannot apply to the base is an error, not a conflict.
            var alone = AmendmentPlan(base: amendable)
            try alone.addAll(instructions)
            _ = try alone.markdown()

            var trial = plan
            trial.beginAmendment()
            do {
                for instruction in instructions { try trial.add(instruction) }
                _ = try trial.markdown()
                plan = trial
                applied.append(amendment.label)
            } catch {
                guard error.reason == .overlap else { throw error }
                fallen.append((amendment.label, error))
            }
        }
        let motion = try AmendmentApplier.read(plan.markdown(), metadata: base.metadata)
        return Outcome(motion: motion, applied: applied, fallen: fallen)
    }
}
