/// The stable names of the rules ``GeoJSONStructureChecker`` reports (``StructureIssue/rule``).
///
/// `json.*` rules are about the JSON text (RFC 8259), `geojson.*` rules about GeoJSON structure
/// (RFC 7946 and RFC 8142). The severity each rule is reported with is given in brackets.
public enum StructureRule {
    /// [error] The text is not JSON; checking stops at the reported place.
    public static let syntax = "json.syntax"
    /// [error] A `NaN`, `Infinity` or `-Infinity` literal: not JSON (checking goes on).
    public static let nonFiniteNumber = "json.non-finite-number"
    /// [error] A number literal too large for a Double (it would read as ±infinity).
    public static let numberOverflow = "json.number-overflow"
    /// [error] A number literal longer than ``JSONLimits/maxNumberLength``.
    public static let numberTooLong = "json.number-too-long"
    /// [error] A string longer than ``JSONLimits/maxStringBytes``.
    public static let stringTooLong = "json.string-too-long"
    /// [error] An object key longer than ``JSONLimits/maxKeyBytes``.
    public static let keyTooLong = "json.key-too-long"
    /// [error] Arrays and objects nested deeper than ``JSONLimits/maxDepth``; checking stops.
    public static let depthLimit = "json.depth-limit"
    /// [error] One feature (or top-level object) needs more than ``JSONLimits/maxFeatureBytes``; it is skipped.
    public static let featureTooLarge = "json.feature-too-large"
    /// [warning] The file starts with a UTF-8 byte order mark (RFC 8259 §8.1 forbids adding one).
    public static let byteOrderMark = "json.bom"
    /// [error] A string holds bytes that are not UTF-8.
    public static let invalidUTF8 = "json.invalid-utf8"
    /// [error] A string holds a raw control character (U+0000–U+001F) that must be escaped.
    public static let controlCharacter = "json.control-character"
    /// [warning] A `\u` escape names half of a surrogate pair without the other half.
    public static let loneSurrogate = "json.lone-surrogate"
    /// [error] An object has the same member name twice (readers disagree on which value wins).
    public static let duplicateKey = "json.duplicate-key"

    /// [error] The root JSON value is not an object.
    public static let rootNotObject = "geojson.root-not-object"
    /// [error] A GeoJSON object has no `type` member.
    public static let typeMissing = "geojson.type-missing"
    /// [error] A `type` member is not a string.
    public static let typeNotString = "geojson.type-not-string"
    /// [error] A `type` differs from a GeoJSON type only in case (`featurecollection`).
    public static let typeCase = "geojson.type-case"
    /// [error] A `type` is not one of the nine GeoJSON types.
    public static let typeUnknown = "geojson.type-unknown"
    /// [error] A required member (`features`, `geometry`, `properties`, `coordinates`, `geometries`) is missing.
    public static let memberMissing = "geojson.member-missing"
    /// [error] A GeoJSON member has the wrong JSON type (`properties` an array, `features` an object…).
    public static let memberType = "geojson.member-type"
    /// [error] A member that changes GeoJSON semantics sits on the wrong object (RFC 7946 §7.1).
    public static let memberNotAllowed = "geojson.member-not-allowed"
    /// [error] An element of `features` is not a JSON object.
    public static let featureNotObject = "geojson.feature-not-object"
    /// [error] An element of `features` has a `type` other than `Feature`.
    public static let featureType = "geojson.feature-type"
    /// [error] A `geometry` member or `geometries` element holds a Feature or FeatureCollection.
    public static let geometryType = "geojson.geometry-type"
    /// [error] A Feature `id` is neither a string nor a number.
    public static let idType = "geojson.id-type"
    /// [error] A number stands where the coordinates need an array: they need one more level of nesting.
    public static let coordinatesNesting = "geojson.coordinates-nesting"
    /// [error] A string, boolean, null or object stands where the coordinates need an array.
    public static let coordinatesElement = "geojson.coordinates-element"
    /// [error] A position holds something other than a number.
    public static let positionElement = "geojson.position-element"
    /// [error] A position has fewer than 2 numbers.
    public static let positionTooShort = "geojson.position-too-short"
    /// [warning] A position has more than 3 numbers (RFC 7946 §3.1.1: SHOULD NOT).
    public static let positionTooLong = "geojson.position-too-long"
    /// [error] A LineString (or MultiLineString part) has fewer than 2 positions.
    public static let lineTooShort = "geojson.line-too-short"
    /// [error] A linear ring has fewer than 4 positions.
    public static let ringTooShort = "geojson.ring-too-short"
    /// [error] A linear ring's first and last positions differ.
    public static let ringNotClosed = "geojson.ring-not-closed"
    /// [warning] An exterior ring is clockwise or a hole counter-clockwise (RFC 7946 §3.1.6).
    public static let winding = "geojson.winding"
    /// [warning] A geometry's `coordinates` is an empty array (readers MAY treat it as null).
    public static let emptyCoordinates = "geojson.empty-coordinates"
    /// [error] An element of a GeometryCollection's `geometries` is not a geometry object.
    public static let geometriesElement = "geojson.geometries-element"
    /// [warning] A GeometryCollection with one member (RFC 7946 §3.1.8: SHOULD avoid).
    public static let geometryCollectionSingle = "geojson.geometrycollection-single"
    /// [warning] A GeometryCollection inside another (RFC 7946 §3.1.8: SHOULD avoid).
    public static let geometryCollectionNested = "geojson.geometrycollection-nested"
    /// [error] A `bbox` member is not an array.
    public static let bboxType = "geojson.bbox-type"
    /// [error] A `bbox` element is not a number.
    public static let bboxElement = "geojson.bbox-element"
    /// [error] A `bbox` does not have 4 (2D) or 6 (3D) numbers.
    public static let bboxLength = "geojson.bbox-length"
    /// [error] A `bbox` has south > north or a minimum elevation above the maximum.
    public static let bboxOrder = "geojson.bbox-order"
    /// [warning] A `crs` member: RFC 7946 removed it (coordinates are always WGS 84).
    public static let crs = "geojson.crs"

    /// Every rule name above.
    public static let all: [String] = [
        syntax, nonFiniteNumber, numberOverflow, numberTooLong, stringTooLong, keyTooLong, depthLimit,
        featureTooLarge, byteOrderMark, invalidUTF8, controlCharacter, loneSurrogate, duplicateKey,
        rootNotObject, typeMissing, typeNotString, typeCase, typeUnknown, memberMissing, memberType,
        memberNotAllowed, featureNotObject, featureType, geometryType, idType, coordinatesNesting,
        coordinatesElement, positionElement, positionTooShort, positionTooLong, lineTooShort, ringTooShort,
        ringNotClosed, winding, emptyCoordinates, geometriesElement, geometryCollectionSingle,
        geometryCollectionNested, bboxType, bboxElement, bboxLength, bboxOrder, crs,
    ]
}
