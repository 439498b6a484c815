/// Applies amendment wording to a motion: the motion as amended.
public enum AmendmentApplier {
    /// Applies every instruction to `motion` (all refer to it as it stands). The result keeps the
    /// motion's metadata. Throws, naming the instruction, when any cannot be applied; nothing is
    /// half applied.
    public static func apply(_ instructions: [AmendmentInstruction], to motion: Motion, lineWidth: Int) throws(AmendmentError) -> Motion {
        try apply(instructions, to: motion, lines: LineScheme(width: lineWidth))
    }

    /// Applies every instruction, line numbers counted as `lines` says.
    public static func apply(_ instructions: [AmendmentInstruction], to motion: Motion, lines: LineScheme) throws(AmendmentError) -> Motion {
        try apply(instructions, to: AmendableMotion(motion, lines: lines), metadata: motion.metadata)
    }

    static func apply(_ instructions: [AmendmentInstruction], to base: AmendableMotion, metadata: Motion.Metadata) throws(AmendmentError) -> Motion {
        var plan = AmendmentPlan(base: base)
        try plan.addAll(instructions)
        return try read(plan.markdown(), metadata: metadata)
    }

    /// Parses `wording` and applies it.
    public static func apply(wording: String, firstLine: Int = 1, to motion: Motion, lineWidth: Int) throws(AmendmentError) -> Motion {
        try apply(AmendmentParser.parse(wording, firstLine: firstLine), to: motion, lineWidth: lineWidth)
    }

    /// Reads an amended body back into a motion with the base's metadata.
    static func read(_ markdown: String, metadata: Motion.Metadata) throws(AmendmentError) -> Motion {
        let document: MotionDocument
        do {
            document = try MotionReader.read(markdown, readingProvenance: metadata.kind == .composite)
        } catch {
            throw AmendmentError(.invalidResult, "the motion as amended cannot be read: \(error.message)")
        }
        var motion = document.motion
        motion.metadata = metadata
        if metadata.kind == .amendment {
            // An amendment amended (by an amendment to it): its wording is kept as written,
            // since it quotes its motion's Markdown and must not be escaped as this file's own.
            motion.wording = AmendmentWording.normalize(AmendmentWording.afterTitle(Substring(markdown), hasHeading: true))
        }
        return motion
    }
}
