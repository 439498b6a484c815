import Foundation
import Testing
@testable import MotionKit

/// The application layer's context: where a command runs, and what it opens once.
@Suite struct AppContextTests {
    func context() throws -> (AppContext, String) {
        let root = try TestSupport.temporaryDirectory()
        _ = try WorkspaceSetup.initialize(at: root)
        return (AppContext(storeOption: nil, environment: ["MOTION_AUTHOR": "Ann"], currentDirectory: root), root)
    }

    @Test func theStoreIsOpenedOncePerContext() throws {
        let (context, _) = try context()
        #expect(try context.store() === (try context.store()))
        #expect(try context.history().store === (try context.store()))
        #expect(try AppContext(currentDirectory: context.currentDirectory).store() !== (try context.store()), "a new context is a new request")
    }

    @Test func referencesResolveToFilesAndRevisions() throws {
        let (context, root) = try context()
        let path = "\(root)/motions/pay.md"
        try TestSupport.write(TestSupport.motionText(front: "id: pay\ntitle: Sample motion\n"), to: path)
        let saved = try context.save([], author: nil, message: "")
        #expect(saved.saved.map(\.reference) == ["pay@1"] && saved.saved.first?.author == "Ann" && saved.failures.isEmpty)
        let stored = try context.resolve("pay")
        #expect(stored.label == "pay@1" && stored.revision?.number == 1)
        let file = try context.resolve(path)
        let fileMotion = try file.motion(), storedMotion = try stored.motion()
        #expect(file.label == path && file.revision == nil && fileMotion == storedMotion)
        #expect { try context.resolve("\(root)/nosuch.md") } throws: { ($0 as? any MotionKitError)?.category == .missingInput }
        #expect { try context.resolve("pay@7") } throws: { ($0 as? any MotionKitError)?.category == .missingInput }
        #expect { try context.resolve("Not An Id") } throws: { ($0 as? any MotionKitError)?.category == .usage }
        #expect { try context.storedRevision(path, refusal: "no files") } throws: { ($0 as? ApplicationError)?.message == "no files" }
    }

    @Test func outsideAWorkspaceTheStoreIsMissingInput() throws {
        let context = AppContext(storeOption: nil, environment: [:], currentDirectory: try TestSupport.temporaryDirectory())
        #expect { try context.store() } throws: { ($0 as? StoreError)?.reason == .noWorkspace && ($0 as? StoreError)?.category == .missingInput }
        // A password in the address is refused and never repeated; without one, the address is named.
        #expect { try AppContext(storeOption: "postgres://office:s3cret@db/motions", environment: [:], currentDirectory: "/").store() } throws: {
            ($0 as? StoreError)?.message.contains("s3cret") == false && ($0 as? StoreError)?.message.contains("holds a password") == true
        }
        #expect { try AppContext(storeOption: "postgres://office@db/motions", environment: [:], currentDirectory: "/").store() } throws: {
            ($0 as? StoreError)?.message.contains("postgres://office@db:5432/motions") == true
        }
        // A database has no folder for files beside it (the server's accounts): said as plainly.
        #expect { try AppContext(storeOption: "postgres://office@db/motions", environment: [:], currentDirectory: "/").fileBesideStore("accounts.sqlite") } throws: {
            ($0 as? StoreError)?.message.contains("cannot use a PostgreSQL store (") == true
        }
    }

    /// Every error a command can meet has a category, so every front-end can answer it.
    @Test func amendmentErrorsArePlacedAtTheirFileAndLine() throws {
        let error = AmendmentError(.anchorMissing, line: 7, "instruction 2 (line 7): 'x' does not occur in point 2")
        let located = error.located(at: "a1.md")
        #expect(located.description == "a1.md:7: error: instruction 2 (line 7): 'x' does not occur in point 2" && located.category == .badData)
        #expect(FileError(path: "x", errno: ENOENT, doing: "opening it", access: .read).category == .missingInput)
        #expect(FileError(path: "x", errno: ENOENT, doing: "creating it", access: .write).category == .cannotCreate)
        #expect(FileError(path: "x", errno: ENOSPC, doing: "writing it", access: .write).category == .io)
    }
}
