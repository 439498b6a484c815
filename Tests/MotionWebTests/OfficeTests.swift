import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// The office's pages: statuses, amendments shown in the motion one at a time or together with
/// their conflicts, and carried amendments merged with the office choosing which falls.
@Suite struct OfficeTests {
    static let motion = "/motions/\(WebFixture.lxp)"

    /// Two amendments that change the same words, and one that does not.
    static func submitThree(_ client: some TestClientProtocol) async throws {
        let secretary = try await Browser.logIn(client, "sec1")
        for wording in ["In point 3, after 'Band 7' insert 'or above'.", "In point 3, delete 'Band 7' and insert 'Band 8'.",
                        "In point 6, after 'conference' insert 'and to branches'."] {
            #expect(try await secretary.post(client, "\(motion)/amend", [("mode", "wording"), ("wording", wording), ("action", "submit")]).0 == .seeOther)
        }
    }

    @Test func onlyTheOfficeSetsStatuses() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let delegate = try await Browser.logIn(client, "del1")
            #expect(!(try await delegate.get(client, Self.motion).1.contains("id=\"status\"")))
            let refused = try await delegate.post(client, "\(Self.motion)/status", [("status", "carried")])
            #expect(refused.0 == .forbidden && refused.2.contains("only the conference office"))
            let office = try await Browser.logIn(client, "office1")
            #expect(try await office.get(client, Self.motion).1.contains("<form id=\"status\" class=\"inline\" method=\"post\" action=\"\(Self.motion)/status\">"))
            #expect(try await office.post(client, "\(Self.motion)/status", [("status", "admitted")], token: "00").0 == .forbidden)
            let set = try await office.post(client, "\(Self.motion)/status", [("status", "admitted")])
            #expect(set.0 == .seeOther)
            let unknown = try await office.post(client, "\(Self.motion)/status", [("status", "maybe")])
            #expect(unknown.0 == .badRequest && unknown.2.contains("unknown status &#39;maybe&#39;"))
        }
        #expect(try AppContext(currentDirectory: fixture.root).resolve(WebFixture.lxp).revision?.status == .admitted)
    }

    @Test func amendmentsShowAsTrackedChangesOneAtATimeOrTogetherWithConflictsMarked() async throws {
        try await WebFixture().test { client in
            try await Self.submitThree(client)
            let reader = try await Browser.logIn(client, "del1")
            let one = try await reader.get(client, "\(Self.motion)?show=\(WebFixture.lxp)-a2").1
            #expect(one.contains("<del>Band 7</del><ins>Band 8</ins>") || one.contains("<del>7</del><ins>8</ins>"), "\(one)")
            let all = try await reader.get(client, "\(Self.motion)?show=all").1
            #expect(all.contains("<ins>or above </ins>") || all.contains("<ins> or above</ins>") || all.contains("or above"), "\(all)")
            #expect(all.contains("and to branches"))
            #expect(all.contains("<p class=\"conflict\"><strong>Amendment 2 to"), "the second clashes with the first: \(all)")
            // And the clash is marked where the two meet: at point 3, which both change.
            #expect(all.contains(#/<li><span class="marker">3\.</span>[^\n]*<strong class="conflict-here">Amendment 2 to [^<]* would also change this/#), "\(all)")
            #expect(try await reader.get(client, "\(Self.motion)?show=nothing").0 == .notFound)
        }
    }

    @Test func theOfficeMergesCarriedAmendmentsChoosingWhichFalls() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await Self.submitThree(client)
            let office = try await Browser.logIn(client, "office1")
            for n in 1...3 { _ = try await office.post(client, "/motions/\(WebFixture.lxp)-a\(n)/status", [("status", "carried")]) }
            let form = try await office.get(client, "\(Self.motion)/merge").1
            #expect(form.contains("value=\"\(WebFixture.lxp)-a1\" checked") && form.contains("value=\"\(WebFixture.lxp)-a3\" checked"))
            let all = (1...3).map { ("amendment", "\(WebFixture.lxp)-a\($0)") }
            let clash = try await office.post(client, "\(Self.motion)/merge", all + [("action", "save")])
            #expect(clash.0 == .conflict, "nothing is saved while two clash")
            #expect(clash.2.contains("<div class=\"conflict\"><p><strong>\(WebFixture.lxp)-a2</strong>"), "\(clash.2)")
            let chosen = [("amendment", "\(WebFixture.lxp)-a1"), ("amendment", "\(WebFixture.lxp)-a3")]
            let preview = try await office.post(client, "\(Self.motion)/merge", chosen + [("action", "preview")])
            #expect(preview.0 == .ok && preview.2.contains("<div class=\"tracked amended\">") && !preview.2.contains("value=\"\(WebFixture.lxp)-a2\" checked"))
            let saved = try await office.post(client, "\(Self.motion)/merge", chosen + [("action", "save")])
            #expect(saved.0 == .seeOther && saved.1 == Self.motion)
            let delegate = try await Browser.logIn(client, "del1")
            #expect(try await delegate.post(client, "\(Self.motion)/merge", chosen + [("action", "save")]).0 == .forbidden)
        }
        let merged = try AppContext(currentDirectory: fixture.root).resolve(WebFixture.lxp)
        #expect(merged.revision?.status == .carriedAsAmended && merged.revision?.author == "office1")
        #expect(merged.text.contains("Band 7 or above") && merged.text.contains("and to branches"))
    }

    @Test func historyComparesAndDownloads() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            try await Self.submitThree(client)
            let office = try await Browser.logIn(client, "office1")
            _ = try await office.post(client, "/motions/\(WebFixture.lxp)-a1/status", [("status", "carried")])
            _ = try await office.post(client, "\(Self.motion)/merge", [("amendment", "\(WebFixture.lxp)-a1"), ("action", "save")])
            let history = try await office.get(client, "\(Self.motion)/history").1
            #expect(history.contains("<td>office1</td>") && history.contains("<td>First draft</td>") && history.contains("<form id=\"compare\""))
            let inline = try await office.get(client, "\(Self.motion)/compare?from=1&to=2&view=inline").1
            #expect(inline.contains("<ins>or above </ins>") || inline.contains("or above</ins>"), "\(inline)")
            let side = try await office.get(client, "\(Self.motion)/compare?from=1&to=2&view=side").1
            #expect(side.contains("<table class=\"side-by-side\">") && side.contains("<th scope=\"col\">\(WebFixture.lxp)@1</th>"))
            #expect(try await office.get(client, "\(Self.motion)/compare?from=1").0 == .badRequest)
            for (uri, type) in [("\(Self.motion)/download?format=docx", "wordprocessingml"), ("\(Self.motion)/download?format=md&rev=1", "markdown"),
                                ("\(Self.motion)/download?format=docx&rev=2&changes-from=1", "wordprocessingml"),
                                ("/motions/\(WebFixture.lxp)-a2/download?format=docx", "wordprocessingml"), ("/paper?format=md", "markdown")] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: office.cookie]) { response in
                    #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
                    #expect(response.headers[.contentType]?.contains(type) == true, "\(uri)")
                    #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=") == true)
                }
            }
            #expect(try await office.get(client, "\(Self.motion)/download?format=pdf").0 == .badRequest)
        }
    }
}
