import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// Delegates see each composite with its sources, and each source with its composite.
@Suite struct CompositePageTests {
    /// The web fixture with a second motion on the subject saved: the first with a point of its own.
    static func twoMotions() throws -> (WebFixture, AppContext) {
        let fixture = try WebFixture(publicRead: true)
        let context = AppContext(currentDirectory: fixture.root)
        let lxp = WebFixture.lxp
        let text = try String(contentsOfFile: "\(fixture.root)/motions/\(lxp).md", encoding: .utf8)
            .replacingOccurrences(of: "id: \(lxp)", with: "id: lxp-leeds")
            .replacingOccurrences(of: "submitted-by: Nursing and Midwifery Occupational Group", with: "submitted-by: Leeds Branch")
            .replacingOccurrences(of: "6. Challenge stigma", with: "6. Publish a yearly report on LXP pay.\n7. Challenge stigma")
        try text.write(toFile: "\(fixture.root)/motions/lxp-leeds.md", atomically: true, encoding: .utf8)
        #expect(try context.save(["\(fixture.root)/motions/lxp-leeds.md"], author: "Sam", message: "Submitted").failures.isEmpty)
        return (fixture, context)
    }

    @Test func aCompositeNamesItsSourcesAndASourceItsComposite() async throws {
        let (fixture, context) = try Self.twoMotions()
        let lxp = WebFixture.lxp
        let drafted = try context.draftComposite(of: [lxp, "lxp-leeds"], id: "lxp-composite", title: "Recognition for LXP workers", output: nil)
        #expect(try context.save([drafted.path], author: "Office", message: "Composite drafted").failures.isEmpty)
        try await fixture.test { client in
            try await client.execute(uri: "/motions/lxp-composite", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<dt>From \(lxp)@1</dt><dd>Conference notes: paragraphs 1, 2, 3, 4; Conference believes: paragraphs 1, 2, 3; Conference calls on the Health Service Group Executive to: points 1, 2, 3, 4, 5, 6</dd>"), "\(page)")
                #expect(page.contains("<dt>From lxp-leeds@1</dt><dd>Conference notes: paragraphs 1, 2, 3, 4; Conference believes: paragraphs 1, 2, 3; Conference calls on the Health Service Group Executive to: points 1, 2, 3, 4, 5, 6, 7</dd>"), "\(page)")
                #expect(!page.contains("&lt;!-- from") && !page.contains("<!-- from"), "provenance comments are not words on the page")
            }
            try await client.execute(uri: "/motions/lxp-leeds", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<dt>Status</dt><dd>composited</dd>"), "\(page)")
                #expect(page.contains("<dt>Composited into</dt><dd>lxp-composite@1</dd>"), "\(page)")
            }
            // The office cannot admit it here before the movers agree: the same rule as the command line.
            let office = try await Browser.logIn(client, "office1")
            let refused = try await office.post(client, "/motions/lxp-composite/status", [("status", "admitted")])
            #expect(refused.0 == .conflict, "\(refused.2)")
            #expect(refused.2.contains("have not agreed to the composite lxp-composite as it stands"), "\(refused.2)")
            // The office records each mover's agreement on the composite's page; delegates see where they stand.
            let page = try await office.get(client, "/motions/lxp-composite").1
            #expect(page.contains("\(lxp)@1: not yet agreed") && page.contains("<input type=\"hidden\" name=\"for\" value=\"lxp-leeds\">"), "\(page)")
            let recorded = try await office.post(client, "/motions/lxp-composite/agree", [("for", lxp), ("by", "Jo Smith")])
            #expect(recorded.0 == .seeOther, "\(recorded.2)")
            #expect(try await office.post(client, "/motions/lxp-composite/agree", [("for", "lxp-leeds"), ("by", "")]).0 == .seeOther)
            let agreed = try await office.get(client, "/motions/lxp-composite").1
            #expect(agreed.contains("\(lxp)@1: agreed by Jo Smith (") && agreed.contains("lxp-leeds@1: agreed by Leeds Branch ("), "\(agreed)")
            #expect(agreed.contains("Every mover agrees: it can be admitted.") && !agreed.contains("Record agreement"))
            let delegate = try await Browser.logIn(client, "del1")
            let denied = try await delegate.post(client, "/motions/lxp-composite/agree", [("for", lxp)])
            #expect(denied.0 == .forbidden)
            #expect(try await office.post(client, "/motions/lxp-composite/status", [("status", "admitted")]).0 == .seeOther)
        }
        #expect(try context.compositeStanding("lxp-composite").revision.status == .admitted)
    }

    @Test func theOfficeDraftsACompositeFromTheAgendaEditsItAndSavesIt() async throws {
        let (fixture, context) = try Self.twoMotions()
        let lxp = WebFixture.lxp
        try await fixture.test { client in
            let delegate = try await Browser.logIn(client, "del1")
            #expect(!(try await delegate.get(client, "/").1.contains("form=\"compose\"")))
            #expect(try await delegate.post(client, "/composites/draft", [("motion", lxp), ("motion", "lxp-leeds"), ("id", "x")]).0 == .forbidden)
            let office = try await Browser.logIn(client, "office1")
            let agenda = try await office.get(client, "/").1
            #expect(agenda.contains("<input type=\"checkbox\" name=\"motion\" value=\"lxp-leeds\" form=\"compose\""), "\(agenda)")
            let one = try await office.post(client, "/composites/draft", [("motion", lxp), ("id", "lxp-web")])
            #expect(one.0 == .badRequest && one.2.contains("tick at least two motions"))
            let draft = try await office.post(client, "/composites/draft", [("motion", lxp), ("motion", "lxp-leeds"), ("id", "lxp-web"), ("title", "")])
            #expect(draft.0 == .ok, "\(draft.2)")
            #expect(draft.2.contains("drafted lxp-web from \(lxp)@1, lxp-leeds@1"), "\(draft.2)")
            let drafted = try #require(textarea("text", in: draft.2))
            #expect(drafted.contains("kind: composite\ncomposites: [\(lxp)@1, lxp-leeds@1]") && drafted.contains("<!-- from: \(lxp)#resolves.1, lxp-leeds#resolves.1 -->"))
            // The committee edits the title, then saves.
            let edited = drafted.replacingOccurrences(of: "# Recognition and reward for Lived Experience Professionals", with: "# Recognition for LXP workers")
            let saved = try await office.post(client, "/composites", [("text", edited)])
            #expect(saved.0 == .seeOther, "\(saved.2)")
            #expect(saved.1 == "/motions/lxp-web")
            let again = try await office.post(client, "/composites", [("text", edited)])
            #expect(again.0 == .conflict, "the id is taken: \(again.2)")
            let broken = try await office.post(client, "/composites", [("text", edited.replacingOccurrences(of: "kind: composite", with: "kind: motion"))])
            #expect(broken.0 != .seeOther)
        }
        let stored = try context.resolve("lxp-web").motion()
        #expect(stored.titleText == "Recognition for LXP workers" && stored.metadata.kind == .composite)
        #expect(try context.resolve("lxp-leeds").revision?.status == .composited)
        #expect(try context.resolve(lxp).revision?.status == .composited)
    }
}
