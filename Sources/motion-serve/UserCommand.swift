import ArgumentParser
import Foundation
import MotionKit
import MotionWeb

/// `motion user`: the accounts that log in to `motion serve`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and remove the accounts that log in to motion serve.",
        discussion: """
            Roles: a delegate reads and drafts amendments; a secretary submits amendments for \
            their branch and confirms their delegates' drafts; the office sets statuses and \
            merges. Passwords are read from standard input, never from the command line (which \
            other users of the machine can see), and kept only as bcrypt hashes.

            Examples:
              motion user add sam --role secretary --branch "Camden Branch"
              printf '%s\\n' "$PASSWORD" | motion user add office --role office
              motion user list
              motion user passwd sam
              motion user remove sam
            """,
        subcommands: [Add.self, List.self, Remove.self, Passwd.self])

    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp("The store whose accounts these are, instead of the workspace's: a store file or a PostgreSQL address (also MOTION_STORE).", valueName: "path"))
        var store: String?

        func accounts() throws -> any AccountStore {
            try AccountStores.open(for: AppContext(storeOption: store))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; its password is read from standard input.")
        @Argument(help: "The name to log in with (letters, digits, '.', '-', '_').") var name: String
        @Option(help: "delegate, secretary or office.") var role: Role
        @Option(help: "The branch they act for: their amendments' submitted-by.") var branch: String?
        @OptionGroup var options: Options

        func validate() throws {
            guard Account.isValidName(name) else { throw ValidationError("'\(name)' is not a valid name: use letters, digits, '.', '-' and '_' (up to 64)") }
            if role != .office, branch == nil { throw ValidationError("a \(role.rawValue) acts for a branch: add --branch \"Camden Branch\"") }
        }

        func run() throws {
            try reporting {
                let accounts = try options.accounts()
                let password = try PasswordPrompt.read("Password for \(name): ")
                try accounts.add(Account(name: name, role: role, branch: branch), passwordHash: Passwords.hash(password))
                print("added \(name) (\(role.rawValue)\(branch.map { ", \($0)" } ?? ""))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var options: Options

        func run() throws {
            try reporting {
                let all = try options.accounts().accounts()
                if all.isEmpty { print("no accounts yet; 'motion user add NAME --role office' adds one") }
                for account in all { print("\(account.name)\t\(account.role.rawValue)\t\(account.branch ?? "")") }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account and end its sessions.")
        @Argument var name: String
        @OptionGroup var options: Options

        func run() throws {
            try reporting {
                try options.accounts().remove(name)
                print("removed \(name)")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password (from standard input) and end its sessions.")
        @Argument var name: String
        @OptionGroup var options: Options

        func run() throws {
            try reporting {
                let accounts = try options.accounts()
                guard try accounts.account(named: name) != nil else { throw AccountError("no account '\(name)'; 'motion user list' shows them") }
                try accounts.setPasswordHash(Passwords.hash(try PasswordPrompt.read("New password for \(name): ")), for: name)
                print("password set for \(name); their sessions have ended")
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// Runs an account command; what it cannot do is said as the command line says it, with the
/// exit status the command line gives (65: bad data, 69: no workspace or store).
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as AccountError {
        FileHandle.standardError.write(Data("motion: error: \(error.description)\n".utf8))
        throw ExitCode(error.unavailable ? 69 : 65)
    } catch let error as any MotionKitError {
        FileHandle.standardError.write(Data("motion: error: \(error.description)\n".utf8))
        throw ExitCode(error.category == .missingInput ? 66 : error.category == .unavailable ? 69 : 65)
    }
}

/// A password from standard input: typed without echo at a terminal, else the first line.
enum PasswordPrompt {
    static func read(_ prompt: String) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) != 0 {
            guard let typed = getpass(prompt) else { throw AccountError("no password given") }
            password = String(cString: typed)
        } else {
            guard let line = Swift.readLine(strippingNewline: true) else { throw AccountError("no password on standard input: printf '%s\\n' \"$PASSWORD\" | motion user ...") }
            password = line
        }
        try Passwords.check(password)
        return password
    }
}
