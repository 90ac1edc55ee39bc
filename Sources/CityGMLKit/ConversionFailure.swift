/// Why ``CoordinateConverter`` could not convert.
struct ConversionFailure: Error {
    var message: String
}
