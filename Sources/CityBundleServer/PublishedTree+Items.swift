import CityBundlePublish

/// One STAC Item of a bundle's latest version, with the server folder its relative hrefs start from.
struct PublishedItem: Sendable {
    /// The bundle id.
    let bundle: String
    /// The layer the item describes.
    let layer: LayerSummary
    /// The item as published (`items/<layer>.json`).
    let object: [String: JSONValue]
    /// The server path of the item's folder (`/wuhan/2026.11.25/items/`).
    let directory: String

    /// The item id.
    var id: String {
        if case .string(let id)? = object["id"] { return id }
        return layer.id
    }

    /// The item's bbox, else the layer's.
    var bbox: [Double] {
        if case .array(let values)? = object["bbox"] {
            let numbers = values.compactMap { value -> Double? in
                switch value {
                case .double(let number): number
                case .int(let number): Double(number)
                default: nil
                }
            }
            if numbers.count == 4 || numbers.count == 6 { return numbers }
        }
        return layer.bbox
    }
}

extension PublishedTree {
    /// The STAC Items of the newest published version of `bundle`, in layer order.
    func latestItems(_ bundle: String) -> [PublishedItem] {
        guard let record = latestRecord(bundle) else { return [] }
        return record.layers.compactMap { layer in
            guard case .object(let object)? = json("\(bundle)/\(layer.item)") else { return nil }
            let folder = layer.item.split(separator: "/").dropLast().joined(separator: "/")
            return PublishedItem(
                bundle: bundle, layer: layer, object: object,
                directory: "/\(bundle)/" + (folder.isEmpty ? "" : folder + "/"))
        }
    }
}
