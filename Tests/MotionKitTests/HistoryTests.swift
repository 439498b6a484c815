import Foundation
import Testing
@testable import MotionKit

/// A workspace's working files joined to its store (save, status, restore, set-status, the
/// history archive), on a real SQLite file in a temporary folder.
@Suite struct HistoryTests {
    @Test func initMakesTheWorkspaceAndIsSafeToRepeat() throws {
        let root = try TestSupport.temporaryDirectory()
        let first = try WorkspaceSetup.initialize(at: root)
        #expect(first.created.contains(".motion/store.sqlite"))
        #expect(FileIO.isDirectory("\(root)/motions"))
        #expect(FileIO.fileExists("\(root)/templates/profiles/unison-health.yaml"))
        try TestSupport.write("name: generic\nmotion-word-limit: 9\n", to: "\(root)/templates/profiles/generic.yaml")
        let second = try WorkspaceSetup.initialize(at: root)
        #expect(second.alreadyExisted && second.created.isEmpty)
        #expect(try TestSupport.read("\(root)/templates/profiles/generic.yaml").contains("9"))
    }

    @Test func savesNumberedContentAddressedRevisions() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        let first = try #require(try history.save(path, author: "Ann", message: "First"))
        #expect(first.reference == "pay@1" && first.parent == nil && first.author == "Ann")
        #expect(try history.save(path, author: "Ann", message: "again") == nil)
        _ = try TestSupport.writeMotion(history, body: "A changed fact.")
        let second = try #require(try history.save(path, author: "Bo", message: "Second"))
        #expect(second.number == 2 && second.parent == 1)
        _ = try TestSupport.writeMotion(history)
        let third = try #require(try history.save(path, author: "Cy", message: "Back"))
        #expect(third.number == 3 && third.hash == first.hash)
        #expect(first.hash == SHA256.hex(try history.store.text(of: first)))
        #expect(try history.store.log("pay").map(\.number) == [3, 2, 1])
    }

    @Test func layoutChangesAreNotRevisions() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history, body: "A fact\nwrapped over lines.")
        _ = try history.save(path, author: "A", message: "")
        _ = try TestSupport.writeMotion(history, body: "A fact wrapped over lines.")
        #expect(try history.save(path, author: "A", message: "") == nil)
        #expect(try history.status().map(\.state) == [.unchanged])
    }

    @Test func referencesResolveByNumberTagAndLatest() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        let first = try #require(try history.save(path, author: "A", message: ""))
        _ = try TestSupport.writeMotion(history, body: "Changed.")
        _ = try history.save(path, author: "A", message: "")
        try history.store.tag(first, as: "submitted")
        #expect(try history.store.revision("pay", .tag("submitted")).number == 1)
        #expect(try history.store.revision("pay", .latest).number == 2)
        #expect(try history.store.revision("pay", .number(1)).tags == ["submitted"])
        #expect(throws: StoreError.self) { try history.store.tag(try history.store.revision("pay", .latest), as: "submitted") }
        try history.store.tag(try history.store.revision("pay", .latest), as: "submitted", force: true)
        #expect(try history.store.revision("pay", .tag("submitted")).number == 2)
    }

    @Test(arguments: [("pay", true), ("pay@3", true), ("pay@latest", true), ("pay@as-amended", true), ("motions/pay.md", true),
                      ("Pay", false), ("pay@", false), ("pay@0", false), ("@3", false), ("pay@a b", false)])
    func parsesReferences(text: String, valid: Bool) {
        #expect(((try? RevisionReference(parsing: text)) != nil) == valid)
    }

    @Test(arguments: [("pay", RevisionReference.stored(id: "pay", .latest)), ("pay@3", .stored(id: "pay", .number(3))),
                      ("pay@latest", .stored(id: "pay", .latest)), ("pay@as-amended", .stored(id: "pay", .tag("as-amended"))),
                      ("motions/pay.md", .file("motions/pay.md")), ("draft.txt", .file("draft.txt")),
                      ("draft.txt@2", .file("draft.txt@2")), ("@x.md", .file("@x.md")), ("a/pay@3", .file("a/pay@3"))])
    func referencesKeepTheirParts(text: String, reference: RevisionReference) throws {
        #expect(try RevisionReference(parsing: text) == reference)
    }

    @Test func statusSeesNewModifiedUnchangedMissingAndUnreadable() throws {
        let history = try TestSupport.historyWorkspace()
        _ = try history.save(try TestSupport.writeMotion(history, id: "same"), author: "A", message: "")
        _ = try history.save(try TestSupport.writeMotion(history, id: "edited"), author: "A", message: "")
        _ = try history.save(try TestSupport.writeMotion(history, id: "gone"), author: "A", message: "")
        _ = try TestSupport.writeMotion(history, id: "edited", body: "New words.")
        try FileManager.default.removeItem(atPath: history.workspace.workingFile(for: "gone"))
        _ = try TestSupport.writeMotion(history, id: "fresh")
        try TestSupport.write("---\nid: broken\nstatus: nope\n---\n", to: history.workspace.workingFile(for: "broken"))
        let states = Dictionary(uniqueKeysWithValues: try history.status().map { ($0.id, $0.state) })
        #expect(states == ["same": .unchanged, "edited": .modified, "gone": .missing, "fresh": .new, "broken": .unreadable])
    }

    @Test func setStatusRecordsARevisionAndTouchesOnlyTheStatusLine() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        _ = try history.save(path, author: "A", message: "")
        // An unsaved edit in the working file must survive.
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "A fact.", with: "An unsaved\nedit."), to: path)
        let revision = try #require(try history.setStatus("pay", to: .submitted, author: "A", message: "").revision)
        #expect(revision.number == 2 && revision.status == .submitted && revision.message == "Status: draft -> submitted")
        let text = try TestSupport.read(path)
        #expect(text.contains("status: submitted\n") && text.contains("An unsaved\nedit."))
        #expect(try history.store.text(of: revision).contains("A fact."))
    }

    @Test func setStatusKeepsCRLFAndByteOrderMarkAndWarnsWithoutFrontMatter() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        let crlf = "\u{FEFF}" + (try TestSupport.read(path)).replacingOccurrences(of: "\n", with: "\r\n")
        try TestSupport.write(crlf, to: path)
        _ = try history.save(path, author: "A", message: "")
        #expect(try history.setStatus("pay", to: .carried, author: "A", message: "").warning == nil)
        let bytes = try FileIO.readBytes(path)
        #expect(bytes.starts(with: Array("\u{FEFF}---\r\n".utf8)))
        #expect(String(decoding: bytes, as: UTF8.self).contains("status: carried\r\n"))
        // The next save records the status the file now states: nothing is undone.
        _ = try history.save(path, author: "A", message: "")
        #expect(try history.store.revision("pay", .latest).status == .carried)

        let bare = history.workspace.workingFile(for: "bare")
        try TestSupport.write("# Bare motion\n\n## Conference resolves\n\n1. Act.\n", to: bare)
        _ = try history.save(bare, author: "A", message: "")
        let change = try history.setStatus("bare", to: .submitted, author: "A", message: "")
        #expect(change.revision?.status == .submitted)
        #expect(change.warning?.contains("no front matter") == true)
    }

    @Test func restoreRefusesToLoseUnsavedWork() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        let first = try #require(try history.save(path, author: "A", message: ""))
        _ = try TestSupport.writeMotion(history, body: "Second.")
        _ = try history.save(path, author: "A", message: "")
        try history.restore(first, force: false)
        #expect(try TestSupport.read(path) == (try history.store.text(of: first)))
        try TestSupport.write("precious unsaved text", to: path)
        #expect { try history.restore(first, force: false) } throws: { ($0 as? StoreError)?.reason == .unsavedChanges }
        #expect(try TestSupport.read(path) == "precious unsaved text")
        try history.restore(first, force: true)
        #expect(try TestSupport.read(path) == (try history.store.text(of: first)))
    }

    @Test func workingFilesMustLiveInMotionsAndMatchTheirID() throws {
        let history = try TestSupport.historyWorkspace()
        let outside = "\(history.workspace.root)/pay.md"
        try TestSupport.write(TestSupport.motionText(front: "id: pay\n"), to: outside)
        #expect { try history.save(outside, author: "A", message: "") } throws: { ($0 as? StoreError)?.reason == .badWorkingFile }
        let misnamed = history.workspace.workingFile(for: "other")
        try TestSupport.write(TestSupport.motionText(front: "id: pay\n"), to: misnamed)
        #expect { try history.save(misnamed, author: "A", message: "") } throws: {
            ($0 as? StoreError)?.message.contains("its id is 'pay' but the file is named 'other.md'") == true
        }
    }

    @Test func historyExportsAndImportsExactly() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        let first = try #require(try history.save(path, author: "Ann", message: "First"))
        _ = try TestSupport.writeMotion(history, body: "Changed.")
        _ = try history.save(path, author: "Bo", message: "Second")
        try history.store.tag(first, as: "submitted")
        _ = try history.setStatus("pay", to: .carried, author: "Cy", message: "")
        _ = try history.save(try TestSupport.writeMotion(history, id: "other"), author: "Di", message: "")

        let folder = try TestSupport.temporaryDirectory() + "/export"
        _ = try HistoryArchive.export(history.store, to: folder)
        let target = try SQLiteStore.open(at: try TestSupport.temporaryDirectory() + "/s.sqlite", create: true)
        _ = try HistoryArchive.importHistory(from: folder, into: target)
        for id in ["pay", "other"] {
            #expect(try target.log(id) == (try history.store.log(id)))
            for revision in try target.log(id) {
                #expect(try target.text(of: revision) == (try history.store.text(of: revision)))
            }
        }
        #expect(try target.fsck().isClean)
        // Importing twice would duplicate history: refused, and nothing is written.
        #expect(throws: StoreError.self) { _ = try HistoryArchive.importHistory(from: folder, into: target) }
        // A changed export file is caught before anything is written.
        let fresh = try SQLiteStore.open(at: try TestSupport.temporaryDirectory() + "/t.sqlite", create: true)
        try TestSupport.write("tampered", to: "\(folder)/pay/0001.md")
        #expect { _ = try HistoryArchive.importHistory(from: folder, into: fresh) } throws: { ($0 as? StoreError)?.reason == .damaged }
        #expect(try fresh.latestRevisions().isEmpty)
    }

}

import GRDB
