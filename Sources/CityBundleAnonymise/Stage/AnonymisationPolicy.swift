public import CityBundlePipeline
import Foundation

/// A source's anonymisation settings turned into what the stage needs: actions per field, the
/// detectors to run, the pseudonym key.
public struct AnonymisationPolicy: Sendable {
    public let settings: AnonymisationSettings
    /// Fields mapped to CityBundle's standard properties (name, height, …): kept unless a policy says otherwise.
    public let standardFields: Set<String>
    let actions: [String: FieldAction]
    let maskKinds: Set<PIIKind>
    let dropKinds: Set<PIIKind>
    let key: PseudonymKey?

    /// Builds the policy; loads the pseudonym key when a field needs one (from the environment
    /// variable or key file, never from the pipeline file).
    public init(settings: AnonymisationSettings, standardFields: Set<String>) throws {
        self.settings = settings
        self.standardFields = standardFields
        var actions: [String: FieldAction] = [:]
        for (name, policy) in settings.fields { actions[name] = Self.action(policy) }
        self.actions = actions
        var mask = Set(PIIKind.allCases)
        var drop: Set<PIIKind> = []
        for (name, policy) in settings.detectors {
            guard let kind = Self.kind(name) else { continue }
            switch policy {
            case .mask: break
            case .drop:
                mask.remove(kind)
                drop.insert(kind)
            case .off: mask.remove(kind)
            }
        }
        maskKinds = mask
        dropKinds = drop
        if actions.values.contains(.pseudonymise) {
            key = try PseudonymKey.load(
                environment: settings.keyEnvironment ?? "CITYBUNDLE_PSEUDONYM_KEY", file: settings.keyFile)
        } else {
            key = nil
        }
    }

    /// The action for `field`: its policy; keep for standard fields; otherwise keep only when the
    /// source keeps unlisted fields (deny by default).
    func action(for field: String) -> FieldAction {
        if let action = actions[field] { return action }
        if standardFields.contains(field) { return .keep }
        return settings.keepUnlisted == true ? .keep : .drop
    }

    static func action(_ policy: FieldPolicy) -> FieldAction {
        switch policy {
        case .keep: .keep
        case .drop: .drop
        case .pseudonymise: .pseudonymise
        case .mask: .mask
        case .roundTo(let step): .generalise(.roundNumber(step: step))
        case .dateToMonth: .generalise(.dateToMonth)
        case .dateToYear: .generalise(.dateToYear)
        case .addressToDistrict: .generalise(.addressToDistrict)
        }
    }

    /// The detector for a pipeline-file name such as `resident_id`.
    static func kind(_ name: String) -> PIIKind? {
        let compact = name.replacingOccurrences(of: "_", with: "").lowercased()
        return PIIKind.allCases.first { $0.rawValue.lowercased() == compact }
    }
}
