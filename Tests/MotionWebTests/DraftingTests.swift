import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// Drafting an amendment in the browser: the edited text gives the wording and the tracked
/// view; pasted wording is read with each error at its line; a delegate's amendment waits for
/// a secretary of their branch; many submissions at once each get their own number.
@Suite struct DraftingTests {
    static let amend = "/motions/\(WebFixture.lxp)/amend"

    @Test func editingTheTextWritesTheWordingAndSubmittingStoresIt() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let delegate = try await Browser.logIn(client, "del1")
            let (status, page) = try await delegate.get(client, Self.amend)
            #expect(status == .ok)
            let text = try #require(textarea("text", in: page))
            #expect(text.contains("# Recognition and reward for Lived Experience Professionals") && !text.contains("status:"), "the body only")
            let edited = text.replacingOccurrences(of: "peer workers", with: "peer support workers")
            let preview = try await delegate.post(client, Self.amend, [("mode", "edit"), ("rev", "1"), ("text", edited), ("action", "preview")])
            #expect(preview.0 == .ok)
            #expect(preview.2.contains("<p class=\"wording\">In paragraph 1 of Conference notes, after &#39;workers, peer&#39; insert &#39;support&#39;.</p>"), "\(preview.2)")
            #expect(preview.2.contains("peer <ins>support </ins>workers"))
            #expect(preview.2.contains(#/<p id="word-count">\d+ words of the 250 allowed</p>/#))
            // The edited text stays in the form, to go on editing.
            #expect(textarea("text", in: preview.2) == edited)

            let submitted = try await delegate.post(client, Self.amend, [("mode", "edit"), ("rev", "1"), ("text", edited), ("action", "submit")])
            #expect(submitted.0 == .seeOther)
            #expect(submitted.1 == "/motions/\(WebFixture.lxp)-a1")
        }
        let stored = try AppContext(currentDirectory: fixture.root).resolve("\(WebFixture.lxp)-a1")
        #expect(stored.revision?.status == .draft, "a delegate's amendment waits for a secretary")
        #expect(stored.revision?.author == "del1")
        let amendment = try stored.motion()
        #expect(amendment.metadata.submittedBy == "Camden Branch")
        #expect(amendment.metadata.amends == "\(WebFixture.lxp)@1")
        #expect(amendment.titleText == "Amendment 1 to Recognition and reward for Lived Experience Professionals")
    }

    @Test func pastedWordingIsReadWithEachErrorAtItsLine() async throws {
        try await WebFixture().test { client in
            let delegate = try await Browser.logIn(client, "del1")
            let unreadable = "Please make it better.\n\nIn point 3, after 'Band 7' insert 'or above'."
            let (status, _, page) = try await delegate.post(client, Self.amend, [("mode", "wording"), ("wording", unreadable), ("action", "submit")])
            #expect(status == .unprocessableContent, "nothing is stored")
            #expect(page.contains("<ol class=\"errors\">"))
            #expect(page.contains("<li>line 1: &#39;Please make it better.&#39; is not an amendment instruction"), "\(page)")
            #expect(textarea("wording", in: page) == unreadable, "the wording stays to be fixed")
            let misplaced = "In point 3, after 'Band 7' insert 'or above'.\n\nIn point 99, after 'x' insert 'y'."
            let applied = try await delegate.post(client, Self.amend, [("mode", "wording"), ("wording", misplaced), ("action", "preview")])
            #expect(applied.2.contains(#/<li>line 3: [^<]*there is no point 99/#), "\(applied.2)")
            let good = try await delegate.post(client, Self.amend, [("mode", "wording"), ("wording", "In point 3, after 'Band 7' insert 'or above'."), ("action", "preview")])
            #expect(good.0 == .ok && !good.2.contains("class=\"errors\"") && good.2.contains("<ins>"), "\(good.2)")
        }
    }

    @Test func aSecretaryOfTheBranchConfirmsADelegatesDraftAndNoOtherCan() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let delegate = try await Browser.logIn(client, "del1")
            _ = try await delegate.post(client, Self.amend, [("mode", "wording"), ("wording", "In point 3, after 'Band 7' insert 'or above'."), ("action", "submit")])
            let confirm = "/motions/\(WebFixture.lxp)-a1/confirm"
            #expect(try await delegate.post(client, confirm, []).0 == .forbidden)
            let leeds = try await Browser.logIn(client, "sec2")
            #expect(!(try await leeds.get(client, "/motions/\(WebFixture.lxp)").1.contains("class=\"confirm\"")))
            #expect(try await leeds.post(client, confirm, []).0 == .forbidden)
            let camden = try await Browser.logIn(client, "sec1")
            #expect(try await camden.get(client, "/motions/\(WebFixture.lxp)").1.contains("<form class=\"confirm\" method=\"post\" action=\"\(confirm)\">"))
            #expect(try await camden.post(client, confirm, [], token: "f00d").0 == .forbidden, "a form without its token")
            #expect(try await camden.post(client, confirm, []).0 == .seeOther)
            // A secretary's own amendment is submitted at once.
            _ = try await camden.post(client, Self.amend, [("mode", "wording"), ("wording", "In point 3, after 'Band 7' insert 'at least'."), ("action", "submit")])
        }
        let store = try AppContext(currentDirectory: fixture.root)
        #expect(try store.resolve("\(WebFixture.lxp)-a1").revision?.status == .submitted)
        #expect(try store.resolve("\(WebFixture.lxp)-a2").revision?.status == .submitted)
    }

    @Test func manySubmissionsAtOnceEachGetTheirOwnNumber() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let secretary = try await Browser.logIn(client, "sec1")
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 1...12 {
                    group.addTask {
                        try await secretary.post(client, Self.amend, [("mode", "wording"), ("wording", "In point 3, after 'Band 7' insert 'or \(n)'."), ("action", "submit")]).0
                    }
                }
                for try await status in group { #expect(status == .seeOther) }
            }
        }
        let amendments = try SQLiteStore.open(at: "\(fixture.root)/.motion/store.sqlite").latestAmendments(to: WebFixture.lxp)
        #expect(amendments.map(\.motionID) == (1...12).map { "\(WebFixture.lxp)-a\($0)" }, "gapless, none lost")
        let wordings = try Set(amendments.map { try AppContext(currentDirectory: fixture.root).resolve($0.reference).amendment().wording })
        #expect(wordings.count == 12)
    }
}
