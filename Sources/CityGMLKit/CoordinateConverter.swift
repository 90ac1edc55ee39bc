import CityBundleModel
import GDALKit

/// Converts positions written in a GML `srsName` (authority axis order) to WGS 84 longitude,
/// latitude and height, caching one PROJ operation per srsName. Not thread-safe.
final class CoordinateConverter {
    /// One CRS's operation and whether its first two axes come swapped in GML.
    private struct Entry {
        var operation: CoordinateOperation
        var swapsAxes: Bool
    }

    private var entries: [String: Entry] = [:]

    /// Converts `positions` (in `srsName`'s authority axis order) in place to WGS 84 (lon, lat, h);
    /// heights pass through unchanged. Throws a message for the caller to wrap with a location.
    func convert(_ positions: inout [Position], srsName: String) throws(ConversionFailure) {
        let entry = try self.entry(for: srsName)
        if entry.swapsAxes {
            for index in positions.indices {
                positions[index] = Position(positions[index].y, positions[index].x, positions[index].z)
            }
        }
        do {
            try entry.operation.transform(&positions)
        } catch {
            let position = positions[error.index]
            throw ConversionFailure(
                message: "cannot transform (\(position.x), \(position.y)) from \(srsName) to WGS 84")
        }
    }

    private func entry(for srsName: String) throws(ConversionFailure) -> Entry {
        if let cached = entries[srsName] { return cached }
        let definition = SRSName.definition(srsName)
        do {
            let reference = try SpatialReference(definition: definition)
            let operation = try CoordinateOperation(source: reference, areaOfInterest: nil)
            let entry = Entry(operation: operation, swapsAxes: reference.authorityOrderSwapsFirstTwoAxes)
            entries[srsName] = entry
            return entry
        } catch {
            throw ConversionFailure(message: "unsupported srsName '\(srsName)' (\(definition)): \(error)")
        }
    }
}
