import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// An amendment to an amendment on the web: shown on the motion, its own changes in a second colour.
@Suite struct SubAmendmentPageTests {
    @Test func aSubAmendmentIsShownOnTheMotionInASecondColour() async throws {
        let fixture = try WebFixture(publicRead: true)
        let context = AppContext(currentDirectory: fixture.root)
        let amendment = """
            ---
            id: lxp-a1
            kind: amendment
            amends: \(WebFixture.lxp)
            submitted-by: Mental Health Branch
            status: submitted
            ---

            In point 2, after 'Produce' insert 'model'.

            Add a new point 7: 'Report on progress to the executive every six months.'

            """
        let subAmendment = """
            ---
            id: lxp-a1-1
            kind: amendment
            amends: lxp-a1
            submitted-by: Leeds Branch
            status: submitted
            ---

            In paragraph 2, delete 'every six months' and replace with 'every quarter'.

            """
        for (name, text) in [("lxp-a1", amendment), ("lxp-a1-1", subAmendment)] {
            try text.write(toFile: "\(fixture.root)/motions/\(name).md", atomically: true, encoding: .utf8)
            #expect(try context.save(["\(fixture.root)/motions/\(name).md"], author: "Sam", message: "Submitted").failures.isEmpty)
        }
        let lxp = WebFixture.lxp
        try await fixture.test { client in
            try await client.execute(uri: "/motions/lxp-a1-1", method: .get) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/motions/\(lxp)?show=lxp-a1-1\">Show in the motion as tracked changes</a>"))
            }
            try await client.execute(uri: "/motions/\(lxp)?show=lxp-a1-1", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Produce <ins>model </ins>bargaining"), "\(page)")
                #expect(page.contains("<ins>Report on progress to the executive every </ins><ins><del class=\"second\" title=\"Leeds Branch (lxp-a1-1)\">six months</del></ins><ins class=\"second\" title=\"Leeds Branch (lxp-a1-1)\">quarter</ins>"), "\(page)")
            }
            // An amendment to the motion itself is shown as before.
            try await client.execute(uri: "/motions/\(lxp)?show=lxp-a1", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("six months") && !page.contains("class=\"second\""), "\(page)")
            }
        }
    }
}
