/// Where the parts of a fixed-line number lie, in scalar offsets.
struct LandlineLayout: Equatable {
    /// The offset just past the area code (and its closing parenthesis, if any).
    var areaCodeEnd: Int
    /// The offset just past the local number.
    var localEnd: Int
    /// The offset just past the extension, or `localEnd` when there is none.
    var end: Int
}
