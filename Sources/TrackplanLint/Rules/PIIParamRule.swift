import Foundation
import TrackplanCore
import TrackplanFormat

/// `pii-param`: parameters that would send personal data to GA4.
public struct PIIParamRule: Rule {
    public static let description = RuleDescription(
        id: "pii-param", severity: .error,
        summary: "No parameter sends personal data: names like `email`, `phone`, `first_name`, `cpf` or `ip_address` (in English, Portuguese, Spanish, French, German), and allowed values that are e-mail addresses or phone numbers.",
        rationale: """
        Google Analytics' terms forbid sending personally identifiable information, and a property \
        that receives it can have its data deleted. A parameter named after personal data almost \
        always ends up carrying it. Send an opaque id or a category instead (`has_email`, \
        `contact_method`), or hash it on the server where the law and your policy allow.
        """,
        triggering: [
            .plan("events:\n  newsletter_signup:\n    stage: decision\n    params:\n      ↓user_email: {type: string}\n"),
            .plan("events:\n  lead_submit:\n    stage: decision\n    params:\n      ↓telefone: {type: string}\n      ↓cpf: {type: string}\n"),
            .plan("events:\n  contact_submit:\n    stage: decision\n    params:\n      channel: {type: string, values: [chat, ↓ana@example.com]}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  newsletter_signup:\n    stage: decision\n    params:\n      has_email: {type: boolean}\n      contact_method: {type: string, values: [email, phone]}\n      email_opt_in: {type: boolean}\n"),
        ])

    public init() {}

    /// Words that name personal data, by language; a parameter whose words include one is flagged.
    static let personalWords: Set<String> = [
        // English
        "email", "e-mail", "mail", "phone", "telephone", "mobile", "cellphone", "firstname", "lastname", "fullname", "surname",
        "address", "street", "zipcode", "postcode", "ssn", "passport", "birthdate", "dob", "ip", "ipaddress", "iban",
        // Portuguese
        "telefone", "celular", "cpf", "rg", "nome", "sobrenome", "endereco", "endereço", "cep", "nascimento",
        // Spanish
        "correo", "telefono", "teléfono", "nombre", "apellido", "apellidos", "direccion", "dirección", "dni", "nie", "rut", "curp", "rfc",
        // French and German
        "courriel", "prenom", "prénom", "nom", "adresse", "telefonnummer", "vorname", "nachname", "anschrift",
    ]
    /// Two-word names that name personal data (`first_name`, `user_name`, `ip_address`).
    static let personalPairs: Set<[String]> = [
        ["first", "name"], ["last", "name"], ["full", "name"], ["user", "name"], ["customer", "name"], ["ip", "address"],
        ["street", "address"], ["home", "address"], ["postal", "code"], ["zip", "code"], ["date", "of", "birth"],
        ["birth", "date"], ["phone", "number"], ["social", "security"], ["credit", "card"], ["card", "number"],
    ]
    /// Words that make a personal-data word harmless: a flag or a kind, not the data itself.
    static let harmless: Set<String> = [
        "has", "is", "opt", "optin", "opted", "method", "type", "kind", "channel", "consent", "verified", "valid", "domain",
        "count", "provided", "entered", "field", "format", "length", "status", "hash", "hashed", "sha256",
    ]

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        // Plans repeat parameter names across events: each name is split into words once.
        var wordByName: [String: String?] = [:]
        // `described` and `path` are built only for a finding.
        func scan(_ param: Param, described: () -> String, path: () -> EntityPath) {
            let personal: String?
            if let known = wordByName[param.name] {
                personal = known
            } else {
                personal = Self.personalWord(in: param.name)
                wordByName[param.name] = .some(personal)
            }
            if let word = personal {
                results.append(finding("\(described()) looks like personal data (`\(word)`); GA4's terms forbid sending it",
                                       at: param.span, path: path(),
                                       hint: "send a flag or a category instead (`has_\(word)`, `contact_method`), or remove the parameter"))
            }
            for value in param.values ?? [] {
                guard case .string(let text) = value.value, let kind = Self.personalValue(text) else { continue }
                results.append(finding("allowed value `\(text)` of `\(param.name)` is \(kind); GA4's terms forbid sending personal data",
                                       at: value.span, path: path(), hint: "list categories, not people's data"))
            }
        }
        for param in plan.sharedParams { scan(param, described: { "shared parameter `\(param.name)`" }, path: { EntityPath(["shared_params", param.name]) }) }
        for property in plan.userProperties { scan(property, described: { "user property `\(property.name)`" }, path: { EntityPath(["user_properties", property.name]) }) }
        for event in plan.events {
            for param in event.params {
                scan(param, described: { "parameter `\(param.name)` of `\(event.name)`" }, path: { event.path.param(param.name) })
            }
        }
        return results
    }

    /// The personal-data word `name` is built on, unless a harmless word makes it a flag or kind.
    static func personalWord(in name: String) -> String? {
        let words = NameWords.split(name)
        if words.contains(where: harmless.contains) { return nil }
        for length in [3, 2] where words.count >= length {
            for start in 0...(words.count - length) where personalPairs.contains(Array(words[start..<(start + length)])) {
                return words[start..<(start + length)].joined(separator: "_")
            }
        }
        if let word = words.first(where: personalWords.contains) { return word }
        let compact = words.joined()
        return personalWords.contains(compact) ? compact : nil
    }

    /// "an e-mail address" or "a phone number" when `text` holds one (``PersonalData``, shared
    /// with `verify`).
    static func personalValue(_ text: String) -> String? { PersonalData.kind(in: text) }
}
