/// What a template is given: strings, flags, named fields, lists, and parts that many pages share.
///
/// Typed rather than `[String: Any]`, so the memo reads a page's shape with a `switch`, not a
/// dynamic cast for every value, and an object's fields are kept sorted by name as they are made.
/// Mustache itself is given `mustache`, the same value as dictionaries and arrays.
enum TemplateValue: Sendable {
    case string(String)
    case flag(Bool)
    case object(TemplateObject)
    case list([TemplateValue])
    case shared(SharedContext)

    /// The value as swift-mustache reads it.
    var mustache: Any {
        switch self {
        case .string(let text): text
        case .flag(let flag): flag
        case .object(let object): object.mustache
        case .list(let items): items.map(\.mustache)
        case .shared(let shared): shared.value.mustache
        }
    }
}

/// Named values, sorted by name, each name once: the context of one template.
struct TemplateObject: Sendable {
    private(set) var fields: [(name: String, value: TemplateValue)]

    init(_ fields: KeyValuePairs<String, TemplateValue>) {
        self.fields = fields.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    /// Sets the field `name`, keeping the fields sorted.
    subscript(name: String) -> TemplateValue? {
        get { fields.first { $0.name == name }?.value }
        set {
            let index = fields.firstIndex { $0.name >= name } ?? fields.endIndex
            let present = index < fields.endIndex && fields[index].name == name
            switch (newValue, present) {
            case (let value?, true): fields[index].value = value
            case (let value?, false): fields.insert((name, value), at: index)
            case (nil, true): fields.remove(at: index)
            case (nil, false): break
            }
        }
    }

    var mustache: [String: Any] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value.mustache) })
    }
}
