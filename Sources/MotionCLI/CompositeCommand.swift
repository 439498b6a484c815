import ArgumentParser
import MotionKit

/// `motion composite`, parsed on its own (see ``MotionCommand/main()``); `motion --help` names it.
struct CompositeCommand: ParsableCommand {
    static let name = "composite"

    static let configuration = CommandConfiguration(
        commandName: "motion composite",
        abstract: "Draft a composite of motions on one subject, and collect its movers' agreement.",
        discussion: """
            'motion composite MOTION... --id ID' drafts (see 'motion composite draft --help'); \
            a motion whose id is agree, status or draft is named after 'draft'.

            Examples:
              motion composite lxp-camden lxp-leeds lxp-bristol --id lxp-composite
              motion composite agree lxp-composite --for lxp-leeds --by "Sam Okafor"
              motion composite status lxp-composite
            """,
        subcommands: [Draft.self, Agree.self, Status.self],
        defaultSubcommand: Draft.self)

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft one composite motion from motions on the same subject.",
            discussion: """
                Writes motions/ID.md (or -o FILE), never over a file, and prints its path; the \
                report goes to stderr (or, with --json, to stdout). Sections are aligned by what \
                they do (notes with notes, resolves with resolves). A paragraph or point whose \
                every sentence another motion says in the same words is written once, and the \
                report lists each sentence left out with the block that says it; a block with \
                any words of its own is kept whole. Near-duplicates are kept side by side, each \
                marked 'choose: N', for the committee to keep one. Points said by more motions \
                come first, then each motion's own. Every block ends with a comment naming the \
                source blocks it came from. MOTION is an ID (its latest revision), ID@REV or a \
                file; all must go to one conference under one profile. Saving the composite \
                sets its motions to composited.

                Examples:
                  motion composite lxp-camden lxp-leeds lxp-bristol --id lxp-composite \\
                    --title "Recognition for Lived Experience Professionals"
                  motion composite lxp-camden@3 motions/lxp-leeds.md --id lxp-composite --json
                """)

        @Argument(help: "The motions to composite (two or more).") var motions: [String]
        @Option(help: "The composite's id: lower-case letters, digits and dashes.") var id: String
        @Option(help: "Its title (default: the first motion's).") var title: String?
        @Option(name: [.short, .customLong("output")], help: "Write here instead of motions/ID.md.") var output: String?
        @Flag(help: "Print the path and the report as JSON on stdout.") var json = false
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard motions.count >= 2 else { throw ValidationError("name at least two motions to composite") }
            guard MotionID.isValid(id) else {
                throw ValidationError("'\(id)' is not a valid id: use lower-case letters, digits and dashes, starting with a letter or digit, such as '\(MotionID.slug(id))'")
            }
        }

        func run() throws {
            let drafted = try storeOptions.context.draftComposite(of: motions, id: id, title: title, output: output)
            if json {
                struct Output: Encodable { var path: String; var report: CompositeReport }
                print(try JSONOutput.string(Output(path: drafted.path, report: drafted.report)))
            } else {
                print(drafted.path)
                Terminal.error(drafted.report.text)
            }
        }
    }

    struct Agree: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a motion's mover agrees to the composite as it stands.",
            discussion: """
                The agreement is saved as a revision of the composite, and names the text \
                agreed to: when the composite's words change afterwards, it no longer counts \
                and the mover is asked again. The working file's agreements lines are updated \
                too; nothing else in it changes.

                Examples:
                  motion composite agree lxp-composite --for lxp-leeds
                  motion composite agree lxp-composite --for lxp-camden --by "Jo Smith"
                """)

        @Argument(help: "The composite's id.") var id: String
        @Option(name: .customLong("for"), help: "The source motion whose mover agrees.") var source: String
        @Option(help: "Who agrees (default: the motion's submitted-by).") var by: String?
        @Option(help: "Who records it.") var author: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let change = try storeOptions.context.agreeToComposite(id, for: source, by: by, author: author)
            if let revision = change.revision {
                print(revision.reference)
            } else {
                Terminal.error("that agreement for \(source) is recorded already; nothing recorded")
            }
            if let warning = change.warning { Terminal.warning(warning) }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List which movers have agreed to a composite, and whether it can be admitted.",
            discussion: """
                Exits 1 while any mover's agreement to the composite as it stands is missing.

                Examples:
                  motion composite status lxp-composite
                """)

        @Argument(help: "The composite's id.") var id: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let standing = try storeOptions.context.compositeStanding(id)
            var rows: [[String]] = []
            for source in standing.sources {
                let state: String
                switch (source.agreement, source.isCurrent) {
                case (let agreement?, true): state = "agreed by \(agreement.by) (\(agreement.on.prefix(10)))"
                case (let agreement?, false): state = "agreed by \(agreement.by) to an earlier text: ask again"
                case (nil, _): state = "not yet"
                }
                rows.append([source.reference, state])
            }
            let agreed = standing.sources.filter(\.isCurrent).count
            print("\(standing.revision.reference): \(agreed) of \(standing.sources.count) movers agree")
            print(TextTable.render(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            if let override = standing.agreementOverride {
                print("admitted by override: \(override.reason) (\(override.by), \(override.on.prefix(10)))")
            }
            if !standing.openChoices.isEmpty {
                print("open choices: \(standing.openChoices.map(String.init).joined(separator: ", ")) (keep one block of each)")
            }
            if standing.allAgreed {
                print("every mover agrees: it can be admitted")
            } else {
                let first = standing.sources.first { !$0.isCurrent }!.id
                print("it cannot be admitted until all agree: 'motion composite agree \(id) --for \(first)', or set-status --override REASON")
                throw ExitCode(1)
            }
        }
    }
}
