extension History {
    /// Records `amended` as the next revision of its motion with status carried-as-amended and
    /// tags it `as-amended` (see ``saveDerived(_:from:author:message:)``).
    func saveAsAmended(_ amended: Motion, base: Revision, author: String, message: String) throws -> DerivedSave {
        var motion = amended
        motion.metadata.status = .carriedAsAmended
        let saved = try saveDerived(motion, from: base, author: author, message: message)
        try store.tag(saved.revision, as: "as-amended", force: true)
        return saved
    }
}
