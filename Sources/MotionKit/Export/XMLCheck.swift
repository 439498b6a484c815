import CLibXML2

/// Reads XML safely to check it: no network, no external entities or DTDs loaded, entities not
/// substituted. Templates come from users; reading them must not reach outside the machine.
enum XMLCheck {
    /// Nil when `text` is well-formed; else libxml2's message.
    static func problem(in text: String) -> String? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let length = Int32(text.utf8.count)
        return text.withCString { pointer -> String? in
            guard let document = xmlReadMemory(pointer, length, "template.xml", "UTF-8", options) else {
                if let error = xmlGetLastError(), let message = error.pointee.message {
                    return String(cString: message).trimmingWhitespace
                }
                return "it cannot be parsed"
            }
            defer { xmlFreeDoc(document) }
            // A DOCTYPE declares entities that can reach other files or expand without end, and
            // Word parts never carry one: refused, not copied into a document.
            if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
                return "it declares a DOCTYPE (and so may declare entities); Word parts have none: remove the <!DOCTYPE ...> declaration"
            }
            return nil
        }
    }
}
